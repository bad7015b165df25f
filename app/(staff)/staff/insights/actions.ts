"use server";

import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { api } from "@/server/api/server-caller";
import { DomainError } from "@/server/domain/errors";

const codeOf = (error: unknown) => (error instanceof TRPCError ? (error.cause instanceof DomainError ? error.cause.code : error.code === "BAD_REQUEST" ? "invalid" : error.code.toLowerCase()) : "unknown");
const text = (form: FormData, key: string) => String(form.get(key) ?? "").trim();

async function run(done: string, call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    redirect(`/staff/insights?error=${codeOf(error)}#experiments`);
  }
  redirect(`/staff/insights?done=${done}#experiments`);
}

export async function startExperimentAction(form: FormData) {
  const kind = text(form, "kind");
  await run("started", async () =>
    (await api()).staff.experiments.start({
      creditorId: text(form, "creditorId"),
      kind: kind === "letter_wording" || kind === "reminder_days" ? kind : "due_day",
      armA: kind === "letter_wording" ? "standard" : text(form, "armA"),
      armB: kind === "letter_wording" ? "brief" : text(form, "armB"),
    }),
  );
}

export async function stopExperimentAction(form: FormData) {
  await run("stopped", async () => (await api()).staff.experiments.stop({ experimentId: text(form, "experimentId"), winner: text(form, "winner") === "b" ? "b" : "a" }));
}

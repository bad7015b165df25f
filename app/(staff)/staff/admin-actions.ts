"use server";

import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { api } from "@/server/api/server-caller";
import { DomainError } from "@/server/domain/errors";

const codeOf = (error: unknown) => (error instanceof TRPCError ? (error.cause instanceof DomainError ? error.cause.code : error.code === "BAD_REQUEST" ? "invalid" : error.code.toLowerCase()) : "unknown");
const text = (form: FormData, key: string) => String(form.get(key) ?? "").trim();

async function run(path: string, done: string, call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    redirect(`${path}?error=${codeOf(error)}`);
  }
  redirect(`${path}?done=${done}`);
}

/** Kronor as typed ("1 500", "150,50") to öre. */
function toOre(value: string): number {
  const clean = value.replace(/\s|kr/gi, "").replace(",", ".");
  return /^\d+(\.\d{1,2})?$/.test(clean) ? Math.round(Number(clean) * 100) : Number.NaN;
}

export async function saveTemplateAction(form: FormData) {
  const id = text(form, "id");
  await run("/staff/templates", "saved", async () =>
    (await api()).staff.templates.save({ ...(id ? { id } : {}), name: text(form, "name"), bodySv: text(form, "bodySv"), bodyEn: text(form, "bodyEn"), active: form.get("active") === "on" }),
  );
}

export async function updatePolicyAction(form: FormData) {
  await run("/staff/policies", "saved", async () =>
    (await api()).staff.policies.update({
      creditorId: text(form, "creditorId"),
      expectedVersion: Number(text(form, "version")),
      minInstalmentOre: toOre(text(form, "minInstalment")),
      maxPlanMonths: Number(text(form, "maxPlanMonths")),
      chargePlanFee: form.get("chargePlanFee") === "on",
      allowPlanPause: form.get("allowPlanPause") === "on",
      replyBankDays: Number(text(form, "replyBankDays")),
      note: text(form, "note"),
    }),
  );
}

export async function addStaffAction(form: FormData) {
  const role = text(form, "role");
  await run("/staff/users", "added", async () => (await api()).staff.users.add({ personalNumber: text(form, "personalNumber"), name: text(form, "name"), role: role === "admin" || role === "supervisor" ? role : "agent" }));
}

export async function updateStaffAction(form: FormData) {
  const role = text(form, "role");
  const active = text(form, "active");
  await run("/staff/users", "changed", async () =>
    (await api()).staff.users.update({ staffUserId: text(form, "staffUserId"), ...(role === "agent" || role === "supervisor" || role === "admin" ? { role } : {}), ...(active ? { active: active === "yes" } : {}) }),
  );
}

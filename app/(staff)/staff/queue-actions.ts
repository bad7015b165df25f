"use server";

import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { itemHref } from "@/components/staff/item-href";
import { api } from "@/server/api/server-caller";
import { DomainError } from "@/server/domain/errors";

const codeOf = (error: unknown) => (error instanceof TRPCError && error.cause instanceof DomainError ? error.cause.code : "unknown");

/** Takes an item (assigned to me) and opens it. */
export async function takeItemAction(form: FormData) {
  const parsed = z.object({ workItemId: z.string().uuid(), debtorId: z.string().uuid().or(z.literal("")), kind: z.string() }).safeParse({ workItemId: form.get("workItemId"), debtorId: form.get("debtorId") ?? "", kind: form.get("kind") });
  if (!parsed.success) redirect("/staff?error=unknown");
  try {
    await (await api()).staff.queue.assign({ workItemId: parsed.data.workItemId, to: "me" });
  } catch (error) {
    redirect(`/staff?error=${codeOf(error)}`);
  }
  redirect(itemHref({ id: parsed.data.workItemId, debtorId: parsed.data.debtorId || null, kind: parsed.data.kind }));
}

/** Gives an item to another member of staff, or back to nobody; returns to where it was done. */
export async function assignItemAction(form: FormData) {
  const parsed = z
    .object({ workItemId: z.string().uuid(), to: z.string().uuid().or(z.literal("nobody")), back: z.string().regex(/^\/staff(\/[\w/-]*)?(\?[\w=&%-]*)?$/) })
    .safeParse({ workItemId: form.get("workItemId"), to: form.get("to"), back: form.get("back") ?? "/staff" });
  if (!parsed.success) redirect("/staff?error=unknown");
  const sep = parsed.data.back.includes("?") ? "&" : "?";
  try {
    await (await api()).staff.queue.assign({ workItemId: parsed.data.workItemId, to: parsed.data.to === "nobody" ? null : parsed.data.to });
  } catch (error) {
    redirect(`${parsed.data.back}${sep}error=${codeOf(error)}`);
  }
  redirect(`${parsed.data.back}${sep}done=assigned`);
}

"use server";

import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { api } from "@/server/api/server-caller";
import { DomainError } from "@/server/domain/errors";
import { SUPPORT_NEED_KINDS } from "@/server/modules/workplace/actions";

const codeOf = (error: unknown) => (error instanceof TRPCError ? (error.cause instanceof DomainError ? error.cause.code : error.code === "BAD_REQUEST" ? "invalid" : error.code.toLowerCase()) : "unknown");
const uuid = z.string().uuid();

function back(form: FormData, extra: Record<string, string>) {
  const debtorId = uuid.parse(form.get("debtorId"));
  const item = form.get("item");
  const params = new URLSearchParams({ ...(typeof item === "string" && uuid.safeParse(item).success ? { item } : {}), ...extra });
  return `/staff/debtors/${debtorId}?${params}#${extra.form ?? "top"}`;
}

/** Runs one staff procedure for a form on the debtor screen and comes back saying how it went. */
async function run(form: FormData, name: string, call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    redirect(back(form, { error: codeOf(error), form: name }));
  }
  redirect(back(form, { done: name, form: name }));
}

const text = (form: FormData, key: string) => String(form.get(key) ?? "").trim();

export async function addNoteAction(form: FormData) {
  const caseId = text(form, "caseId");
  await run(form, "note", async () => (await api()).staff.debtors.addNote({ debtorId: uuid.parse(form.get("debtorId")), caseId: caseId || null, body: text(form, "body") }));
}

export async function placeHoldAction(form: FormData) {
  await run(form, "hold", async () => (await api()).staff.cases.placeHold({ caseId: uuid.parse(form.get("caseId")), days: Number(text(form, "days")), reason: text(form, "reason") }));
}

export async function liftHoldAction(form: FormData) {
  await run(form, "lift", async () => (await api()).staff.cases.liftHold({ holdId: uuid.parse(form.get("holdId")) }));
}

/** Kronor as typed ("1 500", "1500,50") to öre. */
function toOre(value: string): number {
  const clean = value.replace(/\s|kr/gi, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return Number.NaN;
  return Math.round(Number(clean) * 100);
}

export async function recordPromiseAction(form: FormData) {
  await run(form, "promise", async () => (await api()).staff.cases.recordPromise({ caseId: uuid.parse(form.get("caseId")), amountOre: toOre(text(form, "amount")), dueOn: text(form, "dueOn") }));
}

export async function setSupportNeedAction(form: FormData) {
  const kind = z.enum(SUPPORT_NEED_KINDS).catch("other").parse(form.get("kind"));
  await run(form, "support", async () => (await api()).staff.debtors.setSupportNeed({ debtorId: uuid.parse(form.get("debtorId")), kind, detail: text(form, "detail") }));
}

export async function clearSupportNeedAction(form: FormData) {
  await run(form, "support", async () => (await api()).staff.debtors.clearSupportNeed({ debtorId: uuid.parse(form.get("debtorId")) }));
}

export async function decidePlanAction(form: FormData) {
  const decision = text(form, "decision");
  await run(form, "plan", async () => (await api()).staff.plans.decide({ planId: uuid.parse(form.get("planId")), approve: decision === "approve", note: text(form, "note") }));
}

export async function counterOfferAction(form: FormData) {
  await run(form, "counter", async () => (await api()).staff.plans.counterOffer({ planId: uuid.parse(form.get("planId")), months: Number(text(form, "months")), note: text(form, "note") }));
}

export type RevealState = { value: string | null; error: string | null; reason: string };

/** "Visa": the full personal number or the support need's detail, with a reason (both audited). */
export async function revealAction(_state: RevealState, form: FormData): Promise<RevealState> {
  const debtorId = uuid.safeParse(form.get("debtorId"));
  const reason = text(form, "reason");
  if (!debtorId.success) return { value: null, error: "unknown", reason };
  if (reason.length < 3) return { value: null, error: "reason", reason };
  try {
    if (form.get("what") === "support") {
      const need = await (await api()).staff.debtors.readSupportNeed({ debtorId: debtorId.data, reason });
      return { value: `${need.kind}${need.detail ? `: ${need.detail}` : ""}`, error: null, reason };
    }
    const { personalNumber } = await (await api()).staff.debtors.revealNumber({ debtorId: debtorId.data, reason });
    return { value: personalNumber, error: null, reason };
  } catch (error) {
    return { value: null, error: codeOf(error), reason };
  }
}

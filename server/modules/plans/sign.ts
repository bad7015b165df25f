import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { bankidOrders, caseEvents, cases, charges, debtors, instalmentPlans, instalments, outbox, planCases } from "../../db/schema";
import { reminderAt, reminderExpiresAt } from "../../domain/outreach";
import { cancelQueuedMessages, enqueueMessages } from "../outreach/enqueue";
import { addDays, todayInStockholm } from "../../domain/calendar";
import { DomainError } from "../../domain/errors";
import { FEE_RULES } from "../../domain/fees";
import type { BankIdClient } from "../../integrations/bankid/client";
import { recordAudit } from "../audit/record";
import { hashBinding } from "../bankid-login/binding";
import { startBankIdOrder, type StartLimits } from "../bankid-login/start-order";

/** Starts the BankID signature of a plan that waits for it; the text signed is the plan's own. */
export async function startPlanSigning(
  db: Db,
  client: BankIdClient,
  input: { debtorId: string; planId: string; binding: string; ip: string; sameDevice: boolean; returnUrl?: string; limits: StartLimits; now: Date },
) {
  const [plan] = await db
    .select()
    .from(instalmentPlans)
    .where(and(eq(instalmentPlans.id, input.planId), eq(instalmentPlans.debtorId, input.debtorId)));
  if (!plan) throw new DomainError("plan_not_found");
  if (plan.status !== "awaiting_signature" || !plan.signedText) throw new DomainError("conflict_plan_not_awaiting_signature");
  const order = await startBankIdOrder(db, client, {
    kind: "sign",
    purpose: `plan:${plan.id}`,
    binding: input.binding,
    ip: input.ip,
    sameDevice: input.sameDevice,
    now: input.now,
    userVisibleText: plan.signedText,
    returnUrl: input.returnUrl,
    limits: input.limits,
  });
  await db.update(instalmentPlans).set({ bankidOrderId: order.orderId, updatedAt: input.now }).where(eq(instalmentPlans.id, plan.id));
  return order;
}

/**
 * Makes a signed plan binding: the BankID order must be this browser's, finished, for this plan and
 * signed by the debtor themself, and is used once. Then, in one transaction: the plan is active,
 * its fee is charged, its cases are "in a plan", a reminder is queued before and on each due date,
 * and it is logged on each case and in the audit trail.
 */
export async function completePlanSigning(db: Db, input: { debtorId: string; planId: string; orderId: string; binding: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .update(bankidOrders)
      .set({ consumedAt: input.now })
      .where(
        and(
          eq(bankidOrders.id, input.orderId),
          eq(bankidOrders.browserBindingHash, hashBinding(input.binding)),
          eq(bankidOrders.kind, "sign"),
          eq(bankidOrders.purpose, `plan:${input.planId}`),
          isNull(bankidOrders.consumedAt),
        ),
      )
      .returning();
    if (!order) throw new DomainError("bankid_order_not_found");
    if (order.status !== "complete" || !order.personalNumberHash) throw new DomainError("conflict_signature_not_complete");
    const [debtor] = await tx.select().from(debtors).where(eq(debtors.id, input.debtorId));
    if (!debtor || debtor.personalNumberHash !== order.personalNumberHash) throw new DomainError("forbidden_signed_by_someone_else");

    const [plan] = await tx
      .select()
      .from(instalmentPlans)
      .where(and(eq(instalmentPlans.id, input.planId), eq(instalmentPlans.debtorId, input.debtorId)))
      .for("update");
    if (!plan) throw new DomainError("plan_not_found");
    if (plan.status !== "awaiting_signature") throw new DomainError("conflict_plan_not_awaiting_signature");
    if (order.userVisibleText !== plan.signedText) throw new DomainError("conflict_signed_text_differs");

    const today = todayInStockholm(input.now);
    if (plan.replacesPlanId) {
      // The changed plan takes over: the old one ends and the new one becomes the live plan.
      await tx.update(instalmentPlans).set({ status: "cancelled", endedOn: today, updatedAt: input.now }).where(eq(instalmentPlans.id, plan.replacesPlanId));
      await tx.update(planCases).set({ live: 0 }).where(eq(planCases.planId, plan.replacesPlanId));
      await tx.update(planCases).set({ live: 1 }).where(eq(planCases.planId, plan.id));
    }
    const completion = (order.completion ?? {}) as { signature?: string } & Record<string, unknown>;
    await tx
      .update(instalmentPlans)
      .set({ status: "active", signature: completion.signature ?? null, signatureCompletion: completion, signedAt: input.now, updatedAt: input.now })
      .where(eq(instalmentPlans.id, plan.id));

    const caseIds = (await tx.select({ caseId: planCases.caseId }).from(planCases).where(eq(planCases.planId, plan.id))).map((r) => r.caseId);
    const caseRows = await tx.select().from(cases).where(inArray(cases.id, caseIds)).orderBy(asc(cases.dueDate), asc(cases.caseNumber));
    if (plan.feeOre > 0 && caseRows[0]) {
      await tx.insert(charges).values({ caseId: caseRows[0].id, kind: "plan_fee", amountOre: plan.feeOre, chargedOn: today, legalBasis: FEE_RULES.plan_fee.legalBasis });
    }
    await tx.update(cases).set({ status: "in_plan", updatedAt: input.now }).where(inArray(cases.id, caseIds));
    // The letters about the old due date are no longer needed.
    await cancelQueuedMessages(tx, inArray(outbox.caseId, caseIds));
    await tx.insert(caseEvents).values(caseRows.map((c) => ({ caseId: c.id, kind: "plan_signed", occurredOn: today, details: plan.id })));

    const schedule = await tx.select().from(instalments).where(eq(instalments.planId, plan.id)).orderBy(asc(instalments.seq));
    const caseId = caseRows[0]?.id ?? null;
    await enqueueMessages(tx, [
      { debtorId: input.debtorId, caseId, kind: "plan_confirmed", payload: { planId: plan.id, count: schedule.length, firstAmountOre: schedule[0]?.amountOre ?? 0, firstDueDate: schedule[0]?.dueDate ?? null }, dedupeKey: `plan:${plan.id}:confirmed`, scheduledFor: input.now },
      ...schedule.flatMap((i) => [
        { debtorId: input.debtorId, caseId, kind: "plan_reminder", payload: { planId: plan.id, seq: i.seq, dueDate: i.dueDate, amountOre: i.amountOre, when: "before" }, dedupeKey: `plan:${plan.id}:${i.seq}:before`, scheduledFor: reminderAt(addDays(i.dueDate, -3)), expiresAt: reminderExpiresAt(i.dueDate) },
        { debtorId: input.debtorId, caseId, kind: "plan_reminder", payload: { planId: plan.id, seq: i.seq, dueDate: i.dueDate, amountOre: i.amountOre, when: "due" }, dedupeKey: `plan:${plan.id}:${i.seq}:due`, scheduledFor: reminderAt(i.dueDate), expiresAt: reminderExpiresAt(i.dueDate) },
      ]),
    ]);
    await recordAudit(tx, { actorKind: "debtor", actorId: input.debtorId, action: "plan.signed", subjectKind: "plan", subjectId: plan.id, debtorId: input.debtorId, details: { months: plan.months, totalOre: plan.totalOre, bankidOrderId: order.id } });
    return { planId: plan.id };
  });
}

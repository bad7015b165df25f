import { randomUUID } from "node:crypto";
import { and, desc, eq, gte, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { deepLinkTokens, instalmentPlans, instalments, paymentRequests, planCases } from "../../db/schema";
import { todayInStockholm } from "../../domain/calendar";
import { DomainError } from "../../domain/errors";
import { splitOverCases } from "../../domain/payment-choice";
import { instructionUuid, SwishError } from "../../integrations/swish/client";
import { swishAmount } from "../../integrations/swish/types";
import { recordAudit } from "../audit/record";
import { caseState } from "../cases/case-state";
import { loadDebtorLedgers } from "../cases/load-ledgers";
import type { PaymentDeps } from "./clients";

export interface StartPaymentInput {
  debtorId: string;
  caseIds: string[];
  /** Null: everything the chosen cases have left. */
  amountOre: number | null;
  method: "swish" | "card";
  locale: "sv" | "en";
  now: Date;
  /** Paying one instalment of the debtor's plan: its cases, and by default what is left of it. */
  instalmentId?: string;
}

export interface StartedPayment {
  requestId: string;
  method: "swish" | "card";
  amountOre: number;
  /** Swish: the token that opens the payer's app. */
  swishToken: string | null;
  /** Card: the checkout page to send the payer to. */
  payUrl: string | null;
}

/** Swish's codes for requests the payer can fix, kept; anything else is "try again later". */
const SWISH_CODES: Record<string, string> = { RP06: "swish_already_open", ACMT03: "swish_not_enrolled", BE18: "swish_not_enrolled" };

/** The person's own message link opened within a session's length before now, if any (attribution). */
async function linkOpenedInSession(db: Db, debtorId: string, now: Date): Promise<string | null> {
  const [link] = await db
    .select({ id: deepLinkTokens.id })
    .from(deepLinkTokens)
    .where(and(eq(deepLinkTokens.debtorId, debtorId), gte(deepLinkTokens.lastOpenedAt, new Date(now.getTime() - SESSION_HOURS * 3_600_000))))
    .orderBy(desc(deepLinkTokens.lastOpenedAt))
    .limit(1);
  return link?.id ?? null;
}

const SESSION_HOURS = 4;

/**
 * Starts paying some of the debtor's cases by Swish or card: checks the amount against what they
 * owe, splits it over the cases (the one due first first), records the request, and asks the
 * provider for it. Nothing is booked here; money is booked when the provider confirms it.
 */
export async function startPayment(db: Db, deps: PaymentDeps, input: StartPaymentInput): Promise<StartedPayment> {
  const asOf = todayInStockholm(input.now);
  if (input.instalmentId) {
    const [row] = await db
      .select({ amountOre: instalments.amountOre, paidOre: instalments.paidOre, planId: instalments.planId })
      .from(instalments)
      .innerJoin(instalmentPlans, eq(instalmentPlans.id, instalments.planId))
      .where(and(eq(instalments.id, input.instalmentId), eq(instalmentPlans.debtorId, input.debtorId), inArray(instalmentPlans.status, ["active", "paused"])));
    if (!row) throw new DomainError("instalment_not_found");
    const planCaseIds = (await db.select({ caseId: planCases.caseId }).from(planCases).where(eq(planCases.planId, row.planId))).map((r) => r.caseId);
    input = { ...input, caseIds: planCaseIds, amountOre: input.amountOre ?? Math.max(1, row.amountOre - row.paidOre) };
  }
  const ledgers = (await loadDebtorLedgers(db, { debtorId: input.debtorId, asOf })).filter((l) => input.caseIds.includes(l.case.id));
  const deepLinkId = await linkOpenedInSession(db, input.debtorId, input.now);
  if (ledgers.length !== new Set(input.caseIds).size) throw new DomainError("case_not_found");
  // A disputed part is set aside: only the rest can be paid.
  const payable = ledgers.filter((l) => !["paid", "closed"].includes(caseState(l)) && l.payableOre > 0);
  if (payable.length === 0) throw new DomainError("nothing_to_pay");
  const cases = payable.map((l) => ({ id: l.case.id, leftOre: l.payableOre, dueDate: l.case.dueDate }));
  const amountOre = input.amountOre ?? cases.reduce((s, c) => s + c.leftOre, 0);
  const targets = splitOverCases(cases, amountOre);
  const caseNumbers = payable.filter((l) => targets.some((t) => t.caseId === l.case.id)).map((l) => l.case.caseNumber);
  const requestId = randomUUID();
  const statusUrl = `${deps.baseUrl}/payments/${requestId}`;

  if (input.method === "swish") {
    const externalId = instructionUuid();
    await db.transaction(async (tx) => {
      await tx.insert(paymentRequests).values({ id: requestId, debtorId: input.debtorId, targets, method: "swish", amountOre, externalId, instalmentId: input.instalmentId ?? null, deepLinkId });
      await recordAudit(tx, { actorKind: "debtor", actorId: input.debtorId, action: "payment.started", subjectKind: "payment_request", subjectId: requestId, debtorId: input.debtorId, details: { method: "swish", amountOre } });
    });
    try {
      const created = await deps.swish.createPaymentRequest(externalId, {
        payeePaymentReference: requestId.replaceAll("-", "").slice(0, 32),
        callbackUrl: `${deps.baseUrl}/api/webhooks/swish`,
        callbackIdentifier: requestId.replaceAll("-", ""),
        payeeAlias: deps.swishPayeeAlias,
        amount: swishAmount(amountOre),
        currency: "SEK",
        message: `Kvitt ${caseNumbers.join(" ")}`.slice(0, 50),
      });
      await db.update(paymentRequests).set({ token: created.paymentRequestToken ?? null }).where(eq(paymentRequests.id, requestId));
      return { requestId, method: "swish", amountOre, swishToken: created.paymentRequestToken ?? null, payUrl: null };
    } catch (error) {
      const code = error instanceof SwishError ? (error.errors[0]?.errorCode ?? `http_${error.httpStatus}`) : "unknown";
      await db.update(paymentRequests).set({ status: "error", errorCode: code, settledAt: input.now }).where(eq(paymentRequests.id, requestId));
      throw new DomainError(SWISH_CODES[code] ?? "payment_provider_unavailable", `Swish refused the request: ${code}`);
    }
  }

  let session;
  try {
    session = await deps.card.createCheckoutSession({
      amountOre,
      currency: "sek",
      reference: requestId,
      successUrl: `${statusUrl}?session={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${statusUrl}?cancelled=1`,
      description: `Kvitt ${caseNumbers.join(", ")}`,
      locale: input.locale,
      metadata: { requestId },
      idempotencyKey: requestId,
    });
  } catch (error) {
    throw new DomainError("payment_provider_unavailable", error instanceof Error ? error.message : "card checkout failed");
  }
  await db.transaction(async (tx) => {
    await tx.insert(paymentRequests).values({ id: requestId, debtorId: input.debtorId, targets, method: "card", amountOre, externalId: session.id, payUrl: session.url, instalmentId: input.instalmentId ?? null, deepLinkId });
    await recordAudit(tx, { actorKind: "debtor", actorId: input.debtorId, action: "payment.started", subjectKind: "payment_request", subjectId: requestId, debtorId: input.debtorId, details: { method: "card", amountOre } });
  });
  return { requestId, method: "card", amountOre, swishToken: null, payUrl: session.url };
}

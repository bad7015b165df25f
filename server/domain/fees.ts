import { DomainError } from "./errors";

export type FeeKind =
  | "reminder_fee"
  | "collection_fee"
  | "plan_fee"
  | "payment_order_application_fee"
  | "payment_order_legal_fee";

export interface FeeRule {
  /** The most the law allows, in öre. */
  capOre: number;
  /** The provision that allows the fee, as it is cited in Swedish. */
  legalBasis: string;
  /** Catalogue key of the sentence that explains the fee to the debtor (takes `{cap}`). */
  messageKey: string;
}

/**
 * Fees a consumer may be charged, their caps and the rule behind each, as found in public sources
 * (verify before production). Since 2013 the inkasso amounts are in the law itself, 4 § second
 * paragraph; Kronofogden's fee and the applicant's compensation have their own rules. Kept as
 * data so a change of law is a change of data.
 */
export const FEE_RULES: Record<FeeKind, FeeRule> = {
  reminder_fee: {
    capOre: 6000,
    legalBasis: "lag (1981:739) om ersättning för inkassokostnader m.m., 2 § och 4 § andra stycket 1",
    messageKey: "case.why.reminder_fee",
  },
  collection_fee: {
    capOre: 18000,
    legalBasis: "lag (1981:739) om ersättning för inkassokostnader m.m., 3 § 1 och 4 § andra stycket 2",
    messageKey: "case.why.collection_fee",
  },
  plan_fee: {
    capOre: 17000,
    legalBasis: "lag (1981:739) om ersättning för inkassokostnader m.m., 3 § 2 och 4 § andra stycket 3",
    messageKey: "case.why.plan_fee",
  },
  payment_order_application_fee: {
    capOre: 30000,
    legalBasis: "förordning (1992:1094) om avgifter vid Kronofogdemyndigheten, 1 §",
    messageKey: "case.why.payment_order_application_fee",
  },
  payment_order_legal_fee: {
    capOre: 38000,
    legalBasis: "lag (1990:746) om betalningsföreläggande och handräckning, 48 §",
    messageKey: "case.why.payment_order_legal_fee",
  },
};

export const FEE_KINDS = Object.keys(FEE_RULES) as FeeKind[];

/** Fees the law allows once per claim: one reminder, one collection demand, one plan. */
const ONCE_PER_CLAIM: ReadonlySet<FeeKind> = new Set(["reminder_fee", "collection_fee", "plan_fee"]);

/**
 * Förseningsersättning, 450 kr (lag 1981:739, 4 a §): only between businesses (or a business and
 * an authority), never charged to a consumer.
 */
export const LATE_PAYMENT_COMPENSATION_ORE = 45000;

/**
 * Refuses a fee the law does not allow; returns quietly when it may be charged. Codes:
 * "fee_invalid_amount" (not a positive whole number of öre), "fee_over_cap", "fee_not_allowed"
 * (a reminder fee not agreed when the debt arose; the business late fee for a consumer),
 * "fee_duplicate" (a second reminder, collection or plan fee on the same claim).
 */
export function checkFee(
  kind: FeeKind | "late_payment_compensation",
  amountOre: number,
  context: { consumer: boolean; reminderAgreed?: boolean; existingCharges: { kind: string }[] },
): void {
  if (!Number.isSafeInteger(amountOre) || amountOre <= 0) {
    throw new DomainError("fee_invalid_amount", "a fee is a positive whole number of öre", { kind, amountOre });
  }
  if (kind === "late_payment_compensation") {
    if (context.consumer) throw new DomainError("fee_not_allowed", "late-payment compensation never applies to consumers", { kind });
    if (amountOre > LATE_PAYMENT_COMPENSATION_ORE) {
      throw new DomainError("fee_over_cap", `${kind} is capped at ${LATE_PAYMENT_COMPENSATION_ORE} öre`, { kind, capOre: LATE_PAYMENT_COMPENSATION_ORE });
    }
    if (context.existingCharges.some((c) => c.kind === kind)) throw new DomainError("fee_duplicate", `${kind} may be charged once`, { kind });
    return;
  }
  const rule = FEE_RULES[kind];
  if (!rule) throw new DomainError("fee_not_allowed", `unknown fee ${String(kind)}`, { kind });
  if (amountOre > rule.capOre) throw new DomainError("fee_over_cap", `${kind} is capped at ${rule.capOre} öre`, { kind, capOre: rule.capOre });
  if (kind === "reminder_fee" && !context.reminderAgreed) {
    throw new DomainError("fee_not_allowed", "a reminder fee needs an agreement made when the debt arose", { kind });
  }
  if (ONCE_PER_CLAIM.has(kind) && context.existingCharges.some((c) => c.kind === kind)) {
    throw new DomainError("fee_duplicate", `${kind} may be charged once`, { kind });
  }
}

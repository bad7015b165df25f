import { DomainError } from "./errors";

export type FeeKind =
  | "reminder_fee"
  | "collection_fee"
  | "plan_fee"
  | "payment_order_application_fee"
  | "payment_order_legal_fee";

/**
 * Fees a consumer may be charged, their legal caps and the rule behind each. Amounts as found in
 * public sources (lag 1981:739 om ersättning för inkassokostnader m.m., förordning 1981:1057,
 * Kronofogden's fees); kept as data so a change of law is a change of data.
 */
export const FEE_RULES: Record<FeeKind, { capOre: number; legalBasis: string }> = {
  reminder_fee: { capOre: 6000, legalBasis: "lag (1981:739) om ersättning för inkassokostnader m.m., 2 §" },
  collection_fee: { capOre: 18000, legalBasis: "lag (1981:739) om ersättning för inkassokostnader m.m., 2 § och förordning (1981:1057), 2 §" },
  plan_fee: { capOre: 17000, legalBasis: "lag (1981:739) om ersättning för inkassokostnader m.m., 2 § och förordning (1981:1057), 3 §" },
  payment_order_application_fee: { capOre: 30000, legalBasis: "förordning (1992:1094) om avgifter vid Kronofogdemyndigheten, 7 §" },
  payment_order_legal_fee: { capOre: 38000, legalBasis: "förordning (1991:1339) om ersättning för kostnader i ärenden om betalningsföreläggande och handräckning, 2 §" },
};

export const FEE_KINDS = Object.keys(FEE_RULES) as FeeKind[];

/** The business-to-business late fee (förseningsersättning, 450 kr) is never charged to consumers. */
export const LATE_PAYMENT_COMPENSATION_ORE = 45000;

/** Refuses a fee the law does not allow: over its cap, a second reminder fee, or one not agreed. */
export function checkFee(
  kind: FeeKind | "late_payment_compensation",
  amountOre: number,
  context: { consumer: boolean; reminderAgreed?: boolean; existingCharges: { kind: string }[] },
): void {
  if (!Number.isSafeInteger(amountOre) || amountOre <= 0) throw new DomainError("fee_invalid_amount");
  if (kind === "late_payment_compensation") {
    if (context.consumer) throw new DomainError("fee_not_allowed", "late-payment compensation never applies to consumers");
    if (amountOre > LATE_PAYMENT_COMPENSATION_ORE) throw new DomainError("fee_over_cap");
    return;
  }
  const rule = FEE_RULES[kind];
  if (amountOre > rule.capOre) throw new DomainError("fee_over_cap", `${kind} is capped at ${rule.capOre} öre`, { capOre: rule.capOre });
  if (kind === "reminder_fee") {
    if (!context.reminderAgreed) throw new DomainError("fee_not_allowed", "a reminder fee needs an agreement when the debt arose");
  }
  if (kind === "reminder_fee" || kind === "collection_fee" || kind === "plan_fee") {
    if (context.existingCharges.some((c) => c.kind === kind)) throw new DomainError("fee_duplicate", `${kind} may be charged once`);
  }
}

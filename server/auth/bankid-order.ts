/** What a BankID order in this browser is for: signing in (a debtor or staff) or signing a plan. */
export type BankIdPurpose = "debtor" | "staff" | `plan:${string}`;

/** The order this browser waits for, between page loads: `<orderId>.<1 = this device>.<purpose>`. */
export const BANKID_ORDER_COOKIE = "kvitt-bankid-order";

/** The page that shows the order's progress. */
export function flowPath(purpose: BankIdPurpose): string {
  if (purpose === "staff") return "/staff/login";
  if (purpose === "debtor") return "/login";
  return `/plans/${purpose.slice(5)}/sign`;
}

/** The waiting order from the cookie, when it is one for this purpose. */
export function readOrderCookie(value: string | undefined, purpose: BankIdPurpose): { orderId: string; sameDevice: boolean } | null {
  const match = /^([0-9a-f-]{36})\.([01])\.(.+)$/.exec(value ?? "");
  if (!match || match[3] !== purpose) return null;
  return { orderId: match[1]!, sameDevice: match[2] === "1" };
}

import { isIsoDate } from "@/server/domain/calendar";

/** The dashboard's filters as they arrive in the address (a plain GET form), checked: only real dates. */
export function insightFiltersOf(q: Record<string, string | string[] | undefined>) {
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const from = one(q.from);
  const to = one(q.to);
  const creditor = one(q.creditor);
  const f = {
    ...(from && isIsoDate(from) ? { from } : {}),
    ...(to && isIsoDate(to) ? { to } : {}),
    ...(creditor && uuid.test(creditor) ? { creditorId: creditor } : {}),
  };
  // A range given backwards is read the right way round rather than refused.
  if (f.from && f.to && f.from > f.to) return { ...f, from: f.to, to: f.from };
  return f;
}

/** The audit view's filters as they arrive in the address (a plain GET form), checked. */
export function auditFiltersOf(q: Record<string, string | undefined>) {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const date = /^\d{4}-\d{2}-\d{2}$/;
  return {
    ...(q.staff && uuid.test(q.staff) ? { staffUserId: q.staff } : {}),
    ...(q.debtor && uuid.test(q.debtor) ? { debtorId: q.debtor } : {}),
    looksOnly: q.looks === "1",
    ...(q.action && /^[a-z_.]{1,60}$/.test(q.action) ? { action: q.action } : {}),
    ...(q.from && date.test(q.from) ? { from: q.from } : {}),
    ...(q.to && date.test(q.to) ? { to: q.to } : {}),
  };
}

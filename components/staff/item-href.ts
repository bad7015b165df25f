/** Where a queue item is worked: the person's screen, or the payments page for a payment nobody could place. */
export function itemHref(item: { id: string; debtorId: string | null; kind: string }): string {
  if (item.kind === "unmatched_payment" || !item.debtorId) return "/staff/payments";
  return `/staff/debtors/${item.debtorId}?item=${item.id}`;
}

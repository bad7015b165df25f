/** Where a queue item is worked: the person's screen, or the payments page for a payment nobody could place. */
export function itemHref(item: { id: string; debtorId: string | null; kind: string }): string {
  if (item.kind === "unmatched_payment" || !item.debtorId) return "/staff/payments";
  return `/staff/debtors/${item.debtorId}?item=${item.id}`;
}

/** The page where an item's own answer is given (a reply, a call's outcome, a decision), or null. */
export function answerHref(item: { kind: string; subjectId: string }): string | null {
  switch (item.kind) {
    case "message":
      return `/staff/talk/threads/${item.subjectId}`;
    case "callback":
      return `/staff/talk/callbacks/${item.subjectId}`;
    case "complaint":
    case "data_access":
      return `/staff/talk/requests/${item.subjectId}`;
    case "dispute":
      return `/staff/disputes/${item.subjectId}`;
    default:
      return null;
  }
}

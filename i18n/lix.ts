/**
 * LIX (läsbarhetsindex): words per sentence plus the share of long words (over six letters) in
 * per cent. Below 40 is easy to read; Kvitt's debtor texts aim at 35.
 */
export function lix(text: string): number {
  const plain = text.replace(/\{[^{}]*\}/g, "X").replace(/https?:\/\/\S+/g, "X");
  const words = plain.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  if (words.length === 0) return 0;
  const sentences = Math.max(1, (plain.match(/[.!?:]+(\s|$)/g) ?? []).length);
  const long = words.filter((w) => w.replace(/[^\p{L}]/gu, "").length > 6).length;
  return words.length / sentences + (100 * long) / words.length;
}

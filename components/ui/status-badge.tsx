const tones = {
  to_pay: "bg-brand-50 text-brand-800 border-brand-700",
  in_plan: "bg-brand-50 text-brand-800 border-brand-700",
  disputed: "bg-paper text-ink border-line",
  paid: "bg-brand-700 text-on-brand border-brand-700",
  closed: "bg-paper text-muted border-line",
} as const;

export function StatusBadge({ state, label }: { state: keyof typeof tones; label: string }) {
  return <span className={`inline-block shrink-0 whitespace-nowrap rounded-full border px-3 py-0.5 text-sm font-semibold ${tones[state]}`}>{label}</span>;
}

/** A line falling to zero: what is left after each month. Decorative; the table beside it has the facts. */
export function DebtFreeChart({ points, label }: { points: { date: string; leftOre: number }[]; label: string }) {
  const width = 340;
  const height = 160;
  const pad = 8;
  const max = Math.max(1, ...points.map((p) => p.leftOre));
  const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  const path = points
    .map((p, i) => `${i === 0 ? "M" : "L"}${(pad + i * step).toFixed(1)},${(pad + (1 - p.leftOre / max) * (height - 2 * pad)).toFixed(1)}`)
    .join(" ");
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="w-full h-auto">
      <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} stroke="currentColor" strokeOpacity="0.3" />
      <path d={path} fill="none" stroke="currentColor" strokeWidth="3" className="text-brand-700" />
    </svg>
  );
}

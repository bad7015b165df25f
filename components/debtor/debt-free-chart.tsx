interface Point {
  date: string;
  leftOre: number;
}

/**
 * What is left after each month, falling to zero: the person's amount as a solid line and, when
 * given, the smallest amount a month as a dashed one, so the time and interest saved can be seen.
 * The labels carry the start amount and the first and last month; the table beside it has the
 * facts month by month.
 */
export function DebtFreeChart({
  points,
  baseline,
  label,
  labels,
}: {
  points: Point[];
  baseline: Point[] | null;
  label: string;
  labels: { top: string; start: string; end: string; yours: string; baseline: string | null };
}) {
  const width = 340;
  const height = 160;
  const pad = 8;
  const lines = [points, ...(baseline ? [baseline] : [])];
  const max = Math.max(1, ...lines.flat().map((p) => p.leftOre));
  const longest = Math.max(...lines.map((l) => l.length));
  const step = longest > 1 ? (width - 2 * pad) / (longest - 1) : 0;
  const path = (line: Point[]) =>
    line.map((p, i) => `${i === 0 ? "M" : "L"}${(pad + i * step).toFixed(1)},${(pad + (1 - p.leftOre / max) * (height - 2 * pad)).toFixed(1)}`).join(" ");
  return (
    <figure className="space-y-1">
      <p aria-hidden="true" className="text-sm text-muted tabular">
        {labels.top}
      </p>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="w-full h-auto">
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} stroke="currentColor" strokeOpacity="0.3" />
        {baseline && <path d={path(baseline)} fill="none" stroke="currentColor" strokeWidth="2" strokeDasharray="6 5" className="text-muted" />}
        <path d={path(points)} fill="none" stroke="currentColor" strokeWidth="3" className="text-brand-700" />
      </svg>
      <p aria-hidden="true" className="flex justify-between text-sm text-muted">
        <span>{labels.start}</span>
        <span>{labels.end}</span>
      </p>
      <ul aria-hidden="true" className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
        <li className="flex items-center gap-2">
          <svg width="24" height="8" className="text-brand-700">
            <line x1="0" y1="4" x2="24" y2="4" stroke="currentColor" strokeWidth="3" />
          </svg>
          {labels.yours}
        </li>
        {labels.baseline && (
          <li className="flex items-center gap-2">
            <svg width="24" height="8" className="text-muted">
              <line x1="0" y1="4" x2="24" y2="4" stroke="currentColor" strokeWidth="2" strokeDasharray="6 5" />
            </svg>
            {labels.baseline}
          </li>
        )}
      </ul>
    </figure>
  );
}

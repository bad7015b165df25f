/**
 * A plan as a row of dated dots: filled when paid, a ring when still to pay. The same facts are
 * in the table beside it, so the picture itself is hidden from screen readers.
 */
export function PlanTimeline({ items, label }: { items: { seq: number; dueDate: string; paid: boolean; missed?: boolean }[]; label: string }) {
  const step = 28;
  const width = Math.max(step * items.length, step);
  return (
    // A long plan scrolls sideways; the region takes focus so it scrolls from the keyboard too.
    <figure className="overflow-x-auto" aria-label={label} tabIndex={items.length > 12 ? 0 : undefined}>
      <svg aria-hidden="true" width={width} height="44" viewBox={`0 0 ${width} 44`} className="text-brand-700">
        <line x1={step / 2} y1="14" x2={width - step / 2} y2="14" stroke="currentColor" strokeOpacity="0.3" strokeWidth="2" />
        {items.map((item, index) => (
          <g key={item.seq}>
            <circle
              cx={step / 2 + index * step}
              cy="14"
              r="8"
              fill={item.paid ? "currentColor" : "var(--color-paper)"}
              stroke={item.missed ? "var(--color-error)" : "currentColor"}
              strokeWidth="2.5"
            />
            <text x={step / 2 + index * step} y="40" textAnchor="middle" fontSize="10" fill="var(--color-muted)">
              {item.dueDate.slice(5, 7)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

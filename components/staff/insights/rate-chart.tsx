/** One bar of a chart: a share with its interval, or nothing to draw when there are too few cases. */
export interface ChartBar {
  label: string;
  rate: number;
  low: number;
  high: number;
  tooFew: boolean;
}

export interface ChartGroup {
  label: string;
  bars: ChartBar[];
}

const FILLS = ["var(--color-brand-100)", "var(--color-brand-600)", "var(--color-brand-800)"];
const WIDTH = 360;
const LABEL = 124;
const RIGHT = 12;
const BAR = 15;
const GAP = 14;

/**
 * A horizontal bar chart of shares drawn as SVG on the server: each group has one bar per measure
 * with its 95 % interval as a whisker; a group with too few cases gets the words instead of a bar.
 * No script runs in the browser. Screen readers get `summary` as the picture's name, and the
 * same figures are in the table that follows every chart.
 */
export function RateChart({ groups, summary, legend, tooFew }: { groups: ChartGroup[]; summary: string; legend: string[]; tooFew: string }) {
  const per = Math.max(1, legend.length);
  const groupHeight = per * BAR + GAP;
  const top = 8;
  const axis = top + groups.length * groupHeight;
  const height = axis + 24;
  const x = (v: number) => LABEL + v * (WIDTH - LABEL - RIGHT);
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} className="h-auto w-full max-w-lg" preserveAspectRatio="xMinYMin meet">
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={top - 4} y2={axis} stroke="var(--color-line)" strokeWidth={1} />
            <text x={x(v)} y={axis + 15} textAnchor={v === 0 ? "start" : v === 1 ? "end" : "middle"} fontSize={12} fill="var(--color-muted)">
              {Math.round(v * 100)} %
            </text>
          </g>
        ))}
        {groups.map((g, gi) => {
          const y0 = top + gi * groupHeight;
          return (
            <g key={g.label}>
              <text x={LABEL - 6} y={y0 + (per * BAR) / 2 + 5} textAnchor="end" fontSize={13} fill="var(--color-ink)">
                {g.label.length > 17 ? `${g.label.slice(0, 16)}…` : g.label}
              </text>
              {g.bars.every((b) => b.tooFew) && (
                <text x={x(0) + 4} y={y0 + (per * BAR) / 2 + 5} fontSize={13} fill="var(--color-muted)">
                  {tooFew}
                </text>
              )}
              {g.bars.map((b, bi) => {
                const y = y0 + bi * BAR;
                if (b.tooFew && g.bars.every((x) => x.tooFew)) return null;
                if (b.tooFew)
                  return (
                    <text key={bi} x={x(0) + 4} y={y + BAR - 3} fontSize={11} fill="var(--color-muted)">
                      {tooFew}
                    </text>
                  );
                return (
                  <g key={bi}>
                    <rect x={x(0)} y={y + 1} width={Math.max(1, x(b.rate) - x(0))} height={BAR - 2} fill={FILLS[bi % FILLS.length]} stroke="var(--color-brand-700)" strokeWidth={0.75} />
                    <line x1={x(b.low)} x2={x(b.high)} y1={y + BAR / 2} y2={y + BAR / 2} stroke="var(--color-ink)" strokeWidth={1.25} />
                    <line x1={x(b.low)} x2={x(b.low)} y1={y + 3} y2={y + BAR - 3} stroke="var(--color-ink)" strokeWidth={1.25} />
                    <line x1={x(b.high)} x2={x(b.high)} y1={y + 3} y2={y + BAR - 3} stroke="var(--color-ink)" strokeWidth={1.25} />
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      {legend.length > 1 && (
        <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
          {legend.map((l, i) => (
            <span key={l} className="inline-flex items-center gap-1">
              <svg width="14" height="14" aria-hidden="true">
                <rect x="1" y="1" width="12" height="12" fill={FILLS[i % FILLS.length]} stroke="var(--color-brand-700)" />
              </svg>
              {l}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}

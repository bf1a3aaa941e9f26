/**
 * A radar chart as inline SVG (no inline style: CSS classes and SVG attributes only, for the CSP). Each axis is a
 * scale's per-item value 1–4 in the stress direction (outer = more stress). The chart is an image with a short
 * text alternative; the full values are in the table the page shows beside it.
 */
export type RadarAxis = { key: string; label: string; value: number };

// Wide enough for the longest Japanese scale labels left and right of the circle.
const width = 620;
const height = 440;
const cx = width / 2;
const cy = height / 2;
const radius = 140;
const min = 1;
const max = 4;

function point(index: number, count: number, value: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  const r = (radius * (value - min)) / (max - min);
  return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
}

const fmt = (n: number) => n.toFixed(1);

export function RadarChart({ axes, titleId, title, description }: { axes: readonly RadarAxis[]; titleId: string; title: string; description: string }) {
  const n = axes.length;
  const ring = (value: number) => axes.map((_, i) => point(i, n, value).map(fmt).join(',')).join(' ');
  const shape = axes.map((a, i) => point(i, n, Math.min(max, Math.max(min, a.value))).map(fmt).join(',')).join(' ');
  return (
    <svg className="radar" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${titleId}-desc`}>
      <title id={titleId}>{title}</title>
      <desc id={`${titleId}-desc`}>{description}</desc>
      {[1, 2, 3, 4].map((v) => (
        <polygon key={v} className="radar__ring" points={ring(v)} />
      ))}
      {axes.map((a, i) => {
        const [x, y] = point(i, n, max);
        const [lx, ly] = point(i, n, max + 0.35);
        return (
          <g key={a.key}>
            <line className="radar__axis" x1={cx} y1={cy} x2={fmt(x)} y2={fmt(y)} />
            <text className="radar__label" x={fmt(lx)} y={fmt(ly)} textAnchor={lx < cx - 5 ? 'end' : lx > cx + 5 ? 'start' : 'middle'} dominantBaseline="middle">
              {a.label}
            </text>
          </g>
        );
      })}
      <polygon className="radar__shape" points={shape} />
      {axes.map((a, i) => {
        const [x, y] = point(i, n, Math.min(max, Math.max(min, a.value)));
        return <circle key={a.key} className="radar__dot" cx={fmt(x)} cy={fmt(y)} r={3} />;
      })}
    </svg>
  );
}

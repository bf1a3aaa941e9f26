/**
 * 仕事のストレス判定図 as an inline SVG scatter (CSP: classes and SVG attributes only): 量的負担 × コントロール or
 * 上司の支援 × 同僚の支援, one numbered point per shown group plus the national average (100). The values are
 * in the group table beside it; the image carries a short text alternative.
 */
export type ChartPoint = { key: string; label: string; x: number; y: number; isTotal?: boolean };

const w = 360;
const h = 300;
const pad = { left: 48, right: 16, top: 16, bottom: 44 };
const lo = 3;
const hi = 12;
const sx = (v: number) => pad.left + ((v - lo) / (hi - lo)) * (w - pad.left - pad.right);
const sy = (v: number) => h - pad.bottom - ((v - lo) / (hi - lo)) * (h - pad.top - pad.bottom);
const fmt = (n: number) => n.toFixed(1);

export function JudgementChart({
  id,
  title,
  xLabel,
  yLabel,
  points,
  reference,
}: {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  points: readonly ChartPoint[];
  reference: { x: number; y: number };
}) {
  const ticks = [3, 6, 9, 12];
  return (
    <figure className="sc-chart">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-labelledby={`${id} ${id}-desc`} className="sc-chart__svg">
        <title id={id}>{title}</title>
        <desc id={`${id}-desc`}>
          {`横軸 ${xLabel}、縦軸 ${yLabel}。全国平均(男性、健康リスク100)の位置は ${xLabel} ${reference.x}、${yLabel} ${reference.y}。${points.length} 集団を表示。値は集団分析の表のとおりです。`}
        </desc>
        <rect className="sc-chart__frame" x={pad.left} y={pad.top} width={w - pad.left - pad.right} height={h - pad.top - pad.bottom} />
        {ticks.map((t) => (
          <g key={t}>
            <line className="sc-chart__grid" x1={fmt(sx(t))} y1={pad.top} x2={fmt(sx(t))} y2={h - pad.bottom} />
            <line className="sc-chart__grid" x1={pad.left} y1={fmt(sy(t))} x2={w - pad.right} y2={fmt(sy(t))} />
            <text className="sc-chart__tick" x={fmt(sx(t))} y={h - pad.bottom + 14} textAnchor="middle">
              {t}
            </text>
            <text className="sc-chart__tick" x={pad.left - 6} y={fmt(sy(t))} textAnchor="end" dominantBaseline="middle">
              {t}
            </text>
          </g>
        ))}
        <text className="sc-chart__axis-label" x={(w + pad.left) / 2} y={h - 8} textAnchor="middle">
          {xLabel}
        </text>
        <text className="sc-chart__axis-label" x={14} y={(h - pad.bottom) / 2} textAnchor="middle" transform={`rotate(-90 14 ${(h - pad.bottom) / 2})`}>
          {yLabel}
        </text>
        <line className="sc-chart__reference" x1={fmt(sx(reference.x))} y1={pad.top} x2={fmt(sx(reference.x))} y2={h - pad.bottom} />
        <line className="sc-chart__reference" x1={pad.left} y1={fmt(sy(reference.y))} x2={w - pad.right} y2={fmt(sy(reference.y))} />
        {points.map((p) => (
          <g key={p.key}>
            <circle className={p.isTotal ? 'sc-chart__dot sc-chart__dot--total' : 'sc-chart__dot'} cx={fmt(sx(p.x))} cy={fmt(sy(p.y))} r={p.isTotal ? 6 : 4} />
            <text className="sc-chart__point-label" x={fmt(sx(p.x) + 7)} y={fmt(sy(p.y) - 6)}>
              {p.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>{title}(破線は全国平均・男性の平均値)</figcaption>
    </figure>
  );
}

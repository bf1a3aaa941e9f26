/**
 * The city's heat maps (経歴の見える化, policy III-2-(1)): per unit, grouped by 部 — (a) members per band of
 * completed years in the unit, with ① members at or past the rotation period per unit marked; (b) of the ①
 * members, the share who have worked at a frontline unit; (c) the mean years in the unit. Every cell prints its
 * number; colour only repeats it (single-hue scales that survive greyscale printing), and ① due for a move is
 * marked by text and a hatch pattern too.
 */
import { Link } from 'react-router';
import { useDates } from '../../app/dates.js';
import {
  countScale,
  coverageLevel,
  coverageScale,
  heatLevel,
  meanYearsScale,
  tenureBandLabels,
  type CityCareerMap,
  type HeatScale,
  type TenureStats,
} from '../../../domain/placement/career-map.js';
import { scrollRegion } from '../../components/scroll-region.js';

/** The band index from which ① members count as due for a move (R1-like), capped at the 5+ band. */
const dueFromBand = (rotationYearsPerUnit: number) => Math.min(rotationYearsPerUnit, tenureBandLabels.length - 1);

export function HeatLegend({ title, scale, family, reversed = false }: { title: string; scale: HeatScale; family: 'count' | 'coverage'; reversed?: boolean }) {
  const levels = scale.labels.map((label, level) => ({ label, level: reversed ? scale.labels.length - 1 - level : level }));
  return (
    <div className="heat-legend">
      <p className="heat-legend__title">{title}</p>
      <ul className="heat-legend__list">
        {levels.map(({ label, level }) => (
          <li key={label}>
            <span className={`heat-swatch heat--${family}-${level}`} aria-hidden="true" />
            {label}
          </li>
        ))}
      </ul>
    </div>
  );
}

function BandCells({ stats, dueBand, unitLabel }: { stats: TenureStats; dueBand: number; unitLabel: string }) {
  return (
    <>
      {stats.bands.map((n, band) => {
        const rotation = stats.rotationBands[band] ?? 0;
        const isDue = band >= dueBand && rotation > 0;
        return (
          <td key={band} className={`heat heat--count-${heatLevel(n, countScale)}${isDue ? ' heat--due' : ''}`}>
            <span className="heat__number">{n}</span>
            {isDue ? (
              <span className="heat__due">
                <span aria-hidden="true">①{rotation}</span>
                <span className="visually-hidden">
                  (うち①ジョブローテーション期間 {rotation}人 — {unitLabel}で次の配置先を検討)
                </span>
              </span>
            ) : null}
          </td>
        );
      })}
    </>
  );
}

function StatsCells({ stats, dueBand, unitLabel }: { stats: TenureStats; dueBand: number; unitLabel: string }) {
  const percent = stats.frontlinePercent;
  return (
    <>
      <td className="num">{stats.members}</td>
      <BandCells stats={stats} dueBand={dueBand} unitLabel={unitLabel} />
      <td className={`num${stats.rotationDue > 0 ? ' heat--due' : ''}`}>{stats.rotationDue}</td>
      {percent === null ? (
        <td className="heat heat--none">
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">①の職員なし</span>
        </td>
      ) : (
        <td className={`heat heat--coverage-${coverageLevel(percent)}`}>
          <span className="heat__number">{percent}%</span>
          <span className="cell-sub">
            {stats.rotationWithFrontline}/{stats.rotationMembers}人
          </span>
        </td>
      )}
      {stats.meanYears === null ? (
        <td className="heat heat--none">—</td>
      ) : (
        <td className={`heat heat--count-${heatLevel(stats.meanYears, meanYearsScale)}`}>
          <span className="heat__number">{stats.meanYears.toFixed(1)}年</span>
        </td>
      )}
      <td className="num">{stats.dispatched > 0 ? stats.dispatched : ''}</td>
    </>
  );
}

export function CityHeatMap({ map, years }: { map: CityCareerMap; years: number }) {
  const dates = useDates();
  const dueBand = dueFromBand(map.rotationYearsPerUnit);
  const columnCount = 1 + 1 + tenureBandLabels.length + 4;
  return (
    <>
      <div className="heat-legends">
        <HeatLegend title="(a) 在課年数ごとの人数・(c) 平均在課年数の色" scale={countScale} family="count" />
        <HeatLegend title="(b) ①の現場経験の割合の色(濃いほど現場経験のない職員が多い)" scale={coverageScale} family="coverage" reversed />
        <div className="heat-legend">
          <p className="heat-legend__title">印</p>
          <ul className="heat-legend__list">
            <li>
              <span className="heat-swatch heat--due" aria-hidden="true" />
              「①n」= 在課{map.rotationYearsPerUnit}年以上の①ジョブローテーション期間の職員(次の配置先を検討)
            </li>
          </ul>
        </div>
      </div>
      <div className="table-wrap heat-wrap" {...scrollRegion('所属別の在課年数と現場経験の表')}>
        <table className="heat-table">
          <caption>
            所属別の在課年数・現場経験({dates.date(map.date)}時点、在籍 {map.totals.members} 人)
          </caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                所属
              </th>
              <th scope="col" rowSpan={2}>
                在籍
              </th>
              <th scope="colgroup" colSpan={tenureBandLabels.length}>
                (a) 在課年数ごとの人数
              </th>
              <th scope="col" rowSpan={2}>
                ①在課{map.rotationYearsPerUnit}年以上
              </th>
              <th scope="col" rowSpan={2}>
                (b) ①の現場経験
              </th>
              <th scope="col" rowSpan={2}>
                (c) 平均在課年数
              </th>
              <th scope="col" rowSpan={2}>
                派遣中
              </th>
            </tr>
            <tr>
              {tenureBandLabels.map((label) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          {map.departments.map((department) => (
            <tbody key={department.departmentId ?? 'none'}>
              <tr className="heat-table__department">
                <th scope="rowgroup" colSpan={columnCount}>
                  {department.name}
                </th>
              </tr>
              {department.rows.map((row) => (
                <tr key={row.unitId}>
                  <th scope="row" className={`heat-table__unit heat-table__unit--${row.kind}`}>
                    <Link to={`/placement/careers/units/${row.unitId}?asOf=${map.date}&years=${years}`}>{row.name}</Link>
                    {row.isFrontline ? (
                      <span className="heat-table__frontline">
                        <span aria-hidden="true">★</span>
                        <span className="visually-hidden">現場</span>
                      </span>
                    ) : null}
                    <span className="cell-sub">{row.path.split(' › ').slice(1, -1).join(' › ')}</span>
                  </th>
                  <StatsCells stats={row} dueBand={dueBand} unitLabel={row.name} />
                </tr>
              ))}
              <tr className="heat-table__subtotal">
                <th scope="row">{department.name} 計</th>
                <StatsCells stats={department.totals} dueBand={dueBand} unitLabel={department.name} />
              </tr>
            </tbody>
          ))}
          <tbody>
            <tr className="heat-table__total">
              <th scope="row">全庁 計</th>
              <StatsCells stats={map.totals} dueBand={dueBand} unitLabel="全庁" />
            </tr>
          </tbody>
        </table>
      </div>
      {map.unplaced > 0 ? <p className="hint">基準日に存在しない所属に配属されている職員が {map.unplaced} 人います(表には含みません)。</p> : null}
    </>
  );
}

/**
 * One unit's members × 年度 (各課の在籍職員の経歴の見える化): per member the unit held each year (課・係 abbreviated,
 * the full name of the time for screen readers and as a tooltip), ★ and a hatch for frontline units, ▶ and a thick
 * left rule where the person arrived, plus the career phase with its reason, years in the unit and frontline
 * experience. Readable in greyscale: every mark is text too.
 */
import { Link } from 'react-router';
import { useDates } from '../../app/dates.js';
import { careerPhaseLabels } from '../../../domain/org/org-model.js';
import type { MatrixCell, UnitMatrixRow } from '../../../domain/placement/career-map.js';
import type { UnitCareerView } from '../../../domain/placement/careers-api.js';
import { scrollRegion } from '../../components/scroll-region.js';

function cellClass(cell: MatrixCell): string {
  const classes = ['career-cell', `career-cell--${cell.kind}`];
  if (cell.isFrontline) classes.push('career-cell--frontline');
  if (cell.changed) classes.push('career-cell--changed');
  if (cell.isCurrentUnit) classes.push('career-cell--current');
  return classes.join(' ');
}

function CareerCell({ cell }: { cell: MatrixCell }) {
  if (cell.kind === 'none') {
    return (
      <td className={cellClass(cell)}>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">配属なし</span>
      </td>
    );
  }
  const tooltip = [cell.unitsInYear.join(' → '), cell.isFrontline ? '現場(住民との直接的な折衝)' : '', cell.changed ? 'この年度に異動' : '']
    .filter((t) => t !== '')
    .join('\n');
  return (
    <td className={cellClass(cell)} title={tooltip}>
      {cell.changed ? (
        <span className="career-cell__moved">
          <span aria-hidden="true">▶</span>
          <span className="visually-hidden">異動 </span>
        </span>
      ) : null}
      <span aria-hidden="true" className="career-cell__label">
        {cell.label}
      </span>
      <span className="visually-hidden">{cell.unitsInYear.join('、その後 ')}</span>
      {cell.isFrontline ? (
        <span className="career-cell__frontline">
          <span aria-hidden="true">★</span>
          <span className="visually-hidden">(現場)</span>
        </span>
      ) : null}
    </td>
  );
}

function PhaseCell({ row }: { row: UnitMatrixRow }) {
  if (row.phase === null) {
    return (
      <td className="career-phase" title={row.phaseReason}>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">キャリア段階なし。{row.phaseReason}</span>
      </td>
    );
  }
  const label = careerPhaseLabels[row.phase];
  return (
    <td className={`career-phase career-phase--${row.phase}`} title={row.phaseReason}>
      <span aria-hidden="true" className="career-phase__mark">
        {label.slice(0, 1)}
      </span>
      <span className="visually-hidden">
        {label}。{row.phaseReason}
      </span>
      {row.phaseSource === 'override' ? <span className="cell-sub">人事設定</span> : null}
    </td>
  );
}

export function CareerMatrix({ view }: { view: UnitCareerView }) {
  const dates = useDates();
  const showUnit = view.includeSubunits && view.unit.kind !== 'section';
  return (
    <div className="table-wrap career-wrap" {...scrollRegion('在籍職員の年度別の所属の表')}>
      <table className="career-matrix">
        <caption>
          {view.unit.name}の在籍職員の経歴({dates.date(view.asOf)}時点、{dates.fiscalYear(view.fiscalYears[0] ?? 0)}〜{dates.fiscalYear(view.fiscalYears[view.fiscalYears.length - 1] ?? 0)}、
          {view.members.length}人)
        </caption>
        <thead>
          <tr>
            <th scope="col">氏名</th>
            {showUnit ? <th scope="col">所属</th> : null}
            <th scope="col">職位</th>
            <th scope="col">段階</th>
            {view.fiscalYears.map((fy) => (
              <th key={fy} scope="col" className="career-matrix__year">
                {dates.fiscalYear(fy)}
              </th>
            ))}
            <th scope="col">在課年数</th>
            <th scope="col">現場経験</th>
          </tr>
        </thead>
        <tbody>
          {view.members.map((row) => (
            <tr key={row.staffId}>
              <th scope="row" className="career-matrix__name">
                <Link to={`/staff/${row.staffId}`}>{row.name}</Link>
                <span className="cell-sub">{row.employeeNumber}</span>
              </th>
              {showUnit ? <td className="career-matrix__unit">{row.unitName}</td> : null}
              <td>{row.positionName ?? ''}</td>
              <PhaseCell row={row} />
              {row.cells.map((cell) => (
                <CareerCell key={cell.fiscalYear} cell={cell} />
              ))}
              <td className={`num${row.isRotationDue ? ' heat--due' : ''}`}>
                {row.isDispatched ? (
                  '派遣中'
                ) : (
                  <>
                    {row.yearsInUnit}年
                    {row.isRotationDue ? (
                      <span className="cell-sub">
                        ①{view.rotationYearsPerUnit}年以上<span className="visually-hidden">(次の配置先を検討)</span>
                      </span>
                    ) : null}
                  </>
                )}
              </td>
              <td>{row.hasFrontlineExperience ? 'あり' : 'なし'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

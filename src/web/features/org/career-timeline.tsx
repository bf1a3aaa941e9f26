/**
 * A person's career shown two ways: a compact row for the unit's members table (各課の在籍職員の
 * 経歴の見える化) and a full table for the profile. Unit names are those of the time; ★ marks frontline units.
 */
import { useDates } from '../../app/dates.js';
import { assignmentKindLabels } from '../../../domain/org/org-model.js';
import type { CareerEntry } from '../../../domain/org/org-api.js';
import { scrollRegion } from '../../components/scroll-region.js';

/** 現場: a frontline unit (住民との直接的な折衝を伴う). */
export function FrontlineBadge() {
  return (
    <span className="badge badge--frontline">
      現場<span className="visually-hidden">(住民との直接的な折衝)</span>
    </span>
  );
}

/** ★ with its meaning for screen readers (the star alone says nothing). */
export function FrontlineMark() {
  return (
    <span className="frontline-mark">
      <span aria-hidden="true">★</span>
      <span className="visually-hidden">現場</span>
    </span>
  );
}

/** One line per member: oldest posting first, so the eye reads the career left to right. */
export function CareerTimelineRow({ career, label }: { career: readonly CareerEntry[]; label: string }) {
  const dates = useDates();
  const oldestFirst = [...career].sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
  if (oldestFirst.length === 0) return <span className="hint">経歴の記録なし</span>;
  return (
    <ol className="timeline" aria-label={label}>
      {oldestFirst.map((entry, index) => (
        <li
          key={`${entry.unitId}-${entry.startsOn}-${entry.kind}-${index}`}
          className={`timeline__item${entry.kind === 'dispatch' ? ' timeline__item--dispatch' : ''}${entry.kind === 'concurrent' ? ' timeline__item--concurrent' : ''}${entry.endsOn === null ? ' timeline__item--current' : ''}`}
        >
          {entry.kind === 'dispatch' ? <span className="badge badge--dispatch">派遣</span> : null}
          {entry.kind === 'concurrent' ? <span className="badge badge--concurrent">兼務</span> : null}
          <span className="timeline__unit">{entry.kind === 'dispatch' && entry.dispatchTo ? entry.dispatchTo : entry.unitName}</span>
          {entry.isFrontline ? <FrontlineMark /> : null}
          <span className="timeline__years">{dates.fiscalYearsCompact(entry.startsOn, entry.endsOn)}</span>
        </li>
      ))}
    </ol>
  );
}

/** The profile's career table, newest first. */
export function CareerTable({ career, caption }: { career: readonly CareerEntry[]; caption: string }) {
  const dates = useDates();
  if (career.length === 0) return <p>経歴の記録はありません。</p>;
  return (
    <div className="table-wrap" {...scrollRegion(caption)}>
      <table className="career-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">所属(当時の名称)</th>
            <th scope="col">職位</th>
            <th scope="col">期間</th>
            <th scope="col">年度</th>
            <th scope="col">区分</th>
            <th scope="col">現場</th>
            <th scope="col">派遣先</th>
          </tr>
        </thead>
        <tbody>
          {career.map((entry, index) => (
            <tr key={`${entry.unitId}-${entry.startsOn}-${entry.kind}-${index}`}>
              <th scope="row">
                {entry.unitName}
                {entry.unitPath && entry.unitPath !== entry.unitName ? <span className="cell-sub">{entry.unitPath}</span> : null}
              </th>
              <td>{entry.positionName ?? ''}</td>
              <td>{dates.period(entry.startsOn, entry.endsOn)}</td>
              <td>{dates.fiscalYearsCompact(entry.startsOn, entry.endsOn)}</td>
              <td>{assignmentKindLabels[entry.kind] ?? entry.kind}</td>
              <td>{entry.isFrontline ? <FrontlineMark /> : <span className="visually-hidden">現場でない</span>}</td>
              <td>{entry.dispatchTo ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

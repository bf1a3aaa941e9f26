/** /workplace/desks/statistics: case counts per desk × category × status of a 年度, small cells suppressed (ADR 0020). */
import { useId, useState } from 'react';
import { useDates, todayInJapan } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, Forbidden, Loading, PageHeading } from '../../components/page.js';
import { caseStatuses, caseStatusLabels, categoryLabels, deskLabels } from '../../../domain/workplace/desk-rules.js';
import type { Cell } from '../../../domain/workplace/desk-statistics.js';
import { useDeskStatistics } from './desk.queries.js';
import './desk.css';

const title = '相談・通報の件数';

export function DeskStatisticsPage() {
  const session = useSession();
  if (!session.isHr && !session.roles.includes('case_handler')) return <Forbidden title={title} />;
  return <StatisticsView />;
}

function StatisticsView() {
  const id = useId();
  const dates = useDates();
  const today = todayInJapan();
  const currentFy = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0);
  const [fiscalYear, setFiscalYear] = useState(currentFy);
  const stats = useDeskStatistics(fiscalYear);
  const cell = (v: Cell, threshold: number) => (v === null ? <abbr title={`${threshold}件未満または秘匿のため非表示`}>—</abbr> : v);
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">個人は特定できません。件数の少ない欄(5件未満など)と、合計から逆算できてしまう欄は「—」で表示しません。</p>
      <div className="field field--inline">
        <label htmlFor={`${id}-fy`}>年度</label>
        <select id={`${id}-fy`} value={fiscalYear} onChange={(e) => setFiscalYear(Number(e.target.value))}>
          {[0, 1, 2, 3, 4].map((d) => (
            <option key={d} value={currentFy - d}>
              {dates.fiscalYear(currentFy - d)}
            </option>
          ))}
        </select>
      </div>
      {stats.isPending ? <Loading /> : null}
      <ErrorAlert error={stats.error} title="件数を読み込めませんでした。" />
      {stats.data
        ? stats.data.desks.map((t) => (
            <div className="table-wrap" key={t.desk}>
              <table className="data-table">
                <caption>
                  {deskLabels[t.desk]}({dates.fiscalYear(stats.data.fiscalYear)}、{stats.data.threshold}件未満は非表示)
                </caption>
                <thead>
                  <tr>
                    <th scope="col">区分</th>
                    {caseStatuses.map((s) => (
                      <th scope="col" key={s}>
                        {caseStatusLabels[s]}
                      </th>
                    ))}
                    <th scope="col">計</th>
                  </tr>
                </thead>
                <tbody>
                  {t.rows.map((r) => (
                    <tr key={r.category}>
                      <th scope="row">{categoryLabels[r.category]}</th>
                      {caseStatuses.map((s) => (
                        <td key={s}>{cell(r.cells[s], stats.data.threshold)}</td>
                      ))}
                      <td>{cell(r.total, stats.data.threshold)}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">計</th>
                    {caseStatuses.map((s) => (
                      <td key={s}>{cell(t.statusTotals[s], stats.data.threshold)}</td>
                    ))}
                    <td>{cell(t.total, stats.data.threshold)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
          ))
        : null}
    </>
  );
}

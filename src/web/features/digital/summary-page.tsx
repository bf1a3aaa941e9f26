/**
 * デジタルスキルの集計 /digital/summary (HR): for a 年度, per framework area how many confirmed self-assessments gave
 * each level, per 課 the statuses and average levels, and every person's assessment.
 */
import { useState } from 'react';
import { todayInJapan, useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, Forbidden, Loading, PageHeading } from '../../components/page.js';
import { FiscalYearSelect } from '../../components/fiscal-year-select.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { fiscalYearOf } from '../../../domain/common/fiscal-year.js';
import { levelLabel } from '../../../domain/digital/skill-framework.js';
import { assessmentStatusLabels, assessmentStatuses } from '../../../domain/digital/skill-assessment.js';
import { useAssessmentSummary, useAssessmentsOfYear } from './digital.queries.js';
import './digital.css';

const title = 'デジタルスキルの集計';

export function SummaryPage() {
  const session = useSession();
  if (!session.isHr) return <Forbidden title={title} />;
  return <Summary />;
}

function Summary() {
  const dates = useDates();
  const current = fiscalYearOf(todayInJapan());
  const [fiscalYear, setFiscalYear] = useState(current);
  const summary = useAssessmentSummary(fiscalYear);
  const list = useAssessmentsOfYear(fiscalYear);
  const s = summary.data;
  const fy = dates.fiscalYear(fiscalYear);
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">段階別の人数と平均は、上司が確認した自己評価だけで数えます。課は各職員の基準日(年度内の今日、または年度末)の所属です。</p>
      <FiscalYearSelect current={current} shown={fiscalYear} dateStyle={dates.style} className="digital-year" onChange={(v) => setFiscalYear(Number(v))} />
      <ErrorAlert error={summary.error} title="集計を読み込めませんでした。" />
      {summary.isPending ? <Loading /> : null}
      {s ? (
        <>
          <p>
            {assessmentStatuses.map((st) => `${assessmentStatusLabels[st]} ${s.statusCounts[st]} 人`).join('・')}
          </p>
          <section className="panel" aria-labelledby="digital-summary-areas">
            <h2 id="digital-summary-areas">分野ごとの段階別人数</h2>
            <div className="table-wrap" {...scrollRegion(`${fy}の分野ごとの段階別人数`)}>
              <table className="digital-table">
                <caption>{fy}の分野ごとの段階別人数(確認済み)</caption>
                <thead>
                  <tr>
                    <th scope="col">分野</th>
                    {s.framework.levels.map((l) => (
                      <th key={l.level} scope="col">
                        {l.level} {l.label}
                      </th>
                    ))}
                    <th scope="col">平均</th>
                  </tr>
                </thead>
                <tbody>
                  {s.areas.map((a) => (
                    <tr key={a.areaId}>
                      <th scope="row">{a.label}</th>
                      {s.framework.levels.map((l) => (
                        <td key={l.level}>{a.counts[String(l.level)] ?? 0}</td>
                      ))}
                      <td>{a.average ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="panel" aria-labelledby="digital-summary-units">
            <h2 id="digital-summary-units">課ごとの状況</h2>
            {s.units.length === 0 ? (
              <p>この年度の自己評価はまだありません。</p>
            ) : (
              <div className="table-wrap" {...scrollRegion(`${fy}の課ごとの状況`)}>
                <table className="digital-table">
                  <caption>{fy}の課ごとの状況と分野ごとの平均(確認済み)</caption>
                  <thead>
                    <tr>
                      <th scope="col">課</th>
                      {assessmentStatuses.map((st) => (
                        <th key={st} scope="col">
                          {assessmentStatusLabels[st]}
                        </th>
                      ))}
                      {s.framework.areas.map((a) => (
                        <th key={a.id} scope="col">
                          {a.label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {s.units.map((u) => (
                      <tr key={u.unitId ?? 'none'}>
                        <th scope="row">{u.unitName}</th>
                        {assessmentStatuses.map((st) => (
                          <td key={st}>{u.statusCounts[st]}</td>
                        ))}
                        {s.framework.areas.map((a) => (
                          <td key={a.id}>{u.averages[a.id] ?? '—'}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
      <section className="panel" aria-labelledby="digital-summary-people">
        <h2 id="digital-summary-people">職員ごとの自己評価</h2>
        <ErrorAlert error={list.error} title="自己評価を読み込めませんでした。" />
        {list.isPending ? <Loading /> : null}
        {list.data && list.data.items.length === 0 ? <p>この年度の自己評価はまだありません。</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <div className="table-wrap" {...scrollRegion(`${fy}の職員ごとの自己評価`)}>
            <table className="digital-table">
              <caption>
                {fy}の職員ごとの自己評価 {list.data.items.length} 人
              </caption>
              <thead>
                <tr>
                  <th scope="col">氏名</th>
                  <th scope="col">課</th>
                  <th scope="col">状態</th>
                  {list.data.framework.areas.map((a) => (
                    <th key={a.id} scope="col">
                      {a.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((r) => (
                  <tr key={r.staffId}>
                    <th scope="row">
                      {r.name}
                      <span className="digital-description">{r.employeeNumber}</span>
                    </th>
                    <td>{r.unitName ?? '—'}</td>
                    <td>{assessmentStatusLabels[r.status]}</td>
                    {list.data.framework.areas.map((a) => {
                      const v = r.levels[a.id];
                      return <td key={a.id}>{v ? `${v.level} ${levelLabel(list.data.framework, v.level)}` : '—'}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}

/**
 * 能力と研修の循環 /training/loop (policy II-4): for HR, per position level and for each ability item required of it,
 * how many people the 年度's confirmed ability evaluation rated below standard, and how many of them have completed a
 * course developing the item since their evaluation was confirmed.
 */
import { useId, useState } from 'react';
import { todayInJapan, useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { fiscalYearOf } from '../../../domain/common/fiscal-year.js';
import type { TrainingLoopView } from '../../../domain/training/recommendations.js';
import { useTrainingLoop } from './recommendations.queries.js';
import './recommendations.css';

const title = '能力と研修の循環';
const yearSuffix: Record<number, string> = { [-1]: '(前年度)', 0: '(今年度)', 1: '(来年度)' };

export function TrainingLoopPage() {
  const dates = useDates();
  const current = fiscalYearOf(todayInJapan());
  const [fiscalYear, setFiscalYear] = useState(current);
  const loop = useTrainingLoop(fiscalYear);
  const yearId = useId();
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        職位ごとに求める能力評価項目について、その年度の能力評価(確認者の確認済み)で標準を下回った人数と、そのうち確認の後に始まった研修でその項目を伸ばす研修を修了(または受講)した人数です。
      </p>
      <div className="field field--inline">
        <label htmlFor={yearId}>年度</label>
        <select id={yearId} value={fiscalYear} onChange={(e) => setFiscalYear(Number(e.target.value))}>
          {[current - 2, current - 1, current, current + 1].map((fy) => (
            <option key={fy} value={fy}>
              {dates.fiscalYear(fy)}
              {yearSuffix[fy - current] ?? ''}
            </option>
          ))}
        </select>
      </div>
      <ErrorAlert error={loop.error} title="集計を読み込めませんでした。" />
      {loop.isPending ? <Loading /> : null}
      {loop.data ? <LoopTables view={loop.data} /> : null}
    </>
  );
}

function LoopTables({ view }: { view: TrainingLoopView }) {
  const dates = useDates();
  if (!view.hasCycle) return <p>{dates.fiscalYear(view.fiscalYear)}の能力評価はまだ開始されていません。</p>;
  return (
    <>
      {view.levels.map((level) => (
        <section key={level.positionLevel} className="panel" aria-labelledby={`loop-${level.positionLevel}`}>
          <h2 id={`loop-${level.positionLevel}`}>{level.positionLevelLabel}</h2>
          <div className="table-wrap" {...scrollRegion(`${level.positionLevelLabel}の評価項目ごとの集計の表`)}>
            <table className="loop-table">
              <caption>
                {dates.fiscalYear(view.fiscalYear)} {level.positionLevelLabel}の評価項目ごとの集計(確認済みの能力評価 {level.evaluated.toLocaleString('ja-JP')} 人)
              </caption>
              <thead>
                <tr>
                  <th scope="col">評価項目</th>
                  <th scope="col">標準を下回った人数</th>
                  <th scope="col">うち研修を修了した人数</th>
                  <th scope="col">修了の割合</th>
                </tr>
              </thead>
              <tbody>
                {level.items.map((item) => (
                  <tr key={item.itemId}>
                    <th scope="row">{item.itemName}</th>
                    <td>{item.ratedBelow.toLocaleString('ja-JP')} 人</td>
                    <td>{item.trainedSince.toLocaleString('ja-JP')} 人</td>
                    <td className="loop-rate">{item.ratedBelow === 0 ? '—' : `${Math.round((item.trainedSince / item.ratedBelow) * 100)}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}

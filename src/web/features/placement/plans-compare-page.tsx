/**
 * 異動案の比較 /placement/plans/compare?a=&b=: two plans side by side — each one's evaluation (violations, wishes
 * met, headcount against 定数, continuity) and the people whose move differs between them.
 */
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session.js';
import { useDates } from '../../app/dates.js';
import { ErrorAlert, Forbidden, Loading, PageHeading } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import type { MoveView } from '../../../domain/placement/plans-api.js';
import { EvaluationPanel } from './plans-evaluation-panel.js';
import { usePlanComparison } from './plans.queries.js';
import './plans.css';

const title = '異動案の比較';

const describe = (move: MoveView | null) =>
  move ? `${move.toUnitName}${move.toPositionId !== null && move.toPositionName ? `(${move.toPositionName})` : ''}${move.specialReason ? '・特別な理由あり' : ''}` : '異動なし';

export function PlansComparePage() {
  const session = useSession();
  const id = useId();
  const dates = useDates();
  const [params] = useSearchParams();
  const a = Number(params.get('a'));
  const b = Number(params.get('b'));
  const comparison = usePlanComparison(Number.isSafeInteger(a) ? a : 0, Number.isSafeInteger(b) ? b : 0);
  if (!session.isHr) return <Forbidden title={title} />;
  const data = comparison.data;
  return (
    <>
      <PageHeading title={title}>
        <Link to="/placement/plans">異動案の一覧へ</Link>
      </PageHeading>
      {!(a > 0 && b > 0) ? <p>比較する2つの案を異動案の一覧で選んでください。</p> : null}
      <ErrorAlert error={comparison.error} />
      {comparison.isFetching && !data ? <Loading /> : null}
      {data ? (
        <>
          <section aria-labelledby={`${id}-diff`} className="plans-section">
            <h2 id={`${id}-diff`}>異動が異なる職員</h2>
            {data.differences.length === 0 ? (
              <p>2つの案の異動は同じです。</p>
            ) : (
              <div className="table-wrap" {...scrollRegion('異動が異なる職員の表')}>
                <table>
                  <caption>
                    異動が異なる職員({data.differences.length}人): 案A「{data.a.plan.name}」と案B「{data.b.plan.name}」
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">氏名</th>
                      <th scope="col">現所属</th>
                      <th scope="col">案A「{data.a.plan.name}」</th>
                      <th scope="col">案B「{data.b.plan.name}」</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.differences.map((d) => (
                      <tr key={d.staffId}>
                        <th scope="row">{d.name}</th>
                        <td>{(d.inA ?? d.inB)?.fromUnitName ?? '—'}</td>
                        <td>{describe(d.inA)}</td>
                        <td>{describe(d.inB)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <div className="plans-compare">
            {[data.a, data.b].map((view, index) => (
              <div key={index} className="plans-compare__side">
                <p>
                  <Link to={`/placement/plans/${view.plan.id}`}>{view.plan.name}</Link>(発令日 {dates.date(view.plan.effectiveDate)}・異動{view.plan.moveCount}人)
                </p>
                <EvaluationPanel view={view} heading={`案${index === 0 ? 'A' : 'B'}「${view.plan.name}」の評価`} compact />
              </div>
            ))}
          </div>
        </>
      ) : null}
    </>
  );
}

/**
 * 人事評価 /evaluation: the reader's own sheets with their state and next deadline (a passed one highlighted), and —
 * for evaluators and confirmers — the sheets they rate or confirm, the ones waiting for them first (policy III-2-(2):
 * staff see what is due next, evaluators see their queue). Every row opens the sheet at /evaluation/sheets/:id.
 */
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import type { SheetListItem } from '../../../domain/evaluation/evaluation-api.js';
import { useCycles, useMySheets, useQueue } from './evaluation-lists.queries.js';
import { cycleTitle, DueText } from './next-due-card.js';
import './evaluation-lists.css';

const title = '人事評価';

const relationLabels: Record<SheetListItem['relation'], string> = {
  evaluatee: '被評価者',
  evaluator: '評価者',
  confirmer: '確認者',
  hr: '人事担当',
  'former-evaluator': '前の評価者(閲覧のみ)',
  'former-confirmer': '前の確認者(閲覧のみ)',
};

export function MyEvaluationPage() {
  const session = useSession();
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        業績評価(前期・後期)と能力評価の評価シートです。期限は<Link to="/evaluation/calendar">評価スケジュール</Link>のとおりです。
      </p>
      {session.staffId !== null ? <MySheets /> : <p>この利用者には職員の情報がないため、自分の評価シートはありません。</p>}
      <Queue />
    </>
  );
}

function MySheets() {
  const id = useId();
  const dates = useDates();
  const mySheets = useMySheets();
  const items = mySheets.data?.items ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>自分の評価シート</h2>
      <ErrorAlert error={mySheets.error} title="評価シートを読み込めませんでした。" />
      {mySheets.isPending ? <Loading /> : null}
      {mySheets.data && items.length === 0 ? <p>評価シートはまだありません。評価期間が始まると、ここに表示されます。</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap" {...scrollRegion('自分の評価シートの表')}>
          <table>
            <caption>自分の評価シート(新しい評価期間から)</caption>
            <thead>
              <tr>
                <th scope="col">評価期間</th>
                <th scope="col">状態</th>
                <th scope="col">次の期限</th>
                <th scope="col">評価者</th>
                <th scope="col">確認者</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} className={item.nextDue?.isOverdue ? 'row--overdue' : undefined}>
                  <th scope="row">
                    <Link to={`/evaluation/sheets/${item.id}`}>{cycleTitle(dates, item.fiscalYear, item.period)}</Link>
                  </th>
                  <td>
                    {item.stateLabel}
                    {item.isWaitingForMe ? (
                      <>
                        {' '}
                        <span className="badge badge--waiting">あなたの番です</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <DueText due={item.nextDue} />
                  </td>
                  <td>{item.evaluator?.name ?? '未設定'}</td>
                  <td>{item.confirmer?.name ?? '未設定'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Waiting-for-me first (the server sorts so too, but a list filtered here must not depend on it); otherwise the server's order. */
function sortQueue(items: readonly SheetListItem[]): SheetListItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => Number(b.item.isWaitingForMe) - Number(a.item.isWaitingForMe) || a.index - b.index)
    .map(({ item }) => item);
}

function Queue() {
  const id = useId();
  const dates = useDates();
  // The cycle is in the address (?cycle=12), so that 戻る from a sheet shows the same list.
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('cycle'));
  const cycleId = Number.isInteger(requested) && requested > 0 ? requested : null;
  const [isWaitingOnly, setWaitingOnly] = useState(false);
  const queue = useQueue(cycleId);
  const cycles = useCycles();
  const all = sortQueue(queue.data?.items ?? []);
  const waiting = all.filter((item) => item.isWaitingForMe).length;
  const shown = isWaitingOnly ? all.filter((item) => item.isWaitingForMe) : all;
  // Staff who rate nobody see no queue at all, unless they narrowed it to a cycle themselves.
  if (queue.data && all.length === 0 && cycleId === null) return null;
  if (queue.isPending && !queue.data) return <Loading label="担当する評価シートを読み込み中…" />;

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>評価者・確認者として担当する評価シート</h2>
      <ErrorAlert error={queue.error} title="担当する評価シートを読み込めませんでした。" />
      <div className="toolbar evaluation-filters">
        <div className="field field--inline">
          <label htmlFor={`${id}-cycle`}>評価期間</label>
          <select
            id={`${id}-cycle`}
            value={cycleId === null ? '' : String(cycleId)}
            onChange={(e) => setParams(e.target.value ? { cycle: e.target.value } : {}, { replace: true })}
          >
            <option value="">すべての評価期間</option>
            {(cycles.data?.cycles ?? []).map((cycle) => (
              <option key={cycle.id} value={String(cycle.id)}>
                {cycleTitle(dates, cycle.fiscalYear, cycle.period)}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={isWaitingOnly} onChange={(e) => setWaitingOnly(e.target.checked)} />
          対応待ちのみ表示
        </label>
      </div>
      <p aria-live="polite" aria-atomic="true" className="result-count">
        {queue.data ? `${all.length.toLocaleString('ja-JP')} 件(対応待ち ${waiting.toLocaleString('ja-JP')} 件)` : ''}
      </p>
      {queue.data && shown.length === 0 ? <p>{isWaitingOnly ? '対応待ちの評価シートはありません。' : '担当する評価シートはありません。'}</p> : null}
      {shown.length > 0 ? (
        <div className={`table-wrap table-wrap--tall${queue.isPlaceholderData ? ' is-stale' : ''}`} {...scrollRegion('担当する評価シートの表')}>
          <table>
            <caption>担当する評価シート(対応待ちが先)</caption>
            <thead>
              <tr>
                <th scope="col">被評価者</th>
                <th scope="col">職員番号</th>
                <th scope="col">所属・職位</th>
                <th scope="col">評価期間</th>
                <th scope="col">立場</th>
                <th scope="col">状態</th>
                <th scope="col">次の期限</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((item) => (
                <tr key={item.id} className={item.nextDue?.isOverdue ? 'row--overdue' : undefined}>
                  <th scope="row">
                    <Link to={`/evaluation/sheets/${item.id}`}>{item.evaluatee.name}</Link>
                  </th>
                  <td>{item.evaluatee.employeeNumber}</td>
                  <td>
                    {item.unitName ?? '—'}
                    {item.positionName ? ` ${item.positionName}` : ''}
                  </td>
                  <td>{cycleTitle(dates, item.fiscalYear, item.period)}</td>
                  <td>{relationLabels[item.relation]}</td>
                  <td>
                    {item.stateLabel}
                    {item.isWaitingForMe ? (
                      <>
                        {' '}
                        <span className="badge badge--waiting">対応待ち</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <DueText due={item.nextDue} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/**
 * 「次の期限」 on the home page: the nearest deadline of the reader's own evaluation sheets (GET /api/evaluation/my-sheets),
 * a passed one in the warning style. Also the small pieces every evaluation list uses to name a cycle and a deadline.
 */
import { useId } from 'react';
import { Link } from 'react-router';
import { useDates, type DateFormatter } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/page.js';
import type { EvaluationPeriod } from '../../../domain/evaluation/evaluation-calendar.js';
import type { SheetListItem } from '../../../domain/evaluation/evaluation-api.js';
import { useMySheets } from './evaluation-lists.queries.js';
import './evaluation-lists.css';

/* Labels (evaluation-calendar.ts; kept here so the pages do not load the schemas). */
export const periodLabels: Record<EvaluationPeriod, string> = {
  'first-half': '前期業績評価',
  'second-half': '後期業績評価',
  year: '能力評価',
};

/** 令和8年度 後期業績評価 */
export function cycleTitle(dates: DateFormatter, fiscalYear: number, period: EvaluationPeriod): string {
  return `${dates.fiscalYear(fiscalYear)} ${periodLabels[period]}`;
}

type Due = NonNullable<SheetListItem['nextDue']>;

/** 「目標の提出 令和8年11月10日まで」, with 「期限超過」 in words (not only colour) once passed. */
export function DueText({ due }: { due: SheetListItem['nextDue'] }) {
  const dates = useDates();
  if (!due) return <span className="hint">なし</span>;
  return (
    <span className={due.isOverdue ? 'due due--overdue' : 'due'}>
      {due.isOverdue ? <span className="badge badge--overdue">期限超過</span> : null}
      {due.label} {dates.date(due.dueOn)}まで
    </span>
  );
}

/** The sheet whose deadline comes first (a passed one before any other), or undefined. */
export function nearestDue(items: readonly SheetListItem[]): (SheetListItem & { nextDue: Due }) | undefined {
  let best: (SheetListItem & { nextDue: Due }) | undefined;
  for (const item of items) {
    const due = item.nextDue;
    if (!due) continue;
    if (!best || due.dueOn < best.nextDue.dueOn) best = { ...item, nextDue: due };
  }
  return best;
}

/** The home page's box; nothing for accounts without a staff record. */
export function NextDueCard() {
  const session = useSession();
  const hasStaff = session.staffId !== null;
  const mySheets = useMySheets(hasStaff);
  const dates = useDates();
  const id = useId();
  if (!hasStaff) return null;
  const nearest = mySheets.data ? nearestDue(mySheets.data.items) : undefined;
  return (
    <section aria-labelledby={`${id}-title`} className={nearest?.nextDue.isOverdue ? 'next-due next-due--overdue' : 'next-due'}>
      <h2 id={`${id}-title`}>次の期限</h2>
      <ErrorAlert error={mySheets.error} title="人事評価の期限を読み込めませんでした。" />
      {mySheets.isPending ? <p className="hint">読み込み中…</p> : null}
      {mySheets.data && !nearest ? <p>人事評価で期限が近いものはありません。</p> : null}
      {nearest ? (
        <p>
          <Link to={`/evaluation/sheets/${nearest.id}`}>{cycleTitle(dates, nearest.fiscalYear, nearest.period)}</Link>:{' '}
          <DueText due={nearest.nextDue} />
        </p>
      ) : null}
      {mySheets.data ? (
        <p className="next-due__more">
          <Link to="/evaluation">人事評価の一覧へ</Link>
        </p>
      ) : null}
    </section>
  );
}

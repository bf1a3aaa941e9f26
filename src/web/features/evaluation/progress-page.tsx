/**
 * 進捗管理 /evaluation/progress (職員課, issue 3 item 9): the progress of an evaluation cycle — every deadline of the
 * period with how many sheets completed it and how many are past it, the sheets by unit and state, and per
 * deadline the list of sheets past it with who must act, from which HR sends reminders (in-app notifications, and
 * mail when the server has SMTP configured).
 */
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useDates, type DateFormatter } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, Forbidden, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { Pagination, ResultCount } from '../../components/pagination.js';
import { scrollRegion } from '../../components/scroll-region.js';
import type { MilestoneOwner, MilestoneStep } from '../../../domain/evaluation/evaluation-calendar.js';
import type { CycleSummary } from '../../../domain/evaluation/evaluation-api.js';
import type { CycleProgress, ProgressMilestone, ReminderResult } from '../../../domain/evaluation/progress-api.js';
import { overduePageSize, useCycleProgress, useOverdueList, useProgressCycles, useSendReminders } from './progress.queries.js';
import './progress.css';

const title = '進捗管理';

const ownerLabels: Record<MilestoneOwner, string> = { evaluatee: '被評価者', evaluator: '評価者', confirmer: '確認者' };

const number = (n: number) => n.toLocaleString('ja-JP');

export function ProgressPage() {
  const session = useSession();
  if (!session.isHr) return <Forbidden title={title} />;
  return <ProgressView />;
}

function cycleName(dates: DateFormatter, cycle: Pick<CycleSummary, 'fiscalYear' | 'periodLabel'>): string {
  return `${dates.fiscalYear(cycle.fiscalYear)} ${cycle.periodLabel}`;
}

function ProgressView() {
  const dates = useDates();
  const cycleSelectId = useId();
  const [params, setParams] = useSearchParams();
  const cycles = useProgressCycles();
  const requested = Number(params.get('cycle'));
  const list = cycles.data?.cycles ?? [];
  const cycleId = list.some((c) => c.id === requested) ? requested : (list[0]?.id ?? null);
  const progress = useCycleProgress(cycleId);

  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        評価期間ごとに、評価シートの状態を所属別に集計し、<Link to="/evaluation/calendar">評価スケジュール</Link>
        の期限を過ぎても済んでいない手続きを一覧にします。督促は、その手続きをすべき人(被評価者・評価者・確認者)にお知らせとして届きます。
      </p>
      <ErrorAlert error={cycles.error} title="評価期間を読み込めませんでした。" />
      {cycles.isPending ? <Loading /> : null}
      {cycles.data && list.length === 0 ? (
        <p>
          評価期間がまだ開始されていません。<Link to="/evaluation/cycles">評価の運用</Link>で評価期間を開始してください。
        </p>
      ) : null}
      {list.length > 0 && cycleId !== null ? (
        <div className="field field--inline progress-cycle">
          <label htmlFor={cycleSelectId}>評価期間</label>
          <select id={cycleSelectId} value={cycleId} onChange={(e) => setParams({ cycle: e.target.value })}>
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {cycleName(dates, c)}(評価シート {number(c.sheetCount)} 件)
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <ErrorAlert error={progress.error} title="進捗を読み込めませんでした。" />
      {cycleId !== null && progress.isPending ? <Loading /> : null}
      {progress.data ? <ProgressPanels key={progress.data.cycle.id} progress={progress.data} isFetching={progress.isFetching} /> : null}
    </>
  );
}

function ProgressPanels({ progress, isFetching }: { progress: CycleProgress; isFetching: boolean }) {
  const dates = useDates();
  const pastDue = progress.milestones.filter((m) => m.isPastDue);
  // The overdue list shows the deadline chosen in the table; the most recent passed deadline until then.
  const [chosen, setChosen] = useState<MilestoneStep | null>(null);
  const step = chosen ?? pastDue.at(-1)?.step ?? null;
  const name = cycleName(dates, progress.cycle);

  return (
    <div className={isFetching ? 'is-stale' : undefined}>
      <p className="progress-summary">
        {name}: 評価シート <strong>{number(progress.totals.sheets)}</strong> 件、
        期限を過ぎた手続きが残っているシート <strong>{number(progress.totals.overdue)}</strong> 件({dates.date(progress.asOf)} 現在)
      </p>
      <MilestonesPanel progress={progress} selected={step} onSelect={setChosen} />
      <UnitsPanel progress={progress} />
      {step !== null ? (
        <OverduePanel key={step} progress={progress} milestone={progress.milestones.find((m) => m.step === step)!} pastDue={pastDue} onSelect={setChosen} />
      ) : (
        <section className="panel" aria-labelledby="progress-overdue-title">
          <h2 id="progress-overdue-title">期限を過ぎた評価シート</h2>
          <p>期限を過ぎた手続きはまだありません。</p>
        </section>
      )}
    </div>
  );
}

function MilestonesPanel({
  progress,
  selected,
  onSelect,
}: {
  progress: CycleProgress;
  selected: MilestoneStep | null;
  onSelect: (step: MilestoneStep) => void;
}) {
  const dates = useDates();
  return (
    <section className="panel" aria-labelledby="progress-milestones-title">
      <h2 id="progress-milestones-title">期限と達成状況</h2>
      <div className="table-wrap" {...scrollRegion('期限と達成状況の表')}>
        <table className="progress-table">
          <caption>
            {progress.cycle.periodLabel}の期限(評価シート {number(progress.totals.sheets)} 件)
          </caption>
          <thead>
            <tr>
              <th scope="col">手続き</th>
              <th scope="col">担当</th>
              <th scope="col">期限</th>
              <th scope="col" className="num">
                完了
              </th>
              <th scope="col" className="num">
                期限超過
              </th>
              <th scope="col">一覧</th>
            </tr>
          </thead>
          <tbody>
            {progress.milestones.map((m) => (
              <tr key={m.step} className={m.overdue > 0 ? 'row--overdue' : undefined}>
                <th scope="row">{m.label}</th>
                <td>{ownerLabels[m.owner]}</td>
                <td className="nowrap">{dates.date(m.dueOn)}</td>
                <td className="num">{number(m.done)}</td>
                <td className="num">{m.isPastDue ? number(m.overdue) : <span className="hint">期限前</span>}</td>
                <td>
                  {m.isPastDue && m.overdue > 0 ? (
                    <button
                      type="button"
                      className="button--link"
                      aria-pressed={selected === m.step}
                      onClick={() => onSelect(m.step)}
                      aria-label={`${m.label}の期限超過の一覧を表示`}
                    >
                      一覧を表示
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function UnitsPanel({ progress }: { progress: CycleProgress }) {
  // Only the states some sheet is in: a performance sheet has 13, most of them empty most of the year.
  const states = progress.states.filter((s) => (progress.totals.byState[s.state] ?? 0) > 0);
  return (
    <section className="panel" aria-labelledby="progress-units-title">
      <h2 id="progress-units-title">所属別・状態別の件数</h2>
      <div className="table-wrap table-wrap--tall" {...scrollRegion('所属別・状態別の件数の表')}>
        <table className="progress-table progress-units">
          <caption>所属別・状態別の評価シートの件数(期限超過は、過ぎた期限の手続きが残っているシートの数)</caption>
          <thead>
            <tr>
              <th scope="col">所属</th>
              <th scope="col" className="num">
                合計
              </th>
              {states.map((s) => (
                <th key={s.state} scope="col" className="num">
                  {s.label}
                </th>
              ))}
              <th scope="col" className="num">
                期限超過
              </th>
            </tr>
          </thead>
          <tbody>
            {progress.units.map((u) => (
              <tr key={u.unitId ?? 'none'}>
                <th scope="row">{u.unitPath}</th>
                <td className="num">{number(u.sheets)}</td>
                {states.map((s) => (
                  <td key={s.state} className="num">
                    {u.byState[s.state] ? number(u.byState[s.state] ?? 0) : <span className="progress-zero">0</span>}
                  </td>
                ))}
                <td className={u.overdue > 0 ? 'num progress-overdue' : 'num'}>{number(u.overdue)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">合計</th>
              <td className="num">{number(progress.totals.sheets)}</td>
              {states.map((s) => (
                <td key={s.state} className="num">
                  {number(progress.totals.byState[s.state] ?? 0)}
                </td>
              ))}
              <td className="num">{number(progress.totals.overdue)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function reminderMessage(result: ReminderResult): string {
  if (result.sheets === 0) return '督促の対象になる評価シートはありませんでした。';
  const parts = [`${number(result.notified)} 人にお知らせを送りました(対象の評価シート ${number(result.sheets)} 件)。`];
  if (result.mailed > 0 || result.mailFailed > 0) parts.push(`メール送信 ${number(result.mailed)} 件、送信できなかったメール ${number(result.mailFailed)} 件。`);
  if (result.skippedNoOwner > 0) parts.push(`担当者が未設定のため督促できなかった評価シートが ${number(result.skippedNoOwner)} 件あります。`);
  return parts.join('');
}

function OverduePanel({
  progress,
  milestone,
  pastDue,
  onSelect,
}: {
  progress: CycleProgress;
  milestone: ProgressMilestone;
  pastDue: readonly ProgressMilestone[];
  onSelect: (step: MilestoneStep) => void;
}) {
  const dates = useDates();
  const id = useId();
  const [unitId, setUnitId] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [message, setMessage] = useState('');
  const overdue = useOverdueList(progress.cycle.id, milestone.step, unitId, page);
  const send = useSendReminders(progress.cycle.id);
  const unitName = progress.units.find((u) => u.unitId === unitId)?.unitPath;
  const total = overdue.data?.total;

  const sendReminders = () => {
    if (total === undefined || total === 0) return;
    const scope = unitName ? `${unitName}の` : '';
    const question = `${scope}「${milestone.label}」が済んでいない評価シート ${number(total)} 件について、${ownerLabels[milestone.owner]}に督促を送りますか？`;
    if (!window.confirm(question)) return;
    setMessage('');
    send.mutate({ step: milestone.step, ...(unitId !== null ? { unitId } : {}) }, { onSuccess: (result) => setMessage(reminderMessage(result)) });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>期限を過ぎた評価シート: {milestone.label}</h2>
      <div className="progress-filters">
        <div className="field field--inline">
          <label htmlFor={`${id}-step`}>期限</label>
          <select id={`${id}-step`} value={milestone.step} onChange={(e) => onSelect(e.target.value as MilestoneStep)}>
            {pastDue.map((m) => (
              <option key={m.step} value={m.step}>
                {m.label}({dates.short(m.dueOn)}まで・超過 {number(m.overdue)} 件)
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor={`${id}-unit`}>所属</label>
          <select
            id={`${id}-unit`}
            value={unitId ?? ''}
            onChange={(e) => {
              setUnitId(e.target.value === '' ? null : Number(e.target.value));
              setPage(1);
              setMessage('');
            }}
          >
            <option value="">すべての所属</option>
            {progress.units
              .filter((u) => u.unitId !== null && u.overdue > 0)
              .map((u) => (
                <option key={u.unitId} value={u.unitId!}>
                  {u.unitPath}
                </option>
              ))}
          </select>
        </div>
      </div>
      <p className="hint">
        期限: {dates.date(milestone.dueOn)}。手続きをすべき人: {ownerLabels[milestone.owner]}。督促は、この一覧の評価シート(ページに表示していないものも含む)について、
        {ownerLabels[milestone.owner]}ごとに1件のお知らせとして送ります。
      </p>
      <div className="form-actions">
        <button type="button" className="button--primary" onClick={sendReminders} disabled={send.isPending || !total}>
          {send.isPending ? '送信中…' : '督促を送る'}
        </button>
      </div>
      <StatusMessage>{message}</StatusMessage>
      <ErrorAlert error={send.error} title="督促を送れませんでした。" />
      <ErrorAlert error={overdue.error} title="一覧を読み込めませんでした。" />
      <ResultCount total={total} isFetching={overdue.isFetching} />
      {overdue.isPending ? <Loading /> : null}
      {overdue.data && overdue.data.items.length > 0 ? (
        <div className="table-wrap" {...scrollRegion('期限を過ぎた評価シートの一覧')}>
          <table className="progress-table">
            <caption>
              「{milestone.label}」の期限を過ぎた評価シート{unitName ? `(${unitName})` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">職員番号</th>
                <th scope="col">氏名</th>
                <th scope="col">所属</th>
                <th scope="col">状態</th>
                <th scope="col">対応する人</th>
                <th scope="col" className="num">
                  超過日数
                </th>
              </tr>
            </thead>
            <tbody>
              {overdue.data.items.map((item) => (
                <tr key={`${item.sheetId}-${item.step}`}>
                  <td>{item.employeeNumber}</td>
                  <th scope="row">
                    <Link to={`/evaluation/sheets/${item.sheetId}`}>{item.name}</Link>
                  </th>
                  <td>{item.unitName}</td>
                  <td>{item.stateLabel}</td>
                  <td>
                    {ownerLabels[item.owner]}: {item.ownerName ?? <span className="progress-unassigned">未設定</span>}
                  </td>
                  <td className="num">{number(item.daysOverdue)} 日</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {overdue.data ? (
        <Pagination page={page} pageSize={overduePageSize} total={overdue.data.total} onChange={setPage} label="期限超過の一覧のページ" />
      ) : null}
    </section>
  );
}

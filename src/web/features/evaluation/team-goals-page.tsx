/**
 * チーム目標 /evaluation/team-goals: the team goals (チーム目標) of a unit for one performance half, set by the unit head
 * (or 職員課) — every individual goal on a performance sheet links to one of them (issue 3 item 4). A unit head starts
 * on their own unit and may pick the units below it; HR picks any unit. A save over someone else's is refused (409) and
 * offers to reload.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { todayInJapan, useDates } from '../../app/dates.js';
import { useSession, type Session } from '../../app/session.js';
import { ConflictAlert, ErrorAlert, Forbidden, Loading, PageHeading, ProblemAlert, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import type { UnitNode } from '../../../domain/org/org-api.js';
import type { CycleSummary, TeamGoal, TeamGoalList } from '../../../domain/evaluation/evaluation-api.js';
import { isStaleSave, useAddTeamGoal, useCycles, useDeleteTeamGoal, useTeamGoals, useUnitsAsOf, useUpdateTeamGoal } from './evaluation-lists.queries.js';
import { cycleTitle } from './next-due-card.js';
import './evaluation-lists.css';

const title = 'チーム目標';

export function TeamGoalsPage() {
  const session = useSession();
  if (!session.isHr && !session.headsUnits) return <Forbidden title={title} />;
  return <TeamGoalsView session={session} />;
}

/** The units a unit head may choose: the ones they head and every unit below them; HR: all. */
function choosableUnits(units: readonly UnitNode[], session: Session): UnitNode[] {
  if (session.isHr) return [...units];
  const allowed = new Set(session.headedUnitIds);
  // The list is depth-first, parents before children, so one pass finds every descendant.
  for (const unit of units) if (unit.parentId !== null && allowed.has(unit.parentId)) allowed.add(unit.id);
  return units.filter((unit) => allowed.has(unit.id));
}

/** The performance cycle running today, else the newest performance cycle. */
function defaultCycle(cycles: readonly CycleSummary[], today: string): CycleSummary | undefined {
  const performance = cycles.filter((c) => c.kind === 'performance');
  return performance.find((c) => c.startsOn <= today && today <= c.endsOn) ?? performance[0];
}

function positiveInt(value: string | null): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

function TeamGoalsView({ session }: { session: Session }) {
  const id = useId();
  const dates = useDates();
  const today = todayInJapan();
  // Cycle and unit are in the address (?cycle=3&unit=42), so that a reload or a shared link shows the same goals.
  const [params, setParams] = useSearchParams();
  const cycles = useCycles();
  const units = useUnitsAsOf(today);
  const performanceCycles = (cycles.data?.cycles ?? []).filter((c) => c.kind === 'performance');
  const options = useMemo(() => choosableUnits(units.data?.units ?? [], session), [units.data, session]);
  const cycleId = positiveInt(params.get('cycle')) ?? defaultCycle(cycles.data?.cycles ?? [], today)?.id ?? null;
  const unitId = positiveInt(params.get('unit')) ?? (session.isHr ? null : (session.headedUnitIds[0] ?? null));
  const goals = useTeamGoals(cycleId, unitId);
  const [message, setMessage] = useState('');

  const choose = (change: { cycle?: number | null; unit?: number | null }) => {
    setMessage('');
    const next = new URLSearchParams();
    const c = 'cycle' in change ? change.cycle : cycleId;
    const u = 'unit' in change ? change.unit : unitId;
    if (c) next.set('cycle', String(c));
    if (u) next.set('unit', String(u));
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        所属長が業績評価の期ごとに所属のチーム目標を定めます。職員は個人の目標をいずれかのチーム目標に結びつけて設定します。
      </p>
      <ErrorAlert error={cycles.error} title="評価期間を読み込めませんでした。" />
      <ErrorAlert error={units.error} title="所属の一覧を読み込めませんでした。" />
      {cycles.isPending || units.isPending ? <Loading /> : null}
      {cycles.data && performanceCycles.length === 0 ? <p>業績評価の評価期間はまだ始まっていません。評価期間は職員課が開始します。</p> : null}
      {performanceCycles.length > 0 ? (
        <div className="toolbar evaluation-filters">
          <div className="field field--inline">
            <label htmlFor={`${id}-cycle`}>評価期間</label>
            <select id={`${id}-cycle`} value={cycleId === null ? '' : String(cycleId)} onChange={(e) => choose({ cycle: positiveInt(e.target.value) })}>
              {performanceCycles.map((cycle) => (
                <option key={cycle.id} value={String(cycle.id)}>
                  {cycleTitle(dates, cycle.fiscalYear, cycle.period)}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--inline">
            <label htmlFor={`${id}-unit`}>所属</label>
            <select id={`${id}-unit`} value={unitId === null ? '' : String(unitId)} onChange={(e) => choose({ unit: positiveInt(e.target.value) })}>
              {unitId === null ? <option value="">所属を選んでください</option> : null}
              {options.map((unit) => (
                <option key={unit.id} value={String(unit.id)}>
                  {unit.path}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      <p role="status" className="status-message alert alert--success">
        {message}
      </p>
      {performanceCycles.length > 0 && unitId === null ? <p>チーム目標を表示する所属を選んでください。</p> : null}
      <ErrorAlert error={goals.error} title="チーム目標を読み込めませんでした。" />
      {goals.isFetching && !goals.data ? <Loading /> : null}
      {goals.data ? <TeamGoalPanel key={`${goals.data.cycle.id}-${goals.data.unitId}`} list={goals.data} onMessage={setMessage} onReload={() => void goals.refetch()} /> : null}
    </>
  );
}

function TeamGoalPanel({ list, onMessage, onReload }: { list: TeamGoalList; onMessage: (m: string) => void; onReload: () => void }) {
  const id = useId();
  const dates = useDates();
  const remove = useDeleteTeamGoal();
  const [editing, setEditing] = useState<TeamGoal | null>(null);
  const [isAdding, setAdding] = useState(false);
  const goals = [...list.goals].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const nextOrder = goals.reduce((max, g) => Math.max(max, g.sortOrder), 0) + 1;
  const heading = `${list.unitName}のチーム目標(${cycleTitle(dates, list.cycle.fiscalYear, list.cycle.period)})`;

  const deleteGoal = (goal: TeamGoal) => {
    if (!window.confirm(`チーム目標「${goal.title}」を削除しますか？`)) return;
    onMessage('');
    remove.mutate({ unitId: list.unitId, id: goal.id, version: goal.version }, { onSuccess: () => onMessage(`チーム目標「${goal.title}」を削除しました。`) });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <div className="panel__head">
        <h2 id={`${id}-title`}>{heading}</h2>
        {list.canEdit && !isAdding && !editing ? (
          <button
            type="button"
            className="button--primary"
            onClick={() => {
              onMessage('');
              setAdding(true);
            }}
          >
            チーム目標を追加
          </button>
        ) : null}
      </div>
      {list.canEdit ? (
        <p>
          <a href={`/api/evaluation/cycles/${list.cycle.id}/units/${list.unitId}/sheets.xlsx?includeSubunits=true`} download>
            この所属の評価シートをExcelで出力
          </a>
          (下位の所属を含みます。出力は監査ログに記録されます。)
        </p>
      ) : (
        <p className="hint">この所属のチーム目標は閲覧のみできます。変更は所属長または職員課が行います。</p>
      )}
      {isStaleSave(remove.error) ? (
        <ConflictAlert
          subject="チーム目標"
          onReload={() => {
            remove.reset();
            onReload();
          }}
        />
      ) : (
        <ErrorAlert error={remove.error} title="削除できませんでした。" />
      )}
      {goals.length === 0 ? <p>チーム目標はまだありません。</p> : null}
      {goals.length > 0 ? (
        <div className="table-wrap" {...scrollRegion('チーム目標の表')}>
          <table>
            <caption>{heading}</caption>
            <thead>
              <tr>
                <th scope="col">順番</th>
                <th scope="col">チーム目標</th>
                <th scope="col">説明</th>
                {list.canEdit ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            <tbody>
              {goals.map((goal) => (
                <tr key={goal.id}>
                  <td>{goal.sortOrder}</td>
                  <th scope="row">{goal.title}</th>
                  <td className="team-goal-description">{goal.description}</td>
                  {list.canEdit ? (
                    <td>
                      <div className="evaluation-actions">
                        <button
                          type="button"
                          className="button--secondary button--small"
                          disabled={isAdding || editing !== null}
                          onClick={() => {
                            onMessage('');
                            setEditing(goal);
                          }}
                        >
                          編集<span className="visually-hidden">({goal.title})</span>
                        </button>
                        <button type="button" className="button--danger button--small" disabled={remove.isPending} onClick={() => deleteGoal(goal)}>
                          削除<span className="visually-hidden">({goal.title})</span>
                        </button>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {isAdding ? (
        <TeamGoalForm
          list={list}
          goal={null}
          initialOrder={nextOrder}
          onDone={(m) => {
            setAdding(false);
            onMessage(m);
          }}
          onCancel={() => setAdding(false)}
          onReload={() => {
            setAdding(false);
            onReload();
          }}
        />
      ) : null}
      {editing ? (
        <TeamGoalForm
          key={editing.id}
          list={list}
          goal={editing}
          initialOrder={editing.sortOrder}
          onDone={(m) => {
            setEditing(null);
            onMessage(m);
          }}
          onCancel={() => setEditing(null)}
          onReload={() => {
            setEditing(null);
            onReload();
          }}
        />
      ) : null}
    </section>
  );
}

function TeamGoalForm({
  list,
  goal,
  initialOrder,
  onDone,
  onCancel,
  onReload,
}: {
  list: TeamGoalList;
  /** null: a new goal */
  goal: TeamGoal | null;
  initialOrder: number;
  onDone: (message: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const id = useId();
  const add = useAddTeamGoal();
  const update = useUpdateTeamGoal();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [goalTitle, setGoalTitle] = useState(goal?.title ?? '');
  const [description, setDescription] = useState(goal?.description ?? '');
  const [order, setOrder] = useState(String(initialOrder));
  const [problem, setProblem] = useState('');
  const failure = add.error ?? update.error;
  const isConflict = isStaleSave(failure);
  const busy = add.isPending || update.isPending;

  useEffect(() => headingRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sortOrder = Number(order);
    if (!goalTitle.trim()) return setProblem('チーム目標を入力してください。');
    if (!Number.isInteger(sortOrder) || sortOrder < 0 || sortOrder > 999) return setProblem('順番は0〜999の整数で入力してください。');
    setProblem('');
    const body = { title: goalTitle.trim(), description: description.trim(), sortOrder };
    if (goal) {
      update.mutate({ unitId: list.unitId, id: goal.id, version: goal.version, ...body }, { onSuccess: () => onDone(`チーム目標「${body.title}」を保存しました。`) });
    } else {
      add.mutate({ cycleId: list.cycle.id, unitId: list.unitId, ...body }, { onSuccess: () => onDone(`チーム目標「${body.title}」を追加しました。`) });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="subpanel team-goal-form">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {goal ? `チーム目標の編集: ${goal.title}` : 'チーム目標の追加'}
      </h3>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-title-input`}>
            チーム目標<span className="required">必須</span>
          </label>
          <input id={`${id}-title-input`} type="text" maxLength={200} value={goalTitle} onChange={(e) => setGoalTitle(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>説明(達成の目安・取り組みなど)</label>
          <textarea id={`${id}-description`} rows={3} maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <div className="field field--order">
          <label htmlFor={`${id}-order`}>順番</label>
          <input id={`${id}-order`} type="number" inputMode="numeric" min={0} max={999} value={order} onChange={(e) => setOrder(e.target.value)} />
        </div>
        <ProblemAlert message={problem} />
        {isConflict ? (
          <ConflictAlert subject="チーム目標" onReload={onReload} />
        ) : (
          <ErrorAlert error={failure} title={goal ? '保存できませんでした。' : '追加できませんでした。'} />
        )}
        <StatusMessage>{busy ? '保存中…' : ''}</StatusMessage>
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={busy || isConflict}>
            {goal ? '保存' : '追加'}
          </button>
          <button type="button" className="button--secondary" onClick={onCancel} disabled={busy}>
            やめる
          </button>
        </div>
      </form>
    </section>
  );
}

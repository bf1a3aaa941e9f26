/**
 * The goals part of a performance sheet (業績評価シート): the individual goals (何を・目標水準・期限・ウエイト・難易度,
 * each linked to one of the unit's team goals), the evaluator's comment and agreement, the opening interview, and
 * goal revisions (目標の見直し: request → revision interview → the confirmer approves or rejects).
 */
import { useId, useState } from 'react';
import { useDates } from '../../app/dates.js';
import type { SheetView, TeamGoal } from '../../../domain/evaluation/evaluation-api.js';
import {
  goalDifficulties,
  goalDifficultyLabels,
  type Goal,
  type GoalDifficulty,
  type GoalRevision,
  type PerformanceSheet,
} from '../../../domain/evaluation/sheet-workflow.js';
import { ActionButton, ActionFeedback, type SheetRunner } from './sheet-actions.js';
import { CommentActionForm, InterviewForm, InterviewView, Prose, ProseFact, SheetSection, SheetTable } from './sheet-fields.js';
import { randomId } from './sheets.queries.js';

type PerformanceView = Partial<PerformanceSheet> & SheetView['sheet'];

export const newGoal = (): Goal => ({ id: randomId(), teamGoalId: null, title: '', target: '', dueOn: null, weight: null, difficulty: 'standard' });

function teamGoalTitle(teamGoals: readonly TeamGoal[], id: number | null): string {
  if (id === null) return '—';
  return teamGoals.find((t) => t.id === id)?.title ?? `チーム目標(ID ${id})`;
}

function weightTotal(goals: readonly Goal[]): number {
  return goals.reduce((sum, g) => sum + (g.weight ?? 0), 0);
}

/** The goals as a table to read. */
export function GoalsTable({ goals, teamGoals, caption }: { goals: readonly Goal[]; teamGoals: readonly TeamGoal[]; caption: string }) {
  const dates = useDates();
  if (goals.length === 0) return <p>目標はまだ設定されていません。</p>;
  return (
    <SheetTable caption={caption} columns={['番号', '何を(目標の内容)', '目標水準・指標', '期限', 'ウエイト', '難易度', 'チーム目標']}>
      {goals.map((goal, index) => (
        <tr key={goal.id}>
          <th scope="row">目標{index + 1}</th>
          <td>{goal.title || '—'}</td>
          <td className="sheet-prose">{goal.target || '—'}</td>
          <td>{goal.dueOn ? dates.date(goal.dueOn) : '—'}</td>
          <td>{goal.weight === null ? '—' : `${goal.weight}%`}</td>
          <td>{goalDifficultyLabels[goal.difficulty]}</td>
          <td>{teamGoalTitle(teamGoals, goal.teamGoalId)}</td>
        </tr>
      ))}
    </SheetTable>
  );
}

/** The goals as a table of inputs: add and remove rows; ids are made here so that ratings can refer to them. */
export function GoalsEditor({
  goals,
  onChange,
  teamGoals,
  caption,
  disabled,
}: {
  goals: Goal[];
  onChange: (goals: Goal[]) => void;
  teamGoals: readonly TeamGoal[];
  caption: string;
  disabled: boolean;
}) {
  const id = useId();
  const set = (index: number, patch: Partial<Goal>) => onChange(goals.map((g, i) => (i === index ? { ...g, ...patch } : g)));
  const total = weightTotal(goals);
  return (
    <>
      <SheetTable
        caption={caption}
        columns={['番号', '何を(目標の内容)', '目標水準・指標', '期限', 'ウエイト(%)', '難易度', 'チーム目標', '操作']}
        isEditor
      >
        {goals.map((goal, index) => {
          const name = `目標${index + 1}`;
          return (
            <tr key={goal.id}>
              <th scope="row">{name}</th>
              <td>
                <textarea
                  className="sheet-goal-title"
                  aria-label={`${name}の内容`}
                  rows={2}
                  maxLength={200}
                  value={goal.title}
                  onChange={(e) => set(index, { title: e.target.value })}
                />
              </td>
              <td>
                <textarea aria-label={`${name}の目標水準・指標`} rows={2} maxLength={1000} value={goal.target} onChange={(e) => set(index, { target: e.target.value })} />
              </td>
              <td>
                <input type="date" aria-label={`${name}の期限`} value={goal.dueOn ?? ''} onChange={(e) => set(index, { dueOn: e.target.value === '' ? null : e.target.value })} />
              </td>
              <td>
                <input
                  type="number"
                  inputMode="numeric"
                  className="sheet-weight"
                  aria-label={`${name}のウエイト(%)`}
                  min={0}
                  max={100}
                  step={1}
                  value={goal.weight ?? ''}
                  onChange={(e) => set(index, { weight: e.target.value === '' ? null : Number(e.target.value) })}
                />
              </td>
              <td>
                <select aria-label={`${name}の難易度`} value={goal.difficulty} onChange={(e) => set(index, { difficulty: e.target.value as GoalDifficulty })}>
                  {goalDifficulties.map((d) => (
                    <option key={d} value={d}>
                      {goalDifficultyLabels[d]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  aria-label={`${name}のチーム目標`}
                  value={goal.teamGoalId ?? ''}
                  onChange={(e) => set(index, { teamGoalId: e.target.value === '' ? null : Number(e.target.value) })}
                >
                  <option value="">なし</option>
                  {teamGoals.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.title}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button
                  type="button"
                  className="button--danger button--small"
                  disabled={disabled}
                  onClick={() => onChange(goals.filter((_, i) => i !== index))}
                >
                  {name}を削除
                </button>
              </td>
            </tr>
          );
        })}
      </SheetTable>
      <div className="toolbar">
        <button type="button" className="button--secondary" disabled={disabled || goals.length >= 10} onClick={() => onChange([...goals, newGoal()])}>
          目標を追加
        </button>
        <p id={`${id}-total`} className={total === 100 ? 'sheet-total' : 'sheet-total sheet-total--off'}>
          ウエイトの合計: {total}%{total === 100 ? '' : '(合計を100%にしてください)'}
        </p>
      </div>
      {teamGoals.length === 0 ? <p className="hint">所属のチーム目標はまだ設定されていません。設定されると、目標ごとに関連するチーム目標を選べます。</p> : null}
    </>
  );
}

const stamp = (value: unknown) => JSON.stringify(value ?? null);

/** 個人目標: the goals (editable by the evaluatee in draft), the evaluator's comment, agreement or return. */
export function GoalsSection({ runner, sheet }: { runner: SheetRunner; sheet: PerformanceView }) {
  const { view } = runner;
  const isEditable = view.editableFields.includes('goals');
  return (
    <SheetSection title="個人目標" id="sheet-goals">
      <p className="hint">目標は所属のチーム目標と関連づけ、ウエイトの合計を100%にします。</p>
      {isEditable ? (
        <GoalsDraft key={stamp(sheet.goals)} runner={runner} goals={sheet.goals ?? []} />
      ) : (
        <GoalsTable goals={sheet.goals ?? []} teamGoals={view.teamGoals} caption="個人目標" />
      )}
      {sheet.goalsComment ? (
        <div className="subpanel">
          <h3>評価者のコメント</h3>
          <Prose text={sheet.goalsComment} />
        </div>
      ) : null}
      <GoalsReview runner={runner} />
    </SheetSection>
  );
}

function GoalsDraft({ runner, goals: saved }: { runner: SheetRunner; goals: Goal[] }) {
  const [goals, setGoals] = useState<Goal[]>(() => (saved.length > 0 ? structuredClone(saved) : [newGoal()]));
  const isDirty = stamp(goals) !== stamp(saved);
  const save = { type: 'save-goals', goals } as const;
  return (
    <>
      <GoalsEditor goals={goals} onChange={setGoals} teamGoals={runner.view.teamGoals} caption="個人目標(編集)" disabled={runner.isBusy} />
      <ActionFeedback runner={runner} form="goals" />
      <div className="form-actions">
        <ActionButton runner={runner} type="save-goals" variant="secondary" onClick={() => runner.run('goals', [save])} />
        <ActionButton runner={runner} type="submit-goals" onClick={() => runner.run('goals', isDirty ? [save, { type: 'submit-goals' }] : [{ type: 'submit-goals' }])} />
      </div>
      {runner.can('submit-goals') ? <p className="hint">「目標の提出」は入力中の目標を保存してから評価者に提出します。</p> : null}
    </>
  );
}

/** The evaluator's comment with agreement (after the opening interview) or return to the evaluatee. */
function GoalsReview({ runner }: { runner: SheetRunner }) {
  return (
    <CommentActionForm
      runner={runner}
      form="goals-review"
      legend="目標の確認(評価者)"
      hint="期首面談を記録してから目標に合意します。差し戻すと被評価者が目標を修正して再提出します。"
      label="目標へのコメント"
      isRequired
      actions={[{ type: 'agree-goals' }, { type: 'return-goals', variant: 'secondary' }]}
    />
  );
}

/** 期首面談 */
export function OpeningInterviewSection({ runner, sheet }: { runner: SheetRunner; sheet: PerformanceView }) {
  const interview = sheet.openingInterview;
  if (!interview && !runner.can('record-opening-interview')) return null;
  return (
    <SheetSection title="期首面談" id="sheet-opening">
      {interview ? <InterviewView interview={interview} /> : <p>期首面談はまだ記録されていません。</p>}
      <InterviewForm runner={runner} type="record-opening-interview" legend="期首面談の記録(評価者)" periodStartsOn={sheet.periodStartsOn} recorded={interview} />
    </SheetSection>
  );
}

const revisionOutcome = (revision: GoalRevision) => (revision.decision ? (revision.decision.isApproved ? '承認' : '却下') : '審査中');

/** 目標の見直し: the revision under way, the request form, the interview, the decision, and decided revisions. */
export function RevisionSection({ runner, sheet }: { runner: SheetRunner; sheet: PerformanceView }) {
  const { view } = runner;
  const dates = useDates();
  if (!view.visibleFields.includes('revision')) return null;
  const pending = sheet.revision ?? null;
  const decided = sheet.revisions ?? [];
  const canAct = (['request-revision', 'record-revision-interview', 'approve-revision', 'reject-revision'] as const).some((t) => runner.can(t));
  if (!pending && decided.length === 0 && !canAct) return null;
  return (
    <SheetSection title="目標の見直し" id="sheet-revision">
      <p className="hint">予期しない事情で目標の前提が変わったときは、被評価者が見直しを申請し、評価者との面談の後、確認者が承認または却下します。</p>
      {pending ? (
        <div className="subpanel">
          <h3>申請中の見直し</h3>
          <dl className="sheet-facts">
            <div>
              <dt>申請日</dt>
              <dd>{dates.date(pending.requestedOn)}</dd>
            </div>
            <ProseFact term="見直しの理由" text={pending.reason} />
          </dl>
          <GoalsTable goals={pending.proposedGoals} teamGoals={view.teamGoals} caption="見直し後の目標(申請内容)" />
          <h4>見直し面談</h4>
          {pending.interview ? <InterviewView interview={pending.interview} /> : <p>見直し面談はまだ記録されていません。</p>}
        </div>
      ) : null}
      <RevisionRequest key={stamp(sheet.goals)} runner={runner} goals={sheet.goals ?? []} />
      <InterviewForm runner={runner} type="record-revision-interview" legend="見直し面談の記録(評価者)" periodStartsOn={sheet.periodStartsOn} recorded={pending?.interview} />
      <RevisionDecision runner={runner} />
      {decided.length > 0 ? (
        <div className="subpanel">
          <h3>これまでの見直し</h3>
          <ol className="sheet-revisions">
            {decided.map((revision, index) => (
              <li key={`${revision.requestedOn}-${index}`}>
                <p>
                  <span className="tag">{revisionOutcome(revision)}</span> {dates.date(revision.requestedOn)}申請
                  {revision.decision ? `・${dates.date(revision.decision.decidedOn)}決定` : ''}
                </p>
                <dl className="sheet-facts">
                  <ProseFact term="見直しの理由" text={revision.reason} />
                  {revision.decision ? <ProseFact term="確認者のコメント" text={revision.decision.comment} /> : null}
                </dl>
                <details>
                  <summary>申請された目標</summary>
                  <GoalsTable goals={revision.proposedGoals} teamGoals={view.teamGoals} caption={`見直し${index + 1}で申請された目標`} />
                </details>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </SheetSection>
  );
}

function RevisionRequest({ runner, goals: current }: { runner: SheetRunner; goals: Goal[] }) {
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [goals, setGoals] = useState<Goal[]>(() => structuredClone(current));
  if (!runner.can('request-revision')) return null;
  if (!isOpen) {
    return (
      <div className="form-actions">
        <button type="button" className="button--secondary" onClick={() => setOpen(true)}>
          目標の見直しを申請する
        </button>
      </div>
    );
  }
  return (
    <form className="sheet-form subpanel" noValidate onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>目標見直しの申請(被評価者)</legend>
        <div className="field">
          <label htmlFor={`${id}-reason`}>
            見直しの理由<span className="required">必須</span>
          </label>
          <textarea id={`${id}-reason`} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <GoalsEditor goals={goals} onChange={setGoals} teamGoals={runner.view.teamGoals} caption="見直し後の目標" disabled={runner.isBusy} />
        <ActionFeedback runner={runner} form="revision-request" />
        <div className="form-actions">
          <ActionButton
            runner={runner}
            type="request-revision"
            onClick={() => runner.run('revision-request', [{ type: 'request-revision', reason, proposedGoals: goals }])}
          />
          <button type="button" className="button--secondary" disabled={runner.isBusy} onClick={() => setOpen(false)}>
            申請をやめる
          </button>
        </div>
      </fieldset>
    </form>
  );
}

function RevisionDecision({ runner }: { runner: SheetRunner }) {
  return (
    <CommentActionForm
      runner={runner}
      form="revision-decision"
      legend="目標見直しの審査(確認者)"
      label="コメント(却下する場合は必須)"
      actions={[{ type: 'approve-revision' }, { type: 'reject-revision', variant: 'danger' }]}
    />
  );
}

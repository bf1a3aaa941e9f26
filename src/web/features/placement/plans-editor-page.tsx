/**
 * 異動案の編集 /placement/plans/:id (issue 5): the moves of one plan with who goes where and what the rules say of
 * each, the form to add or change a move (a person, a unit, optionally a new position, the reason and — for R3 —
 * the special reason), pin / forbid / stay per person for the optimiser, the live evaluation, the optimiser, the
 * exports (Excel, CSV in UTF-8 or Shift_JIS) and — for hr_admin — approve and apply, each confirmed first, and undo
 * the apply (適用の取り消し) while the server says it may (before the effective date, nobody touched since), after a
 * confirmation step on the page.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api-client.js';
import { useSession } from '../../app/session.js';
import { useDates } from '../../app/dates.js';
import { ConflictAlert, ErrorAlert, Forbidden, Loading, PageHeading, ProblemAlert, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { StaffPicker, type PickedStaff } from '../../components/staff-picker.js';
import { CsvEncodingChoice, ShiftJisCheckButton, ShiftJisCheckOutcome, ShiftJisSubstitutionConfirm, useShiftJisCheck } from '../../components/shift-jis-check.js';
import { planConstraintLabels, planStatusLabels, type MoveView, type PlanDetail, type PlanEvaluationView, type ViolationSummary } from '../../../domain/placement/plans-api.js';
import type { PlanConstraintKind } from '../../../domain/placement/plans-api.js';
import { EvaluationPanel, flagLabel } from './plans-evaluation-panel.js';
import { OptimiserPanel } from './plans-optimiser-panel.js';
import {
  checkPlanExport,
  planExportUrl,
  useAddConstraint,
  useAddMove,
  usePlan,
  usePlanChoices,
  usePlanEvaluation,
  usePlanStep,
  useRemoveConstraint,
  useRemoveMove,
  useUpdateMove,
  type CsvEncoding,
} from './plans.queries.js';
import './plans.css';

const title = '異動案の編集';
const wishLabels: Record<number, string> = { 1: '第1希望', 2: '第2希望', 3: '第3希望' };

const isConflict = (error: unknown) => error instanceof ApiError && error.code === 'common.conflict';

export function PlanEditorPage() {
  const session = useSession();
  const { id } = useParams();
  const planId = Number(id);
  if (!session.isHr) return <Forbidden title={title} />;
  if (!Number.isSafeInteger(planId) || planId <= 0) return <Forbidden title={title} />;
  return <PlanEditor planId={planId} />;
}

function PlanEditor({ planId }: { planId: number }) {
  const plan = usePlan(planId);
  const evaluation = usePlanEvaluation(planId);
  if (plan.isPending) {
    return (
      <>
        <PageHeading title={title} />
        <Loading />
      </>
    );
  }
  if (!plan.data) {
    return (
      <>
        <PageHeading title={title} />
        <ErrorAlert error={plan.error} />
      </>
    );
  }
  return <PlanEditorLoaded detail={plan.data} evaluation={evaluation.data ?? null} evaluationError={evaluation.error} reload={() => void plan.refetch()} />;
}

function PlanEditorLoaded({
  detail,
  evaluation,
  evaluationError,
  reload,
}: {
  detail: PlanDetail;
  evaluation: PlanEvaluationView | null;
  evaluationError: unknown;
  reload: () => void;
}) {
  const id = useId();
  const dates = useDates();
  const { plan } = detail;
  const isDraft = plan.status === 'draft';
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<MoveView | null>(null);
  const removeMove = useRemoveMove(plan.id);
  const addConstraint = useAddConstraint(plan.id);
  const removeConstraint = useRemoveConstraint(plan.id);
  const step = usePlanStep();
  const evaluatedMoves = new Map((evaluation?.evaluation.moves ?? []).map((m) => [m.staffId, m]));
  const mutationError = removeMove.error ?? addConstraint.error ?? removeConstraint.error ?? step.error;

  const onRemove = (move: MoveView) => {
    if (!window.confirm(`${move.name}さんの異動を削除しますか？`)) return;
    removeMove.mutate({ moveId: move.id, version: plan.version }, { onSuccess: () => setMessage(`${move.name}さんの異動を削除しました。`) });
  };
  const onConstraint = (move: MoveView, kind: PlanConstraintKind) => {
    addConstraint.mutate(
      { version: plan.version, staffId: move.staffId, kind, unitId: kind === 'stay' ? null : move.toUnitId },
      { onSuccess: () => setMessage(`${move.name}さんを「${planConstraintLabels[kind]}」に指定しました。`) },
    );
  };
  const onStep = (stepName: 'approve' | 'reopen' | 'apply') => {
    const questions = {
      approve: `異動案「${plan.name}」を承認しますか？承認すると異動は変更できなくなります。`,
      reopen: `異動案「${plan.name}」の承認を取り消して作成中に戻しますか？`,
      apply: `異動案「${plan.name}」を発令(適用)しますか？${dates.date(plan.effectiveDate)}付けで${plan.moveCount}人の配属が切り替わり、評価者・確認者が導き直されます。取り消せるのは発令日の前日までで、その間に対象の職員の配属や評価者・確認者が変更されていない場合だけです。`,
    };
    const done = { approve: '異動案を承認しました。', reopen: '承認を取り消しました。', apply: '異動案を発令(適用)しました。配属と評価者・確認者を切り替えました。' };
    if (!window.confirm(questions[stepName])) return;
    step.mutate({ id: plan.id, version: plan.version, step: stepName }, { onSuccess: () => setMessage(done[stepName]) });
  };

  const violations = step.error instanceof ApiError && step.error.code === 'placement.plan-has-violations' ? ((step.error.details as { violations?: ViolationSummary[] } | undefined)?.violations ?? []) : [];
  return (
    <>
      <PageHeading title={`異動案「${plan.name}」`}>
        <Link to="/placement/plans">異動案の一覧へ</Link>
      </PageHeading>
      <p>
        発令日 {dates.date(plan.effectiveDate)}・<span className={`badge plans-status plans-status--${plan.status}`}>{planStatusLabels[plan.status]}</span>・異動{' '}
        {plan.moveCount}人・版 {plan.version}
      </p>
      <StatusMessage>{message}</StatusMessage>
      {isConflict(mutationError) ? (
        <ConflictAlert
          subject="異動案"
          onReload={() => {
            for (const m of [removeMove, addConstraint, removeConstraint, step]) m.reset();
            reload();
          }}
        />
      ) : (
        <ErrorAlert error={mutationError} title="操作できませんでした。" />
      )}
      {violations.length > 0 ? (
        <ul className="plans-flags" aria-label="承認・発令を妨げている違反">
          {violations.map((v, index) => (
            <li key={index} className="plans-flag plans-flag--violation">
              <strong>{flagLabel(v.rule)}</strong> {v.name ? `${v.name}: ` : ''}
              {v.message} 解消するには: {v.clearedBy}
            </li>
          ))}
        </ul>
      ) : null}

      <section aria-labelledby={`${id}-moves`} className="plans-section">
        <h2 id={`${id}-moves`}>異動</h2>
        {detail.moves.length === 0 ? (
          <p>異動はまだありません。下の「異動を追加」から追加するか、最適化を実行してください。</p>
        ) : (
          <div className="table-wrap" {...scrollRegion('異動の表')}>
            <table className="plans-moves">
              <caption>異動({detail.moves.length}人)</caption>
              <thead>
                <tr>
                  <th scope="col">氏名</th>
                  <th scope="col">現所属・現職位</th>
                  <th scope="col">異動先</th>
                  <th scope="col">新職位</th>
                  <th scope="col">希望</th>
                  <th scope="col">判定</th>
                  <th scope="col">理由</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {detail.moves.map((move) => {
                  const evaluated = evaluatedMoves.get(move.staffId);
                  const flags = evaluated?.flags ?? [];
                  const hasViolation = flags.some((f) => f.severity === 'violation');
                  return (
                    <tr key={move.id} className={hasViolation ? 'plans-row--violation' : undefined}>
                      <th scope="row">
                        {move.name}
                        <span className="hint plans-block">職員番号 {move.employeeNumber}</span>
                        {move.source === 'optimiser' ? <span className="badge plans-source">最適化</span> : null}
                      </th>
                      <td>
                        {move.fromUnitName ?? '—'}
                        <span className="hint plans-block">{move.fromPositionName ?? ''}</span>
                      </td>
                      <td>{move.toUnitName}</td>
                      <td>{move.toPositionId === null ? `${move.toPositionName ?? '—'}(現職位のまま)` : move.toPositionName}</td>
                      <td>{evaluated?.wishRank ? wishLabels[evaluated.wishRank] : '—'}</td>
                      <td>
                        {flags.length === 0 ? (
                          'OK'
                        ) : (
                          <ul className="plans-row-flags">
                            {flags.map((f, index) => (
                              <li key={index} className={`plans-flag--${f.severity}`}>
                                {f.severity === 'violation' ? '違反' : f.severity === 'warning' ? '警告' : '参考'}: {flagLabel(f.rule)}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td>
                        {move.reason || '—'}
                        {move.specialReason ? <span className="hint plans-block">特別な理由: {move.specialReason}</span> : null}
                      </td>
                      <td className="plans-actions">
                        {isDraft ? (
                          <>
                            <button type="button" className="button--secondary button--small" onClick={() => setEditing(move)} aria-label={`${move.name}さんの異動を変更`}>
                              変更
                            </button>
                            <button type="button" className="button--secondary button--small" onClick={() => onRemove(move)} aria-label={`${move.name}さんの異動を削除`}>
                              削除
                            </button>
                            <button type="button" className="button--secondary button--small" onClick={() => onConstraint(move, 'pin')} aria-label={`${move.name}さんの異動先を固定`}>
                              固定
                            </button>
                            <button type="button" className="button--secondary button--small" onClick={() => onConstraint(move, 'forbid')} aria-label={`${move.name}さんのこの異動先を禁止`}>
                              禁止
                            </button>
                            <button type="button" className="button--secondary button--small" onClick={() => onConstraint(move, 'stay')} aria-label={`${move.name}さんを留任に指定`}>
                              留任
                            </button>
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {isDraft ? <MoveForm key={editing?.id ?? 'new'} detail={detail} editing={editing} onDone={(text) => { setEditing(null); setMessage(text); }} /> : null}

      <section aria-labelledby={`${id}-constraints`} className="plans-section">
        <h2 id={`${id}-constraints`}>固定・禁止・留任の指定</h2>
        {detail.constraints.length === 0 ? (
          <p>指定はありません。異動の表の「固定」「禁止」「留任」で指定すると、最適化がそれを守ります。</p>
        ) : (
          <ul className="plans-constraints">
            {detail.constraints.map((c) => (
              <li key={c.id}>
                {c.name}: {planConstraintLabels[c.kind]}
                {c.unitName ? `(${c.unitName})` : ''}{' '}
                {isDraft ? (
                  <button
                    type="button"
                    className="button--link"
                    onClick={() => removeConstraint.mutate({ constraintId: c.id, version: plan.version }, { onSuccess: () => setMessage('指定を取り消しました。') })}
                    aria-label={`${c.name}さんの${planConstraintLabels[c.kind]}を取り消す`}
                  >
                    取り消す
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <ErrorAlert error={evaluationError} title="評価を取得できませんでした。" />
      {evaluation ? <EvaluationPanel view={evaluation} heading="評価(発令日時点)" /> : <Loading label="評価を計算しています…" />}

      {evaluation ? <OptimiserPanel detail={detail} names={evaluation.names} unitNames={evaluation.unitNames} /> : null}

      <ExportSection planId={plan.id} />

      <section aria-labelledby={`${id}-approval`} className="plans-section">
        <h2 id={`${id}-approval`}>承認と発令</h2>
        {!detail.canApprove ? (
          <p className="hint">承認と発令は人事管理者が行います。</p>
        ) : (
          <div className="form-actions">
            {plan.status === 'draft' ? (
              <button type="button" className="button--primary" onClick={() => onStep('approve')} disabled={step.isPending}>
                承認する
              </button>
            ) : null}
            {plan.status === 'approved' ? (
              <>
                <button type="button" className="button--danger" onClick={() => onStep('apply')} disabled={step.isPending}>
                  発令する(配属を切り替える)
                </button>
                <button type="button" className="button--secondary" onClick={() => onStep('reopen')} disabled={step.isPending}>
                  承認を取り消す
                </button>
              </>
            ) : null}
            {plan.status === 'applied' ? <p>この案は発令済みです({plan.appliedAt ? dates.timestamp(plan.appliedAt) : ''})。</p> : null}
          </div>
        )}
        {plan.status === 'applied' && detail.canApprove ? (
          <UndoApply
            detail={detail}
            pending={step.isPending}
            onConfirm={() =>
              step.mutate(
                { id: plan.id, version: plan.version, step: 'undo-apply' },
                { onSuccess: () => setMessage('適用を取り消しました。配属と評価者・確認者を適用前に戻し、案を承認済みに戻しました。') },
              )
            }
          />
        ) : null}
      </section>
    </>
  );
}

/**
 * 適用の取り消し: the button only when the server allows it (canUndoApply), then a confirmation on the page saying
 * what will be put back; otherwise the server's reason why not.
 */
function UndoApply({ detail, pending, onConfirm }: { detail: PlanDetail; pending: boolean; onConfirm: () => void }) {
  const id = useId();
  const dates = useDates();
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) headingRef.current?.focus();
  }, [confirming]);
  const { plan } = detail;
  if (!detail.canUndoApply) {
    return detail.undoApplyRefusal ? <p className="hint plans-undo-refusal">適用の取り消し: {detail.undoApplyRefusal}</p> : null;
  }
  if (!confirming) {
    return (
      <div className="form-actions">
        <button type="button" className="button--secondary" onClick={() => setConfirming(true)} disabled={pending}>
          適用を取り消す
        </button>
      </div>
    );
  }
  return (
    <div role="group" aria-labelledby={`${id}-h`} className="alert alert--warning plans-undo-confirm">
      <h3 id={`${id}-h`} ref={headingRef} tabIndex={-1}>
        適用の取り消しの確認
      </h3>
      <p>
        {dates.date(plan.effectiveDate)}付けの異動({plan.moveCount}人)の適用を取り消します。適用で切り替えた配属と、導き直した評価者・確認者を適用前の状態に戻し、この案を「承認済み」に戻します。
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button--danger"
          disabled={pending}
          onClick={() => {
            setConfirming(false);
            onConfirm();
          }}
        >
          取り消しを確定する
        </button>
        <button type="button" className="button--secondary" onClick={() => setConfirming(false)} disabled={pending}>
          やめる
        </button>
      </div>
    </div>
  );
}

function MoveForm({ detail, editing, onDone }: { detail: PlanDetail; editing: MoveView | null; onDone: (message: string) => void }) {
  const id = useId();
  const choices = usePlanChoices(detail.plan.id);
  const add = useAddMove(detail.plan.id);
  const update = useUpdateMove(detail.plan.id);
  const [person, setPerson] = useState<PickedStaff | null>(null);
  const [unitId, setUnitId] = useState(editing ? String(editing.toUnitId) : '');
  const [positionId, setPositionId] = useState(editing?.toPositionId ? String(editing.toPositionId) : '');
  const [reason, setReason] = useState(editing?.reason ?? '');
  const [specialReason, setSpecialReason] = useState(editing?.specialReason ?? '');
  const [problem, setProblem] = useState('');
  const error = add.error ?? update.error;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!editing && !person) return setProblem('異動する職員を選んでください。');
    if (!unitId) return setProblem('異動先を選んでください。');
    setProblem('');
    const body = {
      version: detail.plan.version,
      toUnitId: Number(unitId),
      toPositionId: positionId ? Number(positionId) : null,
      reason: reason.trim(),
      specialReason: specialReason.trim() === '' ? null : specialReason.trim(),
    };
    if (editing) update.mutate({ ...body, moveId: editing.id }, { onSuccess: () => onDone(`${editing.name}さんの異動を変更しました。`) });
    else if (person) add.mutate({ ...body, staffId: person.id }, { onSuccess: () => onDone(`${person.name}さんの異動を追加しました。`) });
  };

  const heading = editing ? `${editing.name}さんの異動を変更` : '異動を追加';
  return (
    <section aria-labelledby={`${id}-h`} className="plans-section">
      <h2 id={`${id}-h`}>{heading}</h2>
      <form onSubmit={onSubmit} noValidate>
        {editing ? null : (
          <>
            <p className="hint">
              異動候補(在課3年以上・窓口未経験など)は<Link to="/placement/rules">配置ルール</Link>の画面で確認できます。
            </p>
            <StaffPicker label="異動する職員" value={person} onChange={setPerson} />
          </>
        )}
        <ErrorAlert error={choices.error} />
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-unit`}>異動先</label>
            <select id={`${id}-unit`} value={unitId} onChange={(e) => setUnitId(e.target.value)} required aria-required="true">
              <option value="">選んでください</option>
              {(choices.data?.units ?? []).map((u) => (
                <option key={u.unitId} value={u.unitId}>
                  {u.path ? `${u.path} ` : ''}
                  {u.name}
                  {u.isFrontline ? '(窓口)' : ''}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-position`}>新職位</label>
            <select id={`${id}-position`} value={positionId} onChange={(e) => setPositionId(e.target.value)}>
              <option value="">現職位のまま</option>
              {(choices.data?.positions ?? []).map((p) => (
                <option key={p.positionId} value={p.positionId}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--grow">
            <label htmlFor={`${id}-reason`}>理由</label>
            <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </div>
          <div className="field field--grow">
            <label htmlFor={`${id}-special`}>特別な理由(R3: ローテーション期間後で在課5年未満の職員を異動させる場合)</label>
            <textarea id={`${id}-special`} value={specialReason} onChange={(e) => setSpecialReason(e.target.value)} maxLength={500} rows={2} />
          </div>
        </div>
        <ProblemAlert message={problem} />
        <ErrorAlert error={error} title={editing ? '変更できませんでした。' : '追加できませんでした。'} />
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={add.isPending || update.isPending}>
            {editing ? '変更を保存' : '異動を追加'}
          </button>
          {editing ? (
            <button type="button" className="button--secondary" onClick={() => onDone('')}>
              変更をやめる
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

function ExportSection({ planId }: { planId: number }) {
  const id = useId();
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8-bom');
  const sjis = useShiftJisCheck(encoding === 'cp932', () => checkPlanExport(planId));
  return (
    <section aria-labelledby={`${id}-h`} className="plans-section">
      <h2 id={`${id}-h`}>出力</h2>
      <p className="hint">異動案の様式(職員番号・氏名・現所属・現職位・異動先・新職位・理由・特別な理由)で出力します。</p>
      <div className="form-actions">
        <a className="button button--secondary" href={planExportUrl(planId, 'xlsx', 'utf-8-bom', false)} download>
          Excel で出力
        </a>
      </div>
      <CsvEncodingChoice value={encoding} onChange={setEncoding} sjis={sjis} />
      <ShiftJisCheckButton sjis={sjis} variant="secondary" />
      <ShiftJisCheckOutcome sjis={sjis} />
      <ShiftJisSubstitutionConfirm sjis={sjis} describe={(u) => `${u.row}行目 ${u.columnLabel}(職員番号 ${u.employeeNumber})「${u.char}」${u.codePoint}`} />
      {sjis.canDownload ? (
        <div className="form-actions">
          <a className="button button--primary" href={planExportUrl(planId, 'csv', encoding, sjis.replacesUnencodable)} download>
            CSV で出力
          </a>
        </div>
      ) : null}
    </section>
  );
}

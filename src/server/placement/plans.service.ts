/**
 * Transfer plans (異動案, issue 5, policy III-2-(1)): HR keeps several scenarios for an effective date (default the
 * next April 1), adds moves by hand or adopts the optimiser's, pins or forbids moves, sees the plan evaluated live
 * against the rotation rules, 定数 and continuity, compares two plans, approves one without violations and applies
 * it: one transaction ends each person's regular post the day before the effective date, starts the new one on it,
 * re-derives evaluator/confirmer relations as of that date and marks the plan applied, with its audit row.
 *
 * Every change to a plan (its name, moves or constraints) carries the plan's version; a stale one is refused with
 * common.conflict. Moves and constraints change only while the plan is a draft.
 */
import type { ServiceContext } from '../http/context.js';
import type { Executor, Tx } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import { auditInTx, audit } from '../access/audit.service.js';
import { can } from '../access/access.service.js';
import { addDays, nextAprilFirst } from '../../domain/common/fiscal-year.js';
import type { PlacementFacts, PlannedMove } from '../../domain/placement/placement-model.js';
import { evaluatePlan, type PlanEvaluation, type PlanFlag } from '../../domain/placement/plan-evaluation.js';
import {
  planExportHeader,
  type AddConstraintInput,
  type AddMoveInput,
  type ConstraintView,
  type CopyPlanInput,
  type CreatePlanInput,
  type MoveView,
  type PlanComparison,
  type PlanDetail,
  type PlanEvaluationView,
  type PlanList,
  type PlanChoices,
  type PlanStatus,
  type PlanView,
  type UpdateMoveInput,
  type UpdatePlanInput,
  type ViolationSummary,
} from '../../domain/placement/plans-api.js';
import type { CsvOutputEncoding } from '../common/csv-codec.js';
import { csvDownload, unencodableReport, type ExportFile } from '../common/csv-download.js';
import { buildXlsx } from '../common/excel-export.js';
import type { UnencodableReport } from '../../domain/org/org-api.js';
import { createHash } from 'node:crypto';
import { loadPlacementFacts, loadPlacementFactsWith } from './facts.service.js';
import { rebuildRuleRelations } from '../org/relations.service.js';
import { formatDate } from '../../domain/common/wareki.js';
import {
  affectedPeople,
  canonicalPeopleRows,
  changeCounts,
  changedPeople,
  undoApplyRefusal,
  type PlanApplyChanges,
  type PlanApplyFingerprints,
  type UndoRefusal,
} from '../../domain/placement/plan-apply-log.js';
import {
  deleteAssignments,
  deleteConstraint,
  deleteMove,
  deleteRelationRows,
  findMove,
  findOpenApplyLog,
  findPlan,
  insertApplyLog,
  insertConstraints,
  insertMoves,
  insertPlan,
  insertRegularAssignments,
  listPeopleRows,
  markApplyLogUndone,
  reinsertRelationRows,
  restoreAssignmentEnds,
  restoreRelationEnds,
  type ApplyLogRow,
  listConstraints,
  listMoves,
  listPeopleWithPostOn,
  listPlans,
  listPositionRows,
  listRegularAssignmentsFrom,
  listUnitNamesOn,
  setAssignmentEndsOn,
  updateMove,
  updatePlanIfVersion,
  type ConstraintRow,
  type MoveRow,
  type PlanChanges,
  type PlanRow,
} from './plans.repository.js';

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });
const planNotFound = () => new AppError('common.not-found', '異動案が見つかりません。');
const stalePlan = () => new AppError('common.conflict', '他の人が先にこの異動案を更新しました。最新の内容を読み込んでから、もう一度操作してください。');
const notDraft = (plan: PlanRow) =>
  new AppError('placement.plan-invalid-transition', `この異動案は「${statusLabel(plan.status)}」のため変更できません。変更するには承認を取り消すか、案を複製してください。`);
const statusLabel = (status: string) => ({ draft: '作成中', approved: '承認済み', applied: '発令済み', archived: 'アーカイブ' })[status] ?? status;

function toPlanView(row: PlanRow, moveCount: number): PlanView {
  return {
    id: row.id,
    name: row.name,
    effectiveDate: row.effectiveDate,
    status: row.status as PlanStatus,
    note: row.note,
    version: row.version,
    moveCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    approvedAt: row.approvedAt,
    appliedAt: row.appliedAt,
  };
}

async function getPlan(exec: Executor, ctx: ServiceContext, planId: number): Promise<PlanRow> {
  const plan = await findPlan(exec, ctx.actor.municipalityId, planId);
  if (!plan) throw planNotFound();
  return plan;
}

/** Bumps the plan's version inside `tx` (refusing a stale one) and applies `changes`. */
async function bumpPlan(tx: Tx, ctx: ServiceContext, plan: PlanRow, version: number, changes: PlanChanges = {}): Promise<PlanRow> {
  const row = await updatePlanIfVersion(tx, ctx.actor.municipalityId, plan.id, version, changes);
  if (!row) throw stalePlan();
  return row;
}

function requireDraft(plan: PlanRow): void {
  if (plan.status !== 'draft') throw notDraft(plan);
}

/** GET /api/placement/plans */
export async function listTransferPlans(ctx: ServiceContext, input: { includeArchived: boolean }): Promise<PlanList> {
  const rows = await listPlans(ctx.database.db, ctx.actor.municipalityId, input.includeArchived);
  return { items: rows.map((r) => toPlanView(r, r.moveCount)), defaultEffectiveDate: nextAprilFirst(ctx.today) };
}

/** POST /api/placement/plans: a new empty draft; the effective date defaults to the next April 1. */
export async function createTransferPlan(ctx: ServiceContext, input: CreatePlanInput): Promise<PlanView> {
  const row = await ctx.database.db.transaction(async (tx) => {
    const plan = await insertPlan(tx, {
      municipalityId: ctx.actor.municipalityId,
      name: input.name,
      effectiveDate: input.effectiveDate ?? nextAprilFirst(ctx.today),
      note: input.note ?? '',
      createdByAccountId: ctx.actor.accountId,
    });
    await auditInTx(tx, auditSource(ctx), {
      action: 'placement.plan-created',
      outcome: 'succeeded',
      objectType: 'transfer_plan',
      objectId: plan.id,
      details: { effectiveDate: plan.effectiveDate },
    });
    return plan;
  });
  return toPlanView(row, 0);
}

/** The people and units a plan names, resolved once: posts on the day before the effective date, unit names. */
async function moveViewsOf(exec: Executor, ctx: ServiceContext, plan: PlanRow, moves: readonly MoveRow[]): Promise<MoveView[]> {
  const municipalityId = ctx.actor.municipalityId;
  const dayBefore = addDays(plan.effectiveDate, -1);
  const people = new Map((await listPeopleWithPostOn(exec, municipalityId, [...new Set(moves.map((m) => m.staffId))], dayBefore)).map((p) => [p.staffId, p]));
  const unitsBefore = await listUnitNamesOn(exec, municipalityId, dayBefore);
  const unitsAfter = await listUnitNamesOn(exec, municipalityId, plan.effectiveDate);
  const positionNames = new Map((await listPositionRows(exec, municipalityId)).map((p) => [p.positionId, p.name]));
  const views = moves.map((m): MoveView => {
    const p = people.get(m.staffId);
    const toPositionId = m.toPositionId ?? p?.positionId ?? null;
    return {
      id: m.id,
      staffId: m.staffId,
      employeeNumber: p?.employeeNumber ?? '',
      name: p ? `${p.familyName} ${p.givenName}` : '',
      fromUnitId: p?.unitId ?? null,
      fromUnitName: p?.unitId ? (unitsBefore.get(p.unitId) ?? null) : null,
      fromPositionId: p?.positionId ?? null,
      fromPositionName: p?.positionId ? (positionNames.get(p.positionId) ?? null) : null,
      toUnitId: m.toUnitId,
      toUnitName: unitsAfter.get(m.toUnitId) ?? unitsBefore.get(m.toUnitId) ?? '',
      toPositionId: m.toPositionId,
      toPositionName: toPositionId === null ? null : (positionNames.get(toPositionId) ?? null),
      reason: m.reason,
      specialReason: m.specialReason,
      source: m.source as MoveView['source'],
      explanation: Array.isArray(m.explanation) ? (m.explanation as unknown[]).map(String) : [],
    };
  });
  return views.sort((a, b) => a.employeeNumber.localeCompare(b.employeeNumber) || a.id - b.id);
}

async function constraintViewsOf(exec: Executor, ctx: ServiceContext, plan: PlanRow, rows: readonly ConstraintRow[]): Promise<ConstraintView[]> {
  const municipalityId = ctx.actor.municipalityId;
  const people = new Map((await listPeopleWithPostOn(exec, municipalityId, [...new Set(rows.map((r) => r.staffId))], plan.effectiveDate)).map((p) => [p.staffId, p]));
  const units = await listUnitNamesOn(exec, municipalityId, plan.effectiveDate);
  return rows.map((r) => {
    const p = people.get(r.staffId);
    return {
      id: r.id,
      staffId: r.staffId,
      name: p ? `${p.familyName} ${p.givenName}` : '',
      kind: r.kind as ConstraintView['kind'],
      unitId: r.unitId,
      unitName: r.unitId === null ? null : (units.get(r.unitId) ?? null),
    };
  });
}

/** GET /api/placement/plans/{id}: the plan, its moves (with from/to names) and constraints. */
export async function readTransferPlan(ctx: ServiceContext, input: { planId: number }): Promise<PlanDetail> {
  const exec = ctx.database.db;
  const plan = await getPlan(exec, ctx, input.planId);
  const moves = await listMoves(exec, ctx.actor.municipalityId, plan.id);
  const constraints = await listConstraints(exec, ctx.actor.municipalityId, plan.id);
  const approve = await can(ctx.database, ctx.actor, 'placement.plans.approve', {}, ctx.today);
  // Only an applied plan is checked against its apply record; undoing needs the same permission as applying.
  const undoRefusal =
    plan.status !== 'applied'
      ? null
      : approve.allowed
        ? await undoRefusalOf(exec, ctx, plan, await findOpenApplyLog(exec, ctx.actor.municipalityId, plan.id), false)
        : { message: '適用の取り消しは人事管理者が行います。' };
  return {
    plan: toPlanView(plan, moves.length),
    moves: await moveViewsOf(exec, ctx, plan, moves),
    constraints: await constraintViewsOf(exec, ctx, plan, constraints),
    canApprove: approve.allowed,
    canUndoApply: plan.status === 'applied' && undoRefusal === null,
    undoApplyRefusal: plan.status === 'applied' ? (undoRefusal?.message ?? null) : null,
  };
}

/** GET /api/placement/plans/{id}/choices: the units a move may go to (leaf units valid on the date) and the positions. */
export async function readPlanChoices(ctx: ServiceContext, input: { planId: number }): Promise<PlanChoices> {
  const plan = await getPlan(ctx.database.db, ctx, input.planId);
  const facts = await loadPlacementFacts(ctx, plan.effectiveDate);
  const positions = await listPositionRows(ctx.database.db, ctx.actor.municipalityId);
  return {
    units: facts.units.map((u) => ({ unitId: u.unitId, name: u.name, path: u.path, isFrontline: u.isFrontline })),
    positions: positions.map((p) => ({ positionId: p.positionId, name: p.name, level: p.level })),
  };
}

/** PUT /api/placement/plans/{id}: rename the plan or change its note (any status but applied). */
export async function updateTransferPlan(ctx: ServiceContext, input: UpdatePlanInput & { planId: number }): Promise<PlanView> {
  const plan = await getPlan(ctx.database.db, ctx, input.planId);
  if (plan.status === 'applied') throw notDraft(plan);
  return ctx.database.db.transaction(async (tx) => {
    const row = await bumpPlan(tx, ctx, plan, input.version, { name: input.name, note: input.note ?? plan.note });
    await auditInTx(tx, auditSource(ctx), { action: 'placement.plan-updated', outcome: 'succeeded', objectType: 'transfer_plan', objectId: plan.id });
    return toPlanView(row, (await listMoves(tx, ctx.actor.municipalityId, plan.id)).length);
  });
}

/** POST /api/placement/plans/{id}/copy: another scenario with the same date, moves and constraints, as a draft. */
export async function copyTransferPlan(ctx: ServiceContext, input: CopyPlanInput & { planId: number }): Promise<PlanView> {
  const municipalityId = ctx.actor.municipalityId;
  const source = await getPlan(ctx.database.db, ctx, input.planId);
  return ctx.database.db.transaction(async (tx) => {
    const plan = await insertPlan(tx, {
      municipalityId,
      name: input.name,
      effectiveDate: source.effectiveDate,
      note: source.note,
      createdByAccountId: ctx.actor.accountId,
    });
    const moves = await insertMoves(
      tx,
      municipalityId,
      plan.id,
      (await listMoves(tx, municipalityId, source.id)).map((m) => ({
        staffId: m.staffId,
        toUnitId: m.toUnitId,
        toPositionId: m.toPositionId,
        reason: m.reason,
        specialReason: m.specialReason,
        source: m.source,
        explanation: m.explanation,
      })),
    );
    await insertConstraints(
      tx,
      municipalityId,
      plan.id,
      (await listConstraints(tx, municipalityId, source.id)).map((c) => ({ staffId: c.staffId, kind: c.kind, unitId: c.unitId, note: c.note })),
    );
    await auditInTx(tx, auditSource(ctx), {
      action: 'placement.plan-copied',
      outcome: 'succeeded',
      objectType: 'transfer_plan',
      objectId: plan.id,
      details: { fromPlanId: source.id, moves: moves.length },
    });
    return toPlanView(plan, moves.length);
  });
}

/** POST /api/placement/plans/{id}/archive: a draft or approved plan leaves the list (an applied one stays). */
export async function archiveTransferPlan(ctx: ServiceContext, input: { planId: number; version: number }): Promise<PlanView> {
  const plan = await getPlan(ctx.database.db, ctx, input.planId);
  if (plan.status === 'applied' || plan.status === 'archived') throw notDraft(plan);
  return ctx.database.db.transaction(async (tx) => {
    const row = await bumpPlan(tx, ctx, plan, input.version, { status: 'archived' });
    await auditInTx(tx, auditSource(ctx), { action: 'placement.plan-archived', outcome: 'succeeded', objectType: 'transfer_plan', objectId: plan.id });
    return toPlanView(row, (await listMoves(tx, ctx.actor.municipalityId, plan.id)).length);
  });
}

/** The person exists, the unit is valid on the date, the position exists: otherwise a refusal naming the field. */
async function checkMoveTargets(exec: Executor, ctx: ServiceContext, plan: PlanRow, move: { staffId: number; toUnitId: number; toPositionId: number | null }): Promise<void> {
  const municipalityId = ctx.actor.municipalityId;
  const [person] = await listPeopleWithPostOn(exec, municipalityId, [move.staffId], addDays(plan.effectiveDate, -1));
  if (!person) throw new AppError('org.staff-not-found', '職員が見つかりません。');
  const units = await listUnitNamesOn(exec, municipalityId, plan.effectiveDate);
  if (!units.has(move.toUnitId)) throw new AppError('org.unit-not-found', '異動先の所属が発令日に存在しません。');
  if (move.toPositionId !== null && !(await listPositionRows(exec, municipalityId)).some((p) => p.positionId === move.toPositionId)) {
    throw new AppError('common.validation', '新職位が見つかりません。', [{ path: 'toPositionId', code: 'not-found', message: '新職位が見つかりません' }]);
  }
}

const emptyToNull = (text: string | null) => (text === null || text.trim() === '' ? null : text.trim());

/** POST /api/placement/plans/{id}/moves: one move per person per plan. */
export async function addPlanMove(ctx: ServiceContext, input: AddMoveInput & { planId: number }): Promise<PlanDetail> {
  const municipalityId = ctx.actor.municipalityId;
  const plan = await getPlan(ctx.database.db, ctx, input.planId);
  requireDraft(plan);
  await checkMoveTargets(ctx.database.db, ctx, plan, input);
  await ctx.database.db.transaction(async (tx) => {
    await bumpPlan(tx, ctx, plan, input.version);
    if ((await listMoves(tx, municipalityId, plan.id)).some((m) => m.staffId === input.staffId)) {
      throw new AppError('placement.plan-conflict', 'この職員の異動はすでにこの案にあります。既存の異動を変更してください。');
    }
    const [move] = await insertMoves(tx, municipalityId, plan.id, [
      { staffId: input.staffId, toUnitId: input.toUnitId, toPositionId: input.toPositionId, reason: input.reason, specialReason: emptyToNull(input.specialReason), source: 'manual' },
    ]);
    await auditInTx(tx, auditSource(ctx), {
      action: 'placement.plan-move-added',
      outcome: 'succeeded',
      objectType: 'transfer_plan',
      objectId: plan.id,
      details: { moveId: move!.id, staffId: input.staffId, toUnitId: input.toUnitId },
    });
  });
  return readTransferPlan(ctx, { planId: plan.id });
}

/** PUT /api/placement/plans/{id}/moves/{moveId}: an edited move becomes the user's (source manual). */
export async function updatePlanMove(ctx: ServiceContext, input: UpdateMoveInput & { planId: number; moveId: number }): Promise<PlanDetail> {
  const municipalityId = ctx.actor.municipalityId;
  const plan = await getPlan(ctx.database.db, ctx, input.planId);
  requireDraft(plan);
  const move = await findMove(ctx.database.db, municipalityId, plan.id, input.moveId);
  if (!move) throw new AppError('common.not-found', '異動が見つかりません。');
  await checkMoveTargets(ctx.database.db, ctx, plan, { staffId: move.staffId, toUnitId: input.toUnitId, toPositionId: input.toPositionId });
  await ctx.database.db.transaction(async (tx) => {
    await bumpPlan(tx, ctx, plan, input.version);
    await updateMove(tx, municipalityId, move.id, {
      toUnitId: input.toUnitId,
      toPositionId: input.toPositionId,
      reason: input.reason,
      specialReason: emptyToNull(input.specialReason),
    });
    await auditInTx(tx, auditSource(ctx), {
      action: 'placement.plan-move-updated',
      outcome: 'succeeded',
      objectType: 'transfer_plan',
      objectId: plan.id,
      details: { moveId: move.id, staffId: move.staffId, toUnitId: input.toUnitId },
    });
  });
  return readTransferPlan(ctx, { planId: plan.id });
}

/** DELETE /api/placement/plans/{id}/moves/{moveId}?version= */
export async function removePlanMove(ctx: ServiceContext, input: { planId: number; moveId: number; version: number }): Promise<PlanDetail> {
  const municipalityId = ctx.actor.municipalityId;
  const plan = await getPlan(ctx.database.db, ctx, input.planId);
  requireDraft(plan);
  const move = await findMove(ctx.database.db, municipalityId, plan.id, input.moveId);
  if (!move) throw new AppError('common.not-found', '異動が見つかりません。');
  await ctx.database.db.transaction(async (tx) => {
    await bumpPlan(tx, ctx, plan, input.version);
    await deleteMove(tx, municipalityId, move.id);
    await auditInTx(tx, auditSource(ctx), {
      action: 'placement.plan-move-removed',
      outcome: 'succeeded',
      objectType: 'transfer_plan',
      objectId: plan.id,
      details: { moveId: move.id, staffId: move.staffId },
    });
  });
  return readTransferPlan(ctx, { planId: plan.id });
}

/**
 * POST /api/placement/plans/{id}/constraints: pin (must go to the unit), forbid (must not), stay (not moved).
 * A person has at most one pin, a stay excludes pins, and the same constraint is not recorded twice.
 */
export async function addPlanConstraint(ctx: ServiceContext, input: AddConstraintInput & { planId: number }): Promise<PlanDetail> {
  const municipalityId = ctx.actor.municipalityId;
  const plan = await getPlan(ctx.database.db, ctx, input.planId);
  requireDraft(plan);
  const [person] = await listPeopleWithPostOn(ctx.database.db, municipalityId, [input.staffId], plan.effectiveDate);
  if (!person) throw new AppError('org.staff-not-found', '職員が見つかりません。');
  if (input.unitId !== null && !(await listUnitNamesOn(ctx.database.db, municipalityId, plan.effectiveDate)).has(input.unitId)) {
    throw new AppError('org.unit-not-found', '所属が発令日に存在しません。');
  }
  await ctx.database.db.transaction(async (tx) => {
    await bumpPlan(tx, ctx, plan, input.version);
    const own = (await listConstraints(tx, municipalityId, plan.id)).filter((c) => c.staffId === input.staffId);
    const clash =
      own.some((c) => c.kind === input.kind && c.unitId === input.unitId)
        ? '同じ指定がすでにあります。'
        : input.kind === 'pin' && own.some((c) => c.kind === 'pin')
          ? 'この職員はすでに別の所属に固定されています。先にその固定を外してください。'
          : input.kind === 'pin' && own.some((c) => c.kind === 'stay')
            ? 'この職員は留任に指定されています。先に留任を外してください。'
            : input.kind === 'pin' && own.some((c) => c.kind === 'forbid' && c.unitId === input.unitId)
              ? 'この所属への異動は禁止に指定されています。先に禁止を外してください。'
              : input.kind === 'stay' && own.some((c) => c.kind === 'pin')
                ? 'この職員は固定に指定されています。先に固定を外してください。'
                : input.kind === 'forbid' && own.some((c) => c.kind === 'pin' && c.unitId === input.unitId)
                  ? 'この所属には固定に指定されています。先に固定を外してください。'
                  : null;
    if (clash) throw new AppError('placement.plan-conflict', clash);
    const [row] = await insertConstraints(tx, municipalityId, plan.id, [{ staffId: input.staffId, kind: input.kind, unitId: input.unitId }]);
    await auditInTx(tx, auditSource(ctx), {
      action: 'placement.plan-constraint-added',
      outcome: 'succeeded',
      objectType: 'transfer_plan',
      objectId: plan.id,
      details: { constraintId: row!.id, staffId: input.staffId, kind: input.kind, unitId: input.unitId },
    });
  });
  return readTransferPlan(ctx, { planId: plan.id });
}

/** DELETE /api/placement/plans/{id}/constraints/{constraintId}?version= */
export async function removePlanConstraint(ctx: ServiceContext, input: { planId: number; constraintId: number; version: number }): Promise<PlanDetail> {
  const plan = await getPlan(ctx.database.db, ctx, input.planId);
  requireDraft(plan);
  await ctx.database.db.transaction(async (tx) => {
    await bumpPlan(tx, ctx, plan, input.version);
    if (!(await deleteConstraint(tx, ctx.actor.municipalityId, plan.id, input.constraintId))) throw new AppError('common.not-found', '指定が見つかりません。');
    await auditInTx(tx, auditSource(ctx), {
      action: 'placement.plan-constraint-removed',
      outcome: 'succeeded',
      objectType: 'transfer_plan',
      objectId: plan.id,
      details: { constraintId: input.constraintId },
    });
  });
  return readTransferPlan(ctx, { planId: plan.id });
}

const toPlannedMove = (m: MoveRow): PlannedMove => ({
  staffId: m.staffId,
  toUnitId: m.toUnitId,
  toPositionId: m.toPositionId,
  specialReason: m.specialReason,
  source: m.source as PlannedMove['source'],
});

function evaluationView(plan: PlanRow, moveCount: number, facts: PlacementFacts, evaluation: PlanEvaluation): PlanEvaluationView {
  return {
    plan: toPlanView(plan, moveCount),
    evaluation,
    names: Object.fromEntries(facts.people.map((p) => [p.staffId, p.name])),
    unitNames: Object.fromEntries(facts.units.map((u) => [u.unitId, u.name])),
  };
}

/** The facts of each effective date loaded once per request (a comparison of two plans of the same date loads them once). */
function factsLoader(ctx: ServiceContext): (date: string) => Promise<PlacementFacts> {
  const cache = new Map<string, Promise<PlacementFacts>>();
  return (date) => {
    let facts = cache.get(date);
    if (!facts) {
      facts = loadPlacementFacts(ctx, date);
      cache.set(date, facts);
    }
    return facts;
  };
}

async function evaluateRow(ctx: ServiceContext, plan: PlanRow, facts: PlacementFacts): Promise<{ view: PlanEvaluationView; moves: MoveRow[] }> {
  const moves = await listMoves(ctx.database.db, ctx.actor.municipalityId, plan.id);
  const evaluation = evaluatePlan(facts, moves.map(toPlannedMove));
  return { view: evaluationView(plan, moves.length, facts, evaluation), moves };
}

/** GET /api/placement/plans/{id}/evaluation: the plan against the rules, 定数 and continuity as of its effective date. */
export async function evaluateTransferPlan(ctx: ServiceContext, input: { planId: number }): Promise<PlanEvaluationView> {
  const plan = await getPlan(ctx.database.db, ctx, input.planId);
  return (await evaluateRow(ctx, plan, await loadPlacementFacts(ctx, plan.effectiveDate))).view;
}

const sameMove = (a: MoveView, b: MoveView) => a.toUnitId === b.toUnitId && a.toPositionId === b.toPositionId && (a.specialReason ?? '') === (b.specialReason ?? '');

/** GET /api/placement/plans/compare?a=&b=: both evaluations and the people whose move differs. */
export async function compareTransferPlans(ctx: ServiceContext, input: { a: number; b: number }): Promise<PlanComparison> {
  const exec = ctx.database.db;
  const planA = await getPlan(exec, ctx, input.a);
  const planB = await getPlan(exec, ctx, input.b);
  const factsOf = factsLoader(ctx);
  const a = await evaluateRow(ctx, planA, await factsOf(planA.effectiveDate));
  const b = await evaluateRow(ctx, planB, await factsOf(planB.effectiveDate));
  const viewsA = new Map((await moveViewsOf(exec, ctx, planA, a.moves)).map((m) => [m.staffId, m]));
  const viewsB = new Map((await moveViewsOf(exec, ctx, planB, b.moves)).map((m) => [m.staffId, m]));
  const differences: PlanComparison['differences'] = [];
  for (const staffId of [...new Set([...viewsA.keys(), ...viewsB.keys()])]) {
    const inA = viewsA.get(staffId) ?? null;
    const inB = viewsB.get(staffId) ?? null;
    if (inA && inB && sameMove(inA, inB)) continue;
    differences.push({ staffId, name: inA?.name ?? inB?.name ?? '', inA, inB });
  }
  differences.sort((x, y) => (x.inA ?? x.inB)!.employeeNumber.localeCompare((y.inA ?? y.inB)!.employeeNumber));
  return { a: a.view, b: b.view, differences };
}

/** The hard-rule findings of an evaluation: the flags of severity violation. */
function violationsOf(evaluation: PlanEvaluation, facts: PlacementFacts): ViolationSummary[] {
  const names = new Map(facts.people.map((p) => [p.staffId, p.name]));
  return planFlags(evaluation)
    .filter((f) => f.severity === 'violation')
    .map((f) => ({ rule: f.rule, staffId: f.staffId, unitId: f.unitId, message: f.message, clearedBy: f.clearedBy, name: f.staffId === null ? '' : (names.get(f.staffId) ?? '') }));
}

/** Every flag of the evaluation with the plan's moves applied: the moves' own and those about people and units. */
function planFlags(evaluation: PlanEvaluation): PlanFlag[] {
  return [...evaluation.moves.flatMap((m) => m.flags), ...evaluation.flags];
}

function refuseViolations(violations: readonly ViolationSummary[], action: string): never {
  const listed = violations
    .slice(0, 5)
    .map((v) => `${v.name ? `${v.name}: ` : ''}${v.message}`)
    .join(' ');
  throw new AppError(
    'placement.plan-has-violations',
    `ルール違反が${violations.length}件あるため${action}できません。${listed}${violations.length > 5 ? ' ほか' : ''}`,
    { violations },
  );
}

/** POST /api/placement/plans/{id}/approve: a draft without violations becomes approved. */
export async function approveTransferPlan(ctx: ServiceContext, input: { planId: number; version: number }): Promise<PlanView> {
  const plan = await getPlan(ctx.database.db, ctx, input.planId);
  requireDraft(plan);
  const facts = await loadPlacementFacts(ctx, plan.effectiveDate);
  const { moves, view } = await evaluateRow(ctx, plan, facts);
  if (moves.length === 0) throw new AppError('placement.plan-invalid-transition', '異動が1件もない案は承認できません。');
  const violations = violationsOf(view.evaluation, facts);
  if (violations.length > 0) refuseViolations(violations, '承認');
  return ctx.database.db.transaction(async (tx) => {
    const row = await bumpPlan(tx, ctx, plan, input.version, { status: 'approved', approvedByAccountId: ctx.actor.accountId, approvedAt: ctx.now.toISOString() });
    await auditInTx(tx, auditSource(ctx), {
      action: 'placement.plan-approved',
      outcome: 'succeeded',
      objectType: 'transfer_plan',
      objectId: plan.id,
      details: { moves: moves.length, effectiveDate: plan.effectiveDate },
    });
    return toPlanView(row, moves.length);
  });
}

/** POST /api/placement/plans/{id}/reopen: an approved plan goes back to draft (承認の取消し) to be edited. */
export async function reopenTransferPlan(ctx: ServiceContext, input: { planId: number; version: number }): Promise<PlanView> {
  const plan = await getPlan(ctx.database.db, ctx, input.planId);
  if (plan.status !== 'approved') throw new AppError('placement.plan-invalid-transition', '承認済みの案だけ承認を取り消せます。');
  return ctx.database.db.transaction(async (tx) => {
    const row = await bumpPlan(tx, ctx, plan, input.version, { status: 'draft', approvedByAccountId: null, approvedAt: null });
    await auditInTx(tx, auditSource(ctx), { action: 'placement.plan-reopened', outcome: 'succeeded', objectType: 'transfer_plan', objectId: plan.id });
    return toPlanView(row, (await listMoves(tx, ctx.actor.municipalityId, plan.id)).length);
  });
}

export type ApplyResult = { plan: PlanView; assignmentsEnded: number; assignmentsCreated: number; relationsCreated: number };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The digest of each person's assignments and relations (plan-apply-log.ts says which rows), keyed by staff id. */
async function fingerprintsOf(exec: Executor, municipalityId: number, staffIds: readonly number[], lock: boolean): Promise<PlanApplyFingerprints> {
  const rows = await listPeopleRows(exec, municipalityId, staffIds, lock);
  const texts = canonicalPeopleRows(staffIds, rows.assignments, rows.relations);
  return Object.fromEntries([...texts].map(([staffId, text]) => [String(staffId), sha256(text)]));
}

/**
 * POST /api/placement/plans/{id}/apply: an approved plan whose effective date is today or later (a past date would
 * rewrite history that evaluations and payroll already read) is applied in ONE transaction: each mover's regular
 * post in force the day before ends that day and the new one starts on the effective date (position kept unless
 * the move names one; the old post's end, if later, carries over); relations are re-derived as of the date; the plan
 * is marked applied (one per municipality and date, enforced by a unique index); the audit row is written last.
 * The rules are evaluated again first, as the organisation may have changed since the approval.
 */
export async function applyTransferPlan(ctx: ServiceContext, input: { planId: number; version: number }): Promise<ApplyResult> {
  const municipalityId = ctx.actor.municipalityId;
  const plan = await getPlan(ctx.database.db, ctx, input.planId);
  if (plan.status !== 'approved') throw new AppError('placement.plan-invalid-transition', '承認済みの案だけ発令(適用)できます。');
  if (plan.effectiveDate < ctx.today) {
    throw new AppError('placement.plan-invalid-transition', `発令日(${plan.effectiveDate})が過ぎているため適用できません。発令日を今日以降にした案を作り直してください。`);
  }
  const applied = (await listPlans(ctx.database.db, municipalityId, true)).find((p) => p.status === 'applied' && p.effectiveDate === plan.effectiveDate);
  if (applied) throw new AppError('placement.plan-conflict', `発令日${plan.effectiveDate}の異動案「${applied.name}」がすでに発令(適用)されています。`);
  const dayBefore = addDays(plan.effectiveDate, -1);

  const result = await ctx.database.db.transaction(async (tx) => {
    const row = await bumpPlan(tx, ctx, plan, input.version, { status: 'applied', appliedAt: ctx.now.toISOString() });
    const moves = await listMoves(tx, municipalityId, plan.id);
    // Evaluated inside the transaction, on what it will change: the organisation may have moved since the approval.
    const facts = await loadPlacementFactsWith(tx, municipalityId, plan.effectiveDate);
    const violations = violationsOf(evaluatePlan(facts, moves.map(toPlannedMove)), facts);
    if (violations.length > 0) refuseViolations(violations, '発令');
    const current = await listRegularAssignmentsFrom(tx, municipalityId, moves.map((m) => m.staffId), dayBefore);
    const ended: PlanApplyChanges['assignmentsEnded'] = [];
    const created: Parameters<typeof insertRegularAssignments>[1][number][] = [];
    for (const move of moves) {
      const own = current.filter((a) => a.staffId === move.staffId);
      if (own.some((a) => a.startsOn >= plan.effectiveDate)) {
        throw new AppError('placement.plan-conflict', '発令日以降の配属がすでに登録されている職員がいるため適用できません。', { staffId: move.staffId });
      }
      // The post in force the day before: the latest started (as the directory picks it).
      const post = own.filter((a) => a.startsOn <= dayBefore).at(-1);
      if (!post) throw new AppError('placement.plan-conflict', '発令日の前日に本務の配属がない職員がいるため適用できません。', { staffId: move.staffId });
      await setAssignmentEndsOn(tx, municipalityId, post.id, dayBefore);
      ended.push({ id: post.id, staffId: move.staffId, endsOnBefore: post.endsOn });
      created.push({
        municipalityId,
        staffId: move.staffId,
        unitId: move.toUnitId,
        positionId: move.toPositionId ?? post.positionId,
        startsOn: plan.effectiveDate,
        endsOn: post.endsOn !== null && post.endsOn >= plan.effectiveDate ? post.endsOn : null,
      });
    }
    const inserted = await insertRegularAssignments(tx, created);
    const relations = await rebuildRuleRelations(tx, municipalityId, plan.effectiveDate);
    // What the apply wrote and how the affected people's rows look now: the undo puts the first back if the second
    // still holds (ADR 0014, 適用の取り消し).
    const changes: PlanApplyChanges = {
      assignmentsEnded: ended,
      assignmentsCreated: inserted,
      relationsRemoved: relations.changes.removed.map((r) => ({
        id: r.id,
        kind: r.kind,
        subjectStaffId: r.subjectStaffId,
        holderStaffId: r.holderStaffId,
        source: r.source,
        reason: r.reason,
        startsOn: r.startsOn,
        endsOn: r.endsOn,
        createdAt: r.createdAt,
      })),
      relationsEnded: relations.changes.ended.map((r) => ({ id: r.id, subjectStaffId: r.subjectStaffId, endsOnBefore: r.endsOn })),
      relationsReopened: relations.changes.reopened.map((r) => ({ id: r.id, subjectStaffId: r.subjectStaffId, endsOnBefore: r.endsOn })),
      relationsCreated: relations.changes.created,
    };
    await insertApplyLog(tx, {
      municipalityId,
      planId: plan.id,
      effectiveDate: plan.effectiveDate,
      changes,
      fingerprints: await fingerprintsOf(tx, municipalityId, affectedPeople(changes), false),
      appliedByAccountId: ctx.actor.accountId,
      appliedAt: ctx.now.toISOString(),
    });
    await auditInTx(tx, auditSource(ctx), {
      action: 'placement.plan-applied',
      outcome: 'succeeded',
      objectType: 'transfer_plan',
      objectId: plan.id,
      details: { effectiveDate: plan.effectiveDate, moves: moves.length, ...changeCounts(changes) },
    });
    return { plan: toPlanView(row, moves.length), assignmentsEnded: ended.length, assignmentsCreated: inserted.length, relationsCreated: relations.created };
  });
  return result;
}

/**
 * Whether the plan's apply may be undone (undoApplyRefusal in plan-apply-log.ts): the status, the record and the
 * date first; then the affected people's rows against the fingerprints recorded right after the apply. `lock`
 * (inside the undo's transaction) holds those rows until the commit.
 */
async function undoRefusalOf(exec: Executor, ctx: ServiceContext, plan: PlanRow, log: ApplyLogRow | undefined, lock: boolean): Promise<UndoRefusal | null> {
  const municipalityId = ctx.actor.municipalityId;
  const base = {
    status: plan.status,
    hasApplyRecord: log !== undefined,
    effectiveDate: plan.effectiveDate,
    today: ctx.today,
    formatDate: (iso: string) => formatDate(iso, ctx.actor.dateStyle),
  };
  const early = undoApplyRefusal({ ...base, changed: null });
  if (early || !log) return early;
  const recorded = log.fingerprints as PlanApplyFingerprints;
  const changedIds = changedPeople(recorded, await fingerprintsOf(exec, municipalityId, Object.keys(recorded).map(Number), lock));
  if (changedIds.length === 0) return null;
  const people = new Map((await listPeopleWithPostOn(exec, municipalityId, changedIds, ctx.today)).map((p) => [p.staffId, `${p.familyName} ${p.givenName}`]));
  return undoApplyRefusal({ ...base, changed: changedIds.map((staffId) => ({ staffId, name: people.get(staffId) ?? '' })) });
}

function refuseUndo(refusal: UndoRefusal): never {
  throw new AppError('placement.plan-undo-refused', refusal.message, { reason: refusal.reason, staffIds: refusal.staffIds });
}

export type UndoApplyResult = {
  plan: PlanView;
  /** posts the apply had ended, open again as before */
  assignmentsReopened: number;
  /** posts the apply had created, removed */
  assignmentsRemoved: number;
  /** evaluator/confirmer rows put back as they were (removed ones re-inserted, ended or reopened ones with their old end) */
  relationsRestored: number;
  /** evaluator/confirmer rows the apply had created, removed */
  relationsRemoved: number;
};

/**
 * POST /api/placement/plans/{id}/undo-apply (適用の取り消し): an applied plan whose effective date is still ahead, and
 * whose affected people nobody has touched since (another plan, an import, a derivation, a manual edit), goes back to
 * approved in ONE transaction that restores exactly what the apply changed: the posts it ended are open again with
 * their old end, the posts it created are gone, the relation rows it removed are back with their ids, the ones it
 * ended or reopened have their old end, the ones it created are gone. The apply record is marked undone and the
 * audit row, with the counts, is written last. Anything else is refused with placement.plan-undo-refused.
 */
export async function undoTransferPlanApply(ctx: ServiceContext, input: { planId: number; version: number }): Promise<UndoApplyResult> {
  const municipalityId = ctx.actor.municipalityId;
  const plan = await getPlan(ctx.database.db, ctx, input.planId);
  const early = undoApplyRefusal({
    status: plan.status,
    hasApplyRecord: (await findOpenApplyLog(ctx.database.db, municipalityId, plan.id)) !== undefined,
    effectiveDate: plan.effectiveDate,
    today: ctx.today,
    changed: null,
    formatDate: (iso) => formatDate(iso, ctx.actor.dateStyle),
  });
  if (early) refuseUndo(early);

  return ctx.database.db.transaction(async (tx) => {
    // The version bump locks the plan row first: two undos (or an undo and an archive) of the same plan take turns.
    const row = await bumpPlan(tx, ctx, plan, input.version, { status: 'approved', appliedAt: null });
    const log = await findOpenApplyLog(tx, municipalityId, plan.id);
    const refusal = await undoRefusalOf(tx, ctx, plan, log, true);
    if (refusal || !log) refuseUndo(refusal ?? { reason: 'no-apply-record', message: '適用の記録が見つかりません。', staffIds: [] });
    const changes = log.changes as PlanApplyChanges;

    // Reverse order of the apply: relations first (created gone, ends back, removed rows back), then the posts.
    const relationsRemoved = await deleteRelationRows(tx, municipalityId, changes.relationsCreated.map((r) => r.id));
    const relationEnds = await restoreRelationEnds(tx, municipalityId, [
      ...changes.relationsEnded.map((r) => ({ id: r.id, endsOn: r.endsOnBefore })),
      ...changes.relationsReopened.map((r) => ({ id: r.id, endsOn: r.endsOnBefore })),
    ]);
    const reinserted = await reinsertRelationRows(tx, municipalityId, changes.relationsRemoved);
    const assignmentsRemoved = await deleteAssignments(tx, municipalityId, changes.assignmentsCreated.map((a) => a.id));
    const assignmentsReopened = await restoreAssignmentEnds(
      tx,
      municipalityId,
      changes.assignmentsEnded.map((a) => ({ id: a.id, endsOn: a.endsOnBefore })),
    );
    // The fingerprints guarantee every row is there; a shortfall would mean a row vanished under the lock — never commit half.
    const counts = changeCounts(changes);
    if (
      relationsRemoved !== counts.relationsCreated ||
      relationEnds !== counts.relationsEnded + counts.relationsReopened ||
      assignmentsRemoved !== counts.assignmentsCreated ||
      assignmentsReopened !== counts.assignmentsEnded
    ) {
      refuseUndo({ reason: 'changed-since-apply', message: '適用の後に配属または評価者・確認者が変更されているため、適用を取り消せません。', staffIds: [] });
    }
    await markApplyLogUndone(tx, municipalityId, log.id, ctx.actor.accountId, ctx.now.toISOString());
    await auditInTx(tx, auditSource(ctx), {
      action: 'placement.plan-apply-undone',
      outcome: 'succeeded',
      objectType: 'transfer_plan',
      objectId: plan.id,
      details: {
        effectiveDate: plan.effectiveDate,
        applyLogId: log.id,
        assignmentsReopened,
        assignmentsRemoved,
        relationsRestored: relationEnds + reinserted,
        relationsRemoved,
        people: Object.keys(log.fingerprints as PlanApplyFingerprints).length,
      },
    });
    return {
      plan: toPlanView(row, (await listMoves(tx, municipalityId, plan.id)).length),
      assignmentsReopened,
      assignmentsRemoved,
      relationsRestored: relationEnds + reinserted,
      relationsRemoved,
    };
  });
}

/** The rows of the 異動案 layout (planExportHeader), by employee number. */
async function exportRows(ctx: ServiceContext, planId: number): Promise<{ plan: PlanRow; rows: string[][] }> {
  const exec = ctx.database.db;
  const plan = await getPlan(exec, ctx, planId);
  const views = await moveViewsOf(exec, ctx, plan, await listMoves(exec, ctx.actor.municipalityId, plan.id));
  const rows = views.map((m) => [
    m.employeeNumber,
    m.name,
    m.fromUnitName ?? '',
    m.fromPositionName ?? '',
    m.toUnitName,
    m.toPositionName ?? '',
    m.reason,
    m.specialReason ?? '',
  ]);
  return { plan, rows };
}

export type PlanExportInput = { planId: number; format: 'xlsx' | 'csv'; encoding: CsvOutputEncoding; replaceUnencodable: boolean };

/** GET /api/placement/plans/{id}/export: the plan as Excel or CSV (formulas neutralised by the shared writers), audited. */
export async function exportTransferPlan(ctx: ServiceContext, input: PlanExportInput): Promise<ExportFile> {
  const { plan, rows } = await exportRows(ctx, input.planId);
  const header = [...planExportHeader];
  const base = `異動案_${plan.effectiveDate}_${plan.id}`;
  const file: ExportFile =
    input.format === 'xlsx'
      ? {
          bytes: await buildXlsx('異動案', header, rows),
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          asciiFileName: `transfer-plan-${plan.id}.xlsx`,
          fileName: `${base}.xlsx`,
          unencodableCount: 0,
        }
      : csvDownload(header, rows, {
          encoding: input.encoding,
          replaceUnencodable: input.replaceUnencodable,
          asciiFileName: `transfer-plan-${plan.id}.csv`,
          fileName: `${base}.csv`,
        });
  await audit(ctx.database, auditSource(ctx), {
    action: 'placement.plan-exported',
    outcome: 'succeeded',
    objectType: 'transfer_plan',
    objectId: plan.id,
    details: { rows: rows.length, format: input.format, encoding: input.format === 'csv' ? input.encoding : null, replaced: file.unencodableCount },
  });
  return file;
}

/** GET /api/placement/plans/{id}/export/check: what a CSV of the plan in this encoding could not hold. */
export async function checkTransferPlanExport(ctx: ServiceContext, input: { planId: number; encoding: CsvOutputEncoding }): Promise<UnencodableReport> {
  const { rows } = await exportRows(ctx, input.planId);
  return unencodableReport([...planExportHeader], rows, input.encoding);
}

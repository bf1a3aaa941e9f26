/**
 * The optimiser's runs (issue 5): HR starts a run for a draft plan (queued; one solve at a time per process); the
 * run solves in a worker thread
 * (optimiser/worker-host.ts) off the request thread while its row in optimiser_runs holds the status, progress and
 * phase (モデル作成 → LP緩和 → 分枝限定 → 結果の検証) and finally the result or the error. HR adopts a finished run:
 * the plan's optimiser moves are replaced by the proposal in one transaction (manual moves kept).
 *
 * A run left unfinished by a process that died (restart, crash) is marked failed when read after `staleAfterMs`.
 */
import { createHash } from 'node:crypto';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import type { PlanConstraint, PlannedMove } from '../../domain/placement/placement-model.js';
import { evaluatePlan } from '../../domain/placement/plan-evaluation.js';
import { loadPlacementFactsWith } from './facts.service.js';
import { findPlan, insertMoves, listConstraints, listMoves, updatePlanIfVersion, type PlanRow } from './plans.repository.js';
import { deleteOptimiserMoves, failRunIfStale, findRun, insertRun, markRunApplied, updateUnfinishedRun, type RunRow } from './optimiser.repository.js';
import { solveInWorker } from './optimiser/worker-host.js';
import type { OptimiserResult, OptimiserRunView } from '../../domain/placement/optimiser-api.js';
import type { Database } from '../db/client.js';

export type { OptimiserRunView };

/** A run unfinished this long after its start belongs to a process that died (the solver's limit is 120 s). */
export const staleAfterMs = 10 * 60_000;
const solverTimeLimitSeconds = 120;

/** Runs this process is working on (their rows are never stale here), and their completion for tests. */
const activeRuns = new Map<number, Promise<void>>();
let solverQueue: Promise<void> = Promise.resolve();
/** Resolves when every run this process started has finished (tests, shutdown). */
export async function settleOptimiserRuns(): Promise<void> {
  await Promise.all([...activeRuns.values()]);
}

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });
const runNotFound = () => new AppError('common.not-found', '最適化の実行が見つかりません。');
const planNotFound = () => new AppError('common.not-found', '異動案が見つかりません。');
const notDraft = () => new AppError('placement.plan-invalid-transition', '作成中の異動案だけを最適化・採用できます。');

type StoredResult = OptimiserResult & { verification: { violations: number }; planVersion: number };

function toView(row: RunRow): OptimiserRunView {
  const stored = (row.result ?? null) as (StoredResult & { planVersion?: number }) | null;
  const planVersion = stored?.planVersion ?? null;
  let result: OptimiserRunView['result'] = null;
  if (row.status === 'done' && stored) {
    const { planVersion: _omit, ...rest } = stored;
    void _omit;
    result = rest;
  }
  return {
    id: row.id,
    planId: row.planId,
    status: row.status as OptimiserRunView['status'],
    progress: row.progress,
    phase: row.phase,
    planVersion,
    result,
    error: row.error,
    isApplied: row.isApplied,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

async function draftPlan(ctx: ServiceContext, planId: number): Promise<PlanRow> {
  const plan = await findPlan(ctx.database.db, ctx.actor.municipalityId, planId);
  if (!plan) throw planNotFound();
  if (plan.status !== 'draft') throw notDraft();
  return plan;
}

const toConstraint = (c: { staffId: number; kind: string; unitId: number | null }): PlanConstraint | null =>
  c.kind === 'stay' ? { kind: 'stay', staffId: c.staffId } : c.unitId === null ? null : { kind: c.kind as 'pin' | 'forbid', staffId: c.staffId, unitId: c.unitId };

/** POST /api/placement/plans/{planId}/optimiser-runs: starts a run (202); poll it with readOptimiserRun. */
export async function startOptimiserRun(ctx: ServiceContext, input: { planId: number }): Promise<{ run: OptimiserRunView }> {
  const plan = await draftPlan(ctx, input.planId);
  const row = await ctx.database.db.transaction(async (tx) => {
    const inserted = await insertRun(tx, {
      municipalityId: ctx.actor.municipalityId,
      planId: plan.id,
      status: 'queued',
      phase: '順番待ち',
      createdByAccountId: ctx.actor.accountId,
    });
    await auditInTx(tx, auditSource(ctx), {
      action: 'placement.optimiser-run-started',
      outcome: 'succeeded',
      objectType: 'transfer_plan',
      objectId: plan.id,
      details: { runId: inserted.id, planVersion: plan.version },
    });
    return inserted;
  });
  // One solve at a time per process (the solver takes a core; the server has few): later runs wait, queued.
  const work = solverQueue.then(() => runInBackground(ctx.database, ctx.actor.municipalityId, row.id, plan)).finally(() => activeRuns.delete(row.id));
  solverQueue = work;
  activeRuns.set(row.id, work);
  return { run: toView(row) };
}

/** Loads the plan's inputs, solves in a worker, writes progress and the outcome to the run's row. Never throws. */
async function runInBackground(database: Database, municipalityId: number, runId: number, plan: PlanRow): Promise<void> {
  const db = database.db;
  // Progress writes are chained so that they land in order; a late one never overwrites the outcome.
  let chain: Promise<unknown> = Promise.resolve();
  let lastWritten = '';
  const writeProgress = (phase: string, progress: number) => {
    const key = `${phase}:${Math.floor(progress / 10)}`;
    if (key === lastWritten) return;
    lastWritten = key;
    chain = chain.then(() => updateUnfinishedRun(db, runId, { phase, progress: Math.max(0, Math.min(99, Math.round(progress))) })).catch(() => {});
  };
  try {
    await updateUnfinishedRun(db, runId, { status: 'running', phase: 'モデル作成', progress: 1 });
    const facts = await loadPlacementFactsWith(db, municipalityId, plan.effectiveDate);
    const moves = await listMoves(db, municipalityId, plan.id);
    const manualMoves: PlannedMove[] = moves
      .filter((m) => m.source === 'manual')
      .map((m) => ({ staffId: m.staffId, toUnitId: m.toUnitId, toPositionId: m.toPositionId, specialReason: m.specialReason, source: 'manual' }));
    const constraints = (await listConstraints(db, municipalityId, plan.id)).map(toConstraint).filter((c): c is PlanConstraint => c !== null);
    const input = { facts, constraints, manualMoves };
    const digest = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    chain = chain.then(() => updateUnfinishedRun(db, runId, { inputDigest: digest, progress: 3 }));
    const result = await solveInWorker(input, { onProgress: writeProgress }, solverTimeLimitSeconds);
    // 結果の検証: the plan with the proposal applied must break no hard rule the manual moves did not break already.
    const before = evaluatePlan(facts, manualMoves);
    const after = evaluatePlan(facts, [...manualMoves, ...result.proposedMoves]);
    const violations = Math.max(0, after.counts.violations - before.counts.violations);
    const stored: StoredResult = { ...result, verification: { violations }, planVersion: plan.version };
    await chain;
    await updateUnfinishedRun(db, runId, { status: 'done', progress: 100, phase: '完了', result: stored, finishedAt: new Date().toISOString() });
  } catch (err) {
    await chain.catch(() => {});
    const message = err instanceof Error ? err.message : String(err);
    if (!(err instanceof Error && 'isInfeasible' in err)) console.error('optimiser run failed', { runId, message });
    await updateUnfinishedRun(db, runId, { status: 'failed', phase: '失敗', error: message, finishedAt: new Date().toISOString() }).catch(() => {});
  }
}

/** GET /api/placement/optimiser-runs/{runId}: the run's status, progress and — once done — its result. */
export async function readOptimiserRun(ctx: ServiceContext, input: { runId: number }): Promise<{ run: OptimiserRunView }> {
  const municipalityId = ctx.actor.municipalityId;
  let row = await findRun(ctx.database.db, municipalityId, input.runId);
  if (!row) throw runNotFound();
  if ((row.status === 'queued' || row.status === 'running') && !activeRuns.has(row.id)) {
    const failed = await failRunIfStale(ctx.database.db, municipalityId, row.id, staleAfterMs / 1000, '最適化の処理が中断されました(サーバーの再起動など)。もう一度実行してください。');
    if (failed) row = failed;
  }
  return { run: toView(row) };
}

/**
 * POST /api/placement/optimiser-runs/{runId}/adopt: replaces the plan's optimiser moves by the run's proposal in one
 * transaction. The plan must be unchanged since the run started and at `planVersion` (else 409); manual moves stay
 * (a proposal for a person who has one meanwhile is dropped). Answers the plan id and its new version.
 */
export async function adoptOptimiserRun(ctx: ServiceContext, input: { runId: number; planVersion: number }): Promise<{ planId: number; version: number; moves: number }> {
  const municipalityId = ctx.actor.municipalityId;
  const run = await findRun(ctx.database.db, municipalityId, input.runId);
  if (!run) throw runNotFound();
  const view = toView(run);
  if (view.status !== 'done' || view.result === null) throw new AppError('common.conflict', 'この最適化はまだ終わっていないか、失敗しました。');
  const plan = await draftPlan(ctx, run.planId);
  if (view.planVersion !== input.planVersion || plan.version !== input.planVersion) {
    throw new AppError('common.conflict', '最適化の後に異動案が変更されました。最新の内容でもう一度最適化してください。');
  }
  const proposal = view.result.proposedMoves;
  const outcome = await ctx.database.db.transaction(async (tx) => {
    const bumped = await updatePlanIfVersion(tx, municipalityId, plan.id, input.planVersion, {});
    if (!bumped) throw new AppError('common.conflict', '他の人が先にこの異動案を更新しました。最新の内容を読み込んでから、もう一度操作してください。');
    const removed = await deleteOptimiserMoves(tx, municipalityId, plan.id);
    const manual = new Set((await listMoves(tx, municipalityId, plan.id)).map((m) => m.staffId));
    const rows = proposal
      .filter((m) => !manual.has(m.staffId))
      .map((m) => ({
        staffId: m.staffId,
        toUnitId: m.toUnitId,
        toPositionId: m.toPositionId,
        reason: m.explanation.join('。'),
        specialReason: null,
        source: 'optimiser' as const,
        explanation: m.explanation,
      }));
    await insertMoves(tx, municipalityId, plan.id, rows);
    await markRunApplied(tx, municipalityId, run.id);
    await auditInTx(tx, auditSource(ctx), {
      action: 'placement.optimiser-run-adopted',
      outcome: 'succeeded',
      objectType: 'transfer_plan',
      objectId: plan.id,
      details: { runId: run.id, removed, inserted: rows.length, objective: view.result?.objective ?? null },
    });
    return { planId: plan.id, version: bumped.version, moves: rows.length };
  });
  return outcome;
}

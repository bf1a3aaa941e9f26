import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import type { PlanDetail, PlanView } from '../../domain/placement/plans-api.js';
import { settleOptimiserRuns, type OptimiserRunView } from './optimiser.service.js';

let h: Harness;
let hr: Session;

const run = (id: number) => h.callJson<{ run: OptimiserRunView }>(hr, 'GET', `/api/placement/optimiser-runs/${id}`, 200).then((r) => r.run);

async function runToEnd(planId: number): Promise<OptimiserRunView> {
  const started = await h.callJson<{ run: OptimiserRunView }>(hr, 'POST', `/api/placement/plans/${planId}/optimiser-runs`, 202, {});
  expect(started.run.status).toBe('queued');
  expect(started.run.progress).toBe(0);
  await settleOptimiserRuns();
  return run(started.run.id);
}

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrOfficer');
});
afterAll(async () => {
  await settleOptimiserRuns();
  await h.close();
});

describe('optimiser runs', () => {
  it('runs a plan to done in a worker, reports the proof and adopts the proposal (manual moves kept)', async () => {
    const plan = await h.callJson<PlanView>(hr, 'POST', '/api/placement/plans', 201, { name: '最適化テスト' });
    const done = await runToEnd(plan.id);
    expect(done.error).toBeNull();
    expect(done.status).toBe('done');
    expect(done.progress).toBe(100);
    const result = done.result!;
    expect(result.isOptimal).toBe(true);
    expect(result.gap).toBe(0);
    expect(result.bound).toBeGreaterThanOrEqual(result.objective);
    expect(result.sizes.people).toBeGreaterThan(0);
    expect(result.verification.violations).toBe(0);
    for (const m of result.proposedMoves) {
      expect(m.source).toBe('optimiser');
      expect(m.explanation.length).toBeGreaterThan(0);
    }
    expect(await h.queryCount(sql`select count(*)::int as n from optimiser_runs where id = ${done.id} and input_digest is not null`)).toBe(1);

    // adopt: stale version → 409; the right one replaces the optimiser moves
    const stale = await h.call(hr, 'POST', `/api/placement/optimiser-runs/${done.id}/adopt`, { planVersion: plan.version + 5 });
    expect(stale.status).toBe(409);
    const adopted = await h.callJson<{ planId: number; version: number; moves: number }>(hr, 'POST', `/api/placement/optimiser-runs/${done.id}/adopt`, 200, { planVersion: plan.version });
    expect(adopted.planId).toBe(plan.id);
    expect(adopted.version).toBe(plan.version + 1);
    expect(adopted.moves).toBe(result.proposedMoves.length);
    const detail = await h.callJson<PlanDetail>(hr, 'GET', `/api/placement/plans/${plan.id}`, 200);
    const optimiserMoves = detail.moves.filter((m) => m.source === 'optimiser');
    expect(optimiserMoves.length).toBe(result.proposedMoves.length);
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'placement.optimiser-run-adopted'`)).toBe(1);
    // adopting again with the old version is refused (the plan moved on)
    expect((await h.call(hr, 'POST', `/api/placement/optimiser-runs/${done.id}/adopt`, { planVersion: plan.version })).status).toBe(409);

    // a manual move is kept through a second run and its adoption; the optimiser's earlier proposal is replaced
    const someone = result.proposedMoves[0];
    expect(someone).toBeDefined();
    // HR replaces the optimiser's move of one person by a manual one (same unit)
    const moveId = optimiserMoves.find((m) => m.staffId === someone!.staffId)!.id;
    const removed = await h.callJson<PlanDetail>(hr, 'DELETE', `/api/placement/plans/${plan.id}/moves/${moveId}?version=${adopted.version}`, 200);
    const withManual = await h.callJson<PlanDetail>(hr, 'POST', `/api/placement/plans/${plan.id}/moves`, 201, {
      version: removed.plan.version,
      staffId: someone!.staffId,
      toUnitId: someone!.toUnitId,
      toPositionId: null,
      reason: '人事課の判断',
      specialReason: null,
    });
    const second = await runToEnd(plan.id);
    expect(second.status).toBe('done');
    expect(second.result!.proposedMoves.some((m) => m.staffId === someone!.staffId)).toBe(false);
    const again = await h.callJson<{ planId: number; version: number; moves: number }>(hr, 'POST', `/api/placement/optimiser-runs/${second.id}/adopt`, 200, {
      planVersion: withManual.plan.version,
    });
    const after = await h.callJson<PlanDetail>(hr, 'GET', `/api/placement/plans/${plan.id}`, 200);
    expect(after.moves.filter((m) => m.source === 'optimiser').length).toBe(again.moves);
    expect(after.moves.find((m) => m.staffId === someone!.staffId)?.source).toBe('manual');
  });

  it('queues a second run behind the first and runs both to the same result', async () => {
    const plan = await h.callJson<PlanView>(hr, 'POST', '/api/placement/plans', 201, { name: '同時実行テスト' });
    const a = await h.callJson<{ run: OptimiserRunView }>(hr, 'POST', `/api/placement/plans/${plan.id}/optimiser-runs`, 202, {});
    const b = await h.callJson<{ run: OptimiserRunView }>(hr, 'POST', `/api/placement/plans/${plan.id}/optimiser-runs`, 202, {});
    await settleOptimiserRuns();
    const [ra, rb] = [await run(a.run.id), await run(b.run.id)];
    expect([ra.status, rb.status]).toEqual(['done', 'done']);
    expect(JSON.stringify(rb.result!.proposedMoves)).toBe(JSON.stringify(ra.result!.proposedMoves));
  });

  it('marks a run left running by a dead process as failed once it is stale', async () => {
    const plan = await h.callJson<PlanView>(hr, 'POST', '/api/placement/plans', 201, { name: '中断テスト' });
    const rows = await h.queryRows<{ id: number }>(sql`
      insert into optimiser_runs (municipality_id, plan_id, status, progress, phase, created_by_account_id, created_at)
      select municipality_id, id, 'running', 40, 'LP緩和', created_by_account_id, now() - interval '1 hour' from transfer_plans where id = ${plan.id}
      returning id`);
    const stale = await run(rows[0]!.id);
    expect(stale.status).toBe('failed');
    expect(stale.error).toContain('中断');
  });

  it('refuses people without the permission and unknown runs', async () => {
    const staff = await h.loginAs('staff');
    expect((await h.call(staff, 'GET', '/api/placement/optimiser-runs/1')).status).toBe(403);
    expect((await h.call(hr, 'GET', '/api/placement/optimiser-runs/999999')).status).toBe(404);
    expect((await h.call(hr, 'POST', '/api/placement/plans/999999/optimiser-runs', {})).status).toBe(404);
  });
});

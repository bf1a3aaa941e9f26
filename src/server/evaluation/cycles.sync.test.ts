/**
 * The mid-period transfer rule (ADR 0011) through a re-sync: before the self-evaluation the sheet follows the new
 * evaluator and the former one keeps read-only access; after it, the former evaluator finishes the rating.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import type { OpenCycleResult, SheetListItem, SheetView, SyncCycleResult } from '../../domain/evaluation/evaluation-api.js';

let h: Harness;
let hr: Session;
let opened: OpenCycleResult;

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrAdmin');
  opened = await h.callJson<OpenCycleResult>(hr, 'POST', '/api/evaluation/cycles', 201, { fiscalYear: 2025, period: 'second-half' });
});
afterAll(() => h.close());

describe('re-sync after a change of evaluator', () => {
  it('moves draft sheets, keeps sheets in rating with the former evaluator, and records the hand-over', async () => {
    const list = await h.callJson<{ items: SheetListItem[] }>(hr, 'GET', `/api/evaluation/cycles/${opened.cycle.id}/sheets?pageSize=200`, 200);
    const withEvaluator = list.items.filter((i) => i.evaluator !== null && i.evaluatee.employeeNumber !== 'A0001');
    const early = withEvaluator[0]!;
    const late = withEvaluator.find((i) => i.evaluator!.staffId !== early.evaluator!.staffId && i.evaluatee.staffId !== early.evaluator!.staffId)!;
    const newEvaluator = (await h.contextOf('hrAdmin')).actor.staffId!;
    for (const subject of [early, late]) {
      await h.callJson(hr, 'POST', '/api/relations', 201, {
        kind: 'evaluator',
        subjectStaffId: subject.evaluatee.staffId,
        holderStaffId: newEvaluator,
        startsOn: '2025-10-02',
        endsOn: null,
        reason: '異動(テスト)',
      });
    }
    await h.queryRows(sql`update evaluation_sheets set state = 'self-evaluated' where id = ${late.id}`);
    h.setNow(new Date('2025-10-03T10:00:00+09:00'));
    hr = await h.loginAs('hrAdmin');

    const result = await h.callJson<SyncCycleResult>(hr, 'POST', `/api/evaluation/cycles/${opened.cycle.id}/sync`, 200);
    expect(result.reassigned).toEqual([
      expect.objectContaining({ sheetId: early.id, kind: 'evaluator', fromStaffId: early.evaluator!.staffId, fromName: early.evaluator!.name, toStaffId: newEvaluator }),
    ]);
    expect(result.keptForRating).toBe(1);
    expect(result.created).toBe(0);

    const moved = await h.callJson<SheetView>(hr, 'GET', `/api/evaluation/sheets/${early.id}`, 200);
    expect(moved.evaluator?.staffId).toBe(newEvaluator);
    expect(moved.handovers).toEqual([expect.objectContaining({ kind: 'evaluator', former: expect.objectContaining({ staffId: early.evaluator!.staffId }) })]);
    const kept = await h.callJson<SheetView>(hr, 'GET', `/api/evaluation/sheets/${late.id}`, 200);
    expect(kept.evaluator?.staffId).toBe(late.evaluator!.staffId);

    // A second sync finds nothing more to do.
    const again = await h.callJson<SyncCycleResult>(hr, 'POST', `/api/evaluation/cycles/${opened.cycle.id}/sync`, 200);
    expect(again.reassigned).toEqual([]);
    const audits = await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'evaluation.cycle-synced'`);
    expect(audits).toBe(2);
  });

  it('is HR only', async () => {
    const staff = await h.loginAs('staff');
    expect((await h.call(staff, 'POST', `/api/evaluation/cycles/${opened.cycle.id}/sync`)).status).toBe(403);
  });
});

describe('sheets kept by HR', () => {
  it('an evaluatee without an enabled account gets a sheet HR fills in on their behalf', async () => {
    hr = await h.loginAs('hrAdmin');
    const accounts = await h.callJson<{ items: { id: number; staffId: number; loginId: string; version: number }[] }>(hr, 'GET', '/api/accounts?q=D00001&pageSize=5', 200);
    const account = accounts.items.find((a) => a.loginId === 'D00001')!;
    await h.callJson(hr, 'PUT', `/api/accounts/${account.id}/disabled`, 204, { isDisabled: true });
    const opened = await h.callJson<OpenCycleResult>(hr, 'POST', '/api/evaluation/cycles', 201, { fiscalYear: 2025, period: 'first-half' });
    const list = await h.callJson<{ items: SheetListItem[] }>(hr, 'GET', `/api/evaluation/cycles/${opened.cycle.id}/sheets?q=D00001`, 200);
    const item = list.items[0]!;
    expect(item).toMatchObject({ relation: 'hr', isWaitingForMe: true });
    const view = await h.callJson<SheetView>(hr, 'GET', `/api/evaluation/sheets/${item.id}`, 200);
    expect(view.sheet.isHrProxy).toBe(true);
    expect(view.allowedActions).toContain('submit-goals');
    const goals = [{ id: 'p1', teamGoalId: null, title: '窓口補助', target: '受付件数の記録', dueOn: null, weight: 100, difficulty: 'standard' }];
    const saved = await h.callJson<SheetView>(hr, 'POST', `/api/evaluation/sheets/${item.id}/actions`, 200, { version: view.version, requestKey: 'proxy-save-1', action: { type: 'save-goals', goals } });
    const submitted = await h.callJson<SheetView>(hr, 'POST', `/api/evaluation/sheets/${item.id}/actions`, 200, { version: saved.version, requestKey: 'proxy-submit-1', action: { type: 'submit-goals' } });
    expect(submitted.state).toBe('goals-submitted');
    expect(((submitted.sheet as { history: { relation: string }[] }).history.at(-1))!.relation).toBe('hr');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { testToday } from '../db/test-db.js';
import { addDays } from '../../domain/common/fiscal-year.js';
import type { FellowMonitoring, FellowPool, FellowSettingsView, MatchingView, MyPairs, PairDetail, PairList } from '../../domain/workplace/fellow-api.js';

let h: Harness;
let hr: Session;
let staff: Session;
let evaluator: Session;
let auditor: Session;
const ids: Record<string, number> = {};

beforeAll(async () => {
  h = await createHarness();
  [hr, staff, evaluator, auditor] = await Promise.all([h.loginAs('hrAdmin'), h.loginAs('staff'), h.loginAs('evaluator'), h.loginAs('auditor')]);
  const rows = await h.queryRows<{ id: number; employee_number: string }>(sql`select id, employee_number from staff where employee_number in ('A0003','A0004','A0005','A0006','A0008')`);
  for (const r of rows) ids[r.employee_number] = r.id;
});
afterAll(() => h.close());

const fellowBody = (staffId: number, over: Record<string, unknown> = {}) => ({ staffId, capacity: 1, startsOn: '2025-04-01', endsOn: null, isLowCommitment: false, note: '', ...over });

describe('walls', () => {
  it.each([
    ['GET', '/api/workplace/fellows/settings'],
    ['GET', '/api/workplace/fellows/pool'],
    ['GET', '/api/workplace/fellows/matching'],
    ['GET', '/api/workplace/fellows/pairs'],
    ['GET', '/api/workplace/fellows/monitoring'],
  ])('a plain staff member cannot %s %s', async (method, path) => {
    expect((await h.call(staff, method, path)).status).toBe(403);
  });

  it('a plain staff member cannot add fellows or confirm pairs', async () => {
    expect((await h.call(staff, 'POST', '/api/workplace/fellows/pool', fellowBody(ids.A0005!))).status).toBe(403);
    expect((await h.call(staff, 'POST', '/api/workplace/fellows/pairs', { date: testToday, pairs: [{ fellowStaffId: ids.A0006!, juniorStaffId: ids.A0005! }] })).status).toBe(403);
  });

  it('someone without a pair sees an empty list of their own', async () => {
    expect(await h.callJson<MyPairs>(staff, 'GET', '/api/workplace/fellows/my', 200)).toEqual({ today: testToday, asFellow: [], asJunior: [] });
  });
});

describe('pool, matching, confirmation, meetings, monitoring', () => {
  let pairId: number;
  let meetingId: number;

  it('HR widens the junior rule so that A0005 (4th year) is a junior, and keeps the pool', async () => {
    const current = await h.callJson<FellowSettingsView>(hr, 'GET', '/api/workplace/fellows/settings', 200);
    expect(current.settings).toMatchObject({ juniorHiredWithinYears: 2, separation: 'department', excludeLowCommitmentFrom: ['hr-flag'], staleAfterWeeks: 8 });
    const saved = await h.callJson<FellowSettingsView>(hr, 'PUT', '/api/workplace/fellows/settings', 200, { updatedAt: null, settings: { ...current.settings, juniorHiredWithinYears: 5 } });
    expect(saved.isDefault).toBe(false);
    expect((await h.call(hr, 'PUT', '/api/workplace/fellows/settings', { updatedAt: null, settings: current.settings })).status).toBe(409);

    await h.callJson(hr, 'POST', '/api/workplace/fellows/pool', 201, fellowBody(ids.A0006!));
    await h.callJson(hr, 'POST', '/api/workplace/fellows/pool', 201, fellowBody(ids.A0004!, { capacity: 3 }));
    await h.callJson(hr, 'POST', '/api/workplace/fellows/pool', 201, fellowBody(ids.A0008!, { capacity: 3, isLowCommitment: true, note: '面談で確認' }));
    expect((await h.call(hr, 'POST', '/api/workplace/fellows/pool', fellowBody(ids.A0006!, { startsOn: '2025-06-01' }))).status).toBe(409);
    expect((await h.call(hr, 'POST', '/api/workplace/fellows/pool', fellowBody(ids.A0006!, { capacity: 0 }))).status).toBe(400);
    const pool = await h.callJson<FellowPool>(hr, 'GET', '/api/workplace/fellows/pool', 200);
    expect(pool.items.map((i) => [i.employeeNumber, i.capacity, i.isLowCommitment, i.activePairs])).toEqual([
      ['A0004', 3, false, 0],
      ['A0006', 1, false, 0],
      ['A0008', 3, true, 0],
    ].sort((a, b) => ids[a[0] as string]! - ids[b[0] as string]!));
  });

  it('matching never proposes the flagged fellow, the same 部 or the evaluation chain, within capacity', async () => {
    const matching = await h.callJson<MatchingView>(hr, 'GET', `/api/workplace/fellows/matching?date=${testToday}`, 200);
    expect(matching.juniorCount).toBeGreaterThan(3);
    expect(matching.proposals.length).toBe(4); // capacities 1 + 3; A0008 excluded
    expect(matching.proposals.some((p) => p.fellow.employeeNumber === 'A0008')).toBe(false);
    expect(matching.proposals.filter((p) => p.fellow.employeeNumber === 'A0006')).toHaveLength(1);
    for (const p of matching.proposals) expect(p.reason).toMatch(/^部が異なります/);
    // A0004 (市民部, A0005's evaluator) is never A0005's fellow
    expect(matching.proposals.find((p) => p.junior.employeeNumber === 'A0005')?.fellow.employeeNumber).not.toBe('A0004');
    expect(matching.unmatched.length).toBe(matching.juniorCount - 4);
    expect(matching.unmatched.every((u) => u.message.length > 0)).toBe(true);
    // deterministic
    expect(await h.callJson<MatchingView>(hr, 'GET', `/api/workplace/fellows/matching?date=${testToday}`, 200)).toEqual(matching);
  });

  it('HR confirmation re-checks the rules: the evaluator is refused, a proper fellow is paired and both are notified', async () => {
    const refused = await h.call(hr, 'POST', '/api/workplace/fellows/pairs', { date: testToday, pairs: [{ fellowStaffId: ids.A0004!, juniorStaffId: ids.A0005! }] });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('workplace.fellow-pair-refused');
    const low = await h.call(hr, 'POST', '/api/workplace/fellows/pairs', { date: testToday, pairs: [{ fellowStaffId: ids.A0008!, juniorStaffId: ids.A0005! }] });
    expect(low.status).toBe(422);

    const { pairIds } = await h.callJson<{ pairIds: number[] }>(hr, 'POST', '/api/workplace/fellows/pairs', 201, { date: testToday, pairs: [{ fellowStaffId: ids.A0006!, juniorStaffId: ids.A0005! }] });
    pairId = pairIds[0]!;
    const notes = await h.queryRows<{ recipient_staff_id: number; title: string; body: string }>(
      sql`select recipient_staff_id, title, body from notifications where kind = 'workplace.fellow-pair' order by recipient_staff_id`,
    );
    expect(notes).toEqual(
      [ids.A0005!, ids.A0006!].sort((a, b) => a - b).map((id) => ({ recipient_staff_id: id, title: 'フェロー制度の組合せが決まりました', body: '' })),
    );
    // A0006's capacity (1) is used now; A0005 has a fellow
    const again = await h.call(hr, 'POST', '/api/workplace/fellows/pairs', { date: testToday, pairs: [{ fellowStaffId: ids.A0006!, juniorStaffId: ids.A0005! }] });
    expect(again.status).toBe(422);
    const matching = await h.callJson<MatchingView>(hr, 'GET', `/api/workplace/fellows/matching?date=${testToday}`, 200);
    expect(matching.alreadyPairedCount).toBe(1);
    expect(matching.proposals.some((p) => p.fellow.employeeNumber === 'A0006' || p.junior.employeeNumber === 'A0005')).toBe(false);
  });

  it('the two people see their own pair; the evaluator does not', async () => {
    const mine = await h.callJson<MyPairs>(staff, 'GET', '/api/workplace/fellows/my', 200);
    expect(mine.asJunior.map((p) => [p.id, p.fellow.employeeNumber, p.mySide])).toEqual([[pairId, 'A0006', 'junior']]);
    const theirs = await h.callJson<MyPairs>(auditor, 'GET', '/api/workplace/fellows/my', 200);
    expect(theirs.asFellow.map((p) => p.id)).toEqual([pairId]);
    expect((await h.call(evaluator, 'GET', `/api/workplace/fellows/pairs/${pairId}`)).status).toBe(404);
    expect((await h.call(evaluator, 'POST', `/api/workplace/fellows/pairs/${pairId}/meetings`, { plannedOn: testToday })).status).toBe(404);
    expect((await h.callJson<PairDetail>(hr, 'GET', `/api/workplace/fellows/pairs/${pairId}`, 200)).mySide).toBeNull();
  });

  it('either side plans and records a meeting; each answers feedback for their own side; the other sees only that it was given', async () => {
    ({ id: meetingId } = await h.callJson<{ id: number }>(staff, 'POST', `/api/workplace/fellows/pairs/${pairId}/meetings`, 201, { plannedOn: testToday }));
    expect((await h.call(staff, 'PUT', `/api/workplace/fellows/meetings/${meetingId}/feedback`, { usefulness: 4, easeOfTalking: 5, comment: '' })).status).toBe(409);
    expect((await h.call(auditor, 'POST', `/api/workplace/fellows/meetings/${meetingId}/held`, { heldOn: addDays(testToday, 1) })).status).toBe(400);
    expect((await h.call(evaluator, 'POST', `/api/workplace/fellows/meetings/${meetingId}/held`, { heldOn: testToday })).status).toBe(404);
    await h.callJson(auditor, 'POST', `/api/workplace/fellows/meetings/${meetingId}/held`, 200, { heldOn: testToday });
    expect((await h.call(staff, 'POST', `/api/workplace/fellows/meetings/${meetingId}/cancel`)).status).toBe(409);
    expect((await h.call(staff, 'PUT', `/api/workplace/fellows/meetings/${meetingId}/feedback`, { usefulness: 6, easeOfTalking: 5, comment: '' })).status).toBe(400);
    await h.callJson(staff, 'PUT', `/api/workplace/fellows/meetings/${meetingId}/feedback`, 200, { usefulness: 4, easeOfTalking: 5, comment: '異動の不安を聞いてもらえた' });
    expect((await h.call(hr, 'PUT', `/api/workplace/fellows/meetings/${meetingId}/feedback`, { usefulness: 1, easeOfTalking: 1, comment: '' })).status).toBe(404);

    const asFellow = await h.callJson<PairDetail>(auditor, 'GET', `/api/workplace/fellows/pairs/${pairId}`, 200);
    expect(asFellow.meetings[0]!.feedback).toEqual({ fellow: { isAnswered: false, answer: null }, junior: { isAnswered: true, answer: null } });
    const asJunior = await h.callJson<PairDetail>(staff, 'GET', `/api/workplace/fellows/pairs/${pairId}`, 200);
    expect(asJunior.meetings[0]!.feedback.junior.answer).toEqual({ usefulness: 4, easeOfTalking: 5, comment: '異動の不安を聞いてもらえた' });
    const asHr = await h.callJson<PairDetail>(hr, 'GET', `/api/workplace/fellows/pairs/${pairId}`, 200);
    expect(asHr.meetings[0]!.feedback.junior.answer?.comment).toBe('異動の不安を聞いてもらえた');
    expect(asHr).toMatchObject({ lastHeldOn: testToday, meetingsHeld: 1 });
  });

  it('monitoring lists the pair once 8 weeks pass without a meeting, and the health has no comments', async () => {
    const now = await h.callJson<FellowMonitoring>(hr, 'GET', '/api/workplace/fellows/monitoring', 200);
    expect(now.stalePairs).toEqual([]);
    expect(now.pairsAgainstRules).toEqual([]);
    expect(now.health).toMatchObject({ activePairs: 1, meetingsHeld: 1, meetingsPerActivePair: 1, feedback: { junior: { answers: 1, meanUsefulness: 4, meanEaseOfTalking: 5 }, fellow: { answers: 0 } } });
    expect(JSON.stringify(now)).not.toContain('異動の不安');
    h.setNow(new Date(`${addDays(testToday, 57)}T10:00:00+09:00`));
    try {
      const hrLater = await h.loginAs('hrAdmin'); // sessions idle out over 8 weeks
      const later = await h.callJson<FellowMonitoring>(hrLater, 'GET', '/api/workplace/fellows/monitoring', 200);
      expect(later.stalePairs.map((p) => [p.id, p.lastHeldOn, p.weeksSince])).toEqual([[pairId, testToday, 8]]);
    } finally {
      h.setNow(new Date(`${testToday}T10:00:00+09:00`));
    }
    hr = await h.loginAs('hrAdmin');
  });

  it('monitoring flags a pair whose fellow has since become part of the junior\'s evaluation chain', async () => {
    await h.callJson(hr, 'POST', '/api/relations', 201, { kind: 'confirmer', subjectStaffId: ids.A0005!, holderStaffId: ids.A0006!, startsOn: testToday, endsOn: testToday, reason: '臨時の確認者(テスト)' });
    const monitoring = await h.callJson<FellowMonitoring>(hr, 'GET', '/api/workplace/fellows/monitoring', 200);
    expect(monitoring.pairsAgainstRules.map((p) => [p.id, p.problem])).toEqual([[pairId, 'フェローが対象職員の評価者・確認者・所属長になっています。']]);
  });

  it('HR ends the pair: planned meetings after the end are cancelled and no new one can be planned', async () => {
    const { id: later } = await h.callJson<{ id: number }>(auditor, 'POST', `/api/workplace/fellows/pairs/${pairId}/meetings`, 201, { plannedOn: addDays(testToday, 20) });
    await h.callJson(hr, 'POST', `/api/workplace/fellows/pairs/${pairId}/end`, 200, { endsOn: addDays(testToday, 10) });
    expect((await h.call(hr, 'POST', `/api/workplace/fellows/pairs/${pairId}/end`, { endsOn: addDays(testToday, 10) })).status).toBe(409);
    const detail = await h.callJson<PairDetail>(hr, 'GET', `/api/workplace/fellows/pairs/${pairId}`, 200);
    expect(detail.status).toBe('ended');
    expect(detail.meetings.find((m) => m.id === later)!.status).toBe('cancelled');
    expect((await h.call(staff, 'POST', `/api/workplace/fellows/pairs/${pairId}/meetings`, { plannedOn: testToday })).status).toBe(409);
    const list = await h.callJson<PairList>(hr, 'GET', '/api/workplace/fellows/pairs?status=ended', 200);
    expect(list.items.map((p) => p.id)).toEqual([pairId]);
  });
});

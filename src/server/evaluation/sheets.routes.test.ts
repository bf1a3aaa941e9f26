/**
 * The sheets API end to end on the real database: opening a cycle, one performance half-year through every
 * step with the three relations and HR, the walls between them, conflicts, idempotent submissions, audited
 * reads, reassignment with a former evaluator's read-only access, and the ability sheet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import type { OpenCycleResult, SheetListItem, SheetView } from '../../domain/evaluation/evaluation-api.js';
import type { SheetAction } from '../../domain/evaluation/sheet-workflow.js';

let h: Harness;
let hr: Session;
let staff: Session;
let evaluator: Session;
let confirmer: Session;
let outsider: Session;
let opened: OpenCycleResult;
let sheetId: number;
let keySeq = 0;
const key = () => `test-key-${++keySeq}-${Date.now()}`;

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrAdmin');
  staff = await h.loginAs('staff');
  evaluator = await h.loginAs('evaluator');
  confirmer = await h.loginAs('unitHead');
  outsider = await h.loginAs('auditor');
  opened = await h.callJson<OpenCycleResult>(hr, 'POST', '/api/evaluation/cycles', 201, { fiscalYear: 2025, period: 'second-half' });
  const mine = await h.callJson<{ items: SheetListItem[] }>(staff, 'GET', '/api/evaluation/my-sheets', 200);
  sheetId = mine.items[0]!.id;
});
afterAll(() => h.close());

async function view(session: Session) {
  return h.callJson<SheetView>(session, 'GET', `/api/evaluation/sheets/${sheetId}`, 200);
}

async function act(session: Session, action: SheetAction, status = 200) {
  const current = await view(session);
  const res = await h.call(session, 'POST', `/api/evaluation/sheets/${sheetId}/actions`, { version: current.version, requestKey: key(), action });
  const body = (await res.json()) as SheetView & { error?: { code: string; message: string } };
  expect({ status: res.status, error: body.error }).toMatchObject({ status });
  return body;
}

const goals = [
  { id: 'g1', teamGoalId: null, title: '窓口の待ち時間を短くする', target: '平均待ち時間15分以内', dueOn: '2026-03-31', weight: 60, difficulty: 'standard' as const },
  { id: 'g2', teamGoalId: null, title: '届出書類の記入例を作る', target: '5種類', dueOn: '2026-02-28', weight: 40, difficulty: 'high' as const },
];

const readAudits = () => h.queryCount(sql`select count(*)::int as n from audit_log where action = 'evaluation.sheet-read' and object_id = ${String(sheetId)}`);

describe('opening a cycle', () => {
  it('creates one sheet per person in scope with evaluator and confirmer from the relations', async () => {
    expect(opened.created).toBeGreaterThan(100);
    expect(opened.cycle).toMatchObject({ fiscalYear: 2025, period: 'second-half', kind: 'performance', startsOn: '2025-10-01', endsOn: '2026-03-31' });
    const mine = await h.callJson<{ items: SheetListItem[] }>(staff, 'GET', '/api/evaluation/my-sheets', 200);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ relation: 'evaluatee', state: 'draft', isWaitingForMe: true, nextDue: { step: 'goal-submission', dueOn: '2025-11-10', isOverdue: false } });
    expect(mine.items[0]!.evaluator?.name).toBeTruthy();
    expect(mine.items[0]!.confirmer?.name).toBeTruthy();
  });

  it('lists the cycle with its sheet count', async () => {
    const { cycles } = await h.callJson<{ cycles: { id: number; sheetCount: number }[] }>(staff, 'GET', '/api/evaluation/cycles', 200);
    expect(cycles.find((c) => c.id === opened.cycle.id)?.sheetCount).toBe(opened.created);
  });

  it('refuses to open the same cycle twice', async () => {
    const res = await h.call(hr, 'POST', '/api/evaluation/cycles', { fiscalYear: 2025, period: 'second-half' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('evaluation.cycle-exists');
  });

  it('refuses a relations date outside the period, and plain staff', async () => {
    const res = await h.call(hr, 'POST', '/api/evaluation/cycles', { fiscalYear: 2025, period: 'first-half', relationsAsOf: '2025-10-01' });
    expect(res.status).toBe(400);
    expect((await h.call(staff, 'POST', '/api/evaluation/cycles', { fiscalYear: 2025, period: 'first-half' })).status).toBe(403);
  });

  it('shows the sheet in the evaluator\'s and the confirmer\'s queue', async () => {
    const queue = await h.callJson<{ items: SheetListItem[] }>(evaluator, 'GET', '/api/evaluation/queue', 200);
    const item = queue.items.find((i) => i.id === sheetId);
    expect(item).toMatchObject({ relation: 'evaluator', isWaitingForMe: false });
    const confirmerQueue = await h.callJson<{ items: SheetListItem[] }>(confirmer, 'GET', '/api/evaluation/queue', 200);
    expect(confirmerQueue.items.find((i) => i.id === sheetId)).toMatchObject({ relation: 'confirmer' });
  });
});

describe('a performance half-year', () => {
  it('keeps an unrelated person out', async () => {
    expect((await h.call(outsider, 'GET', `/api/evaluation/sheets/${sheetId}`)).status).toBe(403);
    expect((await h.call(outsider, 'POST', `/api/evaluation/sheets/${sheetId}/actions`, { version: 1, requestKey: key(), action: { type: 'submit-goals' } })).status).toBe(403);
  });

  it('goes from goals to a closed sheet, with a revision and a complaint', async () => {
    await act(staff, { type: 'save-goals', goals });
    // The evaluator cannot write the evaluatee's goals.
    const refused = await act(evaluator, { type: 'save-goals', goals }, 403);
    expect(refused.error?.code).toBe('evaluation.forbidden-relation');
    let v = await act(staff, { type: 'submit-goals' });
    expect(v.state).toBe('goals-submitted');
    // The evaluator is told it is their turn.
    const evaluatorStaffId = v.evaluator!.staffId;
    const told = await h.queryRows<{ title: string; link: string }>(
      sql`select title, link from notifications where recipient_staff_id = ${evaluatorStaffId} and kind = 'evaluation.turn' order by id desc limit 1`,
    );
    expect(told[0]).toEqual({ title: '評価シートの対応をお願いします(目標提出済み)', link: `/evaluation/sheets/${sheetId}` });
    const agreeTooEarly = await act(evaluator, { type: 'agree-goals', comment: '了解' }, 422);
    expect(agreeTooEarly.error?.code).toBe('evaluation.opening-interview-missing');
    await act(evaluator, { type: 'record-opening-interview', interview: { heldOn: '2025-10-01', notes: '期首面談' } });
    v = await act(evaluator, { type: 'agree-goals', comment: '目標に合意します' });
    expect(v.state).toBe('goals-agreed');

    // Goal revision: request → interview → the confirmer approves.
    const revised = [goals[0]!, { ...goals[1]!, title: '届出書類の記入例を作る(異動対応)', weight: 40 }];
    await act(staff, { type: 'request-revision', reason: '制度改正があったため', proposedGoals: revised });
    await act(evaluator, { type: 'record-revision-interview', interview: { heldOn: '2025-10-01', notes: '見直し面談' } });
    const evaluatorTries = await act(evaluator, { type: 'approve-revision', comment: '' }, 403);
    expect(evaluatorTries.error?.code).toBe('evaluation.forbidden-relation');
    v = await act(confirmer, { type: 'approve-revision', comment: '承認します' });
    expect(v.state).toBe('goals-agreed');
    expect((v.sheet as { goals: { title: string }[] }).goals[1]!.title).toContain('異動対応');

    await act(staff, { type: 'save-self-evaluation', assessment: { entries: { g1: { grade: 'A', comment: 'よくできた' }, g2: { grade: 'B', comment: '' } }, overallGrade: 'A', comment: '自己評価' } });
    await act(staff, { type: 'submit-self-evaluation' });
    // The evaluator cannot change the self-evaluation.
    expect((await act(evaluator, { type: 'save-self-evaluation', assessment: { entries: {}, overallGrade: null, comment: '' } }, 409)).error?.code).toBe('evaluation.invalid-transition');
    await act(evaluator, { type: 'record-closing-interview', interview: { heldOn: '2025-10-01', notes: '期末面談' } });
    await act(evaluator, { type: 'save-rating', assessment: { entries: { g1: { grade: 'A', comment: '' }, g2: { grade: 'B', comment: '' } }, overallGrade: 'A', comment: '評価者コメント' } });
    v = await act(evaluator, { type: 'submit-rating' });
    expect(v.state).toBe('evaluator-rated');

    // Before disclosure the evaluatee sees neither the rating nor the final grade.
    let own = await view(staff);
    expect(own.sheet).not.toHaveProperty('rating');
    expect(own.visibleFields).not.toContain('rating');

    await act(confirmer, { type: 'save-confirmer-notes', notes: '内部メモ:他課との均衡を確認' });
    await act(confirmer, { type: 'save-adjustment', adjustment: { overallGrade: 'B', reason: '課内の均衡' } });
    v = await act(confirmer, { type: 'confirm' });
    expect(v.state).toBe('confirmer-confirmed');
    const asEvaluator = await view(evaluator);
    expect(asEvaluator.sheet).not.toHaveProperty('confirmerNotes');
    expect(asEvaluator.sheet).toHaveProperty('finalGrade', 'B');

    await act(evaluator, { type: 'record-feedback', interview: { heldOn: '2025-10-01', notes: 'フィードバック面談' } });
    v = await act(hr, { type: 'disclose-result' });
    expect(v.state).toBe('result-disclosed');
    own = await view(staff);
    expect(own.sheet).toHaveProperty('finalGrade', 'B');
    expect(own.sheet).not.toHaveProperty('confirmerNotes');
    expect(JSON.stringify(own)).not.toContain('内部メモ');
    expect(own.sheet).toHaveProperty('complaintUntil', '2025-10-08');

    await act(staff, { type: 'consult-complaint', text: '調整の理由を知りたい' });
    // Complaints stay between the evaluatee and HR.
    expect(JSON.stringify(await view(evaluator))).not.toContain('調整の理由を知りたい');
    v = await act(hr, { type: 'handle-complaint', outcome: 'grade-revised', notes: '再確認の結果、評価を修正', revisedGrade: 'A' });
    expect(v.sheet).toHaveProperty('finalGrade', 'A');
    v = await act(hr, { type: 'close' });
    expect(v.state).toBe('closed');
    expect(v.allowedActions).toEqual([]);
    expect((await act(hr, { type: 'close' }, 409)).error?.code).toBe('evaluation.sheet-locked');

    const [row] = await h.queryRows<{ state: string; final_grade: string; rated_grade: string; completed_steps: string[] }>(
      sql`select state, final_grade, rated_grade, completed_steps from evaluation_sheets where id = ${sheetId}`,
    );
    expect(row).toMatchObject({ state: 'closed', final_grade: 'A', rated_grade: 'A' });
    expect(row!.completed_steps).toContain('submission');
  });

  it('audits every read of the sheet by someone other than the evaluatee', async () => {
    const before = await readAudits();
    await view(staff);
    await view(evaluator);
    await view(hr);
    const after = await readAudits();
    expect(after - before).toBe(2);
  });
});

describe('concurrency and repeats', () => {
  let otherId: number;
  beforeAll(async () => {
    const list = await h.callJson<{ items: SheetListItem[] }>(hr, 'GET', `/api/evaluation/cycles/${opened.cycle.id}/sheets?pageSize=200`, 200);
    otherId = list.items.find((i) => i.evaluatee.employeeNumber !== 'A0005' && i.evaluatee.employeeNumber !== 'A0001' && i.state === 'draft')!.id;
  });

  it('two saves of the same version at once: one succeeds, the other is a conflict', async () => {
    const before = await h.callJson<SheetView>(hr, 'GET', `/api/evaluation/sheets/${otherId}`, 200);
    const save = (text: string) =>
      h.call(hr, 'POST', `/api/evaluation/sheets/${otherId}/actions`, {
        version: before.version,
        requestKey: key(),
        action: { type: 'save-learning', records: [{ id: 'r1', kind: 'training', title: text, startedOn: '2025-10-01', endedOn: null, hours: 3, note: '' }] },
      });
    const results = await Promise.all([save('新任係長研修'), save('文書事務研修')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const after = await h.callJson<SheetView>(hr, 'GET', `/api/evaluation/sheets/${otherId}`, 200);
    expect(after.version).toBe(before.version + 1);
  });

  it('a repeated submission with the same request key creates nothing twice', async () => {
    const before = await h.callJson<SheetView>(hr, 'GET', `/api/evaluation/sheets/${otherId}`, 200);
    const body = {
      version: before.version,
      requestKey: key(),
      action: { type: 'save-learning', records: [{ id: 'r2', kind: 'self-directed', title: '通信教育 行政法', startedOn: '2025-10-01', endedOn: null, hours: 20, note: '' }] },
    };
    const first = await h.call(hr, 'POST', `/api/evaluation/sheets/${otherId}/actions`, body);
    const second = await h.call(hr, 'POST', `/api/evaluation/sheets/${otherId}/actions`, body);
    expect([first.status, second.status]).toEqual([200, 200]);
    const a = (await first.json()) as SheetView;
    const b = (await second.json()) as SheetView;
    expect(b.version).toBe(a.version);
    const actions = await h.queryCount(sql`select count(*)::int as n from evaluation_sheet_actions where sheet_id = ${otherId} and request_key = ${body.requestKey}`);
    expect(actions).toBe(1);
  });

  it('a stale version is a conflict with a Japanese message', async () => {
    const res = await h.call(hr, 'POST', `/api/evaluation/sheets/${otherId}/actions`, { version: 1, requestKey: key(), action: { type: 'save-learning', records: [] } });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('common.conflict');
    expect(body.error.message).toMatch(/他の人が先に/);
  });
});

describe('reassignment and the former evaluator', () => {
  it('moves the sheet to the new evaluator; the former one reads it, cannot act, and loses access at feedback', async () => {
    const target = (await h.callJson<{ items: SheetListItem[] }>(evaluator, 'GET', '/api/evaluation/queue', 200)).items.find((i) => i.relation === 'evaluator' && i.state === 'draft')!;
    const before = await h.callJson<SheetView>(hr, 'GET', `/api/evaluation/sheets/${target.id}`, 200);
    const hrStaffId = (await h.contextOf('hrAdmin')).actor.staffId!;
    const after = await h.callJson<SheetView>(hr, 'PUT', `/api/evaluation/sheets/${target.id}/assignees`, 200, {
      version: before.version,
      evaluatorStaffId: hrStaffId,
      confirmerStaffId: before.confirmer?.staffId ?? null,
      reason: '評価者の長期休暇のため',
    });
    expect(after.evaluator?.staffId).toBe(hrStaffId);
    expect(after.handovers).toEqual([expect.objectContaining({ kind: 'evaluator', former: expect.objectContaining({ staffId: before.evaluator!.staffId }), reason: '評価者の長期休暇のため' })]);

    const asFormer = await h.callJson<SheetView>(evaluator, 'GET', `/api/evaluation/sheets/${target.id}`, 200);
    expect(asFormer.relation).toBe('former-evaluator');
    expect(asFormer.allowedActions).toEqual([]);
    const queue = await h.callJson<{ items: SheetListItem[] }>(evaluator, 'GET', '/api/evaluation/queue', 200);
    expect(queue.items.find((i) => i.id === target.id)).toMatchObject({ relation: 'former-evaluator', isWaitingForMe: false });
    const refused = await h.call(evaluator, 'POST', `/api/evaluation/sheets/${target.id}/actions`, { version: after.version, requestKey: key(), action: { type: 'submit-goals' } });
    expect(refused.status).toBe(403);
    // Once feedback is given the former evaluator's access ends.
    await h.queryRows(sql`update evaluation_sheets set state = 'feedback-given' where id = ${target.id}`);
    expect((await h.call(evaluator, 'GET', `/api/evaluation/sheets/${target.id}`)).status).toBe(403);
    await h.queryRows(sql`update evaluation_sheets set state = 'draft' where id = ${target.id}`);
  });

  it('refuses naming the evaluatee as their own evaluator, and reassigning one\'s own sheet', async () => {
    const mine = await h.callJson<{ items: SheetListItem[] }>(hr, 'GET', '/api/evaluation/my-sheets', 200);
    const own = mine.items[0]!;
    const res = await h.call(hr, 'PUT', `/api/evaluation/sheets/${own.id}/assignees`, { version: own.version, evaluatorStaffId: null, confirmerStaffId: null, reason: 'x' });
    expect(res.status).toBe(403);
    const other = await h.callJson<SheetView>(hr, 'GET', `/api/evaluation/sheets/${sheetId}`, 200);
    const self = await h.call(hr, 'PUT', `/api/evaluation/sheets/${sheetId}/assignees`, { version: other.version, evaluatorStaffId: other.evaluatee.staffId, confirmerStaffId: null, reason: 'x' });
    expect([400, 409]).toContain(self.status);
  });

  it("HR's own sheet shows HR only the evaluatee's view", async () => {
    const mine = await h.callJson<{ items: SheetListItem[] }>(hr, 'GET', '/api/evaluation/my-sheets', 200);
    const own = await h.callJson<SheetView>(hr, 'GET', `/api/evaluation/sheets/${mine.items[0]!.id}`, 200);
    expect(own.relation).toBe('evaluatee');
    expect(own.visibleFields).not.toContain('confirmerNotes');
    expect(own.allowedActions).not.toContain('disclose-result');
  });
});

describe('the ability sheet', () => {
  it('opens with only the items of the person\'s position level, digital skills included, and runs to feedback', async () => {
    const result = await h.callJson<OpenCycleResult>(hr, 'POST', '/api/evaluation/cycles', 201, { fiscalYear: 2025, period: 'year' });
    expect(result.cycle.kind).toBe('ability');
    const mine = await h.callJson<{ items: SheetListItem[] }>(staff, 'GET', '/api/evaluation/my-sheets', 200);
    const ability = mine.items.find((i) => i.kind === 'ability')!;
    const v = await h.callJson<SheetView>(staff, 'GET', `/api/evaluation/sheets/${ability.id}`, 200);
    const items = (v.sheet as { items: { id: string; group: string }[] }).items;
    expect(items.length).toBeGreaterThan(5);
    expect(items.some((i) => i.group === 'digital')).toBe(true);
    const stored = await h.queryRows<{ has_items: boolean }>(sql`select document ? 'items' as has_items from evaluation_sheets where id = ${ability.id}`);
    expect(stored[0]!.has_items).toBe(false);

    const entries = Object.fromEntries(items.map((i) => [i.id, { grade: 'B', comment: '' }]));
    const step = async (session: Session, action: SheetAction) => {
      const cur = await h.callJson<SheetView>(session, 'GET', `/api/evaluation/sheets/${ability.id}`, 200);
      return h.callJson<SheetView>(session, 'POST', `/api/evaluation/sheets/${ability.id}/actions`, 200, { version: cur.version, requestKey: key(), action });
    };
    await step(staff, { type: 'save-self-evaluation', assessment: { entries, overallGrade: 'B', comment: '' } });
    expect((await step(staff, { type: 'submit-self-evaluation' })).state).toBe('self-rated');
    await step(evaluator, { type: 'save-rating', assessment: { entries, overallGrade: 'B', comment: '標準的' } });
    expect((await step(evaluator, { type: 'submit-rating' })).state).toBe('evaluator-rated');
    expect((await step(confirmer, { type: 'confirm' })).state).toBe('confirmer-confirmed');
    const done = await step(evaluator, { type: 'record-feedback', interview: { heldOn: '2025-10-01', notes: '' } });
    expect(done.state).toBe('feedback-given');
    expect(done.sheet).toHaveProperty('finalGrade', 'B');
  });
});

describe('team goals', () => {
  it('the unit head sets them, staff link goals to them, and a linked one cannot be deleted', async () => {
    const cycles = await h.callJson<{ cycles: { id: number; period: string; fiscalYear: number }[] }>(staff, 'GET', '/api/evaluation/cycles', 200);
    const cycle = cycles.cycles.find((c) => c.period === 'second-half' && c.fiscalYear === 2025)!;
    const mine = (await h.callJson<{ items: SheetListItem[] }>(evaluator, 'GET', '/api/evaluation/my-sheets', 200)).items.find((i) => i.cycleId === cycle.id)!;
    const view0 = await h.callJson<SheetView>(evaluator, 'GET', `/api/evaluation/sheets/${mine.id}`, 200);
    const unitRows = await h.queryRows<{ unit_id: number; parent: number | null }>(
      sql`select s.unit_id, v.parent_unit_id as parent from evaluation_sheets s join org_unit_versions v on v.unit_id = s.unit_id and v.ends_on is null where s.id = ${mine.id}`,
    );
    const divisionId = Number(unitRows[0]!.parent ?? unitRows[0]!.unit_id);
    // A plain staff member may not set team goals.
    expect((await h.call(staff, 'POST', `/api/evaluation/units/${divisionId}/team-goals`, { cycleId: cycle.id, title: 'x' })).status).toBe(403);
    const goal = await h.callJson<{ id: number; version: number }>(confirmer, 'POST', `/api/evaluation/units/${divisionId}/team-goals`, 201, {
      cycleId: cycle.id,
      title: '市民サービスの満足度向上',
      description: '窓口アンケートで満足度80%以上',
    });
    const listed = await h.callJson<{ canEdit: boolean; goals: { id: number }[] }>(staff, 'GET', `/api/evaluation/team-goals?cycleId=${cycle.id}&unitId=${divisionId}`, 200);
    expect(listed.goals.map((g) => g.id)).toContain(goal.id);
    expect(listed.canEdit).toBe(false);

    const view1 = await h.callJson<SheetView>(evaluator, 'GET', `/api/evaluation/sheets/${mine.id}`, 200);
    expect(view1.teamGoals.map((g) => g.id)).toContain(goal.id);
    await h.callJson<SheetView>(evaluator, 'POST', `/api/evaluation/sheets/${mine.id}/actions`, 200, {
      version: view0.version,
      requestKey: key(),
      action: { type: 'save-goals', goals: [{ ...goals[0]!, teamGoalId: goal.id, weight: 100 }] },
    });
    const badLink = await h.call(evaluator, 'POST', `/api/evaluation/sheets/${mine.id}/actions`, {
      version: view0.version + 1,
      requestKey: key(),
      action: { type: 'save-goals', goals: [{ ...goals[0]!, teamGoalId: 999999, weight: 100 }] },
    });
    expect(badLink.status).toBe(422);
    const del = await h.call(confirmer, 'DELETE', `/api/evaluation/units/${divisionId}/team-goals/${goal.id}`);
    expect(del.status).toBe(409);
    expect(((await del.json()) as { error: { code: string } }).error.code).toBe('evaluation.team-goal-in-use');
  });
});

describe('evaluation settings', () => {
  it('hr_admin changes the scale; a stale save is a conflict; the next cycle copies it', async () => {
    const current = await h.callJson<{ settings: { scale: { levels: { code: string; label: string; points: number | null }[]; standardCode: string } }; updatedAt: string | null }>(
      staff,
      'GET',
      '/api/evaluation/settings',
      200,
    );
    const scale = { ...current.settings.scale, levels: current.settings.scale.levels.map((l) => (l.code === 'S' ? { ...l, label: '極めて優秀' } : l)) };
    const body = { updatedAt: current.updatedAt, scale, overallRule: { weighting: 'weight', tieBreak: 'toward-standard' }, includeFiscalYearStaff: false };
    expect((await h.call(staff, 'PUT', '/api/evaluation/settings', body)).status).toBe(403);
    const saved = await h.callJson<{ updatedAt: string }>(hr, 'PUT', '/api/evaluation/settings', 200, body);
    expect(saved.updatedAt).toBeTruthy();
    expect((await h.call(hr, 'PUT', '/api/evaluation/settings', body)).status).toBe(409);
    const bad = await h.call(hr, 'PUT', '/api/evaluation/settings', { ...body, updatedAt: saved.updatedAt, scale: { ...scale, standardCode: 'Z' } });
    expect(bad.status).toBe(400);
    const next = await h.callJson<OpenCycleResult>(hr, 'POST', '/api/evaluation/cycles', 201, { fiscalYear: 2025, period: 'first-half' });
    expect(next.cycle.includesFiscalYearStaff).toBe(false);
    const [row] = await h.queryRows<{ label: string }>(sql`select settings->'sheet'->'scale'->'levels'->0->>'label' as label from evaluation_cycles where id = ${next.cycle.id}`);
    expect(row!.label).toBe('極めて優秀');
  });
});

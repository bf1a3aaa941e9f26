/**
 * Push-type recommendations and the ability → training loop through the API, on the demo city: A0005's ability
 * sheet is rated with two items below standard and confirmed; the person, the evaluator and HR read the courses;
 * the evaluator pushes one; HR reads the loop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import type { SheetListItem, SheetView } from '../../domain/evaluation/evaluation-api.js';
import type { SheetAction } from '../../domain/evaluation/sheet-workflow.js';
import type { PushView, RecommendationsView, TrainingLoopView } from '../../domain/training/recommendations.js';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

let h: Harness;
let hr: Session;
let staff: Session;
let evaluator: Session;
let confirmer: Session;
let auditor: Session;
let staffId: number;
let evaluatorStaffId: number;
let sheetId: number;
let keySeq = 0;
const key = () => `rec-key-${++keySeq}`;

async function step(session: Session, action: SheetAction) {
  const cur = await h.callJson<SheetView>(session, 'GET', `/api/evaluation/sheets/${sheetId}`, 200);
  return h.callJson<SheetView>(session, 'POST', `/api/evaluation/sheets/${sheetId}/actions`, 200, { version: cur.version, requestKey: key(), action });
}

const recommendationsOf = (session: Session, id = staffId) => h.callJson<RecommendationsView>(session, 'GET', `/api/training/recommendations/${id}`, 200);

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrAdmin');
  staff = await h.loginAs('staff');
  evaluator = await h.loginAs('evaluator');
  confirmer = await h.loginAs('unitHead');
  auditor = await h.loginAs('auditor');
  await h.callJson(hr, 'POST', '/api/training/courses/import-policy-catalog', 200);
  await h.callJson(hr, 'POST', '/api/evaluation/cycles', 201, { fiscalYear: 2025, period: 'year' });
  const mine = await h.callJson<{ items: SheetListItem[] }>(staff, 'GET', '/api/evaluation/my-sheets', 200);
  const ability = mine.items.find((i) => i.kind === 'ability')!;
  sheetId = ability.id;
  staffId = ability.evaluatee.staffId;
  evaluatorStaffId = ability.evaluator!.staffId;
  const view = await h.callJson<SheetView>(staff, 'GET', `/api/evaluation/sheets/${sheetId}`, 200);
  const items = (view.sheet as { items: { id: string }[] }).items;
  const grade = (id: string) => (id === 'communication' ? 'C' : id === 'task-execution' ? 'D' : 'B');
  const entries = Object.fromEntries(items.map((i) => [i.id, { grade: grade(i.id), comment: '' }]));
  await step(staff, { type: 'save-self-evaluation', assessment: { entries: Object.fromEntries(items.map((i) => [i.id, { grade: 'B', comment: '' }])), overallGrade: 'B', comment: '' } });
  await step(staff, { type: 'submit-self-evaluation' });
  await step(evaluator, { type: 'save-rating', assessment: { entries, overallGrade: 'C', comment: '窓口対応に課題' } });
  await step(evaluator, { type: 'submit-rating' });
  expect((await step(confirmer, { type: 'confirm' })).state).toBe('confirmer-confirmed');
});
afterAll(() => h.close());

describe('reading recommendations', () => {
  it('gives the evaluator the items below standard and the courses developing them, each listed once with all reasons', async () => {
    const view = await recommendationsOf(evaluator);
    expect(view.sheet).toMatchObject({ id: sheetId, cycle: { fiscalYear: 2025 }, positionLevel: 'staff', confirmedOn: '2025-10-01' });
    const below = view.items.filter((i) => i.isBelowStandard);
    expect(below.map((i) => [i.itemId, i.grade, i.standard])).toEqual([
      ['task-execution', 'D', 'B'],
      ['communication', 'C', 'B'],
    ]);
    // Only the items of the 係員 level are on the sheet.
    expect(view.items.map((i) => i.itemId)).not.toContain('leadership');
    expect(view.courses.length).toBeGreaterThan(2);
    expect(new Set(view.courses.map((c) => c.courseId)).size).toBe(view.courses.length);
    const newHire = view.courses.find((c) => c.title === '新規採用職員研修');
    expect(newHire?.reasons).toEqual(['業務遂行', 'コミュニケーション']);
    expect(view.courses.every((c) => c.reasons.length > 0 && c.pushed === null)).toBe(true);
    expect(view.canPush).toBe(true);
  });

  it('shows the person nothing until the feedback interview (the evaluatee sees ratings from then on)', async () => {
    const view = await recommendationsOf(staff);
    expect(view.sheet).toBeNull();
    expect(view.courses).toEqual([]);
    expect(view.canPush).toBe(false);
  });

  it('lets HR read and audits reads by others than the person', async () => {
    const before = await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'training.recommendations-read'`);
    const view = await recommendationsOf(hr);
    expect(view.courses.length).toBeGreaterThan(0);
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'training.recommendations-read'`)).toBe(before + 1);
  });

  it('refuses people without a relation or role, and anonymous callers', async () => {
    expect((await h.callJson<ErrorBody>(auditor, 'GET', `/api/training/recommendations/${staffId}`, 403)).error.code).toBe('access.denied');
    await h.callJson(staff, 'GET', `/api/training/recommendations/${evaluatorStaffId}`, 403);
    await h.callJson(null, 'GET', `/api/training/recommendations/${staffId}`, 401);
  });
});

describe('pushing a course', () => {
  let courseId: number;

  it('is refused to the person and to people who are not the evaluator', async () => {
    const view = await recommendationsOf(evaluator);
    courseId = view.courses.find((c) => c.title === '新規採用職員研修')!.courseId;
    await h.callJson(staff, 'POST', `/api/training/recommendations/${staffId}/push`, 403, { courseId, note: '' });
    await h.callJson(auditor, 'POST', `/api/training/recommendations/${staffId}/push`, 403, { courseId, note: '' });
  });

  it('refuses a course that is not among the recommendations', async () => {
    const list = await h.callJson<{ items: { id: number; code: string }[] }>(hr, 'GET', '/api/training/courses', 200);
    const managers = list.items.find((c) => c.code === 'GEN-MGR')!;
    const bad = await h.callJson<ErrorBody>(evaluator, 'POST', `/api/training/recommendations/${staffId}/push`, 400, { courseId: managers.id, note: '' });
    expect(bad.error.details?.[0]?.path).toBe('courseId');
  });

  it('records the push, notifies the person, audits; a second push of the same course is a 409', async () => {
    const pushed = await h.callJson<PushView>(evaluator, 'POST', `/api/training/recommendations/${staffId}/push`, 201, { courseId, note: '面談で窓口対応の基本を学び直すことにした' });
    expect(pushed).toMatchObject({ note: '面談で窓口対応の基本を学び直すことにした', by: { staffId: evaluatorStaffId }, on: '2025-10-01' });
    const rows = await h.queryRows<{ sheet_id: number; ability_item_ids: string[]; status: string }>(
      sql`select sheet_id, ability_item_ids, status from training_pushes where staff_id = ${staffId} and course_id = ${courseId}`,
    );
    expect(rows).toEqual([{ sheet_id: sheetId, ability_item_ids: ['task-execution', 'communication'], status: 'open' }]);
    const notes = await h.queryRows<{ link: string; title: string }>(sql`select link, title from notifications where recipient_staff_id = ${staffId} and kind = 'training.push'`);
    expect(notes).toEqual([{ link: '/training/recommendations', title: '研修の受講をお勧めします(新規採用職員研修)' }]);
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'training.course-pushed' and object_id = ${String(staffId)}`)).toBe(1);
    const again = await h.callJson<ErrorBody>(evaluator, 'POST', `/api/training/recommendations/${staffId}/push`, 409, { courseId, note: 'もう一度' });
    expect(again.error.code).toBe('common.conflict');
    expect(await h.queryCount(sql`select count(*)::int as n from training_pushes where staff_id = ${staffId}`)).toBe(1);
  });

  it('validates the body', async () => {
    const bad = await h.callJson<ErrorBody>(evaluator, 'POST', `/api/training/recommendations/${staffId}/push`, 400, { courseId: 'x', note: '' });
    expect(bad.error.code).toBe('common.validation');
  });

  it('shows the push to the person once the feedback interview is held', async () => {
    await step(evaluator, { type: 'record-feedback', interview: { heldOn: '2025-10-01', notes: '' } });
    const view = await recommendationsOf(staff);
    expect(view.sheet?.id).toBe(sheetId);
    const course = view.courses.find((c) => c.courseId === courseId)!;
    expect(course.reasons).toEqual(['業務遂行', 'コミュニケーション']);
    expect(course.pushed).toMatchObject({ note: '面談で窓口対応の基本を学び直すことにした', by: { staffId: evaluatorStaffId } });
    expect(view.canPush).toBe(false);
  });
});

describe('the ability → training loop', () => {
  async function complete(courseTitle: string, startsOn: string) {
    const [course] = await h.queryRows<{ id: number; municipality_id: number }>(sql`select id, municipality_id from training_courses where title = ${courseTitle}`);
    const [session] = await h.queryRows<{ id: number }>(
      sql`insert into training_sessions (municipality_id, course_id, fiscal_year, starts_on, ends_on) values (${course!.municipality_id}, ${course!.id}, 2025, ${startsOn}, ${startsOn}) returning id`,
    );
    await h.queryRows(
      sql`insert into training_enrolments (municipality_id, session_id, staff_id, route, status) values (${course!.municipality_id}, ${session!.id}, ${staffId}, 'push', 'completed') returning id`,
    );
    return course!.id;
  }

  it('counts the people rated below standard per level and item, and those trained since', async () => {
    const before = await h.callJson<TrainingLoopView>(hr, 'GET', '/api/training/loop?fiscalYear=2025', 200);
    expect(before.hasCycle).toBe(true);
    const staffLevel = before.levels.find((l) => l.positionLevel === 'staff')!;
    expect(staffLevel.positionLevelLabel).toBe('係員');
    expect(staffLevel.evaluated).toBe(1);
    expect(staffLevel.items.find((i) => i.itemId === 'communication')).toMatchObject({ ratedBelow: 1, trainedSince: 0 });
    expect(staffLevel.items.find((i) => i.itemId === 'ethics')).toMatchObject({ ratedBelow: 0, trainedSince: 0 });

    // Before the confirmation: does not count; after it: counts, and the course is no longer recommended.
    await complete('接遇マナー向上研修', '2025-09-01');
    const courseId = await complete('新規採用職員研修', '2025-11-04');
    const after = await h.callJson<TrainingLoopView>(hr, 'GET', '/api/training/loop?fiscalYear=2025', 200);
    const row = after.levels.find((l) => l.positionLevel === 'staff')!;
    expect(row.items.find((i) => i.itemId === 'communication')).toMatchObject({ ratedBelow: 1, trainedSince: 1 });
    expect(row.items.find((i) => i.itemId === 'task-execution')).toMatchObject({ ratedBelow: 1, trainedSince: 1 });
    const view = await recommendationsOf(staff);
    expect(view.courses.map((c) => c.courseId)).not.toContain(courseId);
    expect(view.courses.map((c) => c.title)).toContain('接遇マナー向上研修');
  });

  it('says when the 年度 has no ability evaluation, and is for HR only', async () => {
    expect(await h.callJson<TrainingLoopView>(hr, 'GET', '/api/training/loop?fiscalYear=2030', 200)).toEqual({ fiscalYear: 2030, hasCycle: false, levels: [] });
    await h.callJson(staff, 'GET', '/api/training/loop', 403);
    await h.callJson(evaluator, 'GET', '/api/training/loop', 403);
  });
});

describe('the latest ability evaluation', () => {
  it('is the most recently confirmed one: a past 年度 recorded later by HR takes over, here with nothing below standard', async () => {
    const opened = await h.callJson<{ cycle: { id: number } }>(hr, 'POST', '/api/evaluation/cycles', 201, { fiscalYear: 2024, period: 'year' });
    const list = await h.callJson<{ items: SheetListItem[] }>(hr, 'GET', `/api/evaluation/cycles/${opened.cycle.id}/sheets?q=A0005`, 200);
    const past = list.items.find((i) => i.evaluatee.staffId === staffId)!;
    const [confirmerRow] = await h.queryRows<{ id: number }>(sql`select id from staff where employee_number = 'A0003'`);
    await h.callJson(hr, 'PUT', `/api/evaluation/sheets/${past.id}/assignees`, 200, {
      version: past.version,
      evaluatorStaffId: evaluatorStaffId,
      confirmerStaffId: confirmerRow!.id,
      reason: '過年度の能力評価を記録するため',
    });
    const saved = sheetId;
    sheetId = past.id;
    try {
      const view = await h.callJson<SheetView>(staff, 'GET', `/api/evaluation/sheets/${sheetId}`, 200);
      const entries = Object.fromEntries((view.sheet as { items: { id: string }[] }).items.map((i) => [i.id, { grade: 'B', comment: '' }]));
      await step(staff, { type: 'save-self-evaluation', assessment: { entries, overallGrade: 'B', comment: '' } });
      await step(staff, { type: 'submit-self-evaluation' });
      await step(evaluator, { type: 'save-rating', assessment: { entries, overallGrade: 'B', comment: '標準的' } });
      await step(evaluator, { type: 'submit-rating' });
      // Confirmed a few minutes after the 2025 sheet.
      h.setNow(new Date('2025-10-01T10:05:00+09:00'));
      await step(confirmer, { type: 'confirm' });
    } finally {
      sheetId = saved;
    }
    const latest = await recommendationsOf(evaluator);
    expect(latest.sheet).toMatchObject({ id: past.id, cycle: { fiscalYear: 2024 } });
    expect(latest.items.every((i) => !i.isBelowStandard)).toBe(true);
    expect(latest.courses).toEqual([]);
    // The person still sees the 2025 evaluation: the 2024 one has had no feedback interview yet.
    expect((await recommendationsOf(staff)).sheet?.id).toBe(sheetId);
  });
});

/** The performance sheet shows the evaluatee's attended trainings and confirmed self-development of its period. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import type { SheetListItem, SheetView } from '../../domain/evaluation/evaluation-api.js';
import type { CourseList, PlanSession } from '../../domain/training/training-api.js';
import type { EnrolmentView, NominationResult } from '../../domain/training/enrolment-api.js';
import type { SelfDevelopmentRecord } from '../../domain/training/self-development.js';

let h: Harness;
let hr: Session;
let evaluator: Session;
let staff: Session;
let auditor: Session;
let staffId = 0;
let sheetId = 0;

async function session(courseId: number, startsOn: string): Promise<PlanSession> {
  return h.callJson<PlanSession>(hr, 'POST', '/api/training/sessions', 201, { courseId, fiscalYear: 2025, startsOn, endsOn: startsOn, place: '会議室', capacity: null, lecturer: '', note: '' });
}
async function designateAndMark(sessionId: number, status: 'attended' | 'completed' | 'absent'): Promise<void> {
  const result = await h.callJson<NominationResult>(hr, 'POST', `/api/training/sessions/${sessionId}/enrolments`, 201, { route: 'designation', staffIds: [staffId] });
  const e = result.added[0]! as EnrolmentView;
  await h.callJson<EnrolmentView>(hr, 'POST', `/api/training/enrolments/${e.id}/attendance`, 200, { version: e.version, status });
}
const recordAs = (title: string, startedOn: string) =>
  h.callJson<SelfDevelopmentRecord>(staff, 'POST', '/api/training/self-development', 201, { kind: 'correspondence', title, startedOn, hours: 10 });

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrAdmin');
  evaluator = await h.loginAs('evaluator');
  staff = await h.loginAs('staff');
  auditor = await h.loginAs('auditor');
  const [me] = await h.queryRows<{ id: number }>(sql`select id from staff where employee_number = 'A0005'`);
  staffId = Number(me!.id);
  await h.callJson(hr, 'POST', '/api/evaluation/cycles', 201, { fiscalYear: 2025, period: 'second-half' });
  sheetId = (await h.callJson<{ items: SheetListItem[] }>(staff, 'GET', '/api/evaluation/my-sheets', 200)).items[0]!.id;
  await h.callJson(hr, 'POST', '/api/training/courses/import-policy-catalog', 200);
  const courses = await h.callJson<CourseList>(hr, 'GET', '/api/training/courses', 200);
  const [inPeriod, absent, before] = courses.items;
  await designateAndMark((await session(inPeriod!.id, '2025-11-10')).id, 'completed');
  await designateAndMark((await session(absent!.id, '2025-11-12')).id, 'absent');
  await designateAndMark((await session(before!.id, '2025-09-10')).id, 'attended');
  for (const [title, startedOn] of [
    ['通信教育 確認済み', '2025-12-01'],
    ['通信教育 前期', '2025-06-01'],
  ] as const) {
    const r = await recordAs(title, startedOn);
    await h.callJson(evaluator, 'POST', `/api/training/staff/${staffId}/self-development/${r.id}/confirm`, 200, { version: r.version });
  }
  await recordAs('通信教育 未確認', '2025-12-02');
});
afterAll(async () => {
  await h.close();
});

describe('trainingRecords on the 後期 performance sheet', () => {
  it('lists the completed enrolment and the confirmed record of the period, not the unconfirmed, absent or earlier ones', async () => {
    const view = await h.callJson<SheetView>(staff, 'GET', `/api/evaluation/sheets/${sheetId}`, 200);
    expect(view.sheet.period).toBe('second-half');
    expect(view.visibleFields).toContain('learning');
    expect(view.trainingRecords).toHaveLength(2);
    expect(view.trainingRecords[0]).toMatchObject({ source: 'training', startedOn: '2025-11-10' });
    expect(view.trainingRecords[1]).toMatchObject({ source: 'self-development', title: '通信教育 確認済み', kind: 'correspondence', hours: 10, kindLabel: '自己啓発(通信教育)' });
    expect(view.trainingRecords.some((r) => r.title === '通信教育 未確認')).toBe(false);
  });

  it('the evaluator and HR see the same list', async () => {
    for (const s of [evaluator, hr]) {
      const view = await h.callJson<SheetView>(s, 'GET', `/api/evaluation/sheets/${sheetId}`, 200);
      expect(view.visibleFields).toContain('learning');
      expect(view.trainingRecords.map((r) => r.source)).toEqual(['training', 'self-development']);
    }
    expect((await h.call(auditor, 'GET', `/api/evaluation/sheets/${sheetId}`)).status).toBe(403);
  });
});

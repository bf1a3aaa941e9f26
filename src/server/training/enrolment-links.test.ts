/**
 * Enrolment follows the plan and the pushes: raising a session's capacity moves the waiting list up at once, and
 * putting someone on a session of a course pushed to them marks the push as enrolled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';

let h: Harness;
let hr: Session;
let courseId: number;
let sessionId: number;
let version: number;
let people: number[];

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrAdmin');
  await h.callJson(hr, 'POST', '/api/training/courses/import-policy-catalog', 200);
  const courses = await h.callJson<{ items: { id: number; code: string }[] }>(hr, 'GET', '/api/training/courses', 200);
  courseId = courses.items.find((c) => c.code === 'SP-HYOKA-STAFF')?.id ?? courses.items.find((c) => c.code.startsWith('SP-'))!.id;
  const session = await h.callJson<{ id: number; version: number }>(hr, 'POST', '/api/training/sessions', 201, {
    courseId,
    fiscalYear: 2025,
    startsOn: '2026-02-10',
    endsOn: '2026-02-10',
    place: '本庁舎 第1会議室(テスト)',
    capacity: 1,
    lecturer: '',
    note: '',
  });
  sessionId = session.id;
  version = session.version;
  const rows = await h.queryRows<{ id: number }>(sql`select s.id from staff s join assignments a on a.staff_id = s.id and a.kind = 'regular' and a.ends_on is null
    where s.employment_type = 'regular' order by s.id limit 2`);
  people = rows.map((r) => Number(r.id));
});
afterAll(() => h.close());

describe('enrolment links', () => {
  it('marks an open push of the course as enrolled when the person is put on a session of it', async () => {
    const hrStaffId = (await h.contextOf('hrAdmin')).actor.staffId!;
    await h.queryRows(sql`insert into training_pushes (municipality_id, staff_id, course_id, ability_item_ids, pushed_by_staff_id, note)
      select municipality_id, ${people[0]!}, ${courseId}, '{}', ${hrStaffId}, '面談で勧めた(テスト)' from staff where id = ${people[0]!}`);
    await h.callJson(hr, 'POST', `/api/training/sessions/${sessionId}/enrolments`, 201, { route: 'designation', staffIds: people, note: '' });
    const [push] = await h.queryRows<{ status: string }>(sql`select status from training_pushes where staff_id = ${people[0]!} and course_id = ${courseId}`);
    expect(push!.status).toBe('enrolled');
  });

  it('moves the waiting list up when the capacity is raised', async () => {
    const before = await h.queryRows<{ status: string }>(sql`select status from training_enrolments where session_id = ${sessionId} order by staff_id`);
    expect(before.map((r) => r.status).sort()).toEqual(['enrolled', 'waitlisted']);
    await h.callJson(hr, 'PUT', `/api/training/sessions/${sessionId}`, 200, {
      courseId,
      fiscalYear: 2025,
      startsOn: '2026-02-10',
      endsOn: '2026-02-10',
      place: '本庁舎 第1会議室(テスト)',
      capacity: 2,
      lecturer: '',
      note: '',
      version,
    });
    const after = await h.queryRows<{ status: string; waitlist_position: number | null }>(
      sql`select status, waitlist_position from training_enrolments where session_id = ${sessionId}`,
    );
    expect(after).toEqual([
      { status: 'enrolled', waitlist_position: null },
      { status: 'enrolled', waitlist_position: null },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness } from '../http/test-harness.js';
import type { CourseList, PlanSession } from '../../domain/training/training-api.js';
import { apply, approveApplication, cancelEnrolment, nominate, readRoster } from './enrolment.service.js';

// Service-level checks of the seat rule under concurrency and of the waiting list's order after cancellations.
let h: Harness;
let session: PlanSession;

beforeAll(async () => {
  h = await createHarness();
  const hr = await h.loginAs('hrAdmin');
  await h.callJson(hr, 'POST', '/api/training/courses/import-policy-catalog', 200);
  const list = await h.callJson<CourseList>(hr, 'GET', '/api/training/courses', 200);
  session = await h.callJson<PlanSession>(hr, 'POST', '/api/training/sessions', 201, {
    courseId: list.items.find((c) => c.code === 'DX-PROGRAMMING')!.id,
    fiscalYear: 2025,
    startsOn: '2025-11-20',
    endsOn: '2025-11-20',
    place: '',
    capacity: 1,
    lecturer: '',
    note: '',
  });
});
afterAll(async () => {
  await h.close();
});

describe('enrolment service', () => {
  it('gives the last seat once when two approvals race', async () => {
    const a = await apply(await h.contextOf('staff'), { sessionId: session.id, note: '' });
    const b = await apply(await h.contextOf('hrOfficer'), { sessionId: session.id, note: '' });
    const hr = await h.contextOf('hrAdmin');
    const results = await Promise.all([
      approveApplication(hr, { sessionId: session.id, staffId: a.staffId, version: a.version, note: '' }),
      approveApplication(hr, { sessionId: session.id, staffId: b.staffId, version: b.version, note: '' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['enrolled', 'waitlisted']);
    expect(results.find((r) => r.status === 'waitlisted')!.waitlistPosition).toBe(1);
  });

  it('keeps the waiting list in order through cancellations, in one transaction each', async () => {
    const hr = await h.contextOf('hrAdmin');
    const [c] = await h.queryRows<{ id: number }>(sql`select id from staff where employee_number = 'A0006'`);
    const [d] = await h.queryRows<{ id: number }>(sql`select id from staff where employee_number = 'A0003'`);
    await nominate(hr, { sessionId: session.id, route: 'designation', staffIds: [Number(c!.id), Number(d!.id)], note: '' });
    let roster = await readRoster(hr, { sessionId: session.id });
    expect(roster.items.map((e) => [e.employeeNumber, e.status, e.waitlistPosition])).toEqual([
      [expect.any(String), 'enrolled', null],
      [expect.any(String), 'waitlisted', 1],
      ['A0006', 'waitlisted', 2],
      ['A0003', 'waitlisted', 3],
    ]);
    // the second in the queue leaves: the third closes up
    const second = roster.items.find((e) => e.employeeNumber === 'A0006')!;
    await cancelEnrolment(hr, { enrolmentId: second.id, version: second.version, note: '' });
    // the seat holder leaves: the first waiting moves in, the rest close up
    const holder = roster.items[0]!;
    await cancelEnrolment(hr, { enrolmentId: holder.id, version: holder.version, note: '' });
    roster = await readRoster(hr, { sessionId: session.id });
    const waiting = roster.items.filter((e) => e.status === 'waitlisted' || e.status === 'enrolled').map((e) => [e.status, e.waitlistPosition]);
    expect(waiting).toEqual([
      ['enrolled', null],
      ['waitlisted', 1],
    ]);
    expect(roster).toMatchObject({ seatsTaken: 1, waitlistLength: 1 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import type { CourseList, PlanSession, SessionInput, SessionTargets } from '../../domain/training/training-api.js';
import type { EnrolmentView, MyEnrolments, NominationResult, PendingApprovals, SessionRoster } from '../../domain/training/enrolment-api.js';

type ErrorBody = { error: { code: string; message: string } };

// The harness's today is 2025-10-01 (令和7年度); sessions start later in the 年度.
let h: Harness;
let hrAdmin: Session;
let hrOfficer: Session;
let unitHead: Session;
let evaluator: Session;
let staff: Session;
let courseIds: Map<string, number>;
const ids = { A0001: 0, A0002: 0, A0003: 0, A0004: 0, A0005: 0, A0006: 0 };

const auditCount = (action: string) => h.queryCount(sql`select count(*)::int as n from audit_log where action = ${action}`);
const rowCount = (sessionId: number) => h.queryCount(sql`select count(*)::int as n from training_enrolments where session_id = ${sessionId}`);

async function addSession(code: string, overrides: Partial<SessionInput> = {}): Promise<PlanSession> {
  return h.callJson<PlanSession>(hrAdmin, 'POST', '/api/training/sessions', 201, {
    courseId: courseIds.get(code)!,
    fiscalYear: 2025,
    startsOn: '2025-11-10',
    endsOn: '2025-11-10',
    place: '市役所 会議室',
    capacity: 1,
    lecturer: '',
    note: '',
    ...overrides,
  });
}
const roster = (s: Session, id: number) => h.callJson<SessionRoster>(s, 'GET', `/api/training/sessions/${id}/enrolments`, 200);
const entryOf = (r: SessionRoster, staffId: number) => r.items.find((e) => e.staffId === staffId)!;
async function errorOf(res: Response, status: number): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(status);
  return ((await res.json()) as ErrorBody).error.code;
}

beforeAll(async () => {
  h = await createHarness();
  hrAdmin = await h.loginAs('hrAdmin');
  hrOfficer = await h.loginAs('hrOfficer');
  unitHead = await h.loginAs('unitHead');
  evaluator = await h.loginAs('evaluator');
  staff = await h.loginAs('staff');
  await h.callJson(hrAdmin, 'POST', '/api/training/courses/import-policy-catalog', 200);
  const list = await h.callJson<CourseList>(hrAdmin, 'GET', '/api/training/courses', 200);
  courseIds = new Map(list.items.map((c) => [c.code, c.id]));
  for (const r of await h.queryRows<{ id: number; employee_number: string }>(sql`select id, employee_number from staff where employee_number in ('A0001','A0002','A0003','A0004','A0005','A0006')`)) {
    ids[r.employee_number as keyof typeof ids] = Number(r.id);
  }
});
afterAll(async () => {
  await h.close();
});

describe('application (希望), approval, capacity and the waiting list', () => {
  let session: PlanSession;
  let mine: EnrolmentView;

  it('lets staff apply for a session of an application course, once', async () => {
    session = await addSession('DX-DATA');
    const my = await h.callJson<MyEnrolments>(staff, 'GET', '/api/training/enrolments/mine', 200);
    expect(my.openForApplication.map((s) => s.id)).toContain(session.id);
    mine = await h.callJson<EnrolmentView>(staff, 'POST', `/api/training/sessions/${session.id}/apply`, 201, { note: 'データ分析を業務に活かしたい' });
    expect(mine).toMatchObject({ staffId: ids.A0005, route: 'application', status: 'applied', waitlistPosition: null, employeeNumber: 'A0005' });
    expect(await errorOf(await h.call(staff, 'POST', `/api/training/sessions/${session.id}/apply`, {}), 409)).toBe('training.already-enrolled');
    const after = await h.callJson<MyEnrolments>(staff, 'GET', '/api/training/enrolments/mine', 200);
    expect(after.items.map((e) => [e.session.id, e.status])).toEqual([[session.id, 'applied']]);
    expect(after.openForApplication.map((s) => s.id)).not.toContain(session.id);
    expect(await auditCount('training.enrolment-added')).toBe(1);
  });

  it('shows the application to the evaluator only, and lets only them (or HR) decide', async () => {
    expect((await h.callJson<PendingApprovals>(evaluator, 'GET', '/api/training/enrolments/approvals', 200)).items.map((e) => e.id)).toEqual([mine.id]);
    expect((await h.callJson<PendingApprovals>(unitHead, 'GET', '/api/training/enrolments/approvals', 200)).items).toEqual([]);
    expect((await h.callJson<PendingApprovals>(staff, 'GET', '/api/training/enrolments/approvals', 200)).items).toEqual([]);
    expect(await errorOf(await h.call(unitHead, 'POST', `/api/training/sessions/${session.id}/applicants/${ids.A0005}/approve`, { version: mine.version }), 403)).toBe('access.denied');
    expect(await errorOf(await h.call(staff, 'POST', `/api/training/sessions/${session.id}/applicants/${ids.A0005}/approve`, { version: mine.version }), 403)).toBe('access.denied');
  });

  it('approves into the free seat; a stale version is a 409 conflict', async () => {
    const approved = await h.callJson<EnrolmentView>(evaluator, 'POST', `/api/training/sessions/${session.id}/applicants/${ids.A0005}/approve`, 200, { version: mine.version });
    expect(approved).toMatchObject({ status: 'enrolled', waitlistPosition: null, version: mine.version + 1, decidedByName: expect.any(String) });
    expect(await errorOf(await h.call(evaluator, 'POST', `/api/training/sessions/${session.id}/applicants/${ids.A0005}/approve`, { version: mine.version }), 409)).toBe('common.conflict');
    expect(await errorOf(await h.call(evaluator, 'POST', `/api/training/sessions/${session.id}/applicants/${ids.A0005}/reject`, { version: approved.version }), 409)).toBe(
      'training.enrolment-invalid-transition',
    );
    mine = approved;
    expect(await auditCount('training.enrolment-approve')).toBe(1);
  });

  it('puts the next approved applicant and a recommended member on the waiting list in order', async () => {
    const other = await h.callJson<EnrolmentView>(hrOfficer, 'POST', `/api/training/sessions/${session.id}/apply`, 201, {});
    // the hr officer's own application is decided by someone else (the 人事係長 holds HR roles)
    expect(await errorOf(await h.call(hrOfficer, 'POST', `/api/training/sessions/${session.id}/applicants/${ids.A0002}/approve`, { version: other.version }), 403)).toBe('access.denied');
    const waiting = await h.callJson<EnrolmentView>(hrAdmin, 'POST', `/api/training/sessions/${session.id}/applicants/${ids.A0002}/approve`, 200, { version: other.version });
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const rec = await h.callJson<NominationResult>(unitHead, 'POST', `/api/training/sessions/${session.id}/enrolments`, 201, {
      route: 'unit-recommendation',
      staffIds: [ids.A0004],
      note: '係のデータ活用の中心として',
    });
    expect(rec.added.map((e) => [e.staffId, e.route, e.status, e.waitlistPosition])).toEqual([[ids.A0004, 'unit-recommendation', 'waitlisted', 2]]);
  });

  it('refuses a unit head recommending people outside their units, all or nothing', async () => {
    const before = await rowCount(session.id);
    const res = await h.call(unitHead, 'POST', `/api/training/sessions/${session.id}/enrolments`, { route: 'unit-recommendation', staffIds: [ids.A0005, ids.A0006], note: '' });
    expect(await errorOf(res, 403)).toBe('access.denied');
    expect(await errorOf(await h.call(unitHead, 'POST', `/api/training/sessions/${session.id}/enrolments`, { route: 'designation', staffIds: [ids.A0006], note: '' }), 403)).toBe(
      'access.denied',
    );
    expect(await errorOf(await h.call(hrAdmin, 'POST', `/api/training/sessions/${session.id}/enrolments`, { route: 'designation', staffIds: [ids.A0006, 999999], note: '' }), 400)).toBe(
      'common.validation',
    );
    expect(await rowCount(session.id)).toBe(before);
  });

  it('shows HR the whole roster and a unit head only their members; staff not at all', async () => {
    const all = await roster(hrAdmin, session.id);
    expect(all).toMatchObject({ seatsTaken: 1, waitlistLength: 2, canManage: true, canRecommend: true, isExternal: false });
    expect(all.items.map((e) => [e.staffId, e.status])).toEqual([
      [ids.A0005, 'enrolled'],
      [ids.A0002, 'waitlisted'],
      [ids.A0004, 'waitlisted'],
    ]);
    const head = await roster(unitHead, session.id);
    expect(head.canManage).toBe(false);
    expect(head.items.map((e) => e.staffId).sort()).toEqual([ids.A0004, ids.A0005].sort());
    await h.callJson(staff, 'GET', `/api/training/sessions/${session.id}/enrolments`, 403);
  });

  it('moves the first waiting person in when a seat is cancelled, and closes up the queue', async () => {
    expect(await errorOf(await h.call(evaluator, 'POST', `/api/training/enrolments/${mine.id}/cancel`, { version: mine.version }), 403)).toBe('access.denied');
    const cancelled = await h.callJson<EnrolmentView>(staff, 'POST', `/api/training/enrolments/${mine.id}/cancel`, 200, { version: mine.version, note: '業務の都合' });
    expect(cancelled).toMatchObject({ status: 'cancelled', waitlistPosition: null, note: '業務の都合' });
    const after = await roster(hrAdmin, session.id);
    expect(after).toMatchObject({ seatsTaken: 1, waitlistLength: 1 });
    expect(entryOf(after, ids.A0002)).toMatchObject({ status: 'enrolled', waitlistPosition: null });
    expect(entryOf(after, ids.A0004)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const audit = await h.queryRows<{ details: { promoted: number[] } }>(sql`select details from audit_log where action = 'training.enrolment-cancel'`);
    expect(audit.map((a) => a.details.promoted)).toEqual([[entryOf(after, ids.A0002).id]]);
    // the cancelled person may apply again and starts over
    const again = await h.callJson<EnrolmentView>(staff, 'POST', `/api/training/sessions/${session.id}/apply`, 201, {});
    expect(again).toMatchObject({ id: mine.id, status: 'applied', note: '' });
  });

  it('records attendance (HR only), then the attendee reports; the report waits for attendance', async () => {
    const r = await roster(hrAdmin, session.id);
    const officer = entryOf(r, ids.A0002);
    const waiting = entryOf(r, ids.A0004);
    const report = { report: '集計の考え方を学んだ', survey: { satisfaction: 4, usefulness: 5, comment: '演習が多くてよかった' }, certificate: null };
    expect(await errorOf(await h.call(hrOfficer, 'PUT', `/api/training/enrolments/${officer.id}/report`, { ...report, version: officer.version }), 422)).toBe(
      'training.enrolment-not-allowed',
    );
    expect(await errorOf(await h.call(staff, 'POST', `/api/training/enrolments/${officer.id}/attendance`, { version: officer.version, status: 'attended' }), 403)).toBe('access.denied');
    expect(await errorOf(await h.call(hrAdmin, 'POST', `/api/training/enrolments/${waiting.id}/attendance`, { version: waiting.version, status: 'attended' }), 409)).toBe(
      'training.enrolment-invalid-transition',
    );
    const attended = await h.callJson<EnrolmentView>(hrAdmin, 'POST', `/api/training/enrolments/${officer.id}/attendance`, 200, { version: officer.version, status: 'attended' });
    expect(attended.status).toBe('attended');
    expect(await errorOf(await h.call(staff, 'PUT', `/api/training/enrolments/${officer.id}/report`, { ...report, version: attended.version }), 404)).toBe('common.not-found');
    expect(
      await errorOf(await h.call(hrOfficer, 'PUT', `/api/training/enrolments/${officer.id}/report`, { ...report, certificate: '修了証 第1号', version: attended.version }), 422),
    ).toBe('training.enrolment-not-allowed');
    const bad = await h.call(hrOfficer, 'PUT', `/api/training/enrolments/${officer.id}/report`, { ...report, survey: { ...report.survey, satisfaction: 9 }, version: attended.version });
    expect(await errorOf(bad, 400)).toBe('common.validation');
    const saved = await h.callJson<EnrolmentView>(hrOfficer, 'PUT', `/api/training/enrolments/${officer.id}/report`, 200, { ...report, version: attended.version });
    expect(saved).toMatchObject({ report: '集計の考え方を学んだ', survey: report.survey, certificate: null });
    expect(await errorOf(await h.call(hrOfficer, 'PUT', `/api/training/enrolments/${officer.id}/report`, { ...report, version: attended.version }), 409)).toBe('common.conflict');
    const completed = await h.callJson<EnrolmentView>(hrAdmin, 'POST', `/api/training/enrolments/${officer.id}/attendance`, 200, { version: saved.version, status: 'completed' });
    expect(completed).toMatchObject({ status: 'completed', report: '集計の考え方を学んだ' });
    expect(await auditCount('training.enrolment-reported')).toBe(1);
  });
});

describe('selection methods, designation, certificates and the must-attend list', () => {
  it('refuses applications to a course that does not take them and after the start', async () => {
    const pref = await addSession('DSP-PREF', { capacity: null });
    expect(await errorOf(await h.call(staff, 'POST', `/api/training/sessions/${pref.id}/apply`, {}), 422)).toBe('training.enrolment-not-allowed');
    const started = await addSession('DX-ETHICS', { startsOn: '2025-10-01', endsOn: '2025-10-01' });
    expect(await errorOf(await h.call(staff, 'POST', `/api/training/sessions/${started.id}/apply`, {}), 422)).toBe('training.enrolment-not-allowed');
    expect(await errorOf(await h.call(staff, 'POST', `/api/training/sessions/999999/apply`, {}), 404)).toBe('common.not-found');
  });

  it('lets HR designate anyone, even for a course by recommendation only, and keeps a certificate of an outside course', async () => {
    const pref = await addSession('DSP-PREF', { capacity: null, startsOn: '2025-12-01', endsOn: '2025-12-03' });
    const res = await h.callJson<NominationResult>(hrOfficer, 'POST', `/api/training/sessions/${pref.id}/enrolments`, 201, {
      route: 'designation',
      staffIds: [ids.A0005, ids.A0006, ids.A0005],
      note: '',
    });
    expect(res.added.map((e) => [e.staffId, e.status])).toEqual([
      [ids.A0005, 'enrolled'],
      [ids.A0006, 'enrolled'],
    ]);
    const again = await h.callJson<NominationResult>(hrOfficer, 'POST', `/api/training/sessions/${pref.id}/enrolments`, 201, { route: 'designation', staffIds: [ids.A0005], note: '' });
    expect(again).toEqual({ added: [], alreadyOn: [ids.A0005] });
    const e = res.added[0]!;
    const done = await h.callJson<EnrolmentView>(hrAdmin, 'POST', `/api/training/enrolments/${e.id}/attendance`, 200, { version: e.version, status: 'completed', certificate: '群馬県自治研修センター 修了証 第123号' });
    expect(done.certificate).toBe('群馬県自治研修センター 修了証 第123号');
    const reported = await h.callJson<EnrolmentView>(staff, 'PUT', `/api/training/enrolments/${e.id}/report`, 200, {
      report: '政策形成の手法を学んだ',
      survey: { satisfaction: 5, usefulness: 4, comment: '' },
      certificate: '群馬県自治研修センター 修了証 第123号(2025年12月3日)',
      version: done.version,
    });
    expect(reported.certificate).toBe('群馬県自治研修センター 修了証 第123号(2025年12月3日)');
    const my = await h.callJson<MyEnrolments>(staff, 'GET', '/api/training/enrolments/mine', 200);
    expect(my.items.find((i) => i.id === e.id)).toMatchObject({ isExternal: true, status: 'completed' });
  });

  it('enrols the must-attend list in bulk, over capacity onto the waiting list, once', async () => {
    const s = await addSession('GEN-JUNIOR', { capacity: 2 });
    const targets = await h.callJson<SessionTargets>(hrAdmin, 'GET', `/api/training/sessions/${s.id}/targets`, 200);
    expect(targets.total).toBeGreaterThan(2);
    await h.callJson(unitHead, 'POST', `/api/training/sessions/${s.id}/enrol-targets`, 403);
    const res = await h.callJson<NominationResult>(hrAdmin, 'POST', `/api/training/sessions/${s.id}/enrol-targets`, 201);
    expect(res.added).toHaveLength(targets.total);
    expect(res.added.filter((e) => e.status === 'enrolled')).toHaveLength(2);
    expect(res.added.filter((e) => e.status === 'waitlisted').map((e) => e.waitlistPosition)).toEqual(Array.from({ length: targets.total - 2 }, (_, i) => i + 1));
    expect(res.added.every((e) => e.route === 'automatic' && e.note.length > 0)).toBe(true);
    const again = await h.callJson<NominationResult>(hrAdmin, 'POST', `/api/training/sessions/${s.id}/enrol-targets`, 201);
    expect(again.added).toEqual([]);
    expect(again.alreadyOn).toHaveLength(targets.total);
    const data = await addSession('DX-DATA');
    expect(await errorOf(await h.call(hrAdmin, 'POST', `/api/training/sessions/${data.id}/enrol-targets`), 422)).toBe('training.enrolment-not-allowed');
  });
});

describe('the plan keeps sessions with people on them', () => {
  it('refuses deleting a session with enrolments (409), and deletes an empty one', async () => {
    const s = await addSession('DX-DATA', { startsOn: '2026-01-20', endsOn: '2026-01-20' });
    await h.callJson(staff, 'POST', `/api/training/sessions/${s.id}/apply`, 201, {});
    expect(await errorOf(await h.call(hrAdmin, 'DELETE', `/api/training/sessions/${s.id}?version=${s.version}`), 409)).toBe('training.session-has-enrolments');
    const empty = await addSession('DX-DATA', { startsOn: '2026-01-21', endsOn: '2026-01-21' });
    await h.callJson(hrAdmin, 'DELETE', `/api/training/sessions/${empty.id}?version=${empty.version}`, 204);
  });
});

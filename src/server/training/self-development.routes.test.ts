import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import type { SelfDevelopmentList, SelfDevelopmentRecord, StudyGroupDetail, StudyGroupList } from '../../domain/training/self-development.js';

type ErrorBody = { error: { code: string; message: string } };

let h: Harness;
let hrAdmin: Session;
let evaluator: Session;
let unitHead: Session;
let staff: Session;
let auditor: Session;
const ids = { A0004: 0, A0005: 0, A0006: 0 };

async function errorOf(res: Response, status: number): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(status);
  return ((await res.json()) as ErrorBody).error.code;
}
const elearning = (title: string) => ({ kind: 'e-learning', title, startedOn: '2025-10-10', endedOn: '2025-10-20', hours: 3, note: '' });
const record = (title: string) => h.callJson<SelfDevelopmentRecord>(staff, 'POST', '/api/training/self-development', 201, elearning(title));

beforeAll(async () => {
  h = await createHarness();
  hrAdmin = await h.loginAs('hrAdmin');
  evaluator = await h.loginAs('evaluator');
  unitHead = await h.loginAs('unitHead');
  staff = await h.loginAs('staff');
  auditor = await h.loginAs('auditor');
  for (const r of await h.queryRows<{ id: number; employee_number: string }>(sql`select id, employee_number from staff where employee_number in ('A0004','A0005','A0006')`)) {
    ids[r.employee_number as keyof typeof ids] = Number(r.id);
  }
});
afterAll(async () => {
  await h.close();
});

describe('own records', () => {
  it('records, lists, changes and deletes while not confirmed; a stale version is a 409', async () => {
    const saved = await record('情報セキュリティ基礎');
    expect(saved).toMatchObject({ staffId: ids.A0005, kind: 'e-learning', status: 'recorded', version: 1, hours: 3 });
    const mine = await h.callJson<SelfDevelopmentList>(staff, 'GET', '/api/training/self-development/mine', 200);
    expect(mine.items.map((r) => r.id)).toContain(saved.id);

    const changed = await h.callJson<SelfDevelopmentRecord>(staff, 'PUT', `/api/training/self-development/${saved.id}`, 200, { ...elearning('情報セキュリティ応用'), version: 1 });
    expect(changed).toMatchObject({ title: '情報セキュリティ応用', version: 2 });
    expect(await errorOf(await h.call(staff, 'PUT', `/api/training/self-development/${saved.id}`, { ...elearning('x'), version: 1 }), 409)).toBe('common.conflict');
    expect(await errorOf(await h.call(staff, 'DELETE', `/api/training/self-development/${saved.id}?version=1`), 409)).toBe('common.conflict');
    // someone else's record is not found for them
    expect(await errorOf(await h.call(evaluator, 'DELETE', `/api/training/self-development/${saved.id}?version=2`), 404)).toBe('common.not-found');
    expect((await h.call(staff, 'DELETE', `/api/training/self-development/${saved.id}?version=2`)).status).toBe(204);
    expect(await h.queryCount(sql`select count(*)::int as n from self_development_records where id = ${saved.id}`)).toBe(0);
  });

  it('validates the input in Japanese', async () => {
    const res = await h.call(staff, 'POST', '/api/training/self-development', { ...elearning('x'), endedOn: '2025-10-01' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('終了日は開始日以降にしてください');
  });
});

describe("the supervisor's confirmation", () => {
  it('the evaluator sees it pending, confirms it; it is then locked for the owner', async () => {
    const saved = await record('通信教育 地方自治法');
    const pending = await h.callJson<SelfDevelopmentList>(evaluator, 'GET', '/api/training/self-development/pending', 200);
    expect(pending.items.find((r) => r.id === saved.id)).toMatchObject({ name: expect.any(String), employeeNumber: 'A0005' });
    // the staff member does not see their own record as pending, nor does an outsider
    expect((await h.callJson<SelfDevelopmentList>(staff, 'GET', '/api/training/self-development/pending', 200)).items.some((r) => r.id === saved.id)).toBe(false);
    expect((await h.callJson<SelfDevelopmentList>(auditor, 'GET', '/api/training/self-development/pending', 200)).items).toHaveLength(0);

    const path = `/api/training/staff/${ids.A0005}/self-development/${saved.id}`;
    expect(await errorOf(await h.call(auditor, 'POST', `${path}/confirm`, { version: 1 }), 403)).toBe('access.denied');
    expect(await errorOf(await h.call(staff, 'POST', `${path}/confirm`, { version: 1 }), 403)).toBe('access.denied');
    expect(await errorOf(await h.call(evaluator, 'POST', `${path}/confirm`, { version: 9 }), 409)).toBe('common.conflict');
    // the record must belong to the person in the path (the guard checked the relation to them)
    expect(await errorOf(await h.call(evaluator, 'POST', `/api/training/staff/${ids.A0004}/self-development/${saved.id}/confirm`, { version: 1 }), 403)).toBe('access.denied');

    const confirmed = await h.callJson<SelfDevelopmentRecord>(evaluator, 'POST', `${path}/confirm`, 200, { version: 1 });
    expect(confirmed).toMatchObject({ status: 'confirmed', version: 2, confirmedByName: expect.any(String) });
    expect(await errorOf(await h.call(evaluator, 'POST', `${path}/return`, { version: 2 }), 409)).toBe('common.conflict');
    expect(await errorOf(await h.call(staff, 'PUT', `/api/training/self-development/${saved.id}`, { ...elearning('x'), version: 2 }), 409)).toBe('common.conflict');
    expect(await errorOf(await h.call(staff, 'DELETE', `/api/training/self-development/${saved.id}?version=2`), 409)).toBe('common.conflict');
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'training.self-development-confirmed' and object_id = ${String(saved.id)}`)).toBe(1);
    expect(await h.queryCount(sql`select count(*)::int as n from notifications where recipient_staff_id = ${ids.A0005} and kind = 'training.self-development'`)).toBeGreaterThan(0);
  });

  it('a returned record goes back to waiting when the owner changes it; HR sees and confirms anyone', async () => {
    const saved = await record('e-ラーニング 文書事務');
    const path = `/api/training/staff/${ids.A0005}/self-development/${saved.id}`;
    const returned = await h.callJson<SelfDevelopmentRecord>(evaluator, 'POST', `${path}/return`, 200, { version: 1, comment: '時間数を確認してください' });
    expect(returned).toMatchObject({ status: 'returned', reviewComment: '時間数を確認してください' });
    const fixed = await h.callJson<SelfDevelopmentRecord>(staff, 'PUT', `/api/training/self-development/${saved.id}`, 200, { ...elearning('e-ラーニング 文書事務'), hours: 2, version: 2 });
    expect(fixed.status).toBe('recorded');
    const all = await h.callJson<SelfDevelopmentList>(hrAdmin, 'GET', `/api/training/staff/${ids.A0005}/self-development`, 200);
    expect(all.items.some((r) => r.id === saved.id)).toBe(true);
    expect((await h.callJson<SelfDevelopmentList>(hrAdmin, 'GET', '/api/training/self-development/pending', 200)).items.some((r) => r.id === saved.id)).toBe(true);
    expect(await errorOf(await h.call(unitHead, 'GET', `/api/training/staff/${ids.A0005}/self-development`), 403)).toBe('access.denied');
    expect((await h.callJson<SelfDevelopmentRecord>(hrAdmin, 'POST', `${path}/confirm`, 200, { version: 3 })).status).toBe('confirmed');
  });
});

describe('自主研修グループ', () => {
  it('the creator leads, adds members; members record activities and turn one into self-development once', async () => {
    const group = await h.callJson<StudyGroupDetail>(evaluator, 'POST', '/api/training/study-groups', 201, { name: 'DX勉強会', description: '月1回', startsOn: '2025-10-01' });
    expect(group).toMatchObject({ isLeader: true, memberCount: 1 });
    expect(await errorOf(await h.call(staff, 'GET', `/api/training/study-groups/${group.id}`), 404)).toBe('common.not-found');

    const withMember = await h.callJson<StudyGroupDetail>(evaluator, 'POST', `/api/training/study-groups/${group.id}/members`, 201, { staffId: ids.A0005 });
    expect(withMember.members.map((m) => m.staffId).sort()).toEqual([ids.A0004, ids.A0005].sort());
    expect(await errorOf(await h.call(evaluator, 'POST', `/api/training/study-groups/${group.id}/members`, { staffId: ids.A0005 }), 409)).toBe('common.conflict');
    expect(await errorOf(await h.call(evaluator, 'POST', `/api/training/study-groups/${group.id}/members`, { employeeNumber: 'Z9999' }), 404)).toBe('common.not-found');
    const byNumber = await h.callJson<StudyGroupDetail>(evaluator, 'POST', `/api/training/study-groups/${group.id}/members`, 201, { employeeNumber: 'A0003' });
    expect(byNumber.memberCount).toBe(3);
    // only the leader adds members
    expect(await errorOf(await h.call(staff, 'POST', `/api/training/study-groups/${group.id}/members`, { staffId: ids.A0006 }), 403)).toBe('access.denied');

    const mine = await h.callJson<StudyGroupList>(staff, 'GET', '/api/training/study-groups', 200);
    expect(mine.items).toEqual([expect.objectContaining({ id: group.id, isLeader: false, memberCount: 3 })]);

    const withActivity = await h.callJson<StudyGroupDetail>(staff, 'POST', `/api/training/study-groups/${group.id}/activities`, 201, { heldOn: '2025-11-05', title: 'RPA入門', hours: 2 });
    const activity = withActivity.activities[0]!;
    expect(activity).toMatchObject({ title: 'RPA入門', isRecordedByMe: false });
    const rec = await h.callJson<SelfDevelopmentRecord>(staff, 'POST', `/api/training/study-groups/${group.id}/activities/${activity.id}/self-development`, 201);
    expect(rec).toMatchObject({ kind: 'study-group', title: 'DX勉強会: RPA入門', startedOn: '2025-11-05', hours: 2, groupId: group.id, status: 'recorded' });
    expect(await errorOf(await h.call(staff, 'POST', `/api/training/study-groups/${group.id}/activities/${activity.id}/self-development`), 409)).toBe('common.conflict');
    const again = await h.callJson<StudyGroupDetail>(staff, 'GET', `/api/training/study-groups/${group.id}`, 200);
    expect(again.activities[0]!.isRecordedByMe).toBe(true);
    expect(await errorOf(await h.call(auditor, 'POST', `/api/training/study-groups/${group.id}/activities`, { heldOn: '2025-11-05', title: 'x' }), 404)).toBe('common.not-found');
  });
});

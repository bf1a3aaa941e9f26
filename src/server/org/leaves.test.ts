import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import type { StaffProfile } from '../../domain/org/org-api.js';
import type { StaffLeave } from '../../domain/org/leaves.js';
import { staffIdByNumber } from './org-fixtures.repository.js';

let h: Harness;
let hr: Session;
let staff: Session;
let evaluator: Session;
let staffId: number;

beforeAll(async () => {
  h = await createHarness();
  [hr, staff, evaluator] = await Promise.all([h.loginAs('hrAdmin'), h.loginAs('staff'), h.loginAs('evaluator')]);
  staffId = await staffIdByNumber(h.database.db, 'A0005');
});
afterAll(async () => {
  await h.close();
});

describe('休業・休職 on the staff record', () => {
  it('HR records a period; the person and HR see it with the protected fields, the evaluator does not', async () => {
    const added = await h.callJson<StaffLeave>(hr, 'POST', `/api/staff/${staffId}/leaves`, 201, { kind: 'childcare', startsOn: '2024-06-01', endsOn: '2025-03-31', note: 'デモ' });
    expect(added).toMatchObject({ staffId, kind: 'childcare', startsOn: '2024-06-01', endsOn: '2025-03-31' });
    const own = await h.callJson<StaffProfile>(staff, 'GET', `/api/staff/${staffId}`, 200);
    expect(own.protected?.leaves.map((l) => l.id)).toEqual([added.id]);
    const byEvaluator = await h.callJson<StaffProfile>(evaluator, 'GET', `/api/staff/${staffId}`, 200);
    expect(byEvaluator.protected).toBeNull();
  });

  it('refuses an overlapping period, an end before the start, unknown fields, and anyone but HR', async () => {
    const overlap = await h.callJson<{ error: { details: Array<{ message: string }> } }>(hr, 'POST', `/api/staff/${staffId}/leaves`, 400, { kind: 'sickness', startsOn: '2025-03-01', endsOn: null });
    expect(overlap.error.details[0]!.message).toContain('育児休業(2024-06-01〜2025-03-31)と期間が重なっています');
    await h.callJson(hr, 'POST', `/api/staff/${staffId}/leaves`, 400, { kind: 'sickness', startsOn: '2025-05-01', endsOn: '2025-04-30' });
    await h.callJson(hr, 'POST', `/api/staff/${staffId}/leaves`, 400, { kind: 'sickness', startsOn: '2025-05-01', endsOn: null, staffId: 1 });
    await h.callJson(staff, 'POST', `/api/staff/${staffId}/leaves`, 403, { kind: 'sickness', startsOn: '2025-05-01', endsOn: null });
    await h.callJson(evaluator, 'POST', `/api/staff/${staffId}/leaves`, 403, { kind: 'sickness', startsOn: '2025-05-01', endsOn: null });
  });

  it('HR corrects and removes a period, audited', async () => {
    const added = await h.callJson<StaffLeave>(hr, 'POST', `/api/staff/${staffId}/leaves`, 201, { kind: 'family-care', startsOn: '2025-06-01', endsOn: null, note: '' });
    const ended = await h.callJson<StaffLeave>(hr, 'PUT', `/api/staff/${staffId}/leaves/${added.id}`, 200, { kind: 'family-care', startsOn: '2025-06-01', endsOn: '2025-08-31', note: '' });
    expect(ended.endsOn).toBe('2025-08-31');
    await h.call(hr, 'DELETE', `/api/staff/${staffId}/leaves/${added.id}`).then((r) => expect(r.status).toBe(204));
    await h.call(hr, 'DELETE', `/api/staff/${staffId}/leaves/${added.id}`).then((r) => expect(r.status).toBe(404));
    const actions = await h.queryRows(sql`select action from audit_log where object_type = 'staff' and object_id = ${String(staffId)} and action like 'org.leave.%' order by id`);
    expect(actions.map((r) => r.action)).toEqual(['org.leave.added', 'org.leave.added', 'org.leave.updated', 'org.leave.removed']);
  });
});

/**
 * 面接指導の申出の取り下げ: the person withdraws a request while it waits, may request again (the same row reopens
 * with a new date), cannot withdraw once the interview was held; the implementer sees the withdrawal and cannot
 * record an interview on it; HR never sees any of it. Audited without content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { stressItems } from '../../domain/stress-check/questionnaire.js';
import type { Campaign, ConsentedResultList, InterviewRequestList, LabourOfficeReport, ResultList, StressResult } from '../../domain/stress-check/stress-check-api.js';

type ErrorBody = { error: { code: string } };

let h: Harness;
let implementer: Session;
let staff: Session;
let hrOfficer: Session;
let hrAdmin: Session;
let campaign: Campaign;
let staffId = 0;

const base = (id: number) => `/api/stress-check/campaigns/${id}`;
async function errorOf(res: Response, status: number): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(status);
  return ((await res.json()) as ErrorBody).error.code;
}
const withdraw = (s: Session) => h.call(s, 'POST', `${base(campaign.id)}/mine/interview-request/withdraw`);
const auditCount = (action: string) => h.queryCount(sql`select count(*)::int as n from audit_log where action = ${action}`);

beforeAll(async () => {
  h = await createHarness();
  implementer = await h.loginAs('stressImplementer');
  staff = await h.loginAs('staff');
  hrOfficer = await h.loginAs('hrOfficer');
  hrAdmin = await h.loginAs('hrAdmin');
  staffId = Number((await h.queryRows<{ id: number }>(sql`select id from staff where employee_number = 'A0005'`))[0]!.id);
  const created = await h.callJson<Campaign>(implementer, 'POST', '/api/stress-check/campaigns', 201, { name: '取り下げの確認', fiscalYear: 2025, opensOn: '2025-09-15', closesOn: '2025-10-31' });
  campaign = await h.callJson<Campaign>(implementer, 'POST', `${base(created.id)}/open`, 200, { version: created.version });
  for (const area of ['A', 'B', 'C', 'D'] as const) {
    const answers = Object.fromEntries(stressItems.filter((i) => i.area === area).map((i) => [String(i.no), 4]));
    await h.callJson(staff, 'PUT', `${base(campaign.id)}/mine/answers/${area}`, 200, { answers });
  }
  await h.callJson(staff, 'POST', `${base(campaign.id)}/mine/submit`, 200);
  await h.callJson(staff, 'GET', `${base(campaign.id)}/mine/result`, 200);
  await h.callJson(staff, 'POST', `${base(campaign.id)}/mine/consent`, 200, { decision: 'given' });
}, 60_000);
afterAll(async () => {
  await h.close();
});

describe('withdrawing a physician-interview request', () => {
  it('there is nothing to withdraw before a request; someone without a result has none', async () => {
    expect(await errorOf(await withdraw(staff), 404)).toBe('common.not-found');
    expect(await errorOf(await withdraw(hrAdmin), 404)).toBe('common.not-found');
  });

  it('withdraws a waiting request once (a repeat changes nothing), audited without content', async () => {
    const requested = await h.callJson<StressResult>(staff, 'POST', `${base(campaign.id)}/mine/interview-request`, 200);
    expect(requested.interviewRequest).toMatchObject({ status: 'requested' });
    const before = await auditCount('stress-check.interview-request-withdrawn');
    const withdrawn = await h.callJson<StressResult>(staff, 'POST', `${base(campaign.id)}/mine/interview-request/withdraw`, 200);
    expect(withdrawn.interviewRequest).toMatchObject({ status: 'withdrawn' });
    await h.callJson<StressResult>(staff, 'POST', `${base(campaign.id)}/mine/interview-request/withdraw`, 200);
    expect(await auditCount('stress-check.interview-request-withdrawn')).toBe(before + 1);
    const [row] = await h.queryRows<{ object_type: string; details: unknown; outcome: string }>(
      sql`select object_type, details, outcome from audit_log where action = 'stress-check.interview-request-withdrawn' order by seq desc limit 1`,
    );
    expect(row).toMatchObject({ object_type: 'stress_check_interview_request', details: null, outcome: 'succeeded' });
    // The result the person reads again says so.
    const mine = await h.callJson<StressResult>(staff, 'GET', `${base(campaign.id)}/mine/result`, 200);
    expect(mine.interviewRequest?.status).toBe('withdrawn');
  });

  it('the implementer sees it as withdrawn and cannot record an interview on it', async () => {
    const list = await h.callJson<InterviewRequestList>(implementer, 'GET', `${base(campaign.id)}/interview-requests`, 200);
    const item = list.items.find((r) => r.staffId === staffId)!;
    expect(item).toMatchObject({ status: 'withdrawn', interview: null });
    const results = await h.callJson<ResultList>(implementer, 'GET', `${base(campaign.id)}/results`, 200);
    expect(results.items.find((r) => r.staffId === staffId)).toMatchObject({ hasInterviewRequest: false, interviewRequestStatus: 'withdrawn' });
    expect(await errorOf(await h.call(implementer, 'POST', `/api/stress-check/interview-requests/${item.id}/interview`, { heldOn: '2025-10-01', physicianName: '架空 医師', opinion: 'normal' }), 409)).toBe('common.conflict');
    expect(await h.queryCount(sql`select count(*)::int as n from stress_check_interviews where request_id = ${item.id}`)).toBe(0);
  });

  it('HR never sees the request or its withdrawal, even with consent', async () => {
    const consented = await h.callJson<ConsentedResultList>(hrOfficer, 'GET', `${base(campaign.id)}/consented-results`, 200);
    expect(JSON.stringify(consented)).not.toMatch(/withdrawn|interview|requested/i);
    const r = await h.callJson<StressResult>(hrOfficer, 'GET', `${base(campaign.id)}/consented-results/${staffId}`, 200);
    expect(r.interviewRequest).toBeNull();
    for (const s of [hrOfficer, hrAdmin]) expect(await errorOf(await h.call(s, 'GET', `${base(campaign.id)}/interview-requests`), 403)).toBe('access.denied');
  });

  it('requests again: the same row reopens with a new date', async () => {
    const [first] = await h.queryRows<{ id: number; requested_at: string }>(sql`select id, requested_at::text from stress_check_interview_requests where staff_id = ${staffId}`);
    // (within the session's idle timeout)
    h.setNow(new Date('2025-10-01T10:20:00+09:00'));
    try {
      const again = await h.callJson<StressResult>(staff, 'POST', `${base(campaign.id)}/mine/interview-request`, 200);
      expect(again.interviewRequest?.status).toBe('requested');
      const rows = await h.queryRows<{ id: number; requested_at: string; status: string }>(sql`select id, requested_at::text, status from stress_check_interview_requests where staff_id = ${staffId}`);
      expect(rows).toHaveLength(1);
      expect(Number(rows[0]!.id)).toBe(Number(first!.id));
      expect(rows[0]!.requested_at).not.toBe(first!.requested_at);
      expect(new Date(again.interviewRequest!.requestedAt).toISOString()).toBe('2025-10-01T01:20:00.000Z');
      // a repeated request while it waits keeps its date (idempotent)
      h.setNow(new Date('2025-10-01T10:25:00+09:00'));
      const repeat = await h.callJson<StressResult>(staff, 'POST', `${base(campaign.id)}/mine/interview-request`, 200);
      expect(repeat.interviewRequest?.requestedAt).toBe(again.interviewRequest?.requestedAt);
    } finally {
      h.setNow(new Date('2025-10-01T10:00:00+09:00'));
    }
  });

  it('once the interview was held, the request can no longer be withdrawn', async () => {
    const list = await h.callJson<InterviewRequestList>(implementer, 'GET', `${base(campaign.id)}/interview-requests`, 200);
    const item = list.items.find((r) => r.staffId === staffId)!;
    await h.callJson(implementer, 'POST', `/api/stress-check/interview-requests/${item.id}/interview`, 200, { heldOn: '2025-10-01', physicianName: '架空 医師', opinion: 'normal' });
    expect(await errorOf(await withdraw(staff), 409)).toBe('common.conflict');
    const mine = await h.callJson<StressResult>(staff, 'GET', `${base(campaign.id)}/mine/result`, 200);
    expect(mine.interviewRequest?.status).toBe('held');
    // requesting again changes nothing either
    expect((await h.callJson<StressResult>(staff, 'POST', `${base(campaign.id)}/mine/interview-request`, 200)).interviewRequest?.status).toBe('held');
  });

  it('a withdrawn request is not counted in the labour-office report', async () => {
    // A second person requests and withdraws; after the close the report counts only the held one.
    const evaluator = await h.loginAs('evaluator');
    for (const area of ['A', 'B', 'C', 'D'] as const) {
      const answers = Object.fromEntries(stressItems.filter((i) => i.area === area).map((i) => [String(i.no), 2]));
      await h.callJson(evaluator, 'PUT', `${base(campaign.id)}/mine/answers/${area}`, 200, { answers });
    }
    await h.callJson(evaluator, 'POST', `${base(campaign.id)}/mine/submit`, 200);
    await h.callJson(evaluator, 'GET', `${base(campaign.id)}/mine/result`, 200);
    await h.callJson(evaluator, 'POST', `${base(campaign.id)}/mine/interview-request`, 200);
    await h.callJson(evaluator, 'POST', `${base(campaign.id)}/mine/interview-request/withdraw`, 200);
    const current = (await h.callJson<{ items: Campaign[] }>(implementer, 'GET', '/api/stress-check/campaigns', 200)).items.find((c) => c.id === campaign.id)!;
    await h.callJson(implementer, 'POST', `${base(campaign.id)}/close`, 200, { version: current.version });
    const report = await h.callJson<LabourOfficeReport>(hrAdmin, 'GET', `${base(campaign.id)}/report`, 200);
    expect(report).toMatchObject({ examinees: 2, interviewRequests: 1, interviewed: 1 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { demoStaffPassword } from '../db/seeds/demo-accounts.js';
import { stressItems } from '../../domain/stress-check/questionnaire.js';
import type { AnswerValue } from '../../domain/stress-check/stress-scoring.js';
import type { AnswerProgress, Campaign, ConsentedResultList, GroupAnalysis, HighRiskUnits, InterviewRequestList, LabourOfficeReport, MyCampaign, ResultList, StressResult } from '../../domain/stress-check/stress-check-api.js';
import { purgeExpiredStressChecks } from './retention.service.js';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

let h: Harness;
let implementer: Session;
let hrAdmin: Session;
let hrOfficer: Session;
let sysAdmin: Session;
let staff: Session;
let evaluator: Session;
let unitHead: Session;
let campaign: Campaign;
const ids = { A0004: 0, A0005: 0 };

async function errorOf(res: Response, status: number): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(status);
  return ((await res.json()) as ErrorBody).error.code;
}
const base = (id: number) => `/api/stress-check/campaigns/${id}`;

/** A deterministic answer set: `seed` shifts the pattern, `level` 1–4 pushes every item one way. */
function answersFor(seed: number, level?: AnswerValue): Record<string, AnswerValue> {
  return Object.fromEntries(stressItems.map((i) => [String(i.no), (level ?? (((seed * 7 + i.no * 3) % 4) + 1)) as AnswerValue]));
}

async function answerAll(session: Session, campaignId: number, answers: Record<string, AnswerValue>) {
  for (const area of ['A', 'B', 'C', 'D'] as const) {
    const section = Object.fromEntries(Object.entries(answers).filter(([no]) => stressItems[Number(no) - 1]!.area === area));
    await h.callJson(session, 'PUT', `${base(campaignId)}/mine/answers/${area}`, 200, { answers: section });
  }
  return h.callJson<{ isHighStress: boolean }>(session, 'POST', `${base(campaignId)}/mine/submit`, 200);
}

async function createCampaign(name: string, fiscalYear: number, opensOn: string, closesOn: string, extra: Record<string, unknown> = {}): Promise<Campaign> {
  const created = await h.callJson<Campaign>(implementer, 'POST', '/api/stress-check/campaigns', 201, { name, fiscalYear, opensOn, closesOn, ...extra });
  return h.callJson<Campaign>(implementer, 'POST', `${base(created.id)}/open`, 200, { version: created.version });
}

async function staffLogins(limit: number): Promise<Array<{ staffId: number; session: Session }>> {
  const rows = await h.queryRows<{ login_id: string; staff_id: number }>(sql`
    select a.login_id, a.staff_id from accounts a where a.staff_id is not null
      and a.login_id not in ('A0001','A0002','A0003','A0004','A0005','A0006','A0007','A0008','A0009')
    order by a.login_id limit ${limit}`);
  const out: Array<{ staffId: number; session: Session }> = [];
  for (const r of rows) {
    const res = await h.loginWith(r.login_id, demoStaffPassword);
    expect(res.status).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    out.push({ staffId: Number(r.staff_id), session: { cookie, csrfToken } });
  }
  return out;
}

beforeAll(async () => {
  h = await createHarness();
  implementer = await h.loginAs('stressImplementer');
  hrAdmin = await h.loginAs('hrAdmin');
  hrOfficer = await h.loginAs('hrOfficer');
  sysAdmin = await h.loginAs('sysAdmin');
  staff = await h.loginAs('staff');
  evaluator = await h.loginAs('evaluator');
  unitHead = await h.loginAs('unitHead');
  for (const r of await h.queryRows<{ id: number; employee_number: string }>(sql`select id, employee_number from staff where employee_number in ('A0004','A0005')`)) {
    ids[r.employee_number as keyof typeof ids] = Number(r.id);
  }
  campaign = await createCampaign('令和7年度ストレスチェック', 2025, '2025-09-15', '2025-10-31');
}, 60_000);
afterAll(async () => {
  await h.close();
});

describe('campaigns', () => {
  it('only the implementer creates and opens them; the method and thresholds are fixed with defaults', async () => {
    expect(campaign).toMatchObject({ status: 'open', method: 'simple-sum', thresholds: { bTotalAtLeast: 77, acTotalAtLeast: 76, bWithAcAtLeast: 63 }, minGroupSize: 10, highRiskThreshold: 120, questionnaireVersion: 'bjsq57-2015' });
    for (const s of [hrAdmin, hrOfficer, sysAdmin, staff]) {
      expect(await errorOf(await h.call(s, 'POST', '/api/stress-check/campaigns', { name: 'x', fiscalYear: 2025, opensOn: '2025-10-01', closesOn: '2025-10-31' }), 403)).toBe('access.denied');
    }
    // the suppression threshold may only be raised
    expect(await errorOf(await h.call(implementer, 'POST', '/api/stress-check/campaigns', { name: 'y', fiscalYear: 2025, opensOn: '2025-10-01', closesOn: '2025-10-31', minGroupSize: 5 }), 400)).toBe('common.validation');
    const list = await h.callJson<{ items: Campaign[] }>(staff, 'GET', '/api/stress-check/campaigns', 200);
    expect(list.items.map((c) => c.id)).toContain(campaign.id);
  });
});

describe("a person's own check", () => {
  it('autosaves per section idempotently, refuses an incomplete submit, then scores at once', async () => {
    const answers = answersFor(0, 4); // all "4": B = 107 → high stress
    const partA = Object.fromEntries(Object.entries(answers).filter(([no]) => Number(no) <= 17));
    const first = await h.callJson<{ answeredCount: number }>(staff, 'PUT', `${base(campaign.id)}/mine/answers/A`, 200, { answers: partA });
    const again = await h.callJson<{ answeredCount: number }>(staff, 'PUT', `${base(campaign.id)}/mine/answers/A`, 200, { answers: partA });
    expect([first.answeredCount, again.answeredCount]).toEqual([17, 17]);
    // an item of another section is refused
    expect(await errorOf(await h.call(staff, 'PUT', `${base(campaign.id)}/mine/answers/A`, { answers: { '18': 1 } }), 400)).toBe('common.validation');
    expect(await errorOf(await h.call(staff, 'PUT', `${base(campaign.id)}/mine/answers/A`, { answers: { '1': 5 } }), 400)).toBe('common.validation');
    const incomplete = await h.call(staff, 'POST', `${base(campaign.id)}/mine/submit`);
    expect(await errorOf(incomplete.clone(), 422)).toBe('stress-check.answers-incomplete');
    expect(((await incomplete.json()) as ErrorBody).error.details).toMatchObject({ missing: expect.arrayContaining([18, 57]) });
    const mine = await h.callJson<MyCampaign>(staff, 'GET', `${base(campaign.id)}/mine`, 200);
    expect(mine.answeredCount).toBe(17);

    expect(await answerAll(staff, campaign.id, answers)).toMatchObject({ isHighStress: true });
    expect(await errorOf(await h.call(staff, 'POST', `${base(campaign.id)}/mine/submit`), 409)).toBe('common.conflict');
    expect(await errorOf(await h.call(staff, 'PUT', `${base(campaign.id)}/mine/answers/A`, { answers: partA }), 409)).toBe('common.conflict');
  });

  it('refuses consent before the result was shown; after showing, consent can be refused', async () => {
    expect(await errorOf(await h.call(staff, 'POST', `${base(campaign.id)}/mine/consent`, { decision: 'given' }), 409)).toBe('stress-check.consent-before-result');
    const result = await h.callJson<StressResult>(staff, 'GET', `${base(campaign.id)}/mine/result`, 200);
    expect(result.score).toMatchObject({ isHighStress: true, highStressReason: 'b-total', areaTotals: { A: 35, B: 107, C: 36, D: 8 } });
    expect(result.shownAt).not.toBeNull();
    expect(result.consent).toBeNull(); // never pre-ticked
    expect(result.advice.join('')).toContain('面接指導');
    // consent must be an explicit choice
    expect(await errorOf(await h.call(staff, 'POST', `${base(campaign.id)}/mine/consent`, {}), 400)).toBe('common.validation');
    const refused = await h.callJson<StressResult>(staff, 'POST', `${base(campaign.id)}/mine/consent`, 200, { decision: 'refused' });
    expect(refused.consent).toMatchObject({ decision: 'refused' });
    const consentRow = await h.queryRows<{ decided_at: string; result_shown_at: string }>(sql`select decided_at::text, result_shown_at::text from stress_check_consents where staff_id = ${ids.A0005}`);
    expect(consentRow).toHaveLength(1);
  });

  it('requests an interview; the implementer sees it and records it', async () => {
    const after = await h.callJson<StressResult>(staff, 'POST', `${base(campaign.id)}/mine/interview-request`, 200);
    expect(after.interviewRequest).toMatchObject({ status: 'requested' });
    await h.callJson(staff, 'POST', `${base(campaign.id)}/mine/interview-request`, 200); // idempotent
    const list = await h.callJson<InterviewRequestList>(implementer, 'GET', `${base(campaign.id)}/interview-requests`, 200);
    const mine = list.items.filter((r) => r.staffId === ids.A0005);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ isHighStress: true, status: 'requested', interview: null });
    for (const s of [hrAdmin, hrOfficer, sysAdmin, unitHead]) expect(await errorOf(await h.call(s, 'GET', `${base(campaign.id)}/interview-requests`), 403)).toBe('access.denied');
    const recorded = await h.callJson<InterviewRequestList>(implementer, 'POST', `/api/stress-check/interview-requests/${mine[0]!.id}/interview`, 200, { heldOn: '2025-10-01', physicianName: '架空 医師', opinion: 'normal', note: '' });
    expect(recorded.items.find((r) => r.id === mine[0]!.id)).toMatchObject({ status: 'held', interview: { opinion: 'normal' } });
    expect(await errorOf(await h.call(implementer, 'POST', `/api/stress-check/interview-requests/${mine[0]!.id}/interview`, { heldOn: '2025-10-01', physicianName: 'x', opinion: 'normal' }), 409)).toBe('common.conflict');
  });
});

describe('walls', () => {
  it('hr_admin and system_admin never read individual results, by any route', async () => {
    for (const s of [hrAdmin, sysAdmin, unitHead, evaluator]) {
      expect(await errorOf(await h.call(s, 'GET', `${base(campaign.id)}/results/${ids.A0005}`), 403)).toBe('access.denied');
      expect(await errorOf(await h.call(s, 'GET', `${base(campaign.id)}/results`), 403)).toBe('access.denied');
    }
    for (const s of [hrAdmin, sysAdmin, unitHead, evaluator, staff]) {
      expect(await errorOf(await h.call(s, 'GET', `${base(campaign.id)}/consented-results/${ids.A0005}`), 403)).toBe('access.denied');
    }
    // their own /mine is theirs: it never shows anyone else's answers
    const own = await h.callJson<MyCampaign>(hrAdmin, 'GET', `${base(campaign.id)}/mine`, 200);
    expect(own.answeredCount).toBe(0);
    expect(await errorOf(await h.call(hrAdmin, 'GET', `${base(campaign.id)}/mine/result`), 404)).toBe('common.not-found');
  });

  it('the implementer reads a result, and the read is audited with the person as object', async () => {
    const before = await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'stress-check.results.read' and object_id = ${String(ids.A0005)} and outcome = 'allowed'`);
    const r = await h.callJson<StressResult>(implementer, 'GET', `${base(campaign.id)}/results/${ids.A0005}`, 200);
    expect(r.score.isHighStress).toBe(true);
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'stress-check.results.read' and object_id = ${String(ids.A0005)} and outcome = 'allowed'`)).toBe(before + 1);
    const list = await h.callJson<ResultList>(implementer, 'GET', `${base(campaign.id)}/results`, 200);
    expect(list.items.find((i) => i.staffId === ids.A0005)).toMatchObject({ consent: 'refused', hasInterviewRequest: true });
    // the owner's own reads are audited too, and denials are
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'stress-check.results.read' and details->>'via' = 'relation:self'`)).toBeGreaterThan(0);
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'stress-check.results.read' and outcome = 'denied'`)).toBeGreaterThan(0);
    // no audit row carries content
    const details = await h.queryRows<{ d: string }>(sql`select coalesce(details::text, '') as d from audit_log where action like 'stress-check.%'`);
    for (const row of details) expect(row.d).not.toMatch(/areaTotals|answers|isHighStress/);
  });

  it('refuses the read of a result when its audit row cannot be written', async () => {
    await h.database.db.execute(sql.raw(`create function jz_test_refuse_sc_audit() returns trigger language plpgsql as $$ begin raise exception 'audit store down'; end $$`));
    await h.database.db.execute(sql.raw(`create trigger jz_test_refuse_sc_audit before insert on audit_log for each row execute function jz_test_refuse_sc_audit()`));
    try {
      for (const [session, path] of [
        [staff, `${base(campaign.id)}/mine/result`],
        [staff, `${base(campaign.id)}/mine`],
        [implementer, `${base(campaign.id)}/results/${ids.A0005}`],
      ] as const) {
        const res = await h.call(session, 'GET', path);
        const body = await res.text();
        expect(res.status, path).toBe(503);
        expect(JSON.parse(body).error.code).toBe('access.audit-unavailable');
        expect(body).not.toContain('areaTotals');
      }
    } finally {
      await h.database.db.execute(sql.raw('drop trigger jz_test_refuse_sc_audit on audit_log'));
      await h.database.db.execute(sql.raw('drop function jz_test_refuse_sc_audit()'));
    }
  });

  it('HR (人事担当) sees a result only with consent: refused → not found (audited), given → shown', async () => {
    expect(await errorOf(await h.call(hrOfficer, 'GET', `${base(campaign.id)}/consented-results/${ids.A0005}`), 404)).toBe('common.not-found');
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'stress-check.results.read-consented' and outcome = 'denied' and object_id = ${String(ids.A0005)}`)).toBeGreaterThan(0);

    await answerAll(evaluator, campaign.id, answersFor(3));
    await h.callJson(evaluator, 'GET', `${base(campaign.id)}/mine/result`, 200);
    await h.callJson(evaluator, 'POST', `${base(campaign.id)}/mine/consent`, 200, { decision: 'given' });
    const consented = await h.callJson<ConsentedResultList>(hrOfficer, 'GET', `${base(campaign.id)}/consented-results`, 200);
    expect(consented.items.map((i) => i.staffId)).toEqual([ids.A0004]);
    const r = await h.callJson<StressResult>(hrOfficer, 'GET', `${base(campaign.id)}/consented-results/${ids.A0004}`, 200);
    expect(r.staffId).toBe(ids.A0004);
    expect(r.interviewRequest).toBeNull();
    // withdrawing consent closes it again
    await h.callJson(evaluator, 'POST', `${base(campaign.id)}/mine/consent`, 200, { decision: 'refused' });
    expect(await errorOf(await h.call(hrOfficer, 'GET', `${base(campaign.id)}/consented-results/${ids.A0004}`), 404)).toBe('common.not-found');
  });
});

describe('group level', () => {
  it('progress by unit: counts only', async () => {
    const progress = await h.callJson<AnswerProgress>(hrAdmin, 'GET', `${base(campaign.id)}/progress`, 200);
    expect(progress.total.submitted).toBe(2);
    expect(progress.total.targets).toBeGreaterThan(100);
    expect(JSON.stringify(progress)).not.toMatch(/A0005|小川/);
    expect(await errorOf(await h.call(staff, 'GET', `${base(campaign.id)}/progress`), 403)).toBe('access.denied');
  });

  it('group analysis waits for the close (no differencing over time)', async () => {
    expect(await errorOf(await h.call(implementer, 'GET', `${base(campaign.id)}/group-analysis`), 409)).toBe('stress-check.analysis-not-ready');
    expect(await errorOf(await h.call(hrAdmin, 'GET', `${base(campaign.id)}/report`), 409)).toBe('stress-check.analysis-not-ready');
  });

  it('after the close: groups under 10 are suppressed, and parent minus shown children never isolates fewer than 10', async () => {
    // Last year: 12 people answer a closed campaign of 2024 (for the comparison).
    // (Roles count only while granted, so the implementer acts today; the people answer with the clock moved back.)
    const lastYear = await createCampaign('令和6年度ストレスチェック', 2024, '2024-09-15', '2024-10-31');
    h.setNow(new Date('2024-10-01T10:00:00+09:00'));
    const earlier = await staffLogins(12);
    for (const [i, p] of earlier.entries()) await answerAll(p.session, lastYear.id, answersFor(i + 100));
    h.setNow(new Date('2025-10-01T10:00:00+09:00'));
    await h.callJson(implementer, 'POST', `${base(lastYear.id)}/close`, 200, { version: lastYear.version });

    const people = await staffLogins(80);
    for (const [i, p] of people.entries()) await answerAll(p.session, campaign.id, answersFor(i, i % 9 === 0 ? 4 : undefined));
    const current = (await h.callJson<{ items: Campaign[] }>(implementer, 'GET', '/api/stress-check/campaigns', 200)).items.find((c) => c.id === campaign.id)!;
    await h.callJson(implementer, 'POST', `${base(campaign.id)}/close`, 200, { version: current.version });

    for (const s of [implementer, hrAdmin, hrOfficer]) await h.callJson<GroupAnalysis>(s, 'GET', `${base(campaign.id)}/group-analysis`, 200);
    for (const s of [staff, sysAdmin, unitHead]) expect(await errorOf(await h.call(s, 'GET', `${base(campaign.id)}/group-analysis`), 403)).toBe('access.denied');
    const analysis = await h.callJson<GroupAnalysis>(hrOfficer, 'GET', `${base(campaign.id)}/group-analysis`, 200);
    expect(analysis.total).toMatchObject({ respondents: 82 });
    expect(analysis.total!.risk).not.toBeNull();
    expect(analysis.previousCampaign).toMatchObject({ id: lastYear.id, fiscalYear: 2024 });
    expect(analysis.previousTotal).toMatchObject({ respondents: 12 });

    const shown = analysis.units.filter((u) => u.status === 'shown');
    expect(shown.length).toBeGreaterThan(0);
    expect(analysis.units.some((u) => u.status === 'small')).toBe(true);
    for (const u of analysis.units) {
      if (u.status === 'shown') expect(u.figure!.respondents).toBeGreaterThanOrEqual(10);
      else expect(u.figure).toBeNull();
    }
    // The differencing attack: for every shown unit (and the total), subtract its shown children.
    const parents: Array<{ n: number; children: number[] }> = [
      { n: analysis.total!.respondents, children: shown.filter((u) => u.parentUnitId === null).map((u) => u.figure!.respondents) },
      ...shown.map((p) => ({ n: p.figure!.respondents, children: shown.filter((u) => u.parentUnitId === p.unitId).map((u) => u.figure!.respondents) })),
    ];
    for (const p of parents) {
      const rest = p.n - p.children.reduce((a, b) => a + b, 0);
      expect(rest === 0 || rest >= 10, `parent ${p.n} − children ${p.children.join('+')} = ${rest}`).toBe(true);
    }
    // Nothing in the analysis names a person.
    expect(JSON.stringify(analysis)).not.toMatch(/staffId|employeeNumber|A0005/);
    // The groups were cut when the campaign closed: rewriting the organisation's history afterwards (moving every
    // unit under one parent on the closing day) re-cuts nothing.
    const someUnit = analysis.units.find((u) => u.parentUnitId !== null)!;
    await h.database.db.execute(sql`update org_unit_versions set parent_unit_id = null where unit_id = ${someUnit.unitId}`);
    try {
      const again = await h.callJson<GroupAnalysis>(hrOfficer, 'GET', `${base(campaign.id)}/group-analysis`, 200);
      expect(again.units.map((u) => [u.unitId, u.parentUnitId, u.status, u.figure?.respondents])).toEqual(analysis.units.map((u) => [u.unitId, u.parentUnitId, u.status, u.figure?.respondents]));
    } finally {
      await h.database.db.execute(sql`update org_unit_versions set parent_unit_id = ${someUnit.parentUnitId} where unit_id = ${someUnit.unitId}`);
    }
  }, 240_000);

  it('high-risk units with follow-up actions; the report counts for the labour office', async () => {
    const high = await h.callJson<HighRiskUnits>(hrAdmin, 'GET', `${base(campaign.id)}/high-risk-units`, 200);
    expect(high.threshold).toBe(120);
    for (const u of high.units) expect(u.figure.risk!.total).toBeGreaterThanOrEqual(120);
    const analysis = await h.callJson<GroupAnalysis>(hrAdmin, 'GET', `${base(campaign.id)}/group-analysis`, 200);
    const hidden = analysis.units.find((u) => u.status !== 'shown');
    if (hidden) expect(await errorOf(await h.call(hrAdmin, 'POST', `${base(campaign.id)}/unit-actions`, { unitId: hidden.unitId, action: '面談' }), 400)).toBe('common.validation');
    if (high.units[0]) {
      const after = await h.callJson<HighRiskUnits>(hrAdmin, 'POST', `${base(campaign.id)}/unit-actions`, 201, { unitId: high.units[0].unitId, action: '業務量の見直しと係内ミーティングの定例化', status: 'planned', dueOn: '2025-12-26' });
      expect(after.units.find((u) => u.unitId === high.units[0]!.unitId)!.actions).toHaveLength(1);
    }
    const report = await h.callJson<LabourOfficeReport>(hrAdmin, 'GET', `${base(campaign.id)}/report`, 200);
    expect(report).toMatchObject({ examinees: 82, interviewRequests: 1, interviewed: 1 });
    const highStress = await h.queryCount(sql`select count(*)::int as n from stress_check_results where campaign_id = ${campaign.id} and is_high_stress`);
    expect(report.highStress).toBe(highStress);
    expect(report.highStress).toBeGreaterThan(0);
  });
});

describe('retention', () => {
  it('deletes campaigns closed more than 5 years ago with everything of them, audited, with a moved clock', async () => {
    const old = await createCampaign('令和元年度ストレスチェック', 2019, '2020-03-01', '2020-03-31');
    h.setNow(new Date('2020-03-10T10:00:00+09:00'));
    const oldStaff = await h.loginAs('evaluator');
    await answerAll(oldStaff, old.id, answersFor(5));
    h.setNow(new Date('2025-10-01T10:00:00+09:00'));
    expect(await h.queryCount(sql`select count(*)::int as n from stress_check_results where campaign_id = ${old.id}`)).toBe(1);

    // 2025-03-31: closed exactly 5 years ago less one day → kept
    const early = await purgeExpiredStressChecks(h.database, { now: new Date('2025-03-31T12:00:00+09:00') });
    expect(early.campaignIds).not.toContain(old.id);
    const outcome = await purgeExpiredStressChecks(h.database, { now: new Date('2025-10-01T12:00:00+09:00') });
    expect(outcome.cutoff).toBe('2020-10-01');
    expect(outcome.campaignIds).toEqual([old.id]);
    for (const table of ['stress_check_campaigns', 'stress_check_responses', 'stress_check_results', 'stress_check_group_entries']) {
      const column = table === 'stress_check_campaigns' ? 'id' : 'campaign_id';
      expect(await h.queryCount(sql.raw(`select count(*)::int as n from ${table} where ${column} = ${old.id}`))).toBe(0);
    }
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'stress-check.retention-deleted' and object_id = ${String(old.id)}`)).toBe(1);
    // this year's and last year's stay; a setting below 5 years is raised to 5
    const again = await purgeExpiredStressChecks(h.database, { now: new Date('2025-10-01T12:00:00+09:00'), years: 1 });
    expect(again.campaignsDeleted).toBe(0);
  });
});

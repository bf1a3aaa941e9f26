/**
 * 代理入力: the implementer enters a named examinee's paper questionnaire — all-or-nothing, scored and stored exactly
 * as an online submission (result, group entry, progress), audited as entered on paper; refused for someone who
 * submitted already; the examinee then sees their result as usual. Nobody but the implementer may do it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { stressItems } from '../../domain/stress-check/questionnaire.js';
import type { AnswerValue } from '../../domain/stress-check/stress-scoring.js';
import type { AnswerProgress, Campaign, MyCampaign, MyCampaignList, PaperEntryOutcome, PaperExamineeList, StressResult } from '../../domain/stress-check/stress-check-api.js';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

let h: Harness;
let implementer: Session;
let staff: Session;
let evaluator: Session;
let campaign: Campaign;
const ids = { A0004: 0, A0005: 0 };

const base = (id: number) => `/api/stress-check/campaigns/${id}`;
async function errorOf(res: Response, status: number): Promise<ErrorBody['error']> {
  expect(res.status, await res.clone().text()).toBe(status);
  return ((await res.json()) as ErrorBody).error;
}
/** A deterministic answer set (the same pattern as the route tests). */
const answersFor = (seed: number): Record<string, AnswerValue> => Object.fromEntries(stressItems.map((i) => [String(i.no), (((seed * 7 + i.no * 3) % 4) + 1) as AnswerValue]));
const enter = (session: Session, staffId: number, answers: Record<string, unknown>, campaignId = campaign.id) => h.call(session, 'POST', `${base(campaignId)}/paper-entry/${staffId}`, { answers });

async function answerOnline(session: Session, campaignId: number, answers: Record<string, AnswerValue>, submit = true) {
  for (const area of ['A', 'B', 'C', 'D'] as const) {
    const section = Object.fromEntries(Object.entries(answers).filter(([no]) => stressItems[Number(no) - 1]!.area === area));
    await h.callJson(session, 'PUT', `${base(campaignId)}/mine/answers/${area}`, 200, { answers: section });
  }
  if (submit) await h.callJson(session, 'POST', `${base(campaignId)}/mine/submit`, 200);
}

beforeAll(async () => {
  h = await createHarness();
  implementer = await h.loginAs('stressImplementer');
  staff = await h.loginAs('staff');
  evaluator = await h.loginAs('evaluator');
  for (const r of await h.queryRows<{ id: number; employee_number: string }>(sql`select id, employee_number from staff where employee_number in ('A0004','A0005')`)) {
    ids[r.employee_number as keyof typeof ids] = Number(r.id);
  }
  const created = await h.callJson<Campaign>(implementer, 'POST', '/api/stress-check/campaigns', 201, { name: '紙の回答の確認', fiscalYear: 2025, opensOn: '2025-09-15', closesOn: '2025-10-31' });
  campaign = await h.callJson<Campaign>(implementer, 'POST', `${base(created.id)}/open`, 200, { version: created.version });
}, 60_000);
afterAll(async () => {
  await h.close();
});

describe('finding the examinee', () => {
  it('by employee number or kana, with where they stand', async () => {
    const byNumber = await h.callJson<PaperExamineeList>(implementer, 'GET', `${base(campaign.id)}/paper-entry/examinees?q=A0005`, 200);
    expect(byNumber.items).toHaveLength(1);
    expect(byNumber.items[0]).toMatchObject({ staffId: ids.A0005, employeeNumber: 'A0005', submittedAt: null, hasOnlineDraft: false });
    expect(byNumber.items[0]!.unitName).not.toBeNull();
    const kana = byNumber.items[0]!.kana.split(' ')[0]!;
    const byKana = await h.callJson<PaperExamineeList>(implementer, 'GET', `${base(campaign.id)}/paper-entry/examinees?q=${encodeURIComponent(kana)}`, 200);
    expect(byKana.items.map((i) => i.staffId)).toContain(ids.A0005);
    expect((await h.callJson<PaperExamineeList>(implementer, 'GET', `${base(campaign.id)}/paper-entry/examinees?q=`, 200)).items).toEqual([]);
  });
});

describe('entering a paper questionnaire', () => {
  it('is all-or-nothing: missing items are listed and nothing is stored', async () => {
    const partial = answersFor(1);
    delete partial['3'];
    delete partial['57'];
    const error = await errorOf(await enter(implementer, ids.A0005, partial), 422);
    expect(error.code).toBe('stress-check.answers-incomplete');
    expect(error.details).toEqual({ missing: [3, 57] });
    expect(await errorOf(await enter(implementer, ids.A0005, { ...answersFor(1), '58': 1 }), 400)).toMatchObject({ code: 'common.validation' });
    expect(await errorOf(await enter(implementer, ids.A0005, { ...answersFor(1), '1': 5 }), 400)).toMatchObject({ code: 'common.validation' });
    expect(await errorOf(await h.call(implementer, 'POST', `${base(campaign.id)}/paper-entry/${ids.A0005}`, { answers: answersFor(1), staffId: 1 }), 400)).toMatchObject({ code: 'common.validation' });
    expect(await h.queryCount(sql`select count(*)::int as n from stress_check_responses where campaign_id = ${campaign.id}`)).toBe(0);
    expect(await h.queryCount(sql`select count(*)::int as n from stress_check_results where campaign_id = ${campaign.id}`)).toBe(0);
  });

  it('replaces an online draft, scores like an online submission, and the person sees the result as usual', async () => {
    // A0005 started online (section A only), then handed in paper.
    const draft = Object.fromEntries(Object.entries(answersFor(9)).filter(([no]) => Number(no) <= 17));
    await h.callJson(staff, 'PUT', `${base(campaign.id)}/mine/answers/A`, 200, { answers: draft });
    const found = await h.callJson<PaperExamineeList>(implementer, 'GET', `${base(campaign.id)}/paper-entry/examinees?q=A0005`, 200);
    expect(found.items[0]).toMatchObject({ hasOnlineDraft: true, submittedAt: null });

    const entriesBefore = await h.queryCount(sql`select count(*)::int as n from stress_check_group_entries where campaign_id = ${campaign.id}`);
    const outcome = await h.callJson<PaperEntryOutcome>(implementer, 'POST', `${base(campaign.id)}/paper-entry/${ids.A0005}`, 201, { answers: answersFor(2) });
    expect(outcome).toMatchObject({ staffId: ids.A0005 });
    expect(await h.queryCount(sql`select count(*)::int as n from stress_check_group_entries where campaign_id = ${campaign.id}`)).toBe(entriesBefore + 1);

    // The same answers online (A0004) give the same score.
    await answerOnline(evaluator, campaign.id, answersFor(2));
    const paper = await h.callJson<StressResult>(staff, 'GET', `${base(campaign.id)}/mine/result`, 200);
    const online = await h.callJson<StressResult>(evaluator, 'GET', `${base(campaign.id)}/mine/result`, 200);
    expect(paper.score).toEqual(online.score);
    expect(paper.advice).toEqual(online.advice);
    expect(paper.shownAt).not.toBeNull(); // the person's own first read is the notification, as online
    expect(outcome.isHighStress).toBe(paper.score.isHighStress);

    const mine = await h.callJson<MyCampaign>(staff, 'GET', `${base(campaign.id)}/mine`, 200);
    expect(mine.submittedAt).not.toBeNull();
    expect(mine.answers).toEqual(answersFor(2)); // the paper answers replaced the draft
    const list = await h.callJson<MyCampaignList>(staff, 'GET', '/api/stress-check/mine', 200);
    expect(list.items.find((i) => i.campaign.id === campaign.id)).toMatchObject({ answeredCount: 57 });
    // the person can no longer change anything
    expect((await errorOf(await h.call(staff, 'PUT', `${base(campaign.id)}/mine/answers/A`, { answers: draft }), 409)).code).toBe('common.conflict');
    expect((await errorOf(await h.call(staff, 'POST', `${base(campaign.id)}/mine/submit`), 409)).code).toBe('common.conflict');

    // Audited as a submission entered on paper by the implementer, without content.
    const [row] = await h.queryRows<{ actor_label: string; object_type: string; details: Record<string, unknown> }>(
      sql`select actor_label, object_type, details from audit_log where action = 'stress-check.submitted' and details->>'channel' = 'paper'`,
    );
    expect(row).toMatchObject({ actor_label: 'A0007', object_type: 'stress_check_result', details: { channel: 'paper', staffId: ids.A0005 } });
    expect(JSON.stringify(row!.details)).not.toMatch(/areaTotals|answers|isHighStress|score/);

    // progress counts it as submitted
    const progress = await h.callJson<AnswerProgress>(implementer, 'GET', `${base(campaign.id)}/progress`, 200);
    expect(progress.total.submitted).toBe(2);
  });

  it('is refused for someone who submitted already (online or on paper)', async () => {
    const online = await errorOf(await enter(implementer, ids.A0004, answersFor(3)), 409);
    expect(online.code).toBe('common.conflict');
    expect(online.message).toContain('すでに回答を提出');
    expect((await errorOf(await enter(implementer, ids.A0005, answersFor(3)), 409)).code).toBe('common.conflict');
    expect(await h.queryCount(sql`select count(*)::int as n from stress_check_results where campaign_id = ${campaign.id}`)).toBe(2);
    const found = await h.callJson<PaperExamineeList>(implementer, 'GET', `${base(campaign.id)}/paper-entry/examinees?q=A0004`, 200);
    expect(found.items[0]!.submittedAt).not.toBeNull();
  });

  it('only for people of the municipality in employment, and only while the campaign is open', async () => {
    expect((await errorOf(await enter(implementer, 999_999, answersFor(4)), 404)).code).toBe('common.not-found');
    const [separated] = await h.queryRows<{ id: number }>(sql`select id from staff where employee_number not like 'A000%' order by id desc limit 1`);
    await h.database.db.execute(sql`update staff set separated_on = '2025-09-30' where id = ${separated!.id}`);
    try {
      expect((await errorOf(await enter(implementer, Number(separated!.id), answersFor(4)), 404)).code).toBe('common.not-found');
    } finally {
      await h.database.db.execute(sql`update staff set separated_on = null where id = ${separated!.id}`);
    }
    const draft = await h.callJson<Campaign>(implementer, 'POST', '/api/stress-check/campaigns', 201, { name: '準備中の実施', fiscalYear: 2025, opensOn: '2025-10-01', closesOn: '2025-10-31' });
    expect((await errorOf(await enter(implementer, ids.A0005, answersFor(4), draft.id), 422)).code).toBe('stress-check.not-open');
    expect((await errorOf(await enter(implementer, ids.A0005, answersFor(4), 999_999), 404)).code).toBe('common.not-found');
  });

  it('nobody but the implementer may look people up or enter answers', async () => {
    for (const key of ['hrAdmin', 'hrOfficer', 'sysAdmin', 'evaluator', 'unitHead', 'staff', 'auditor', 'caseHandler'] as const) {
      const s = await h.loginAs(key);
      expect((await errorOf(await enter(s, ids.A0005, answersFor(5)), 403)).code, key).toBe('access.denied');
      expect((await errorOf(await h.call(s, 'GET', `${base(campaign.id)}/paper-entry/examinees?q=A0005`), 403)).code, key).toBe('access.denied');
    }
    expect(await h.queryCount(sql`select count(*)::int as n from stress_check_results where campaign_id = ${campaign.id}`)).toBe(2);
  });
});

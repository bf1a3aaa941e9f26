/**
 * The autosave group commit and the batched session lookup (ADR 0022), through the real routes: requests fired
 * together are grouped, each still gets its own answer — its own identity, its own saved row, its own refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { demoStaffPassword } from '../db/seeds/demo-accounts.js';
import { batcherStats, resetBatcherStats } from '../common/batcher.js';
import { stressAreas, stressItems, type StressArea } from '../../domain/stress-check/questionnaire.js';
import type { AnswerValue } from '../../domain/stress-check/stress-scoring.js';
import type { Campaign } from '../../domain/stress-check/stress-check-api.js';

type Person = { staffId: number; loginId: string; session: Session };

let h: Harness;
let implementer: Session;
let people: Person[];
let campaign: Campaign;

const base = (id: number) => `/api/stress-check/campaigns/${id}`;
const sectionOf = (person: number, area: StressArea): Record<string, AnswerValue> =>
  Object.fromEntries(stressItems.filter((i) => i.area === area).map((i) => [String(i.no), (((person + i.no) % 4) + 1) as AnswerValue]));
const save = (p: Person, campaignId: number, area: StressArea, answers: Record<string, AnswerValue>) => h.call(p.session, 'PUT', `${base(campaignId)}/mine/answers/${area}`, { answers });
const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

async function openCampaign(name: string, opensOn: string, closesOn: string): Promise<Campaign> {
  const created = await h.callJson<Campaign>(implementer, 'POST', '/api/stress-check/campaigns', 201, { name, fiscalYear: 2025, opensOn, closesOn });
  return h.callJson<Campaign>(implementer, 'POST', `${base(created.id)}/open`, 200, { version: created.version });
}

beforeAll(async () => {
  h = await createHarness();
  implementer = await h.loginAs('stressImplementer');
  const rows = await h.queryRows<{ login_id: string; staff_id: number }>(sql`
    select login_id, staff_id from accounts where staff_id is not null and login_id not like 'A000_' order by login_id limit 12`);
  people = [];
  for (const r of rows) {
    const res = await h.loginWith(r.login_id, demoStaffPassword);
    expect(res.status).toBe(200);
    people.push({ staffId: Number(r.staff_id), loginId: r.login_id, session: { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken } });
  }
  campaign = await openCampaign('ストレスチェック(一括保存の検証)', '2025-09-01', '2025-10-31');
});

afterAll(async () => {
  await h.close();
});

describe('session lookups of requests in flight', () => {
  it('resolve together, each request to its own account and roles; an ended session in the same batch is signed out', async () => {
    const hr = await h.loginAs('hrAdmin');
    const ended = await h.loginAs('staff');
    await h.callJson(ended, 'POST', '/api/auth/logout', 204);
    resetBatcherStats();
    const responses = await Promise.all([...people.map((p) => h.call(p.session, 'GET', '/api/auth/me')), h.call(ended, 'GET', '/api/auth/me'), h.call(hr, 'GET', '/api/auth/me')]);
    const lookups = batcherStats.get('session-lookups')!;
    expect(lookups.items).toBe(people.length + 2);
    expect(lookups.batches).toBeLessThan(lookups.items); // grouped, not one statement each
    for (const [i, p] of people.entries()) {
      expect(responses[i]!.status).toBe(200);
      const me = (await responses[i]!.json()) as { account: { loginId: string; staffId: number; roles: string[] } };
      expect(me.account).toMatchObject({ loginId: p.loginId, staffId: p.staffId, roles: [] });
    }
    expect(responses[people.length]!.status).toBe(401);
    const hrMe = (await responses[people.length + 1]!.json()) as { account: { loginId: string; roles: string[] } };
    expect(hrMe.account).toMatchObject({ loginId: 'A0001', roles: ['hr_admin'] });
  });
});

describe('autosave group commit', () => {
  it('stores every section of every person saved at the same time, each reply counting that person’s answers', async () => {
    resetBatcherStats();
    const fired = people.slice(0, 8).flatMap((p, u) => stressAreas.map((area) => ({ u, area, res: save(p, campaign.id, area, sectionOf(u, area)) })));
    const replies = await Promise.all(fired.map(async (f) => ({ ...f, res: await f.res })));
    for (const r of replies) expect(r.res.status, await r.res.clone().text()).toBe(200);
    const saves = batcherStats.get('stress-check-section-saves')!;
    expect(saves.items).toBe(fired.length);
    expect(saves.batches).toBeLessThan(fired.length);
    // The last reply of each person saw all four sections merged (57 items) — nothing of another person.
    for (let u = 0; u < 8; u++) {
      const counts = await Promise.all(replies.filter((r) => r.u === u).map(async (r) => ((await r.res.json()) as { answeredCount: number }).answeredCount));
      expect(Math.max(...counts)).toBeLessThanOrEqual(stressItems.length);
      const mine = await h.callJson<{ answers: Record<string, number>; answeredCount: number }>(people[u]!.session, 'GET', `${base(campaign.id)}/mine`, 200);
      expect(mine.answeredCount).toBe(stressItems.length);
      expect(mine.answers).toEqual(Object.assign({}, ...stressAreas.map((a) => sectionOf(u, a))));
    }
  });

  it('refuses, within the same batch, only the saves that must be refused — each with its own reason', async () => {
    const submitter = people[8]!;
    for (const area of stressAreas) expect((await save(submitter, campaign.id, area, sectionOf(8, area))).status).toBe(200);
    await h.callJson(submitter.session, 'POST', `${base(campaign.id)}/mine/submit`, 200);
    const later = await openCampaign('ストレスチェック(まだ始まらない)', '2025-11-01', '2025-11-30');

    const [afterSubmit, notYetOpen, unknown, fine] = await Promise.all([
      save(submitter, campaign.id, 'A', sectionOf(1, 'A')),
      save(people[9]!, later.id, 'A', sectionOf(9, 'A')),
      save(people[10]!, 999_999, 'A', sectionOf(10, 'A')),
      save(people[11]!, campaign.id, 'B', sectionOf(11, 'B')),
    ]);
    expect(afterSubmit.status).toBe(409);
    expect(await codeOf(afterSubmit)).toBe('common.conflict');
    expect(notYetOpen.status).toBe(422);
    expect(await codeOf(notYetOpen)).toBe('stress-check.not-open');
    expect(unknown.status).toBe(404);
    expect(fine.status).toBe(200);
    expect(((await fine.json()) as { answeredCount: number }).answeredCount).toBe(Object.keys(sectionOf(11, 'B')).length);
    // The submitted answers were not touched by the refused save.
    const stored = await h.queryRows<{ answers: Record<string, number> | string }>(
      sql`select answers from stress_check_responses where campaign_id = ${campaign.id} and staff_id = ${submitter.staffId}`,
    );
    const answers = typeof stored[0]!.answers === 'string' ? JSON.parse(stored[0]!.answers) : stored[0]!.answers;
    expect(answers).toEqual(Object.assign({}, ...stressAreas.map((a) => sectionOf(8, a))));
  });
});

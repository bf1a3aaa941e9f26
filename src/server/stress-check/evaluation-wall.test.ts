/**
 * The wall between the stress check and the evaluation module (issue 6, "nothing in the evaluation module reveals
 * stress-check participation"; ADR 0017). A staff member answers the check, sees a high-stress result, consents
 * to pass it to HR and requests a physician interview (面接指導). Then their evaluator, their confirmer (the unit
 * head), HR (hr_admin, hr_officer) and the person themself read every evaluation API the sheet and its lists use,
 * the staff profile and directory and their notifications: no body may carry a stress-check word, field or the
 * campaign's name, and nobody's notifications change because of the check. Every read is pinned to the status it
 * answers today, so a route cannot pass this test by starting to refuse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { stressItems } from '../../domain/stress-check/questionnaire.js';
import type { Campaign, StressResult } from '../../domain/stress-check/stress-check-api.js';
import type { OpenCycleResult, SheetListItem } from '../../domain/evaluation/evaluation-api.js';

type Viewer = 'evaluator' | 'unitHead' | 'hrAdmin' | 'hrOfficer' | 'staff';

let h: Harness;
const sessions = {} as Record<Viewer | 'implementer', Session>;
let staffId = 0;
let unitId = 0;
let sheetId = 0;
let cycleId = 0;
let campaign: Campaign;
let result: StressResult;
const notificationsBefore = {} as Record<Viewer, string>;

const campaignName = '令和7年度 心の健康チェック(壁の確認)';
/**
 * What would give the check away: its words in both languages, the field names of its API (camelCase and the
 * snake_case of its tables) and the campaign's name. 'interview' alone is not here: the evaluation has its own
 * 期首・期末面談 steps ('opening-interview', 'closing-interview').
 */
const markers = [
  'stress',
  'ストレス',
  '面接指導',
  '高ストレス',
  '集団分析',
  '実施者',
  'interviewRequest',
  'interview_request',
  'interview-request',
  'isHighStress',
  'is_high_stress',
  'highStress',
  'high_stress',
  'campaignId',
  'campaign_id',
  'consent',
  'shownAt',
  'shown_at',
  'bjsq',
  campaignName,
];

/** The markers found in a body (case-insensitive). */
const leaks = (body: string) => markers.filter((m) => body.toLowerCase().includes(m.toLowerCase()));

const base = (id: number) => `/api/stress-check/campaigns/${id}`;

/** Every evaluation read of the sheet and its lists, the profile, the directory and the notifications, by viewer. */
function reads(): Array<{ viewer: Viewer; path: string; status: number }> {
  const c = `/api/evaluation/cycles/${cycleId}`;
  const sheetReads = (viewer: Viewer) => [
    { viewer, path: `/api/evaluation/sheets/${sheetId}`, status: 200 },
    { viewer, path: '/api/evaluation/my-sheets', status: 200 },
    { viewer, path: '/api/evaluation/queue', status: 200 },
    { viewer, path: `/api/evaluation/queue?cycleId=${cycleId}`, status: 200 },
    { viewer, path: '/api/evaluation/cycles', status: 200 },
    { viewer, path: '/api/evaluation/calendar', status: 200 },
    { viewer, path: `/api/evaluation/team-goals?cycleId=${cycleId}&unitId=${unitId}`, status: 200 },
    { viewer, path: '/api/notifications?pageSize=100', status: 200 },
    { viewer, path: `/api/staff/${staffId}`, status: 200 },
  ];
  const hrReads = (viewer: Viewer) => [
    ...sheetReads(viewer),
    { viewer, path: `${c}/sheets?pageSize=200`, status: 200 },
    { viewer, path: `${c}/sheets?unitId=${unitId}&pageSize=200`, status: 200 },
    { viewer, path: `${c}/sheets?q=${encodeURIComponent('A0005')}`, status: 200 },
    { viewer, path: `${c}/progress`, status: 200 },
    { viewer, path: `${c}/overdue?step=goal-submission&pageSize=200`, status: 200 },
    { viewer, path: `${c}/overdue?step=goal-submission&unitId=${unitId}`, status: 200 },
    { viewer, path: `${c}/analysis?by=unit`, status: 200 },
    { viewer, path: `${c}/analysis?by=position`, status: 200 },
    { viewer, path: `${c}/analysis?by=evaluator`, status: 200 },
    { viewer, path: `/api/staff?unitId=${unitId}&pageSize=200`, status: 200 },
    { viewer, path: `/api/staff?q=${encodeURIComponent('A0005')}`, status: 200 },
  ];
  return [...sheetReads('evaluator'), ...sheetReads('unitHead'), ...sheetReads('staff'), ...hrReads('hrAdmin'), ...hrReads('hrOfficer')];
}

async function bodyOf(session: Session, path: string): Promise<{ status: number; body: string }> {
  const res = await h.call(session, 'GET', path);
  return { status: res.status, body: await res.text() };
}

beforeAll(async () => {
  h = await createHarness();
  for (const key of ['evaluator', 'unitHead', 'hrAdmin', 'hrOfficer', 'staff'] as const) sessions[key] = await h.loginAs(key);
  sessions.implementer = await h.loginAs('stressImplementer');
  const [person] = await h.queryRows<{ id: number }>(sql`select id from staff where employee_number = 'A0005'`);
  staffId = Number(person!.id);
  const [placement] = await h.queryRows<{ unit_id: number }>(sql`
    select unit_id from assignments where staff_id = ${staffId} and kind = 'regular' and starts_on <= '2025-10-01' and (ends_on is null or ends_on >= '2025-10-01')`);
  unitId = Number(placement!.unit_id);

  const opened = await h.callJson<OpenCycleResult>(sessions.hrAdmin, 'POST', '/api/evaluation/cycles', 201, { fiscalYear: 2025, period: 'second-half' });
  cycleId = opened.cycle.id;
  sheetId = (await h.callJson<{ items: SheetListItem[] }>(sessions.staff, 'GET', '/api/evaluation/my-sheets', 200)).items[0]!.id;
  for (const viewer of ['evaluator', 'unitHead', 'hrAdmin', 'hrOfficer', 'staff'] as const) {
    notificationsBefore[viewer] = (await bodyOf(sessions[viewer], '/api/notifications?pageSize=100')).body;
  }

  // The person takes the check: every item at the most stressed answer → high stress.
  const created = await h.callJson<Campaign>(sessions.implementer, 'POST', '/api/stress-check/campaigns', 201, { name: campaignName, fiscalYear: 2025, opensOn: '2025-09-15', closesOn: '2025-10-31' });
  campaign = await h.callJson<Campaign>(sessions.implementer, 'POST', `${base(created.id)}/open`, 200, { version: created.version });
  const reversed = new Set([1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 15, 18, 19, 20]);
  for (const area of ['A', 'B', 'C', 'D'] as const) {
    const answers = Object.fromEntries(stressItems.filter((i) => i.area === area).map((i) => [String(i.no), reversed.has(i.no) ? 1 : 4]));
    await h.callJson(sessions.staff, 'PUT', `${base(campaign.id)}/mine/answers/${area}`, 200, { answers });
  }
  await h.callJson(sessions.staff, 'POST', `${base(campaign.id)}/mine/submit`, 200);
  await h.callJson<StressResult>(sessions.staff, 'GET', `${base(campaign.id)}/mine/result`, 200);
  await h.callJson<StressResult>(sessions.staff, 'POST', `${base(campaign.id)}/mine/consent`, 200, { decision: 'given' });
  result = await h.callJson<StressResult>(sessions.staff, 'POST', `${base(campaign.id)}/mine/interview-request`, 200);
}, 120_000);
afterAll(async () => {
  await h.close();
});

describe('the stress check leaves no trace in the evaluation module', () => {
  it('the person did take the check: high stress, consent given, an interview requested', () => {
    expect(result.score.isHighStress).toBe(true);
    expect(result.consent?.decision).toBe('given');
    expect(result.interviewRequest?.status).toBe('requested');
  });

  it('the markers do find the check where it is (the person’s own result)', async () => {
    const own = await bodyOf(sessions.staff, `${base(campaign.id)}/mine/result`);
    expect(leaks(own.body)).toEqual(expect.arrayContaining(['isHighStress', 'campaignId', 'consent', 'interviewRequest', 'shownAt']));
  });

  it('every evaluation read, the profile, the directory and the notifications carry no stress-check word or data', async () => {
    const found: string[] = [];
    const statuses: string[] = [];
    for (const r of reads()) {
      const { status, body } = await bodyOf(sessions[r.viewer], r.path);
      if (status !== r.status) statuses.push(`${r.viewer} GET ${r.path}: ${status} (expected ${r.status})`);
      const hit = leaks(body);
      if (hit.length > 0) found.push(`${r.viewer} GET ${r.path}: ${hit.join(', ')}`);
    }
    expect(statuses).toEqual([]);
    expect(found).toEqual([]);
  });

  it('the evaluatee’s sheet as their evaluator and confirmer shows the person, so the reads are about them', async () => {
    for (const viewer of ['evaluator', 'unitHead', 'hrAdmin'] as const) {
      const { body } = await bodyOf(sessions[viewer], `/api/evaluation/sheets/${sheetId}`);
      expect(body).toContain(`"id":${sheetId}`);
    }
    const profile = await bodyOf(sessions.evaluator, `/api/staff/${staffId}`);
    expect(profile.body).toContain('A0005');
  });

  it('nobody’s notifications changed: the evaluator hears nothing of the interview request', async () => {
    for (const viewer of ['evaluator', 'unitHead', 'hrAdmin', 'hrOfficer'] as const) {
      const after = await bodyOf(sessions[viewer], '/api/notifications?pageSize=100');
      expect(after.status).toBe(200);
      expect(leaks(after.body)).toEqual([]);
      expect(after.body, viewer).toBe(notificationsBefore[viewer]);
    }
  });
});

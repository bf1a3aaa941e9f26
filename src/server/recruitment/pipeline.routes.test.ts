/**
 * The recruitment pipeline through the HTTP stack: walls (recruitment staff, raters by assignment only), the
 * pipeline list, decisions with version checks, the test-centre import, rater scoring, proposals with ties,
 * calibration, offers, notices stored for print without SMTP, exports and the funnel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { insertFixtureApplicants, insertFixtureAttachment, insertFixtureCampaign } from './pipeline-fixtures.repository.js';
import type { CalibrationView, FunnelView, MySitting, PipelineView, RaterSitting, ScoreImportResult, SittingView, StageResults, ApplicantDetail } from '../../domain/recruitment/pipeline-api.js';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

let h: Harness;
let hr: Session;
let staffSession: Session;
let evaluator: Session;
let unitHead: Session;
let recruiter: Session;
let municipalityId: number;
let campaignId: number;
let ids: number[];
const staffIdOf = async (loginId: string) => Number((await h.queryRows<{ id: number }>(sql`select staff_id as id from accounts where login_id = ${loginId}`))[0]!.id);
const base = () => `/api/recruitment/pipeline/campaigns/${campaignId}`;
const pipeline = (query = '', session = hr) => h.callJson<PipelineView>(session, 'GET', `${base()}?${query}`, 200);
const results = (stage: number) => h.callJson<StageResults>(hr, 'GET', `${base()}/stages/${stage}/results`, 200);
const uploadCsv = async (stage: number, text: string) => {
  const res = await h.call(hr, 'POST', `${base()}/stages/${stage}/scores/import?encoding=utf-8`, new TextEncoder().encode(text), { 'content-type': 'application/octet-stream' });
  expect(res.status).toBe(200);
  return (await res.json()) as ScoreImportResult;
};
const versionsOf = async (list: number[]) =>
  new Map((await h.queryRows<{ id: number; version: number }>(sql`select id, version from recruitment_applicants where id in (${sql.join(list.map((i) => sql`${i}`), sql`, `)})`)).map((r) => [Number(r.id), Number(r.version)]));
const decide = async (stage: number, outcomes: Array<[number, 'passed' | 'failed' | 'absent']>, status = 200) => {
  const v = await versionsOf(outcomes.map(([id]) => id));
  return h.callJson<{ decided: number } | ErrorBody>(hr, 'POST', `${base()}/stages/${stage}/decisions`, status, {
    decisions: outcomes.map(([applicantId, outcome]) => ({ applicantId, outcome, reason: '選考基準による', version: v.get(applicantId)! })),
  });
};

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrAdmin');
  staffSession = await h.loginAs('staff');
  evaluator = await h.loginAs('evaluator');
  unitHead = await h.loginAs('unitHead');
  municipalityId = Number((await h.queryRows<{ id: number }>(sql`select municipality_id as id from accounts where login_id = 'A0001'`))[0]!.id);
  // The case handler's account also gets the recruiter role: recruitment staff need not be HR.
  await h.queryRows(sql`insert into role_grants (municipality_id, account_id, role, starts_on) select municipality_id, id, 'recruiter', '2025-04-01' from accounts where login_id = 'A0008'`);
  recruiter = await h.loginAs('caseHandler');
  campaignId = await insertFixtureCampaign(h.database.db, municipalityId);
  ids = await insertFixtureApplicants(h.database.db, municipalityId, campaignId, 6, { familyName: (i) => (i === 6 ? '=HYPERLINK("x")' : ['試験', '採用', '応募', '面接', '選考'][i - 1]!) });
});
afterAll(async () => {
  await h.close();
});

describe('walls', () => {
  it('a plain staff member, a unit head without sittings and the auditor are refused the pipeline', async () => {
    for (const s of [staffSession, unitHead, await h.loginAs('auditor')]) {
      const res = await h.call(s, 'GET', base());
      expect(res.status).toBe(403);
    }
    expect((await h.call(staffSession, 'GET', `/api/recruitment/pipeline/applicants/${ids[0]}`)).status).toBe(403);
  });
  it('a recruiter sees every applicant', async () => {
    const view = await pipeline('', recruiter);
    expect(view.total).toBe(6);
  });
});

describe('pipeline list', () => {
  it('counts per stage and searches by receipt number and reading', async () => {
    const view = await pipeline();
    expect(view.campaign.stages.map((s) => s.counts.waiting)).toEqual([6, 0, 0, 0]);
    expect(view.items.map((i) => i.receiptNumber)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `C${campaignId}-00000${i}`));
    expect((await pipeline(`q=${encodeURIComponent(`c${campaignId}-000003`)}`)).items.map((i) => i.id)).toEqual([ids[2]]);
    // ひらがなで探してもカタカナの読みに当たる
    const kana = await pipeline(`q=${encodeURIComponent('さいよう')}`);
    expect(kana.total).toBeGreaterThan(0);
    expect(kana.items.every((i) => i.kana.startsWith('サイヨウ'))).toBe(true);
    const paged = await pipeline('page=2&pageSize=4');
    expect(paged.items).toHaveLength(2);
  });

  it('the applicant page returns answers as stored text, links attachments, and the read is audited', async () => {
    const attachmentId = await insertFixtureAttachment(h.database.db, municipalityId, ids[0]!, '履歴書.pdf', 'application/pdf', Buffer.from('%PDF-1.4 fictitious'));
    const detail = await h.callJson<ApplicantDetail>(hr, 'GET', `/api/recruitment/pipeline/applicants/${ids[0]}`, 200);
    expect(detail.answers.motivation).toBe('<b>志望動機</b> 1');
    expect(detail.attachments).toEqual([{ id: attachmentId, fileName: '履歴書.pdf', contentType: 'application/pdf', size: 19 }]);
    const file = await h.call(hr, 'GET', `/api/recruitment/pipeline/applicants/${ids[0]}/attachments/${attachmentId}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; /);
    const audited = await h.queryRows(sql`select action from audit_log where object_type = 'recruitment_applicant' and object_id = ${String(ids[0])} and action in ('recruitment.applicant-read','recruitment.attachment-read')`);
    expect(audited).toHaveLength(2);
  });
});

describe('document review and the test centre', () => {
  it('decisions are all-or-nothing and version-checked', async () => {
    const v = await versionsOf(ids);
    const stale = await h.callJson<ErrorBody>(hr, 'POST', `${base()}/stages/0/decisions`, 409, {
      decisions: [
        { applicantId: ids[0], outcome: 'passed', reason: '書類審査の結果', version: v.get(ids[0]!)! },
        { applicantId: ids[1], outcome: 'passed', reason: '書類審査の結果', version: v.get(ids[1]!)! + 5 },
      ],
    });
    expect(stale.error.code).toBe('common.conflict');
    expect((await pipeline()).campaign.stages[0]!.counts.waiting).toBe(6);
    const refused = await h.call(hr, 'POST', `${base()}/stages/0/decisions`, { decisions: [{ applicantId: ids[0], outcome: 'passed', reason: '', version: 1 }] });
    expect(refused.status).toBe(400);
    await decide(0, [[ids[0]!, 'passed'], [ids[1]!, 'passed'], [ids[2]!, 'passed'], [ids[3]!, 'passed'], [ids[4]!, 'passed'], [ids[5]!, 'failed']]);
    const view = await pipeline();
    expect(view.campaign.stages[0]!.counts).toMatchObject({ passed: 5, failed: 1, waiting: 0 });
    expect(view.campaign.stages[1]!.counts.waiting).toBe(5);
    const rows = await h.queryRows(sql`select count(*)::int as n from recruitment_decisions where applicant_id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
    expect(Number(rows[0]!.n)).toBe(6);
  });

  it('a test-centre file with errors stores nothing and reports every line; a good one stores all', async () => {
    const r = (i: number) => `C${campaignId}-00000${i}`;
    const bad = await uploadCsv(1, `受付番号,得点\n${r(1)},88\n${r(2)},101\n${r(9)},50\n${r(1)},70\n${r(6)},50\n`);
    expect(bad).toEqual({
      ok: false,
      errors: [
        { line: 3, message: '得点「101」は0〜100の数で入力してください。' },
        { line: 4, message: `受付番号 ${r(9)} の応募者はこの試験にいません。` },
        { line: 5, message: `受付番号 ${r(1)} は2行目にもあります。` },
        { line: 6, message: `受付番号 ${r(6)} の応募者は「教養試験(テストセンター)」の選考待ちではありません。` },
      ],
    });
    expect((await h.queryRows(sql`select 1 from recruitment_scores where stage_index = 1`)).length).toBe(0);
    const good = await uploadCsv(1, `受付番号,得点\n${r(1)},88\n${r(2)},75\n${r(3)},60\n${r(4)},91.5\n${r(5)},40\n`);
    expect(good).toEqual({ ok: true, imported: 5 });
    const res = await results(1);
    expect(Object.fromEntries(res.rows.map((x) => [x.applicantId, x.proposal]))).toEqual({ [ids[0]!]: 'pass', [ids[1]!]: 'pass', [ids[2]!]: 'pass', [ids[3]!]: 'pass', [ids[4]!]: 'fail' });
    await decide(1, res.rows.map((x) => [x.applicantId, x.proposal === 'pass' ? 'passed' : 'failed']));
    expect((await pipeline()).campaign.stages[2]!.counts.waiting).toBe(4);
  });
});

describe('group discussion: sittings and raters', () => {
  let sittings: SittingView[];
  let ev: number;
  let head: number;

  it('groups the waiting applicants into sittings of N and assigns raters', async () => {
    sittings = await h.callJson<SittingView[]>(hr, 'POST', `${base()}/sittings/groups`, 201, { stageIndex: 2, groupSize: 3, startsAt: '2025-10-20T01:00:00Z', intervalMinutes: 60, room: '第1会議室' });
    expect(sittings.map((s) => s.applicants.length)).toEqual([3, 1]);
    expect(sittings.map((s) => s.groupLabel)).toEqual(['グループＡ', 'グループＢ']);
    ev = await staffIdOf('A0004');
    head = await staffIdOf('A0003');
    // Move the lone applicant into the first sitting so that one sitting holds all four.
    const lone = sittings[1]!.applicants[0]!.id;
    await h.callJson(hr, 'PUT', `/api/recruitment/pipeline/sittings/${sittings[1]!.id}/applicants`, 200, { applicantIds: [], version: sittings[1]!.version });
    const first = await h.callJson<SittingView>(hr, 'PUT', `/api/recruitment/pipeline/sittings/${sittings[0]!.id}`, 200, { startsAt: '2025-10-20T01:00:00Z', room: '第1会議室', groupLabel: 'グループＡ', capacity: 4, version: sittings[0]!.version });
    const filled = await h.callJson<SittingView>(hr, 'PUT', `/api/recruitment/pipeline/sittings/${first.id}/applicants`, 200, { applicantIds: [...first.applicants.map((a) => a.id), lone], version: first.version });
    expect(filled.applicants).toHaveLength(4);
    const rated = await h.callJson<SittingView>(hr, 'PUT', `/api/recruitment/pipeline/sittings/${first.id}/raters`, 200, { staffIds: [ev, head], version: filled.version });
    expect(rated.raters.map((r) => r.staffId).sort()).toEqual([ev, head].sort());
    // A stale version is refused.
    expect((await h.call(hr, 'PUT', `/api/recruitment/pipeline/sittings/${first.id}/raters`, { staffIds: [ev], version: filled.version })).status).toBe(409);
    // The evaluator alone rates the (now empty) second sitting.
    await h.callJson(hr, 'PUT', `/api/recruitment/pipeline/sittings/${sittings[1]!.id}/raters`, 200, { staffIds: [ev], version: sittings[1]!.version + 1 });
    sittings = await h.callJson<SittingView[]>(hr, 'GET', `${base()}/sittings?stageIndex=2`, 200);
  });

  it('a rater sees only their sittings, only name, receipt number and group, and each read is audited', async () => {
    const mine = await h.callJson<MySitting[]>(unitHead, 'GET', '/api/recruitment/scoring/sittings', 200);
    expect(mine.map((s) => s.id)).toEqual([sittings[0]!.id]);
    expect(await h.callJson<MySitting[]>(staffSession, 'GET', '/api/recruitment/scoring/sittings', 200)).toEqual([]);
    expect((await h.call(unitHead, 'GET', `/api/recruitment/scoring/sittings/${sittings[1]!.id}`)).status).toBe(403);
    expect((await h.call(staffSession, 'GET', `/api/recruitment/scoring/sittings/${sittings[0]!.id}`)).status).toBe(403);
    const view = await h.callJson<RaterSitting>(unitHead, 'GET', `/api/recruitment/scoring/sittings/${sittings[0]!.id}`, 200);
    expect(view.applicants).toHaveLength(4);
    for (const a of view.applicants) expect(Object.keys(a).sort()).toEqual(['applicantId', 'canRevise', 'groupLabel', 'isAbsent', 'myComment', 'myScores', 'myTotal', 'name', 'receiptNumber']);
    expect(JSON.stringify(view)).not.toMatch(/example\.invalid|birth|19\d\d-/);
    const audited = await h.queryRows(sql`select object_id from audit_log where action = 'recruitment.rater-applicant-read' and actor_label = 'A0003'`);
    expect(audited).toHaveLength(4);
    // Refused by the route guard ('sitting-rater' relation), which audits the refusal under the permission.
    const denied = await h.queryRows(sql`select 1 from audit_log where action = 'recruitment.scoring.rate' and outcome = 'denied' and object_type = 'recruitment_sitting'`);
    expect(denied.length).toBeGreaterThanOrEqual(2);
    // A rater cannot use the staff pipeline either.
    expect((await h.call(unitHead, 'GET', `/api/recruitment/pipeline/applicants/${ids[0]}`)).status).toBe(403);
  });

  it('validates rubric scores and never shows another rater’s scores', async () => {
    const s = sittings[0]!.id;
    const put = (session: Session, applicantId: number, scores: Record<string, number>, status = 200) =>
      h.callJson<ErrorBody | { total: number }>(session, 'PUT', `/api/recruitment/scoring/sittings/${s}/applicants/${applicantId}`, status, { scores });
    const missing = (await put(evaluator, ids[0]!, { cooperation: 5, listening: 5, logic: 6 }, 400)) as ErrorBody;
    expect(JSON.stringify(missing.error.details)).toContain('「論理性」は1〜5の整数で入力してください');
    expect(JSON.stringify(missing.error.details)).toContain('「リーダーシップ」の評定を入力してください');
    expect((await put(evaluator, ids[5]!, { cooperation: 3, listening: 3, logic: 3, leadership: 3 }, 403)) as ErrorBody).toMatchObject({ error: { code: 'access.denied' } });
    const all = (n: number) => ({ cooperation: n, listening: n, logic: n, leadership: n });
    // Evaluator (lenient) and unit head: ids[1] and ids[2] tie for second place.
    await put(evaluator, ids[0]!, all(5));
    await put(evaluator, ids[1]!, all(4));
    await put(evaluator, ids[2]!, all(4));
    await put(evaluator, ids[3]!, all(3));
    await put(unitHead, ids[0]!, all(4));
    await put(unitHead, ids[1]!, all(3));
    await put(unitHead, ids[2]!, all(3));
    await put(unitHead, ids[3]!, all(1));
    const revised = await put(evaluator, ids[3]!, all(2));
    expect(revised).toEqual({ applicantId: ids[3], total: 25 });
    const headView = await h.callJson<RaterSitting>(unitHead, 'GET', `/api/recruitment/scoring/sittings/${s}`, 200);
    expect(headView.applicants.find((a) => a.applicantId === ids[0])!.myScores).toEqual(all(4));
  });

  it('proposes top-2 with the tie at the boundary left to HR', async () => {
    const res = await results(2);
    const byId = Object.fromEntries(res.rows.map((r) => [r.applicantId, r]));
    expect(byId[ids[0]!]).toMatchObject({ proposal: 'pass', rank: 1, score: 87.5 });
    expect(byId[ids[1]!]).toMatchObject({ proposal: 'undecided', rank: 2, score: 62.5 });
    expect(byId[ids[2]!]).toMatchObject({ proposal: 'undecided', rank: 2 });
    expect(byId[ids[3]!]).toMatchObject({ proposal: 'fail', rank: 4, score: 12.5, spread: 25 });
  });

  it('calibration shows the lenient rater and the applicants with a wide spread', async () => {
    const cal = await h.callJson<CalibrationView>(hr, 'GET', `${base()}/stages/2/calibration`, 200);
    expect(cal.spreadThreshold).toBe(20);
    const byRater = Object.fromEntries(cal.raters.map((r) => [r.raterId, r]));
    expect(byRater[ev]).toMatchObject({ applicants: 4, leniency: 25, itemLeniency: { cooperation: 1, listening: 1, logic: 1, leadership: 1 } });
    expect(byRater[head]).toMatchObject({ leniency: -25 });
    expect(cal.wideSpread.map((w) => w.applicantId).sort()).toEqual([ids[0], ids[1], ids[2], ids[3]].sort());
  });

  it('decisions move the applicants and lock the raters’ scores', async () => {
    await decide(2, [[ids[0]!, 'passed'], [ids[1]!, 'passed'], [ids[2]!, 'failed'], [ids[3]!, 'failed']]);
    const locked = await h.call(evaluator, 'PUT', `/api/recruitment/scoring/sittings/${sittings[0]!.id}/applicants/${ids[0]}`, { scores: { cooperation: 1, listening: 1, logic: 1, leadership: 1 } });
    expect(locked.status).toBe(409);
    expect((await pipeline()).campaign.stages[3]!.counts.waiting).toBe(2);
  });
});

describe('interview, offer and notices', () => {
  it('passes the last stage, offers, accepts; a withdrawal needs a reason', async () => {
    await decide(3, [[ids[0]!, 'passed']]);
    const v = await versionsOf([ids[0]!, ids[1]!]);
    const offered = await h.callJson<{ status: string; version: number }>(hr, 'POST', `/api/recruitment/pipeline/applicants/${ids[0]}/actions`, 200, { action: 'offer', reason: '最終合格', version: v.get(ids[0]!)! });
    expect(offered.status).toBe('offered');
    const again = await h.callJson<ErrorBody>(hr, 'POST', `/api/recruitment/pipeline/applicants/${ids[0]}/actions`, 409, { action: 'offer', reason: '重複', version: offered.version });
    expect(again.error.message).toBe('すでに内定を出しています。');
    await h.callJson(hr, 'POST', `/api/recruitment/pipeline/applicants/${ids[0]}/actions`, 200, { action: 'accept', reason: '承諾書を受領', version: offered.version });
    expect((await h.call(hr, 'POST', `/api/recruitment/pipeline/applicants/${ids[1]}/actions`, { action: 'withdraw', reason: '', version: v.get(ids[1]!)! })).status).toBe(400);
    await h.callJson(hr, 'POST', `/api/recruitment/pipeline/applicants/${ids[1]}/actions`, 200, { action: 'withdraw', reason: '本人から辞退の連絡', version: v.get(ids[1]!)! });
    expect((await pipeline()).campaign.statusCounts).toMatchObject({ accepted: 1, withdrawn: 1, rejected: 4 });
  });

  it('without SMTP the notices are stored for print, filled from the template', async () => {
    const sent = await h.callJson<{ mailed: number; print: number; failed: number }>(hr, 'POST', `${base()}/notices`, 200, { template: 'offer', applicantIds: [ids[0]] });
    expect(sent).toEqual({ mailed: 0, print: 1, failed: 0 });
    const detail = await h.callJson<ApplicantDetail>(hr, 'GET', `/api/recruitment/pipeline/applicants/${ids[0]}`, 200);
    expect(detail.notices).toHaveLength(1);
    expect(detail.notices[0]!.delivery).toBe('print');
    const notice = await h.callJson<{ subject: string; body: string }>(hr, 'GET', `/api/recruitment/pipeline/applicants/${ids[0]}/notices/${detail.notices[0]!.id}`, 200);
    expect(notice.body).toContain(`受付番号 C${campaignId}-000001`);
    expect(notice.subject).toContain('採用内定のお知らせ');
  });
});

describe('exports and the funnel', () => {
  it('exports a stage as CSV with formula prefixes neutralised, audited', async () => {
    const res = await h.call(hr, 'GET', `${base()}/export?format=csv&stageIndex=0&outcome=failed`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; /);
    const text = new TextDecoder().decode(await res.arrayBuffer());
    expect(text).toContain(`"'=HYPERLINK(""x"")`);
    expect((await h.queryRows(sql`select 1 from audit_log where action = 'recruitment.applicants-exported'`)).length).toBe(1);
    expect((await h.call(staffSession, 'GET', `${base()}/export?format=csv`)).status).toBe(403);
  });

  it('counts the funnel with age bands, sources and channels', async () => {
    const older = await insertFixtureCampaign(h.database.db, municipalityId, { fiscalYear: 2025, title: '令和7年度 職員採用試験(大卒程度 一般行政)' });
    await insertFixtureApplicants(h.database.db, municipalityId, older, 3, { prefix: 'OLD' });
    const funnel = await h.callJson<FunnelView>(hr, 'GET', '/api/recruitment/analytics/funnel?category=general-admin', 200);
    const row = funnel.rows.find((r) => r.campaignId === campaignId)!;
    expect(row).toMatchObject({ applicants: 6, offers: 1, acceptances: 1, withdrawn: 1 });
    expect(row.stagesPassed.map((s) => s.passed)).toEqual([5, 4, 2, 1]);
    expect(Object.values(row.ageBands).reduce((s, n) => s + n, 0)).toBe(6);
    expect(Object.values(row.sources).reduce((s, n) => s + n, 0)).toBe(6);
    expect(row.channels).toEqual({ online: 5, csv: 1 });
    expect(funnel.rows.map((r) => r.fiscalYear)).toEqual([2025, 2026]);
    expect((await h.call(staffSession, 'GET', '/api/recruitment/analytics/funnel')).status).toBe(403);
  });
});

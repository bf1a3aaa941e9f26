// The self-declaration's organisational-commitment indicator feeding the fellow matching (ADR 0019 / 0021,
// amendments of 2026-11-25): a fellow whose latest submitted declaration says 「働き続けたくない」 is excluded only when the fellow
// settings list 'self-declaration'; drafts and declarations older than the window do not speak; HR's pool shows each
// source (audited, no answer in the audit row); the supervisor sees the question only when the form allows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { testToday } from '../db/test-db.js';
import { defaultSelfDeclarationForm } from '../../domain/workplace/self-declaration-form.js';
import type { FellowPool, FellowSettingsView, MatchingView } from '../../domain/workplace/fellow-api.js';
import type { CampaignSummary, DeclarationView, SelfDeclarationFormView } from '../../domain/workplace/self-declaration-api.js';

let h: Harness;
let hr: Session;
let staff: Session;
let evaluator: Session;
let auditor: Session;
let caseHandler: Session;
let unitHead: Session;
let campaign: CampaignSummary;
const ids: Record<string, number> = {};

const base = () => `/api/workplace/self-declaration/campaigns/${campaign.id}`;
const answers = (continueWorking: string | null) => ({
  workSatisfaction: 3,
  workload: 3,
  careerIntention: 'generalist',
  continueWorking,
  transferWish: { wish: 'no', units: [] },
});
const fellowBody = (staffId: number) => ({ staffId, capacity: 1, startsOn: '2025-04-01', endsOn: null, isLowCommitment: false, note: '' });

async function submit(session: Session, continueWorking: string | null): Promise<void> {
  const mine = await h.callJson<DeclarationView>(session, 'GET', `${base()}/mine`, 200);
  await h.callJson(session, 'POST', `${base()}/mine/submit`, 200, { answers: answers(continueWorking), version: mine.version });
}

async function setSources(excludeLowCommitmentFrom: string[]): Promise<void> {
  const current = await h.callJson<FellowSettingsView>(hr, 'GET', '/api/workplace/fellows/settings', 200);
  await h.callJson(hr, 'PUT', '/api/workplace/fellows/settings', 200, { updatedAt: current.updatedAt, settings: { ...current.settings, excludeLowCommitmentFrom } });
}

const matching = () => h.callJson<MatchingView>(hr, 'GET', `/api/workplace/fellows/matching?date=${testToday}`, 200);
const poolItem = async (employeeNumber: string) => (await h.callJson<FellowPool>(hr, 'GET', '/api/workplace/fellows/pool', 200)).items.find((i) => i.employeeNumber === employeeNumber)!;

beforeAll(async () => {
  h = await createHarness();
  [hr, staff, evaluator, auditor, caseHandler, unitHead] = await Promise.all([
    h.loginAs('hrAdmin'),
    h.loginAs('staff'),
    h.loginAs('evaluator'),
    h.loginAs('auditor'),
    h.loginAs('caseHandler'),
    h.loginAs('unitHead'),
  ]);
  for (const r of await h.queryRows<{ id: number; employee_number: string }>(sql`select id, employee_number from staff where employee_number between 'A0001' and 'A0009'`)) {
    ids[r.employee_number] = Number(r.id);
  }
  // A0005 (4th year) counts as a junior; the pool: A0006 and A0008 (総務課), A0003 (市民課長), A0009 and A0002 (総務部).
  const settings = await h.callJson<FellowSettingsView>(hr, 'GET', '/api/workplace/fellows/settings', 200);
  await h.callJson(hr, 'PUT', '/api/workplace/fellows/settings', 200, { updatedAt: null, settings: { ...settings.settings, juniorHiredWithinYears: 5 } });
  for (const n of ['A0006', 'A0008', 'A0003', 'A0009', 'A0002']) await h.callJson(hr, 'POST', '/api/workplace/fellows/pool', 201, fellowBody(ids[n]!));
}, 120_000);
afterAll(async () => h?.close());

describe('the form: HR lets the supervisor see the commitment question for this campaign', () => {
  it('saves the form (shared settings-document save: token, validation, audit) and opens the campaign with it', async () => {
    const view = await h.callJson<SelfDeclarationFormView>(hr, 'GET', '/api/workplace/self-declaration/form', 200);
    expect(view.form.commitmentIndicator).toEqual({ fieldKey: 'continueWorking', veryLowValues: ['no'] });
    const bad = { ...view.form, commitmentIndicator: { fieldKey: 'healthConcerns', veryLowValues: ['x'] } };
    const refused = await h.call(hr, 'PUT', '/api/workplace/self-declaration/form', { updatedAt: null, form: bad });
    expect(refused.status).toBe(400);
    const form = { ...view.form, fields: view.form.fields.map((f) => (f.key === 'continueWorking' ? { ...f, isSupervisorVisible: true } : f)) };
    const saved = await h.callJson<SelfDeclarationFormView>(hr, 'PUT', '/api/workplace/self-declaration/form', 200, { updatedAt: null, form });
    expect(saved.isDefault).toBe(false);
    expect((await h.call(hr, 'PUT', '/api/workplace/self-declaration/form', { updatedAt: null, form })).status).toBe(409);
    const [row] = await h.queryRows<{ details: { commitmentIndicator: unknown; supervisorVisible: string[] } }>(
      sql`select details from audit_log where action = 'workplace.self-declaration-form-saved' order by id desc limit 1`,
    );
    expect(row!.details.commitmentIndicator).toEqual({ fieldKey: 'continueWorking', veryLowValues: ['no'] });
    expect(row!.details.supervisorVisible).toContain('continueWorking');
    campaign = await h.callJson<CampaignSummary>(hr, 'POST', '/api/workplace/self-declaration/campaigns', 201, { title: '令和7年度 自己申告(指標)', opensOn: '2025-10-01', closesOn: '2025-10-31' });
  });

  it('the evaluator sees the question when the campaign form allows it', async () => {
    await submit(staff, 'ratherNo');
    const seen = await h.callJson<DeclarationView>(evaluator, 'GET', `${base()}/declarations/${ids.A0005}`, 200);
    expect(seen.viewer).toBe('supervisor');
    expect(seen.answers).toHaveProperty('continueWorking', 'ratherNo');
    expect(seen.fields.find((f) => f.key === 'continueWorking')?.isHealth).toBe(false);
  });
});

describe('matching: the self-declaration indicator excludes only when the settings say so', () => {
  it('with the default settings (HR flag only) a fellow who declared 「働き続けたくない」 is still proposed', async () => {
    await submit(auditor, 'no'); // A0006
    await submit(caseHandler, 'yes'); // A0008
    const view = await matching();
    expect(view.settings.excludeLowCommitmentFrom).toEqual(['hr-flag']);
    expect(view.proposals.map((p) => p.fellow.employeeNumber)).toContain('A0006');
    expect(view.lowCommitmentExcluded).toEqual({ total: 0, bySource: { 'hr-flag': 0, 'self-declaration': 0 } });
  });

  it('HR’s pool shows each source per fellow (the self-declaration only as its state and campaign), and the read is audited without the answer', async () => {
    const before = await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'workplace.self-declaration.indicator-read'`);
    const pool = await h.callJson<FellowPool>(hr, 'GET', '/api/workplace/fellows/pool', 200);
    expect(pool.excludeLowCommitmentFrom).toEqual(['hr-flag']);
    const of = (n: string) => pool.items.find((i) => i.employeeNumber === n)!;
    expect(of('A0006')).toMatchObject({ isLowCommitment: false, lowCommitment: ['self-declaration'], selfDeclaration: { state: 'very-low', campaignId: campaign.id, fiscalYear: 2025 } });
    expect(of('A0008')).toMatchObject({ lowCommitment: [], selfDeclaration: { state: 'not-low', campaignId: campaign.id } });
    expect(of('A0003').selfDeclaration).toEqual({ state: 'none' });
    expect(JSON.stringify(pool)).not.toContain('働き続けたくない');
    expect(JSON.stringify(pool)).not.toContain('"no"');
    const rows = await h.queryRows<{ details: Record<string, unknown> }>(sql`select details from audit_log where action = 'workplace.self-declaration.indicator-read' order by id`);
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)!.details).toEqual({ purpose: 'fellow-pool', people: 5, veryLow: 1 });
  });

  it('once the settings list the self-declaration, that fellow is never proposed and HR’s confirmation is refused, naming 「自己申告書の指標」', async () => {
    await setSources(['hr-flag', 'self-declaration']);
    const view = await matching();
    expect(view.proposals.map((p) => p.fellow.employeeNumber)).not.toContain('A0006');
    expect(view.proposals.map((p) => p.fellow.employeeNumber)).toContain('A0008');
    expect(view.lowCommitmentExcluded).toEqual({ total: 1, bySource: { 'hr-flag': 0, 'self-declaration': 1 } });
    const refused = await h.call(hr, 'POST', '/api/workplace/fellows/pairs', { date: testToday, pairs: [{ fellowStaffId: ids.A0006!, juniorStaffId: ids.A0005! }] });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('workplace.fellow-pair-refused');
    expect(body.error.message).toContain('組織コミットメントが著しく低い(自己申告書の指標)');
    expect(body.error.message).not.toContain('働き続けたくない');
  });

  it('HR’s flag and the indicator together; with the self-declaration alone in the settings, the flag no longer excludes', async () => {
    const a0008 = await poolItem('A0008');
    await h.callJson(hr, 'PUT', `/api/workplace/fellows/pool/${a0008.id}`, 200, { capacity: 1, startsOn: '2025-04-01', endsOn: null, isLowCommitment: true, note: '' });
    expect((await matching()).lowCommitmentExcluded).toEqual({ total: 2, bySource: { 'hr-flag': 1, 'self-declaration': 1 } });
    await setSources(['self-declaration']);
    const view = await matching();
    expect(view.proposals.map((p) => p.fellow.employeeNumber)).toContain('A0008');
    expect(view.proposals.map((p) => p.fellow.employeeNumber)).not.toContain('A0006');
    await setSources([]);
    expect((await matching()).proposals.map((p) => p.fellow.employeeNumber)).toEqual(expect.arrayContaining(['A0006', 'A0008']));
    await h.callJson(hr, 'PUT', `/api/workplace/fellows/pool/${a0008.id}`, 200, { capacity: 1, startsOn: '2025-04-01', endsOn: null, isLowCommitment: false, note: '' });
    await setSources(['hr-flag', 'self-declaration']);
  });

  it('the latest submission decides: answering 「働き続けたい」 again makes the fellow a candidate again', async () => {
    await submit(auditor, 'yes');
    expect((await matching()).proposals.map((p) => p.fellow.employeeNumber)).toContain('A0006');
    expect((await poolItem('A0006')).selfDeclaration).toMatchObject({ state: 'not-low' });
  });

  it('a draft never speaks', async () => {
    await h.callJson(unitHead, 'PUT', `${base()}/mine`, 200, { answers: { continueWorking: 'no' }, version: null });
    expect((await poolItem('A0003')).selfDeclaration).toEqual({ state: 'none' });
  });

  it('window: last 年度’s declaration speaks while this 年度 has none; one from two 年度 ago does not', async () => {
    const insertCampaign = async (fiscalYear: number, opensOn: string) => {
      const [row] = await h.queryRows<{ id: number }>(sql`
        insert into self_declaration_campaigns (municipality_id, fiscal_year, title, opens_on, closes_on, form, status)
        select municipality_id, ${fiscalYear}, ${`${fiscalYear}年度 自己申告(テスト)`}, ${opensOn}, ${opensOn}, ${JSON.stringify(defaultSelfDeclarationForm)}::jsonb, 'closed'
        from staff where id = ${ids.A0001!} returning id`);
      return Number(row!.id);
    };
    const insertDeclaration = (campaignId: number, staffId: number, continueWorking: string) =>
      h.queryRows(sql`
        insert into self_declarations (municipality_id, campaign_id, staff_id, answers, status, submitted_at)
        select municipality_id, ${campaignId}, id, ${JSON.stringify(answers(continueWorking))}::jsonb, 'submitted', now() from staff where id = ${staffId}`);
    const fy2024 = await insertCampaign(2024, '2024-10-01');
    const fy2023 = await insertCampaign(2023, '2023-10-01');
    await insertDeclaration(fy2024, ids.A0009!, 'no');
    await insertDeclaration(fy2023, ids.A0002!, 'no');
    expect((await poolItem('A0009')).selfDeclaration).toMatchObject({ state: 'very-low', campaignId: fy2024, fiscalYear: 2024 });
    expect((await poolItem('A0002')).selfDeclaration).toEqual({ state: 'none' });
    const view = await matching();
    expect(view.proposals.map((p) => p.fellow.employeeNumber)).not.toContain('A0009');
    expect(view.proposals.map((p) => p.fellow.employeeNumber)).toContain('A0002');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { demoStaffPassword } from '../db/seeds/demo-accounts.js';
import { loadPlacementFacts } from '../placement/facts.service.js';
import { personFlags } from '../../domain/placement/rules.js';
import type {
  CampaignList,
  CampaignProgress,
  CampaignSummary,
  DeclarationList,
  DeclarationView,
  SaveDeclarationResult,
  SelfDeclarationFormView,
} from '../../domain/workplace/self-declaration-api.js';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

let h: Harness;
let hrAdmin: Session;
let hrOfficer: Session;
let staff: Session;
let evaluator: Session;
let unitHead: Session;
let auditor: Session;
let campaign: CampaignSummary;
const ids = { A0005: 0, A0004: 0 };
let wishUnits: number[] = [];

async function codeOf(res: Response, status: number): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(status);
  return ((await res.json()) as ErrorBody).error.code;
}
const base = (id: number) => `/api/workplace/self-declaration/campaigns/${id}`;

const answersWith = (units: number[]) => ({
  workSatisfaction: 4,
  workload: 5,
  careerIntention: 'specialist',
  careerNote: '架空のキャリア志向メモ',
  continueWorking: 'no',
  transferWish: { wish: 'yes', units: units.map((unitId, i) => ({ unitId, reason: `架空の理由${i + 1}` })) },
  familyCircumstances: ['childcare'],
  familyNote: '架空の家庭の事情',
  healthConcerns: '架空の健康の悩み',
  qualificationsGained: '架空検定2級',
  messageToHr: '架空の人事への連絡',
});

beforeAll(async () => {
  h = await createHarness();
  hrAdmin = await h.loginAs('hrAdmin');
  hrOfficer = await h.loginAs('hrOfficer');
  staff = await h.loginAs('staff');
  evaluator = await h.loginAs('evaluator');
  unitHead = await h.loginAs('unitHead');
  auditor = await h.loginAs('auditor');
  for (const r of await h.queryRows<{ id: number; employee_number: string }>(sql`select id, employee_number from staff where employee_number in ('A0004','A0005')`)) {
    ids[r.employee_number as keyof typeof ids] = Number(r.id);
  }
  // Units in force on the wish date (2026-04-01), other than A0005's own.
  const units = await h.queryRows<{ unit_id: number }>(sql`
    select unit_id from org_unit_versions where kind = 'section' and starts_on <= '2026-04-01' and (ends_on is null or ends_on >= '2026-04-01')
    order by unit_id limit 5`);
  wishUnits = units.map((u) => Number(u.unit_id));
}, 120_000);
afterAll(async () => h?.close());

describe('campaign and form (HR)', () => {
  it('HR reads the default form; staff may not', async () => {
    const form = await h.callJson<SelfDeclarationFormView>(hrOfficer, 'GET', '/api/workplace/self-declaration/form', 200);
    expect(form.isDefault).toBe(true);
    expect(await codeOf(await h.call(staff, 'GET', '/api/workplace/self-declaration/form'), 403)).toBe('access.denied');
  });

  it('HR opens this 年度 campaign once; a second one for the year is refused; staff cannot open one', async () => {
    expect(await codeOf(await h.call(staff, 'POST', '/api/workplace/self-declaration/campaigns', { title: 'x', opensOn: '2025-10-01', closesOn: '2025-10-31' }), 403)).toBe('access.denied');
    campaign = await h.callJson<CampaignSummary>(hrAdmin, 'POST', '/api/workplace/self-declaration/campaigns', 201, {
      title: '令和7年度 自己申告',
      opensOn: '2025-10-01',
      closesOn: '2025-10-31',
    });
    expect(campaign).toMatchObject({ fiscalYear: 2025, status: 'open', isAccepting: true, wishFiscalYear: 2026, wishEffectiveDate: '2026-04-01' });
    expect(await codeOf(await h.call(hrAdmin, 'POST', '/api/workplace/self-declaration/campaigns', { title: '二つ目', opensOn: '2025-11-01', closesOn: '2025-11-30' }), 409)).toBe('common.conflict');
    const list = await h.callJson<CampaignList>(staff, 'GET', '/api/workplace/self-declaration/campaigns', 200);
    expect(list.canManage).toBe(false);
    expect(list.campaigns.map((c) => c.id)).toContain(campaign.id);
  });

  it('the campaign keeps its copy of the form: editing the settings later does not change it', async () => {
    const view = await h.callJson<SelfDeclarationFormView>(hrOfficer, 'GET', '/api/workplace/self-declaration/form', 200);
    const form = { fields: view.form.fields.map((f) => (f.key === 'messageToHr' ? { ...f, isSupervisorVisible: true } : f)) };
    const saved = await h.callJson<SelfDeclarationFormView>(hrOfficer, 'PUT', '/api/workplace/self-declaration/form', 200, { updatedAt: null, form });
    expect(saved.isDefault).toBe(false);
    // stale token
    expect(await codeOf(await h.call(hrOfficer, 'PUT', '/api/workplace/self-declaration/form', { updatedAt: null, form }), 409)).toBe('common.conflict');
    // health can never be shown to the supervisor
    const bad = { fields: view.form.fields.map((f) => (f.key === 'healthConcerns' ? { ...f, isSupervisorVisible: true } : f)) };
    expect(await codeOf(await h.call(hrOfficer, 'PUT', '/api/workplace/self-declaration/form', { updatedAt: saved.updatedAt, form: bad }), 400)).toBe('common.validation');
  });
});

describe('a staff member declares', () => {
  let version: number;

  it('saves a draft (version null first), then a stale save is 409', async () => {
    const mine = await h.callJson<DeclarationView>(staff, 'GET', `${base(campaign.id)}/mine`, 200);
    expect(mine).toMatchObject({ status: 'not-started', viewer: 'owner', isEditable: true, version: null });
    const draft = await h.callJson<DeclarationView>(staff, 'PUT', `${base(campaign.id)}/mine`, 200, { answers: { workload: 4 }, version: null });
    expect(draft.status).toBe('draft');
    version = draft.version!;
    expect(await codeOf(await h.call(staff, 'PUT', `${base(campaign.id)}/mine`, { answers: { workload: 3 }, version: null }), 409)).toBe('common.conflict');
    const again = await h.callJson<DeclarationView>(staff, 'PUT', `${base(campaign.id)}/mine`, 200, { answers: { workload: 3 }, version });
    expect(again.version).toBe(version + 1);
    expect(await codeOf(await h.call(staff, 'PUT', `${base(campaign.id)}/mine`, { answers: { workload: 2 }, version }), 409)).toBe('common.conflict');
    version = again.version!;
  });

  it('refuses incomplete submissions, unknown fields and units not in the org of the wish date', async () => {
    expect(await codeOf(await h.call(staff, 'POST', `${base(campaign.id)}/mine/submit`, { answers: { workload: 3 }, version }), 400)).toBe('common.validation');
    expect(await codeOf(await h.call(staff, 'PUT', `${base(campaign.id)}/mine`, { answers: { salary: '1' }, version }), 400)).toBe('common.validation');
    expect(await codeOf(await h.call(staff, 'POST', `${base(campaign.id)}/mine/submit`, { answers: answersWith([999_999]), version }), 400)).toBe('common.validation');
    // the body cannot name an owner or a status
    expect(await codeOf(await h.call(staff, 'PUT', `${base(campaign.id)}/mine`, { answers: {}, version, staffId: ids.A0004 }), 400)).toBe('common.validation');
  });

  it('submits with a transfer wish; the wishes land in transfer_wishes for the next 年度', async () => {
    const res = await h.callJson<SaveDeclarationResult>(staff, 'POST', `${base(campaign.id)}/mine/submit`, 200, { answers: answersWith(wishUnits.slice(0, 2)), version });
    expect(res.status).toBe('submitted');
    expect(res.wishes).toEqual({ fiscalYear: 2026, outcome: 'written', count: 2 });
    expect(res.wishedUnits.map((w) => w.unitId)).toEqual(wishUnits.slice(0, 2));
    version = res.version!;
    const rows = await h.queryRows<{ rank: number; unit_id: number; source: string; reason: string }>(
      sql`select rank, unit_id, source, reason from transfer_wishes where staff_id = ${ids.A0005} and fiscal_year = 2026 order by rank`,
    );
    expect(rows.map((r) => [Number(r.rank), Number(r.unit_id), r.source])).toEqual([
      [1, wishUnits[0], 'self-declaration'],
      [2, wishUnits[1], 'self-declaration'],
    ]);
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'workplace.self-declaration-submitted'`)).toBe(1);
  });

  it('edits by submitting again: the self-declaration wishes are replaced; a draft save of a submitted one is refused', async () => {
    expect(await codeOf(await h.call(staff, 'PUT', `${base(campaign.id)}/mine`, { answers: answersWith([wishUnits[2]!]), version }), 409)).toBe('common.conflict');
    const res = await h.callJson<SaveDeclarationResult>(staff, 'POST', `${base(campaign.id)}/mine/submit`, 200, { answers: answersWith([wishUnits[2]!]), version });
    expect(res.wishes).toMatchObject({ outcome: 'written', count: 1 });
    version = res.version!;
    const rows = await h.queryRows<{ unit_id: number }>(sql`select unit_id from transfer_wishes where staff_id = ${ids.A0005} and fiscal_year = 2026`);
    expect(rows.map((r) => Number(r.unit_id))).toEqual([wishUnits[2]]);
  });
});

describe('who reads what', () => {
  const path = () => `${base(campaign.id)}/declarations/${ids.A0005}`;
  const auditCount = () =>
    h.queryCount(sql`select count(*)::int as n from audit_log where action = 'workplace.self-declaration.read' and details->>'staffId' = ${String(ids.A0005)} and outcome = 'allowed'`);

  it('the evaluator sees only the fields the campaign form allows — never health, family, the message to HR or the commitment question; the read is audited', async () => {
    const before = await auditCount();
    const res = await h.call(evaluator, 'GET', path());
    const text = await res.clone().text();
    expect(res.status, text).toBe(200);
    const view = (await res.json()) as DeclarationView;
    expect(view.viewer).toBe('supervisor');
    expect(Object.keys(view.answers).sort()).toEqual(['careerIntention', 'careerNote', 'qualificationsGained', 'transferWish', 'workSatisfaction', 'workload']);
    for (const secret of ['架空の健康の悩み', '架空の家庭の事情', '架空の人事への連絡', 'healthConcerns', 'familyNote', 'messageToHr', 'continueWorking', '働き続け']) expect(text).not.toContain(secret);
    expect(view.wishedUnits.map((w) => w.unitId)).toEqual([wishUnits[2]]);
    expect(await auditCount()).toBe(before + 1);
  });

  it('the unit head sees the same cut', async () => {
    const view = await h.callJson<DeclarationView>(unitHead, 'GET', path(), 200);
    expect(view.viewer).toBe('supervisor');
    expect(view.answers).not.toHaveProperty('healthConcerns');
    expect(view.answers).not.toHaveProperty('continueWorking');
    expect(view.fields.some((f) => f.isHealth)).toBe(false);
  });

  it('another staff member (no relation) is refused, and the denial is audited', async () => {
    const before = await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'workplace.self-declaration.read' and outcome = 'denied'`);
    expect(await codeOf(await h.call(auditor, 'GET', path()), 403)).toBe('access.denied');
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'workplace.self-declaration.read' and outcome = 'denied'`)).toBe(before + 1);
    // nor the system administrator (accounts, not contents) or the auditor's role
    const sysAdmin = await h.loginAs('sysAdmin');
    expect(await codeOf(await h.call(sysAdmin, 'GET', path()), 403)).toBe('access.denied');
    expect(await codeOf(await h.call(sysAdmin, 'GET', `${base(campaign.id)}/declarations`), 403)).toBe('access.denied');
    // and the evaluator cannot read the list of everyone
    expect(await codeOf(await h.call(evaluator, 'GET', `${base(campaign.id)}/declarations`), 403)).toBe('access.denied');
  });

  it('HR sees every field, audited', async () => {
    const before = await auditCount();
    const view = await h.callJson<DeclarationView>(hrOfficer, 'GET', path(), 200);
    expect(view.viewer).toBe('hr');
    expect(view.answers).toMatchObject({ healthConcerns: '架空の健康の悩み', familyNote: '架空の家庭の事情', messageToHr: '架空の人事への連絡', continueWorking: 'no' });
    expect(await auditCount()).toBe(before + 1);
    const row = (await h.queryRows<{ details: unknown }>(sql`select details from audit_log where action = 'workplace.self-declaration.read' order by id desc limit 1`))[0]!;
    expect(JSON.stringify(row.details)).not.toContain('架空');
  });

  it('the owner reads their own without an audit row', async () => {
    const before = await auditCount();
    const view = await h.callJson<DeclarationView>(staff, 'GET', path(), 200);
    expect(view.viewer).toBe('owner');
    expect(view.answers).toHaveProperty('healthConcerns');
    expect(await auditCount()).toBe(before);
  });

  it("a draft's answers are the owner's only", async () => {
    const evaluatorDraft = await h.callJson<DeclarationView>(evaluator, 'PUT', `${base(campaign.id)}/mine`, 200, { answers: { careerNote: '架空の下書き' }, version: null });
    expect(evaluatorDraft.status).toBe('draft');
    const seen = await h.callJson<DeclarationView>(hrAdmin, 'GET', `${base(campaign.id)}/declarations/${ids.A0004}`, 200);
    expect(seen.status).toBe('draft');
    expect(JSON.stringify(seen.answers)).not.toContain('架空の下書き');
  });

  it('HR lists with filters: unit, transfer wish, career intention; the supervisor lists their team with the allowed columns', async () => {
    const all = await h.callJson<DeclarationList>(hrOfficer, 'GET', `${base(campaign.id)}/declarations`, 200);
    expect(all.total).toBeGreaterThan(50);
    const mine = all.items.find((i) => i.staffId === ids.A0005)!;
    expect(mine).toMatchObject({ status: 'submitted', transferWish: 'yes', careerIntention: 'specialist' });
    const wishing = await h.callJson<DeclarationList>(hrOfficer, 'GET', `${base(campaign.id)}/declarations?transferWish=yes`, 200);
    expect(wishing.items.map((i) => i.staffId)).toEqual([ids.A0005]);
    const generalists = await h.callJson<DeclarationList>(hrOfficer, 'GET', `${base(campaign.id)}/declarations?careerIntention=generalist`, 200);
    expect(generalists.items).toHaveLength(0);
    const unit = await h.callJson<DeclarationList>(hrOfficer, 'GET', `${base(campaign.id)}/declarations?unitId=${mine.unitId}`, 200);
    expect(unit.items.every((i) => i.unitId === mine.unitId)).toBe(true);
    expect(unit.items.map((i) => i.staffId)).toContain(ids.A0005);
    const team = await h.callJson<DeclarationList>(evaluator, 'GET', `${base(campaign.id)}/team`, 200);
    expect(team.items.map((i) => i.staffId)).toContain(ids.A0005);
    expect(team.items.find((i) => i.staffId === ids.A0005)).toMatchObject({ transferWish: 'yes' });
    const nobody = await h.callJson<DeclarationList>(auditor, 'GET', `${base(campaign.id)}/team`, 200);
    expect(nobody.items.map((i) => i.staffId)).not.toContain(ids.A0005);
  });
});

describe('progress and reminders', () => {
  it('HR sees counts per unit and reminds those who have not submitted, with no content', async () => {
    const p = await h.callJson<CampaignProgress>(hrAdmin, 'GET', `${base(campaign.id)}/progress`, 200);
    expect(p.totals.submitted).toBe(1);
    expect(p.totals.draft).toBe(1);
    expect(p.totals.total).toBe(p.totals.submitted + p.totals.draft + p.totals.notStarted);
    expect(JSON.stringify(p)).not.toContain('A0005');
    expect(await codeOf(await h.call(staff, 'GET', `${base(campaign.id)}/progress`), 403)).toBe('access.denied');
    const r = await h.callJson<{ notified: number }>(hrAdmin, 'POST', `${base(campaign.id)}/reminders`, 200, {});
    expect(r.notified).toBe(p.totals.total - 1);
    const notes = await h.queryRows<{ recipient_staff_id: number; body: string; title: string }>(
      sql`select recipient_staff_id, body, title from notifications where kind = 'workplace.self-declaration-reminder'`,
    );
    expect(notes.map((n) => Number(n.recipient_staff_id))).not.toContain(ids.A0005);
    expect(notes.every((n) => n.body === '')).toBe(true);
  });
});

describe('placement: wishes clear R4', () => {
  it('someone at the end of the rotation period with no wishes is flagged R4 until they submit a wish', async () => {
    const ctx = await h.contextOf('hrAdmin');
    const facts = await loadPlacementFacts(ctx, '2026-04-01');
    const accounts = await h.queryRows<{ staff_id: number; login_id: string }>(sql`select staff_id, login_id from accounts where staff_id is not null`);
    const loginOf = new Map(accounts.map((a) => [Number(a.staff_id), String(a.login_id)]));
    const person = facts.people.find((p) => personFlags(p, facts).some((f) => f.rule === 'R4') && loginOf.has(p.staffId) && p.staffId !== ids.A0005);
    expect(person, 'the demo city has someone flagged R4').toBeDefined();
    const res = await h.loginWith(loginOf.get(person!.staffId)!, demoStaffPassword);
    expect(res.status).toBe(200);
    const session = { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
    const target = facts.units.find((u) => u.unitId !== person!.currentUnitId)!.unitId;
    const submitted = await h.callJson<SaveDeclarationResult>(session, 'POST', `${base(campaign.id)}/mine/submit`, 200, {
      answers: { workSatisfaction: 3, workload: 3, careerIntention: 'generalist', transferWish: { wish: 'yes', units: [{ unitId: target, reason: '' }] } },
      version: null,
    });
    expect(submitted.wishes).toMatchObject({ outcome: 'written', count: 1 });
    const after = await loadPlacementFacts(ctx, '2026-04-01');
    const again = after.people.find((p) => p.staffId === person!.staffId)!;
    expect(again.wishes).toEqual([{ rank: 1, unitId: target }]);
    expect(personFlags(again, after).some((f) => f.rule === 'R4')).toBe(false);
  });

  it('HR-entered wishes win: a later self-declaration does not overwrite them', async () => {
    await h.queryRows(sql`delete from transfer_wishes where staff_id = ${ids.A0004} and fiscal_year = 2026`);
    await h.queryRows(sql`insert into transfer_wishes (municipality_id, staff_id, fiscal_year, rank, unit_id, reason, source)
      select municipality_id, id, 2026, 1, ${wishUnits[3]!}, 'HR聞き取り(架空)', 'hr' from staff where id = ${ids.A0004}`);
    const mine = await h.callJson<DeclarationView>(evaluator, 'GET', `${base(campaign.id)}/mine`, 200);
    const res = await h.callJson<SaveDeclarationResult>(evaluator, 'POST', `${base(campaign.id)}/mine/submit`, 200, {
      answers: answersWith([wishUnits[4]!]),
      version: mine.version,
    });
    expect(res.wishes).toMatchObject({ outcome: 'kept-hr-entered', count: 0 });
    const rows = await h.queryRows<{ unit_id: number; source: string }>(sql`select unit_id, source from transfer_wishes where staff_id = ${ids.A0004} and fiscal_year = 2026`);
    expect(rows.map((r) => [Number(r.unit_id), r.source])).toEqual([[wishUnits[3], 'hr']]);
  });
});

describe('after the campaign closes', () => {
  it('nobody can save; the owner and HR still read; the closing is versioned', async () => {
    expect(await codeOf(await h.call(hrAdmin, 'POST', `${base(campaign.id)}/close`, { version: campaign.version + 5 }), 409)).toBe('common.conflict');
    const closed = await h.callJson<CampaignSummary>(hrAdmin, 'POST', `${base(campaign.id)}/close`, 200, { version: campaign.version });
    expect(closed).toMatchObject({ status: 'closed', isAccepting: false });
    const mine = await h.callJson<DeclarationView>(staff, 'GET', `${base(campaign.id)}/mine`, 200);
    expect(mine).toMatchObject({ status: 'submitted', isEditable: false });
    expect(await codeOf(await h.call(staff, 'POST', `${base(campaign.id)}/mine/submit`, { answers: answersWith([wishUnits[0]!]), version: mine.version }), 422)).toBe(
      'workplace.self-declaration-closed',
    );
    const hr = await h.callJson<DeclarationView>(hrOfficer, 'GET', `${base(campaign.id)}/declarations/${ids.A0005}`, 200);
    expect(hr.answers).toHaveProperty('healthConcerns', '架空の健康の悩み');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { defaultSkillFramework } from '../../domain/digital/skill-framework.js';
import type { AssessmentList, AssessmentSummary, MyAssessmentView } from '../../domain/digital/skill-assessment.js';
import type { DxAdvisorList, DxLeaderCoverage, DxStructure, ExchangeList, SkillFrameworkView } from '../../domain/digital/digital-api.js';
import type { UnitList } from '../../domain/org/org-api.js';
import type { SheetListItem, SheetView } from '../../domain/evaluation/evaluation-api.js';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

let h: Harness;
let hr: Session;
let hrOfficer: Session;
let evaluator: Session;
let unitHead: Session;
let staff: Session;
const ids = { A0003: 0, A0004: 0, A0005: 0, A0006: 0 };
const units: Record<string, number> = {};

const levels = (level: number) => Object.fromEntries(defaultSkillFramework.areas.map((a) => [a.id, { level, note: a.id === 'office-automation' ? 'RPAで照合作業を自動化' : '' }]));

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrAdmin');
  hrOfficer = await h.loginAs('hrOfficer');
  evaluator = await h.loginAs('evaluator');
  unitHead = await h.loginAs('unitHead');
  staff = await h.loginAs('staff');
  for (const r of await h.queryRows<{ id: number; employee_number: string }>(sql`select id, employee_number from staff where employee_number in ('A0003','A0004','A0005','A0006')`)) {
    ids[r.employee_number as keyof typeof ids] = Number(r.id);
  }
  for (const u of (await h.callJson<UnitList>(hr, 'GET', '/api/org/units', 200)).units) units[u.name] = u.id;
});
afterAll(async () => {
  await h.close();
});

describe('/api/digital/framework', () => {
  it('gives the defaults to everyone, refuses staff a change, validates next to the field, saves with a token and audits', async () => {
    const view = await h.callJson<SkillFrameworkView>(staff, 'GET', '/api/digital/framework', 200);
    expect(view).toMatchObject({ isDefault: true, updatedAt: null });
    expect(view.framework.areas).toHaveLength(6);
    await h.callJson(staff, 'PUT', '/api/digital/framework', 403, { updatedAt: null, framework: defaultSkillFramework });
    const bad = await h.callJson<ErrorBody>(hr, 'PUT', '/api/digital/framework', 400, {
      updatedAt: null,
      framework: { ...defaultSkillFramework, areas: [...defaultSkillFramework.areas, defaultSkillFramework.areas[0]] },
    });
    expect(bad.error.details).toEqual([expect.objectContaining({ path: 'framework.areas.6.id', message: '分野のID「data-literacy」が重複しています' })]);
    const saved = await h.callJson<SkillFrameworkView>(hr, 'PUT', '/api/digital/framework', 200, { updatedAt: null, framework: defaultSkillFramework });
    expect(saved.isDefault).toBe(false);
    await h.callJson(hr, 'PUT', '/api/digital/framework', 409, { updatedAt: null, framework: defaultSkillFramework });
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'digital.framework-saved'`)).toBe(1);
  });
});

describe('self-assessment', () => {
  it('staff save a draft, cannot submit it incomplete, submit it complete, and cannot change it while it waits', async () => {
    const empty = await h.callJson<MyAssessmentView>(staff, 'GET', '/api/digital/assessments/mine/2025', 200);
    expect(empty).toMatchObject({ isCurrentYear: true, assessment: { id: null, status: 'draft', version: null } });
    const draft = await h.callJson<MyAssessmentView>(staff, 'PUT', '/api/digital/assessments/mine/2025', 200, { levels: { 'data-literacy': { level: 2, note: '' } }, selfComment: '', version: null });
    expect(draft.assessment).toMatchObject({ status: 'draft', version: 1, unitName: '市民課' });
    const incomplete = await h.callJson<ErrorBody>(staff, 'POST', '/api/digital/assessments/mine/2025/submit', 400, { levels: { 'data-literacy': { level: 2, note: '' } }, selfComment: '', version: 1 });
    expect(incomplete.error.details?.map((d) => d.message)).toContain('「AIの活用と倫理」の段階を選んでください');
    const offScale = await h.callJson<ErrorBody>(staff, 'PUT', '/api/digital/assessments/mine/2025', 400, { levels: { 'data-literacy': { level: 5, note: '' } }, selfComment: '', version: 1 });
    expect(offScale.error.details?.[0]?.message).toBe('段階は1〜4で選んでください');
    await h.callJson(staff, 'PUT', '/api/digital/assessments/mine/2024', 409, { levels: {}, selfComment: '', version: null });
    const submitted = await h.callJson<MyAssessmentView>(staff, 'POST', '/api/digital/assessments/mine/2025/submit', 200, { levels: levels(2), selfComment: 'RPAを学びたい', version: 1 });
    expect(submitted.assessment).toMatchObject({ status: 'submitted', version: 2 });
    const locked = await h.callJson<ErrorBody>(staff, 'PUT', '/api/digital/assessments/mine/2025', 409, { levels: levels(3), selfComment: '', version: 2 });
    expect(locked.error.message).toContain('提出した自己評価は');
  });

  it('walls: staff cannot read or confirm another person\'s assessment, nor the unit head who is not the evaluator; nobody confirms their own', async () => {
    await h.callJson(staff, 'GET', `/api/digital/staff/${ids.A0004}/assessments/2025`, 403);
    await h.callJson(staff, 'POST', `/api/digital/staff/${ids.A0005}/assessments/2025/confirm`, 403, { version: 2 });
    await h.callJson(unitHead, 'POST', `/api/digital/staff/${ids.A0005}/assessments/2025/confirm`, 403, { version: 2 });
    await h.callJson(staff, 'GET', '/api/digital/assessments?fiscalYear=2025', 403);
    await h.callJson(evaluator, 'GET', '/api/digital/assessments/summary?fiscalYear=2025', 403);
    expect((await h.callJson<AssessmentList>(unitHead, 'GET', '/api/digital/assessments/pending', 200)).items).toEqual([]);
  });

  it('the evaluator sees it pending, a return needs a comment, returns it; the person resubmits; the evaluator confirms and the person is notified', async () => {
    const pending = await h.callJson<AssessmentList>(evaluator, 'GET', '/api/digital/assessments/pending', 200);
    expect(pending.items.map((i) => i.staffId)).toEqual([ids.A0005]);
    const noReason = await h.callJson<ErrorBody>(evaluator, 'POST', `/api/digital/staff/${ids.A0005}/assessments/2025/return`, 400, { version: 2, comment: '' });
    expect(noReason.error.details?.[0]?.path).toBe('comment');
    const returned = await h.callJson<MyAssessmentView>(evaluator, 'POST', `/api/digital/staff/${ids.A0005}/assessments/2025/return`, 200, { version: 2, comment: 'RPAは実務で使っているので3では' });
    expect(returned.assessment).toMatchObject({ status: 'returned', supervisorComment: 'RPAは実務で使っているので3では' });
    const again = await h.callJson<MyAssessmentView>(staff, 'POST', '/api/digital/assessments/mine/2025/submit', 200, { levels: { ...levels(2), 'office-automation': { level: 3, note: 'RPAで照合作業を自動化' } }, selfComment: '', version: 3 });
    expect(again.assessment.status).toBe('submitted');
    await h.callJson(evaluator, 'POST', `/api/digital/staff/${ids.A0005}/assessments/2025/confirm`, 409, { version: 3 });
    const confirmed = await h.callJson<MyAssessmentView>(evaluator, 'POST', `/api/digital/staff/${ids.A0005}/assessments/2025/confirm`, 200, { version: 4, comment: '' });
    expect(confirmed.assessment).toMatchObject({ status: 'confirmed', confirmedByName: expect.any(String) });
    await h.callJson(staff, 'PUT', '/api/digital/assessments/mine/2025', 409, { levels: levels(1), selfComment: '', version: 5 });
    expect(await h.queryCount(sql`select count(*)::int as n from notifications where recipient_staff_id = ${ids.A0005} and kind = 'digital.assessment'`)).toBe(2);
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action in ('digital.assessment-confirmed','digital.assessment-returned')`)).toBe(2);
  });

  it('HR sees every assessment and the summary per area and unit', async () => {
    await h.callJson(evaluator, 'PUT', '/api/digital/assessments/mine/2025', 200, { levels: { 'data-literacy': { level: 4, note: '' } }, selfComment: '', version: null });
    const list = await h.callJson<AssessmentList>(hrOfficer, 'GET', '/api/digital/assessments?fiscalYear=2025', 200);
    expect(list.items.map((i) => [i.employeeNumber, i.status]).sort()).toEqual([
      ['A0004', 'draft'],
      ['A0005', 'confirmed'],
    ]);
    const summary = await h.callJson<AssessmentSummary>(hr, 'GET', '/api/digital/assessments/summary?fiscalYear=2025', 200);
    expect(summary.statusCounts).toEqual({ draft: 1, submitted: 0, confirmed: 1, returned: 0 });
    expect(summary.areas.find((a) => a.areaId === 'office-automation')!.counts).toEqual({ '1': 0, '2': 0, '3': 1, '4': 0 });
    expect(summary.areas.find((a) => a.areaId === 'data-literacy')!.counts['4']).toBe(0);
    expect(summary.units).toEqual([expect.objectContaining({ unitName: '市民課', statusCounts: { draft: 1, submitted: 0, confirmed: 1, returned: 0 } })]);
  });

  it('the ability sheet of the 年度 shows the confirmed assessment, to the evaluatee and the evaluator', async () => {
    await h.callJson(hr, 'POST', '/api/evaluation/cycles', 201, { fiscalYear: 2025, period: 'year' });
    const mine = await h.callJson<{ items: SheetListItem[] }>(staff, 'GET', '/api/evaluation/my-sheets', 200);
    const ability = mine.items.find((i) => i.kind === 'ability')!;
    for (const s of [staff, evaluator]) {
      const view = await h.callJson<SheetView>(s, 'GET', `/api/evaluation/sheets/${ability.id}`, 200);
      expect(view.digitalSkills?.fiscalYear).toBe(2025);
      const tools = view.digitalSkills!.items.find((i) => i.abilityItemId === 'digital-tools')!;
      expect(tools.areas.find((a) => a.areaId === 'office-automation')).toMatchObject({ level: 3, levelLabel: '実務で活用', note: 'RPAで照合作業を自動化' });
    }
    // the evaluator's own assessment is a draft: nothing on their sheet
    const evaluatorSheets = await h.callJson<{ items: SheetListItem[] }>(evaluator, 'GET', '/api/evaluation/my-sheets', 200);
    const own = evaluatorSheets.items.find((i) => i.kind === 'ability');
    if (own) expect((await h.callJson<SheetView>(evaluator, 'GET', `/api/evaluation/sheets/${own.id}`, 200)).digitalSkills).toBeNull();
  });
});

describe('DX推進体制', () => {
  it('HR builds the HQ with a chief and a working group; one chief at a time; roles fit; everyone reads it; staff cannot change it', async () => {
    await h.callJson(staff, 'POST', '/api/digital/bodies', 403, { kind: 'hq', parentBodyId: null, name: 'x', theme: '', startsOn: '2025-04-01', endsOn: null });
    const hq = await h.callJson<{ id: number }>(hr, 'POST', '/api/digital/bodies', 201, { kind: 'hq', parentBodyId: null, name: 'DX推進本部', theme: '', startsOn: '2025-04-01', endsOn: null });
    const wg = await h.callJson<{ id: number }>(hr, 'POST', '/api/digital/bodies', 201, {
      kind: 'working_group',
      parentBodyId: hq.id,
      name: '業務効率化WG',
      theme: 'RPA・AI-OCR',
      startsOn: '2025-04-01',
      endsOn: '2026-03-31',
    });
    await h.callJson(hr, 'POST', `/api/digital/bodies/${hq.id}/members`, 201, { staffId: ids.A0003, role: 'chief', startsOn: '2025-04-01', endsOn: null });
    const second = await h.callJson<ErrorBody>(hr, 'POST', `/api/digital/bodies/${hq.id}/members`, 409, { staffId: ids.A0006, role: 'chief', startsOn: '2025-10-01', endsOn: null });
    expect(second.error.message).toContain('既に本部長がいます');
    const badRole = await h.callJson<ErrorBody>(hr, 'POST', `/api/digital/bodies/${wg.id}/members`, 400, { staffId: ids.A0005, role: 'chief', startsOn: '2025-04-01', endsOn: null });
    expect(badRole.error.details?.[0]?.message).toBe('ワーキンググループの役割はリーダー・構成員です');
    await h.callJson(hr, 'POST', `/api/digital/bodies/${wg.id}/members`, 201, { staffId: ids.A0005, role: 'leader', startsOn: '2025-04-01', endsOn: null });
    const structure = await h.callJson<DxStructure>(staff, 'GET', '/api/digital/structure', 200);
    expect(structure.canManage).toBe(false);
    expect(structure.bodies.map((b) => [b.name, b.members.map((m) => m.roleLabel)])).toEqual([
      ['DX推進本部', ['本部長']],
      ['業務効率化WG', ['リーダー']],
    ]);
    expect(structure.bodies[1]!.members[0]).toMatchObject({ unitName: '窓口係', isCurrent: true });

    // a working group's period and theme change with the version read; a member's term ends and drops from the date
    const body = { name: '業務効率化WG', theme: 'RPA・AI-OCR・ノーコード', startsOn: '2025-04-01', endsOn: '2026-03-31' };
    await h.callJson(hr, 'PUT', `/api/digital/bodies/${wg.id}`, 200, { ...body, version: 1 });
    await h.callJson(hr, 'PUT', `/api/digital/bodies/${wg.id}`, 409, { ...body, version: 1 });
    const memberId = structure.bodies[1]!.members[0]!.id;
    await h.callJson(hr, 'POST', `/api/digital/members/${memberId}/end`, 400, { endsOn: '2025-03-01' });
    await h.callJson(hr, 'POST', `/api/digital/members/${memberId}/end`, 200, { endsOn: '2025-09-30' });
    const later = await h.callJson<DxStructure>(hr, 'GET', '/api/digital/structure?asOf=2025-10-01', 200);
    expect(later.canManage).toBe(true);
    expect(later.bodies[1]).toMatchObject({ theme: 'RPA・AI-OCR・ノーコード', version: 2 });
    expect(later.bodies[1]!.members[0]).toMatchObject({ isCurrent: false, endsOn: '2025-09-30' });
  });

  it('leaders: the coverage lists divisions without one; a second overlapping leader is refused in Japanese; a leader outside the unit is a gap', async () => {
    const before = await h.callJson<DxLeaderCoverage>(staff, 'GET', '/api/digital/leaders?asOf=2025-10-01', 200);
    const shimin = before.rows.find((r) => r.unitName === '市民課')!;
    expect(shimin.status).toBe('missing');
    expect(before.gapCount).toBe(before.rows.length);
    expect(before.rows.every((r) => r.unitPath.includes('›'))).toBe(true);
    await h.callJson(staff, 'POST', '/api/digital/leaders', 403, { unitId: units['市民課'], staffId: ids.A0005, startsOn: '2025-04-01', endsOn: null });
    const notDivision = await h.callJson<ErrorBody>(hr, 'POST', '/api/digital/leaders', 400, { unitId: units['窓口係'], staffId: ids.A0005, startsOn: '2025-04-01', endsOn: null });
    expect(notDivision.error.details?.[0]?.message).toBe('2025-04-01時点の課を選んでください');

    const appointed = await h.callJson<{ id: number }>(hr, 'POST', '/api/digital/leaders', 201, { unitId: units['市民課'], staffId: ids.A0005, startsOn: '2025-04-01', endsOn: null });
    const after = await h.callJson<DxLeaderCoverage>(staff, 'GET', '/api/digital/leaders?asOf=2025-10-01', 200);
    expect(after.rows.find((r) => r.unitName === '市民課')).toMatchObject({ status: 'covered', leader: { staffId: ids.A0005 } });
    expect(after.gapCount).toBe(before.gapCount - 1);
    // before the appointment started, 市民課 was still a gap
    expect((await h.callJson<DxLeaderCoverage>(hr, 'GET', '/api/digital/leaders?asOf=2025-03-31', 200)).rows.find((r) => r.unitName === '市民課')!.status).toBe('missing');

    const overlap = await h.callJson<ErrorBody>(hr, 'POST', '/api/digital/leaders', 409, { unitId: units['市民課'], staffId: ids.A0004, startsOn: '2025-10-01', endsOn: null });
    expect(overlap.error.code).toBe('digital.leader-overlap');
    expect(overlap.error.message).toContain('市民課には既にDX推進リーダー');
    // the hand-over: end the current one, then the successor starts the next day
    await h.callJson(hr, 'POST', `/api/digital/leaders/${appointed.id}/end`, 200, { endsOn: '2025-09-30' });
    await h.callJson(hr, 'POST', '/api/digital/leaders', 201, { unitId: units['市民課'], staffId: ids.A0004, startsOn: '2025-10-01', endsOn: null });

    // someone posted in 市民課 named leader of 情報政策課 does not cover it
    await h.callJson(hr, 'POST', '/api/digital/leaders', 201, { unitId: units['情報政策課'], staffId: ids.A0003, startsOn: '2025-04-01', endsOn: null });
    const moved = (await h.callJson<DxLeaderCoverage>(hr, 'GET', '/api/digital/leaders?asOf=2025-10-01', 200)).rows.find((r) => r.unitName === '情報政策課')!;
    expect(moved).toMatchObject({ status: 'leader-moved', leader: { staffId: ids.A0003 } });
    expect(moved.leader!.currentUnitName).toContain('市民課');
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'digital.leader-appointed'`)).toBe(3);
  });

  it('advisors: current and past; contacts only for HR', async () => {
    await h.callJson(hr, 'POST', '/api/digital/advisors', 201, { name: 'デモ 顧問', organisation: 'デモ大学', expertise: 'データ活用', contractStartsOn: '2025-04-01', contractEndsOn: '2026-03-31', contact: 'demo@example.invalid', note: '' });
    const past = await h.callJson<{ id: number; version: number }>(hr, 'POST', '/api/digital/advisors', 201, { name: 'デモ 前任', contractStartsOn: '2023-04-01', contractEndsOn: '2025-03-31' });
    await h.callJson(hr, 'POST', '/api/digital/advisors', 400, { name: 'x', contractStartsOn: '2025-04-01', contractEndsOn: '2025-03-01' });
    await h.callJson(hr, 'PUT', `/api/digital/advisors/${past.id}`, 200, { version: past.version, name: 'デモ 前任', expertise: 'セキュリティ', contractStartsOn: '2023-04-01', contractEndsOn: '2025-03-31' });
    await h.callJson(hr, 'PUT', `/api/digital/advisors/${past.id}`, 409, { version: past.version, name: 'デモ 前任', contractStartsOn: '2023-04-01', contractEndsOn: '2025-03-31' });
    const forHr = await h.callJson<DxAdvisorList>(hr, 'GET', '/api/digital/advisors', 200);
    expect(forHr.items.map((a) => [a.name, a.status])).toEqual([
      ['デモ 顧問', 'current'],
      ['デモ 前任', 'past'],
    ]);
    expect(forHr.items[0]!.contact).toBe('demo@example.invalid');
    const forStaff = await h.callJson<DxAdvisorList>(staff, 'GET', '/api/digital/advisors', 200);
    expect(forStaff.items[0]!.contact).toBe('');
    await h.callJson(staff, 'POST', '/api/digital/advisors', 403, { name: 'x', contractStartsOn: '2025-04-01', contractEndsOn: null });
  });

  it('exchanges: with our staff and named visitors; changing replaces the participants', async () => {
    const created = await h.callJson<{ id: number }>(hr, 'POST', '/api/digital/exchanges', 201, {
      partnerMunicipality: 'デモ町',
      title: 'RPA導入事例の相互視察',
      direction: 'mutual',
      startsOn: '2025-08-01',
      endsOn: '2025-08-02',
      participants: [
        { staffId: ids.A0005, externalName: null },
        { staffId: null, externalName: 'デモ町 職員 花子', note: '情報政策担当' },
      ],
    });
    const bad = await h.callJson<ErrorBody>(hr, 'POST', '/api/digital/exchanges', 400, { partnerMunicipality: 'デモ町', title: 'x', direction: 'outgoing', startsOn: '2025-08-01', endsOn: '2025-08-01', participants: [{ staffId: 999999, externalName: null }] });
    expect(bad.error.details?.[0]).toMatchObject({ path: 'participants.0.staffId', message: '職員が見つかりません' });
    const list = await h.callJson<ExchangeList>(staff, 'GET', '/api/digital/exchanges', 200);
    expect(list.items[0]!.participants.map((p) => [p.isOurStaff, p.employeeNumber])).toEqual([
      [true, 'A0005'],
      [false, null],
    ]);
    await h.callJson(hr, 'PUT', `/api/digital/exchanges/${created.id}`, 200, {
      version: 1,
      partnerMunicipality: 'デモ町',
      title: 'RPA導入事例の相互視察',
      direction: 'mutual',
      startsOn: '2025-08-01',
      endsOn: '2025-08-02',
      outcome: '照合業務のRPA化を検討',
      participants: [{ staffId: ids.A0004, externalName: null }],
    });
    const changed = (await h.callJson<ExchangeList>(hr, 'GET', '/api/digital/exchanges', 200)).items[0]!;
    expect(changed).toMatchObject({ outcome: '照合業務のRPA化を検討', version: 2 });
    expect(changed.participants.map((p) => p.employeeNumber)).toEqual(['A0004']);
    await h.callJson(staff, 'PUT', `/api/digital/exchanges/${created.id}`, 403, { version: 2 });
  });
});

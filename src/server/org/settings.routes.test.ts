import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { defaultOrgSettings, defaultPositions } from '../../domain/org/org-settings.js';
import type { OrgSettingsView, PositionChangeResult, PositionSettingItem, StoredOrgSettings } from '../../domain/org/org-api.js';
import { getOrgSettings } from './settings.service.js';
import { demoMunicipalityId, staffIdByNumber } from './org-fixtures.repository.js';

type Detail = { path: string; code: string; message: string };
type ErrorBody = { error: { code: string; message: string; details?: Detail[] } };

let h: Harness;
let hrAdmin: Session;
let hrOfficer: Session;
let sysAdmin: Session;
let staff: Session;
let municipalityId: number;

const readSettings = (session = hrAdmin) => h.callJson<OrgSettingsView>(session, 'GET', '/api/settings/org', 200);
const listPositions = async () => (await h.callJson<{ positions: PositionSettingItem[] }>(hrAdmin, 'GET', '/api/settings/positions', 200)).positions;

/** The PUT body for the settings as read, with `change` applied. */
function bodyOf(view: OrgSettingsView, change: Partial<StoredOrgSettings> = {}) {
  const { positions: _positions, ...stored } = view.settings;
  return { updatedAt: view.updatedAt, ...stored, ...change };
}
const messagesOf = (body: ErrorBody) => (body.error.details ?? []).map((d) => d.message);
const auditCount = (action: string) => h.queryCount(sql`select count(*)::int as n from audit_log where action = ${action}`);

beforeAll(async () => {
  h = await createHarness();
  hrAdmin = await h.loginAs('hrAdmin');
  hrOfficer = await h.loginAs('hrOfficer');
  sysAdmin = await h.loginAs('sysAdmin');
  staff = await h.loginAs('staff');
  municipalityId = await demoMunicipalityId(h.database.db);
});
afterAll(async () => {
  await h.close();
});

describe('GET /api/settings/org', () => {
  it('gives the policy defaults with the positions from their table, most senior first', async () => {
    const view = await readSettings();
    expect(view.isDefault).toBe(true);
    expect(view.updatedAt).toBeNull();
    expect(view.defaults).toEqual(defaultOrgSettings);
    const { positions, ...rest } = view.settings;
    const { positions: _p, ...defaultRest } = defaultOrgSettings;
    expect(rest).toEqual(defaultRest);
    expect(positions.map((p) => p.code)).toEqual(defaultPositions.map((p) => p.code));
  });

  it('is open to HR and the system administrator, not to other staff', async () => {
    await readSettings(hrOfficer);
    await readSettings(sysAdmin);
    await h.callJson(staff, 'GET', '/api/settings/org', 403);
    await h.callJson(staff, 'GET', '/api/settings/positions', 403);
    await h.callJson(await h.loginAs('unitHead'), 'GET', '/api/settings/org', 403);
    await h.callJson(null, 'GET', '/api/settings/org', 401);
  });

  it('reads positions only from the table: a stored `positions` key is ignored', async () => {
    const bogus = [{ code: 'ghost', name: '幽霊', rank: 1, level: 'director', isManagerial: true }];
    await h.database.db.execute(sql`insert into settings (municipality_id, key, value) values (${municipalityId}, 'org', ${JSON.stringify({ positions: bogus, expertCycleYears: 6 })}::jsonb)`);
    try {
      const settings = await getOrgSettings(h.database.db, municipalityId);
      expect(settings.positions.map((p) => p.code)).toEqual(defaultPositions.map((p) => p.code));
      expect(settings.expertCycleYears).toBe(6);
    } finally {
      await h.database.db.execute(sql`delete from settings where municipality_id = ${municipalityId} and key = 'org'`);
    }
  });
});

describe('PUT /api/settings/org', () => {
  it('refuses the HR officer and plain staff; the HR administrator and the system administrator may change', async () => {
    const view = await readSettings();
    await h.callJson(hrOfficer, 'PUT', '/api/settings/org', 403, bodyOf(view, { expertCycleYears: 6 }));
    await h.callJson(staff, 'PUT', '/api/settings/org', 403, bodyOf(view, { expertCycleYears: 6 }));

    const byHr = await h.callJson<OrgSettingsView>(hrAdmin, 'PUT', '/api/settings/org', 200, bodyOf(view, { expertCycleYears: 6 }));
    expect(byHr.settings.expertCycleYears).toBe(6);
    expect(byHr.isDefault).toBe(false);
    expect(byHr.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);

    const bySysAdmin = await h.callJson<OrgSettingsView>(sysAdmin, 'PUT', '/api/settings/org', 200, bodyOf(byHr, { rotationYearsPerUnit: 4 }));
    expect(bySysAdmin.settings).toMatchObject({ expertCycleYears: 6, rotationYearsPerUnit: 4 });
    expect(await readSettings(hrOfficer)).toEqual(bySysAdmin);
  });

  it('writes an audit row naming only the changed keys, in the same transaction', async () => {
    const rows = await h.queryRows(sql`select details, actor_roles from audit_log where action = 'org.settings-updated' order by seq`);
    expect(rows.map((r) => r.details)).toEqual([{ changed: ['expertCycleYears'] }, { changed: ['rotationYearsPerUnit'] }]);
    expect(rows.map((r) => r.actor_roles)).toEqual(['hr_admin', 'system_admin']);
  });

  it('changes nothing and writes no audit row when nothing changed', async () => {
    const view = await readSettings();
    const before = await auditCount('org.settings-updated');
    const same = await h.callJson<OrgSettingsView>(hrAdmin, 'PUT', '/api/settings/org', 200, bodyOf(view));
    expect(same.updatedAt).toBe(view.updatedAt);
    expect(await auditCount('org.settings-updated')).toBe(before);
  });

  it('refuses a stale update with 409 common.conflict (lost updates)', async () => {
    const seenByA = await readSettings();
    const seenByB = await readSettings(sysAdmin);
    await h.callJson(hrAdmin, 'PUT', '/api/settings/org', 200, bodyOf(seenByA, { expertCycleYears: 7 }));
    const conflict = await h.callJson<ErrorBody>(sysAdmin, 'PUT', '/api/settings/org', 409, bodyOf(seenByB, { rotationYearsPerUnit: 5 }));
    expect(conflict.error.code).toBe('common.conflict');
    expect(conflict.error.message).toContain('他の人が先に');
    // Someone who saw the defaults cannot overwrite stored settings either.
    await h.callJson(sysAdmin, 'PUT', '/api/settings/org', 409, { ...bodyOf(seenByB), updatedAt: null });
    const now = await readSettings();
    expect(now.settings).toMatchObject({ expertCycleYears: 7, rotationYearsPerUnit: 4 });
  });

  it('refuses core years not after rotation years, with the Japanese message on the field', async () => {
    const view = await readSettings();
    const body = await h.callJson<ErrorBody>(hrAdmin, 'PUT', '/api/settings/org', 400, bodyOf(view, { careerPhaseRules: { ...view.settings.careerPhaseRules, coreYears: 10, rotationYears: 10 } }));
    expect(body.error.code).toBe('common.validation');
    expect(body.error.details).toContainEqual({
      path: 'careerPhaseRules.coreYears',
      code: 'custom',
      message: '中核職員期間の終了年数はジョブローテーション期間の年数より大きくしてください',
    });
  });

  it('refuses a unit head level that no position has', async () => {
    // 主幹 becomes a 課長補佐・係長級 post for the test, so no position is of the 主幹 level.
    await h.database.db.execute(sql`update positions set level = 'supervisor' where code = 'shukan'`);
    try {
      const view = await readSettings();
      expect(view.settings.positions.some((p) => p.level === 'chief')).toBe(false);
      const body = await h.callJson<ErrorBody>(hrAdmin, 'PUT', '/api/settings/org', 400, bodyOf(view, { unitHeadLevels: ['director', 'manager', 'chief'] }));
      expect(body.error.details).toContainEqual({ path: 'unitHeadLevels.2', code: 'custom', message: '主幹の職位が登録されていません' });
      const rule = await h.callJson<ErrorBody>(hrAdmin, 'PUT', '/api/settings/org', 400, bodyOf(view, {
        relationRules: { ...view.settings.relationRules, staff: { evaluator: [{ level: 'chief', scope: 'division' }], confirmer: [] } },
      }));
      expect(rule.error.details).toContainEqual({ path: 'relationRules.staff.evaluator.0.level', code: 'custom', message: '主幹の職位が登録されていません' });
    } finally {
      await h.database.db.execute(sql`update positions set level = 'chief' where code = 'shukan'`);
    }
  });

  it('answers malformed input in Japanese: ranges, types, unknown and missing fields', async () => {
    const view = await readSettings();
    const body = await h.callJson<ErrorBody>(hrAdmin, 'PUT', '/api/settings/org', 400, {
      ...bodyOf(view, { rotationYearsPerUnit: 0, expertCycleYears: 2.5, unitHeadLevels: ['mayor'] as never }),
      positions: [],
    });
    expect(body.error.code).toBe('common.validation');
    const byPath = new Map((body.error.details ?? []).map((d) => [d.path, d.message]));
    expect(byPath.get('rotationYearsPerUnit')).toBe('1以上の数を入力してください');
    expect(byPath.get('expertCycleYears')).toBe('整数で入力してください');
    expect(byPath.get('unitHeadLevels.0')).toMatch(/^次のいずれかを指定してください/);
    expect(byPath.get('')).toBe('指定できない項目があります: positions');
    for (const message of messagesOf(body)) expect(message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);

    const { careerPhaseRules: _c, ...withoutRules } = bodyOf(view);
    const missing = await h.callJson<ErrorBody>(hrAdmin, 'PUT', '/api/settings/org', 400, withoutRules);
    expect(missing.error.details).toContainEqual({ path: 'careerPhaseRules', code: 'invalid_type', message: '入力してください' });
    await h.callJson(hrAdmin, 'PUT', '/api/settings/org', 400, { ...bodyOf(view), updatedAt: 'yesterday' });
  });
});

describe('the settings are live', () => {
  it('changes the career phase of a profile and the directory filter at once, and a reset restores both', async () => {
    const staffId = await staffIdByNumber(h.database.db, 'A0005');
    const phaseOf = async () => (await h.callJson<{ staff: { careerPhase: string } }>(hrAdmin, 'GET', `/api/staff/${staffId}`, 200)).staff.careerPhase;
    const inDirectory = async (phase: string) =>
      (await h.callJson<{ items: { id: number }[] }>(hrAdmin, 'GET', `/api/staff?careerPhase=${phase}&pageSize=200`, 200)).items.some((i) => i.id === staffId);
    // A0005 is in the 4th year since hire: ① under the default 10 years.
    expect(await phaseOf()).toBe('rotation');
    expect(await inDirectory('rotation')).toBe(true);
    expect(await inDirectory('core')).toBe(false);

    const view = await readSettings();
    await h.callJson(hrAdmin, 'PUT', '/api/settings/org', 200, bodyOf(view, { careerPhaseRules: { ...view.settings.careerPhaseRules, rotationYears: 1, rotationUnits: 1 } }));
    expect(await phaseOf()).toBe('core');
    expect(await inDirectory('core')).toBe(true);
    expect(await inDirectory('rotation')).toBe(false);

    const beforeReset = await readSettings();
    await h.callJson(hrOfficer, 'POST', '/api/settings/org/reset', 403, { updatedAt: beforeReset.updatedAt });
    const reset = await h.callJson<OrgSettingsView>(hrAdmin, 'POST', '/api/settings/org/reset', 200, { updatedAt: beforeReset.updatedAt });
    expect(reset.isDefault).toBe(true);
    expect(reset.updatedAt).toBeNull();
    const { positions: _p, ...rest } = reset.settings;
    const { positions: _d, ...defaultRest } = defaultOrgSettings;
    expect(rest).toEqual(defaultRest);
    expect(await phaseOf()).toBe('rotation');
    expect(await inDirectory('rotation')).toBe(true);

    const audit = await h.queryRows(sql`select details from audit_log where action = 'org.settings-reset'`);
    expect(audit.map((r) => r.details)).toEqual([{ changed: ['careerPhaseRules', 'rotationYearsPerUnit', 'expertCycleYears'] }]);
  });

  it('re-derives evaluator relations at once when the rules change, and again on reset', async () => {
    const subject = await staffIdByNumber(h.database.db, 'A0005');
    const evaluatorOf = async () =>
      (await h.callJson<{ relations: { kind: string; holderStaffId: number; isEffective: boolean }[] }>(hrAdmin, 'GET', `/api/relations?staffId=${subject}`, 200)).relations
        .filter((r) => r.kind === 'evaluator' && r.isEffective)
        .map((r) => r.holderStaffId);
    const sectionHead = await staffIdByNumber(h.database.db, 'A0004');
    const divisionHead = await staffIdByNumber(h.database.db, 'A0003');
    expect(await evaluatorOf()).toEqual([sectionHead]);
    const view = await readSettings();
    // 係員 are now evaluated by the 課長 (manager level of their division) instead of their 係長.
    const rules = { ...view.settings.relationRules, staff: { ...view.settings.relationRules.staff, evaluator: [{ level: 'manager' as const, scope: 'division' as const }] } };
    await h.callJson(hrAdmin, 'PUT', '/api/settings/org', 200, bodyOf(view, { relationRules: rules }));
    expect(await evaluatorOf()).toEqual([divisionHead]);
    const after = await readSettings();
    await h.callJson(hrAdmin, 'POST', '/api/settings/org/reset', 200, { updatedAt: after.updatedAt });
    expect(await evaluatorOf()).toEqual([sectionHead]);
  });

  it('refuses a stale reset, and a reset of the defaults changes nothing', async () => {
    const view = await readSettings();
    const changed = await h.callJson<OrgSettingsView>(hrAdmin, 'PUT', '/api/settings/org', 200, bodyOf(view, { expertCycleYears: 8 }));
    await h.callJson(hrAdmin, 'POST', '/api/settings/org/reset', 409, { updatedAt: null });
    await h.callJson(hrAdmin, 'POST', '/api/settings/org/reset', 409, { updatedAt: '2020-01-01T00:00:00.000000Z' });
    await h.callJson(sysAdmin, 'POST', '/api/settings/org/reset', 200, { updatedAt: changed.updatedAt });
    const before = await auditCount('org.settings-reset');
    const again = await h.callJson<OrgSettingsView>(sysAdmin, 'POST', '/api/settings/org/reset', 200);
    expect(again.isDefault).toBe(true);
    expect(await auditCount('org.settings-reset')).toBe(before);
  });
});

describe('positions', () => {
  it('lists the positions with whether an assignment uses them', async () => {
    const positions = await listPositions();
    expect(positions.map((p) => p.name)).toEqual(defaultPositions.map((p) => p.name));
    expect(positions.map((p) => p.rank)).toEqual(defaultPositions.map((_, i) => i + 1));
    expect(positions.find((p) => p.code === 'kakaricho')).toMatchObject({ level: 'supervisor', levelLabel: '課長補佐・係長級', isInUse: true });
    await h.callJson(hrOfficer, 'GET', '/api/settings/positions', 200);
  });

  it('adds a position at a place in the order; the ones below move down', async () => {
    await h.callJson(hrOfficer, 'POST', '/api/settings/positions', 403, { code: 'shunin_ho', name: '主任補', level: 'staff', rank: 8, isManagerial: false });
    const created = await h.callJson<PositionChangeResult>(hrAdmin, 'POST', '/api/settings/positions', 201, {
      code: 'shunin_ho',
      name: '主任補',
      level: 'staff',
      rank: 8,
      isManagerial: false,
    });
    expect(created.position).toMatchObject({ code: 'shunin_ho', rank: 8, isInUse: false });
    expect(created.positions.map((p) => p.code).slice(6)).toEqual(['shunin', 'shunin_ho', 'shuji', 'gishi', 'hokenshi']);
    expect(created.positions.map((p) => p.rank)).toEqual(created.positions.map((_, i) => i + 1));
    // The settings see the table at once.
    expect((await readSettings()).settings.positions.map((p) => p.code)).toContain('shunin_ho');
    const audit = await h.queryRows(sql`select object_id, details from audit_log where action = 'org.position-created'`);
    expect(audit).toEqual([{ object_id: String(created.position.id), details: { code: 'shunin_ho', level: 'staff', rank: 8, movedPositions: 3 } }]);
  });

  it('refuses a duplicate code, a rank against the level order, and English-free bad input', async () => {
    const duplicate = await h.callJson<ErrorBody>(hrAdmin, 'POST', '/api/settings/positions', 400, { code: 'shuji', name: '主事2', level: 'staff', rank: 11, isManagerial: false });
    expect(duplicate.error.details).toContainEqual({ path: 'code', code: 'custom', message: '職位コード「shuji」が重複しています' });
    const aboveManager = await h.callJson<ErrorBody>(hrAdmin, 'POST', '/api/settings/positions', 400, { code: 'rinji', name: '臨時職', level: 'staff', rank: 2, isManagerial: false });
    expect(aboveManager.error.details?.[0]).toMatchObject({ path: 'rank' });
    expect(aboveManager.error.details?.[0]?.message).toMatch(/の順位が「臨時職」\(係員\)より下になっています$/);
    const bad = await h.callJson<ErrorBody>(hrAdmin, 'POST', '/api/settings/positions', 400, { code: 'X', name: '', level: 'boss', rank: 0, isManagerial: 'yes' });
    const byPath = new Map((bad.error.details ?? []).map((d) => [d.path, d.message]));
    expect(byPath.get('code')).toBe('職位コードは英小文字・数字・_ で入力してください');
    expect(byPath.get('name')).toBe('職位名を入力してください');
    expect(byPath.get('rank')).toBe('1以上の数を入力してください');
    expect(byPath.get('isManagerial')).toBe('はい・いいえで指定してください');
    expect(byPath.get('level')).toMatch(/^次のいずれかを指定してください/);
  });

  it('renames and moves a position; code and level are fixed once an assignment uses it', async () => {
    const positions = await listPositions();
    const shuji = positions.find((p) => p.code === 'shuji')!;
    const added = positions.find((p) => p.code === 'shunin_ho')!;
    const moved = await h.callJson<PositionChangeResult>(hrAdmin, 'PATCH', `/api/settings/positions/${added.id}`, 200, {
      name: '主任補佐',
      rank: 11,
    });
    expect(moved.position).toMatchObject({ name: '主任補佐', rank: 11 });
    expect(moved.positions.map((p) => p.code).slice(6)).toEqual(['shunin', 'shuji', 'gishi', 'hokenshi', 'shunin_ho']);
    // An unused position may still change code and level.
    const recoded = await h.callJson<{ position: PositionSettingItem }>(hrAdmin, 'PATCH', `/api/settings/positions/${added.id}`, 200, { code: 'shunin_hosa' });
    expect(recoded.position.code).toBe('shunin_hosa');

    const locked = await h.callJson<ErrorBody>(hrAdmin, 'PATCH', `/api/settings/positions/${shuji.id}`, 400, { code: 'shuji2', level: 'supervisor' });
    expect(locked.error.details).toEqual([
      { path: 'code', code: 'custom', message: '配属で使われている職位のコードは変更できません' },
      { path: 'level', code: 'custom', message: '配属で使われている職位の区分は変更できません' },
    ]);
    const outOfOrder = await h.callJson<ErrorBody>(hrAdmin, 'PATCH', `/api/settings/positions/${shuji.id}`, 400, { rank: 1 });
    expect(outOfOrder.error.details?.[0]?.path).toBe('rank');
    await h.callJson(hrAdmin, 'PATCH', '/api/settings/positions/999999', 404, { name: '無い職位' });
    await h.callJson(hrOfficer, 'PATCH', `/api/settings/positions/${shuji.id}`, 403, { name: '主事' });

    const renamed = await h.callJson<{ position: PositionSettingItem }>(sysAdmin, 'PATCH', `/api/settings/positions/${shuji.id}`, 200, { name: '主事(一般)', isManagerial: false });
    expect(renamed.position).toMatchObject({ name: '主事(一般)', code: 'shuji', rank: moved.positions.find((p) => p.code === 'shuji')!.rank });
    const staffId = await staffIdByNumber(h.database.db, 'A0005');
    const profile = await h.callJson<{ current: { positionName: string } }>(hrAdmin, 'GET', `/api/staff/${staffId}`, 200);
    expect(profile.current.positionName).toBe('主事(一般)');

    const audit = await h.queryRows(sql`select details from audit_log where action = 'org.position-updated' order by seq`);
    expect(audit.map((r) => r.details)).toEqual([
      { code: 'shunin_ho', changed: ['name', 'rank'], movedPositions: 3 },
      { code: 'shunin_ho', changed: ['code'], movedPositions: 0 },
      { code: 'shuji', changed: ['name'], movedPositions: 0 },
    ]);
  });
});

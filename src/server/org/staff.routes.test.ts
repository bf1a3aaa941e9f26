import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { testToday } from '../db/test-db.js';
import { addDays, fiscalYearOf } from '../../domain/common/fiscal-year.js';
import type { StaffListItem, StaffProfile } from '../../domain/org/org-api.js';
import type { Paged } from '../../domain/common/paged.js';
import { demoMunicipalityId, insertAssignment, insertStaff, positionIdByCode, staffIdByNumber, unitIdByCode } from './org-fixtures.repository.js';

let h: Harness;
let hr: Session;
const fy = fiscalYearOf(testToday);

const directory = (session: Session, query = '') => h.callJson<Paged<StaffListItem>>(session, 'GET', `/api/staff${query}`, 200);
const idOf = (employeeNumber: string) => staffIdByNumber(h.database.db, employeeNumber);

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrAdmin');
});
afterAll(async () => {
  await h.close();
});

describe('GET /api/staff (directory)', () => {
  it('lists everyone in employment, sorted by kana, with paging totals', async () => {
    const inEmployment = await h.queryRows(sql`select count(*)::int as n from staff
      where hire_date <= ${testToday} and (separated_on is null or separated_on >= ${testToday})`);
    const all = await directory(hr, '?pageSize=200');
    expect(all.total).toBe(Number(inEmployment[0]!.n));
    expect(all.items).toHaveLength(all.total);
    const first = await directory(hr, '?pageSize=10&page=1');
    const second = await directory(hr, '?pageSize=10&page=2');
    expect(first).toMatchObject({ total: all.total, page: 1, pageSize: 10 });
    expect(second.total).toBe(all.total);
    expect(first.items.map((i) => i.id)).toEqual(all.items.slice(0, 10).map((i) => i.id));
    expect(second.items.map((i) => i.id)).toEqual(all.items.slice(10, 20).map((i) => i.id));
    const kana = all.items.map((i) => i.kana.replace(' ', '\u0000'));
    expect(kana).toEqual([...kana].sort());
    const past = await directory(hr, `?page=${Math.ceil(all.total / 10) + 1}&pageSize=10`);
    expect(past).toMatchObject({ total: all.total, items: [] });
    const someone = all.items.find((i) => i.employeeNumber === 'A0005')!;
    expect(someone).toMatchObject({ unitName: '窓口係', positionName: '主事', employmentType: 'regular', employmentTypeLabel: '正規' });
    expect(someone.unitPath).toBe('市民部 › 市民課 › 窓口係');
    expect((await h.call(hr, 'GET', '/api/staff?pageSize=201')).status).toBe(400);
  });

  it('finds people by kanji name (variant characters included), by kana in hiragana or katakana, and by employee number', async () => {
    expect((await directory(hr, `?q=${encodeURIComponent('髙橋')}`)).items.map((i) => i.employeeNumber)).toContain('A0003');
    const yamazaki = await directory(hr, `?q=${encodeURIComponent('山﨑 美和')}`);
    expect(yamazaki.items.map((i) => i.employeeNumber)).toContain('A0001');
    expect(yamazaki.items.every((i) => i.name === '山﨑 美和')).toBe(true);
    expect((await directory(hr, `?q=${encodeURIComponent('𠮷田')}`)).items.map((i) => i.employeeNumber)).toContain('A0002');
    const hiragana = await directory(hr, `?q=${encodeURIComponent('おがわ しょうた')}`);
    expect(hiragana.items.map((i) => i.employeeNumber)).toContain('A0005');
    const katakana = await directory(hr, `?q=${encodeURIComponent('オガワ')}`);
    expect(katakana.items.map((i) => i.employeeNumber)).toContain('A0005');
    const halfWidth = await directory(hr, `?q=${encodeURIComponent('ｵｶﾞﾜ')}`);
    expect(halfWidth.items.map((i) => i.employeeNumber)).toContain('A0005');
    expect((await directory(hr, '?q=a0005')).items.map((i) => i.employeeNumber)).toEqual(['A0005']);
    expect((await directory(hr, `?q=${encodeURIComponent('Ａ０００５')}`)).items.map((i) => i.employeeNumber)).toEqual(['A0005']);
    expect(hiragana.total).toBe(hiragana.items.length);
  });

  it('matches % and _ literally', async () => {
    expect((await directory(hr, `?q=${encodeURIComponent('%')}`)).total).toBe(0);
    expect((await directory(hr, `?q=${encodeURIComponent('_')}`)).total).toBe(0);
    expect((await directory(hr, `?q=${encodeURIComponent('A_005')}`)).total).toBe(0);
  });

  it('filters by unit (with or without the units below), position and employment type', async () => {
    const division = await unitIdByCode(h.database.db, 'D03-K01');
    const below = await directory(hr, `?unitId=${division}&pageSize=200`);
    expect(below.items.map((i) => i.employeeNumber)).toEqual(expect.arrayContaining(['A0003', 'A0004', 'A0005']));
    expect(below.items.every((i) => i.unitPath?.startsWith('市民部 › 市民課'))).toBe(true);
    const only = await directory(hr, `?unitId=${division}&includeSubunits=false&pageSize=200`);
    expect(only.items.map((i) => i.employeeNumber)).toContain('A0003');
    expect(only.items.map((i) => i.employeeNumber)).not.toContain('A0005');
    expect(only.total).toBeLessThan(below.total);

    const kakaricho = await positionIdByCode(h.database.db, 'kakaricho');
    const chiefs = await directory(hr, `?positionId=${kakaricho}&pageSize=200`);
    expect(chiefs.total).toBeGreaterThan(3);
    expect(chiefs.items.every((i) => i.positionName === '係長')).toBe(true);
    const chiefsHere = await directory(hr, `?positionId=${kakaricho}&unitId=${division}`);
    expect(chiefsHere.items.map((i) => i.employeeNumber)).toEqual(['A0004']);

    const fiscal = await directory(hr, '?employmentType=fiscal_part&pageSize=200');
    expect(fiscal.total).toBeGreaterThan(0);
    expect(fiscal.items.every((i) => i.employmentType === 'fiscal_part')).toBe(true);
    expect((await h.call(hr, 'GET', '/api/staff?employmentType=boss')).status).toBe(400);
  });

  it('filters by career phase in SQL exactly as the domain rule computes it', async () => {
    const all = await directory(hr, '?pageSize=200');
    let phased = 0;
    for (const phase of ['rotation', 'core', 'expert'] as const) {
      const page = await directory(hr, `?careerPhase=${phase}&pageSize=200`);
      expect(page.total, phase).toBeGreaterThan(0);
      expect(page.items.every((i) => i.careerPhase === phase), phase).toBe(true);
      expect(page.total).toBe(all.items.filter((i) => i.careerPhase === phase).length);
      phased += page.total;
    }
    expect(phased).toBe(all.items.filter((i) => i.careerPhase !== null).length);
    expect(all.items.find((i) => i.employeeNumber === 'A0005')?.careerPhase).toBe('rotation');
    expect(all.items.filter((i) => i.employmentType === 'fiscal_part').every((i) => i.careerPhase === null)).toBe(true);
  });

  it('applies HR overrides (with a reason) and counts units through mergers in the phase filter too', async () => {
    const db = h.database.db;
    const m = await demoMunicipalityId(db);
    const shuji = await positionIdByCode(db, 'shuji');
    // 11 years in, three units of which two are one (証明係 merged into 窓口係): still ① by units.
    const person = await insertStaff(db, m, { hireDate: `${fy - 11}-04-01`, familyName: '段階', givenName: '確認' });
    await insertAssignment(db, m, { staffId: person, unitId: await unitIdByCode(db, 'D01-K05-S01'), positionId: shuji, startsOn: `${fy - 11}-04-01`, endsOn: `${fy - 5}-03-31` });
    await insertAssignment(db, m, { staffId: person, unitId: await unitIdByCode(db, 'D03-K01-S02'), positionId: shuji, startsOn: `${fy - 5}-04-01`, endsOn: `${fy - 2}-03-31` });
    await insertAssignment(db, m, { staffId: person, unitId: await unitIdByCode(db, 'D03-K01-S01'), positionId: shuji, startsOn: `${fy - 2}-04-01` });
    const find = async (phase: string) => (await directory(hr, `?careerPhase=${phase}&q=${encodeURIComponent('段階確認')}`)).items.map((i) => i.id);
    expect(await find('rotation')).toEqual([person]);
    expect(await find('core')).toEqual([]);
    // An override without a reason is not applied; with a reason it is.
    await h.database.db.execute(sql`update staff set career_phase_override = 'expert', career_phase_override_reason = ${'\u3000 '} where id = ${person}`);
    expect(await find('rotation')).toEqual([person]);
    await h.database.db.execute(sql`update staff set career_phase_override_reason = '保健師として専門職の経歴' where id = ${person}`);
    expect(await find('expert')).toEqual([person]);
    expect(await find('rotation')).toEqual([]);
    const profile = await h.callJson<StaffProfile>(hr, 'GET', `/api/staff/${person}`, 200);
    expect(profile.staff.careerPhase).toBe('expert');
    expect(profile.staff.careerPhaseReason).toContain('保健師として専門職の経歴');
  });

  it('shows a past date with the unit names of the time', async () => {
    const renamed = await unitIdByCode(h.database.db, 'D03-K03');
    const before = await directory(hr, `?asOf=${fy - 3}-03-31&unitId=${renamed}&pageSize=200`);
    const after = await directory(hr, `?asOf=${fy - 3}-04-01&unitId=${renamed}&pageSize=200`);
    expect(before.items.every((i) => i.unitPath?.includes('生活環境課'))).toBe(true);
    expect(after.items.every((i) => i.unitPath?.includes('環境政策課'))).toBe(true);
  });

  it('limits a unit head to the members of the units they head', async () => {
    const head = await h.loginAs('unitHead');
    const all = await directory(head, '?pageSize=200');
    expect(all.total).toBe(all.items.length);
    expect(all.items.map((i) => i.employeeNumber)).toEqual(expect.arrayContaining(['A0003', 'A0004', 'A0005']));
    expect(all.items.every((i) => i.unitPath?.startsWith('市民部 › 市民課'))).toBe(true);
    expect(all.total).toBeLessThan((await directory(hr)).total);
    expect((await directory(head, '?q=A0001')).total).toBe(0);
    const elsewhere = await unitIdByCode(h.database.db, 'D01-K02-S01');
    expect((await directory(head, `?unitId=${elsewhere}`)).total).toBe(0);
  });

  it('is refused to people who neither work in HR nor head a unit', async () => {
    await h.callJson(await h.loginAs('evaluator'), 'GET', '/api/staff', 403);
    await h.callJson(await h.loginAs('staff'), 'GET', '/api/staff', 403);
    await h.callJson(null, 'GET', '/api/staff', 401);
  });
});

describe('GET /api/staff/:id (profile)', () => {
  it('gives the career newest first with the unit names of the time', async () => {
    const db = h.database.db;
    const m = await demoMunicipalityId(db);
    const person = await insertStaff(db, m, { hireDate: `${fy - 5}-04-01`, familyName: '経歴', givenName: '確認' });
    await insertAssignment(db, m, {
      staffId: person,
      unitId: await unitIdByCode(db, 'D03-K03'),
      positionId: await positionIdByCode(db, 'shuji'),
      startsOn: `${fy - 5}-04-01`,
      endsOn: `${fy - 2}-03-31`,
    });
    await insertAssignment(db, m, {
      staffId: person,
      unitId: await unitIdByCode(db, 'D03-K01-S01'),
      positionId: await positionIdByCode(db, 'shunin'),
      startsOn: `${fy - 2}-04-01`,
    });
    const profile = await h.callJson<StaffProfile>(hr, 'GET', `/api/staff/${person}`, 200);
    expect(profile.career.map((e) => e.unitName)).toEqual(['窓口係', '生活環境課']);
    expect(profile.career[1]).toMatchObject({ unitNames: ['生活環境課', '環境政策課'], unitPath: '市民部 › 生活環境課', kind: 'regular' });
    expect(profile.current).toMatchObject({ unitName: '窓口係', unitPath: '市民部 › 市民課 › 窓口係', positionName: '主任', isFrontline: true });
    expect(profile.yearsInCurrentUnit).toBe(2);
    expect(profile.hasFrontlineExperience).toBe(true);
    expect(profile.staff.careerPhase).toBe('rotation');
  });

  it('shows protected fields to HR and to the person, audits the read, and hides them (null) from evaluator and unit head', async () => {
    const subject = await idOf('A0005');
    const before = await h.queryRows(sql`select count(*)::int as n from audit_log where action = 'org.staff.read-protected' and object_id = ${String(subject)}`);
    const byHr = await h.callJson<StaffProfile>(hr, 'GET', `/api/staff/${subject}`, 200);
    expect(byHr.protected?.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const after = await h.queryRows(sql`select count(*)::int as n, max(outcome) as outcome from audit_log
      where action = 'org.staff.read-protected' and object_id = ${String(subject)}`);
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n) + 1);
    expect(after[0]!.outcome).toBe('allowed');

    const self = await h.callJson<StaffProfile>(await h.loginAs('staff'), 'GET', `/api/staff/${subject}`, 200);
    expect(self.protected).not.toBeNull();
    const byEvaluator = await h.callJson<StaffProfile>(await h.loginAs('evaluator'), 'GET', `/api/staff/${subject}`, 200);
    expect(byEvaluator.protected).toBeNull();
    expect(byEvaluator.career.length).toBeGreaterThan(0);
    const byHead = await h.callJson<StaffProfile>(await h.loginAs('unitHead'), 'GET', `/api/staff/${subject}`, 200);
    expect(byHead.protected).toBeNull();
    expect(JSON.stringify(byHead)).not.toContain(byHr.protected!.birthDate);
    const afterOthers = await h.queryRows(sql`select count(*)::int as n from audit_log where action = 'org.staff.read-protected' and object_id = ${String(subject)}`);
    expect(Number(afterOthers[0]!.n)).toBe(Number(before[0]!.n) + 2);
  });

  it('names the evaluator and confirmer; an evaluator sees their evaluatee but not a stranger', async () => {
    const subject = await idOf('A0005');
    const profile = await h.callJson<StaffProfile>(hr, 'GET', `/api/staff/${subject}`, 200);
    expect(profile.relations.evaluator?.staffId).toBe(await idOf('A0004'));
    expect(profile.relations.confirmer?.staffId).toBe(await idOf('A0003'));
    const evaluator = await h.loginAs('evaluator');
    await h.callJson(evaluator, 'GET', `/api/staff/${subject}`, 200);
    const denied = await h.callJson<{ error: { code: string } }>(evaluator, 'GET', `/api/staff/${await idOf('A0009')}`, 403);
    expect(denied.error.code).toBe('access.denied');
    await h.callJson(await h.loginAs('staff'), 'GET', `/api/staff/${await idOf('A0004')}`, 403);
    await h.callJson(hr, 'GET', '/api/staff/99999999', 404);
  });

  it('refuses the read when the audit row for protected fields cannot be written', async () => {
    const subject = await idOf('A0005');
    // Signing in is audited too, so the evaluator signs in before the audit store "goes down".
    const evaluator = await h.loginAs('evaluator');
    await h.database.db.execute(sql.raw(`create function jz_test_refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit store down'; end $$`));
    await h.database.db.execute(sql.raw(`create trigger jz_test_refuse_audit before insert on audit_log for each row execute function jz_test_refuse_audit()`));
    try {
      const res = await h.call(hr, 'GET', `/api/staff/${subject}`);
      expect(res.status).toBe(503);
      const body = await res.text();
      expect(JSON.parse(body).error.code).toBe('access.audit-unavailable');
      expect(body).not.toContain('birthDate');
      // A read without protected fields needs no audit row and still works.
      await h.callJson(evaluator, 'GET', `/api/staff/${subject}`, 200);
    } finally {
      await h.database.db.execute(sql.raw('drop trigger jz_test_refuse_audit on audit_log'));
      await h.database.db.execute(sql.raw('drop function jz_test_refuse_audit()'));
    }
  });
});

describe('PATCH /api/staff/:id', () => {
  it('accepts one of two saves made from the same version and answers 409 to the other', async () => {
    const subject = await idOf('A0006');
    const { staff } = await h.callJson<StaffProfile>(hr, 'GET', `/api/staff/${subject}`, 200);
    const officer = await h.loginAs('hrOfficer');
    const [a, b] = await Promise.all([
      h.call(hr, 'PATCH', `/api/staff/${subject}`, { version: staff.version, jobCategory: '事務A' }),
      h.call(officer, 'PATCH', `/api/staff/${subject}`, { version: staff.version, jobCategory: '事務B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(((await loser.json()) as { error: { code: string } }).error.code).toBe('common.conflict');
    const now = await h.callJson<StaffProfile>(hr, 'GET', `/api/staff/${subject}`, 200);
    expect(now.staff.version).toBe(staff.version + 1);
    expect(['事務A', '事務B']).toContain(now.staff.jobCategory);
    const stale = await h.callJson<{ error: { code: string } }>(hr, 'PATCH', `/api/staff/${subject}`, 409, { version: staff.version, jobCategory: '事務C' });
    expect(stale.error.code).toBe('common.conflict');
  });

  it('updates names (kana normalised), keeps the search key current and audits the change', async () => {
    const subject = await idOf('A0008');
    const { staff } = await h.callJson<StaffProfile>(hr, 'GET', `/api/staff/${subject}`, 200);
    const updated = await h.callJson<StaffProfile>(hr, 'PATCH', `/api/staff/${subject}`, 200, {
      version: staff.version,
      familyName: '野口改',
      familyNameKana: 'のぐちかい',
    });
    expect(updated.staff).toMatchObject({ familyName: '野口改', familyNameKana: 'ノグチカイ', version: staff.version + 1 });
    expect((await directory(hr, `?q=${encodeURIComponent('野口改')}`)).items.map((i) => i.id)).toEqual([subject]);
    expect((await directory(hr, `?q=${encodeURIComponent('のぐちかい')}`)).items.map((i) => i.id)).toEqual([subject]);
    const audit = await h.queryRows(sql`select details from audit_log where action = 'org.staff.updated' and object_id = ${String(subject)}`);
    expect(JSON.stringify(audit[0]?.details)).toContain('familyName');
    expect(JSON.stringify(audit[0]?.details)).not.toContain('野口改');
  });

  it('validates strictly and is for HR only', async () => {
    const subject = await idOf('A0006');
    const { staff } = await h.callJson<StaffProfile>(hr, 'GET', `/api/staff/${subject}`, 200);
    await h.callJson(hr, 'PATCH', `/api/staff/${subject}`, 400, { version: staff.version, birthDate: '1990-01-01' });
    await h.callJson(hr, 'PATCH', `/api/staff/${subject}`, 400, { version: staff.version, familyNameKana: 'abc' });
    await h.callJson(hr, 'PATCH', `/api/staff/${subject}`, 400, { version: staff.version, familyName: '   ' });
    await h.callJson(hr, 'PATCH', `/api/staff/${subject}`, 400, { version: staff.version, givenName: 'a\u202Eb' });
    await h.callJson(hr, 'PATCH', `/api/staff/${subject}`, 400, { jobCategory: '事務' });
    await h.callJson(hr, 'PATCH', `/api/staff/${subject}`, 400, { version: staff.version, separatedOn: '1900-03-31' });
    await h.callJson(await h.loginAs('unitHead'), 'PATCH', `/api/staff/${await idOf('A0005')}`, 403, { version: 1, jobCategory: '事務' });
    await h.callJson(await h.loginAs('staff'), 'PATCH', `/api/staff/${await idOf('A0005')}`, 403, { version: 1, jobCategory: '事務' });
    await h.callJson(hr, 'PATCH', '/api/staff/99999999', 404, { version: 1, jobCategory: '事務' });
  });

  it('takes a separated person out of the directory after their last day', async () => {
    const db = h.database.db;
    const m = await demoMunicipalityId(db);
    const person = await insertStaff(db, m, { familyName: '退職', givenName: '確認' });
    const { staff } = await h.callJson<StaffProfile>(hr, 'GET', `/api/staff/${person}`, 200);
    await h.callJson(hr, 'PATCH', `/api/staff/${person}`, 200, { version: staff.version, separatedOn: addDays(testToday, -1) });
    expect((await directory(hr, `?q=${encodeURIComponent('退職確認')}`)).total).toBe(0);
    expect((await directory(hr, `?q=${encodeURIComponent('退職確認')}&asOf=${addDays(testToday, -1)}`)).total).toBe(1);
  });
});

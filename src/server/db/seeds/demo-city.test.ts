import iconv from 'iconv-lite';
import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fiscalYearOf } from '../../../domain/common/fiscal-year.js';
import { hasFrontlineExperience } from '../../../domain/org/career.js';
import { isInForce, type Assignment } from '../../../domain/org/org-model.js';
import { defaultRelationRules } from '../../../domain/org/org-settings.js';
import { deriveRelations } from '../../../domain/org/relation-rules.js';
import { createPglite, openPglite, queryRows } from '../client.js';
import { demoAccounts, demoPassword, demoPeople, demoStaffPassword } from './demo-accounts.js';
import { buildDemoCity, demoMunicipality, type DemoCity } from './demo-city.js';
import { familyNames, givenNames } from './demo-names.js';
import { insertDemoCity } from './insert-demo-city.js';

const today = '2025-06-01';
const city600 = buildDemoCity({ staffCount: 600, seed: 42, today });

function overlaps(a: { startsOn: string; endsOn: string | null }, b: { startsOn: string; endsOn: string | null }): boolean {
  return (a.endsOn === null || a.endsOn >= b.startsOn) && (b.endsOn === null || b.endsOn >= a.startsOn);
}

function byStaff(city: DemoCity): Map<number, Assignment[]> {
  const out = new Map<number, Assignment[]>();
  for (const a of city.assignments) out.set(a.staffId, [...(out.get(a.staffId) ?? []), a]);
  return out;
}

/** Regular posts on `date` as the relation rules read them. */
function postsOn(city: DemoCity, date: string) {
  const position = new Map(city.positions.map((p) => [p.id, p]));
  return city.assignments
    .filter((a) => a.kind === 'regular' && isInForce(a, date))
    .map((a) => {
      const p = position.get(a.positionId);
      if (!p) throw new Error(`position ${a.positionId}`);
      return { ...a, positionCode: p.code, positionLevel: p.level, positionRank: p.rank };
    });
}

function unitsOn(city: DemoCity, date: string) {
  return city.unitVersions.filter((v) => isInForce(v, date));
}

function checkStructure(city: DemoCity): void {
  const postsByUnit = new Map<number, ReturnType<typeof postsOn>>();
  for (const p of postsOn(city, city.today)) postsByUnit.set(p.unitId, [...(postsByUnit.get(p.unitId) ?? []), p]);
  for (const u of unitsOn(city, city.today)) {
    const here = postsByUnit.get(u.unitId) ?? [];
    if (u.kind === 'section') {
      expect(here.filter((p) => p.positionCode === 'kakaricho' || p.positionCode === 'kacho_hosa'), `${u.code} ${u.name}`).toHaveLength(1);
    }
    if (u.kind === 'division') expect(here.filter((p) => p.positionCode === 'kacho'), `${u.code} ${u.name}`).toHaveLength(1);
    if (u.kind === 'department') expect(here.filter((p) => p.positionCode === 'bucho'), `${u.code} ${u.name}`).toHaveLength(1);
  }
  // Everyone on the payroll holds exactly one regular post or a dispatch today.
  const onDuty = new Set(city.assignments.filter((a) => a.kind !== 'concurrent' && isInForce(a, city.today)).map((a) => a.staffId));
  expect(onDuty.size).toBe(city.staff.length);
}

describe('buildDemoCity', () => {
  it('is deterministic: the same seed gives the same city, byte for byte', () => {
    const again = buildDemoCity({ staffCount: 600, seed: 42, today });
    expect(JSON.stringify(again)).toBe(JSON.stringify(city600));
    const other = buildDemoCity({ staffCount: 600, seed: 43, today });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(city600));
  });

  it('builds the fictitious municipality with the configured positions', () => {
    expect(city600.municipality).toEqual(demoMunicipality);
    expect(city600.municipality.name).toContain('デモ');
    expect(city600.positions.map((p) => p.code)).toEqual(['bucho', 'sanji', 'kacho', 'shukan', 'kacho_hosa', 'kakaricho', 'shunin', 'shuji', 'gishi', 'hokenshi']);
    expect(city600.staff).toHaveLength(600);
  });

  it('has about 8 部, 40 課 and 100 係 for 600 staff, about a quarter of the 係 frontline', () => {
    const current = unitsOn(city600, today);
    const count = (kind: string) => current.filter((v) => v.kind === kind).length;
    expect(count('department')).toBe(8);
    expect(count('division')).toBeGreaterThanOrEqual(36);
    expect(count('division')).toBeLessThanOrEqual(44);
    expect(count('section')).toBeGreaterThanOrEqual(90);
    expect(count('section')).toBeLessThanOrEqual(110);
    const frontline = current.filter((v) => v.kind === 'section' && v.isFrontline).length / count('section');
    expect(frontline).toBeGreaterThan(0.18);
    expect(frontline).toBeLessThan(0.32);
    for (const v of current) {
      expect(v.expertiseField).toBeTruthy();
      expect(v.authorisedHeadcount).toBeGreaterThanOrEqual(0);
    }
  });

  it('keeps unit versions contiguous and every reference resolvable', () => {
    const unitIds = new Set(city600.units.map((u) => u.id));
    expect(new Set(city600.units.map((u) => u.code)).size).toBe(city600.units.length);
    for (const u of city600.units) {
      const versions = city600.unitVersions.filter((v) => v.unitId === u.id).sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1));
      expect(versions.length).toBeGreaterThan(0);
      for (let i = 1; i < versions.length; i++) {
        const prev = versions[i - 1];
        const next = versions[i];
        if (!prev || !next || prev.endsOn === null) throw new Error(`${u.code}: open version before the last`);
        const dayAfter = new Date(Date.parse(`${prev.endsOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        expect(next.startsOn).toBe(dayAfter);
      }
      for (const v of versions) if (v.parentUnitId !== null) expect(unitIds.has(v.parentUnitId)).toBe(true);
    }
    const staffIds = new Set(city600.staff.map((s) => s.id));
    const positionIds = new Set(city600.positions.map((p) => p.id));
    for (const a of city600.assignments) {
      expect(staffIds.has(a.staffId)).toBe(true);
      expect(positionIds.has(a.positionId)).toBe(true);
      // The unit exists for the whole assignment: an abolished or merged unit's rows end on its last day.
      const versions = city600.unitVersions.filter((v) => v.unitId === a.unitId);
      const from = versions.reduce((min, v) => (v.startsOn < min ? v.startsOn : min), '9999-12-31');
      const open = versions.some((v) => v.endsOn === null);
      const to = versions.reduce((max, v) => (v.endsOn !== null && v.endsOn > max ? v.endsOn : max), '0000-01-01');
      expect(a.startsOn >= from, `assignment ${a.id} starts before its unit`).toBe(true);
      if (!open) expect(a.endsOn !== null && a.endsOn <= to, `assignment ${a.id} outlives its unit`).toBe(true);
    }
    for (const e of city600.unitEvents) {
      expect(unitIds.has(e.unitId)).toBe(true);
      if (e.relatedUnitId !== null) expect(unitIds.has(e.relatedUnitId)).toBe(true);
    }
    for (const account of city600.accounts) expect(staffIds.has(account.staffId)).toBe(true);
  });

  it('records reorganisations on April 1: created, renamed, moved, merged (into a survivor) and abolished', () => {
    const kinds = city600.unitEvents.map((e) => e.kind);
    for (const kind of ['created', 'renamed', 'moved', 'merged', 'abolished']) expect(kinds).toContain(kind);
    for (const e of city600.unitEvents) expect(e.occurredOn.slice(5)).toBe('04-01');
    const merged = city600.unitEvents.find((e) => e.kind === 'merged');
    if (!merged || merged.relatedUnitId === null) throw new Error('no merge');
    const absorbedLast = city600.unitVersions.filter((v) => v.unitId === merged.unitId).at(-1);
    expect(absorbedLast?.endsOn?.slice(5)).toBe('03-31');
    expect(unitsOn(city600, today).some((v) => v.unitId === merged.relatedUnitId)).toBe(true);
    // Some staff of the absorbed unit carried on in the survivor the next day.
    const continued = city600.assignments.filter((a) => a.unitId === merged.unitId && a.endsOn === absorbedLast?.endsOn);
    expect(continued.length).toBeGreaterThan(0);
    const renamed = city600.unitEvents.find((e) => e.kind === 'renamed');
    const names = city600.unitVersions.filter((v) => v.unitId === renamed?.unitId).map((v) => v.name);
    expect(new Set(names).size).toBe(2);
  });

  it.each([20, 120, 600, 2001])('gives every 係 one 係長 or 課長補佐, every 課 one 課長, every 部 one 部長 on today (%i staff)', (n) => {
    checkStructure(n === 600 ? city600 : buildDemoCity({ staffCount: n, seed: 7, today }));
  });

  it('never overlaps the regular assignments (or dispatches) of one person', () => {
    for (const [staffId, rows] of byStaff(city600)) {
      const main = rows.filter((a) => a.kind !== 'concurrent');
      for (let i = 0; i < main.length; i++)
        for (let j = i + 1; j < main.length; j++) expect(overlaps(main[i] as Assignment, main[j] as Assignment), `staff ${staffId}`).toBe(false);
    }
  });

  it('moves people on April 1 and gives fiscal-year appointees one-year appointments', () => {
    const fiscal = new Set(city600.staff.filter((s) => s.employmentType.startsWith('fiscal')).map((s) => s.id));
    const hire = new Map(city600.staff.map((s) => [s.id, s.hireDate]));
    for (const a of city600.assignments) {
      if (a.startsOn !== hire.get(a.staffId) && a.startsOn !== '1985-04-01') expect(a.startsOn.slice(5)).toBe('04-01');
      if (fiscal.has(a.staffId)) {
        expect(a.endsOn).not.toBeNull();
        expect(fiscalYearOf(a.endsOn as string)).toBe(fiscalYearOf(a.startsOn));
      }
    }
    const dispatches = city600.assignments.filter((a) => a.kind === 'dispatch');
    expect(dispatches.length).toBeGreaterThan(0);
    for (const d of dispatches) expect(['群馬県', '(一社)デモ市観光協会']).toContain(d.dispatchTo);
  });

  it('mixes employment types and job categories like a city', () => {
    const share = (type: string) => city600.staff.filter((s) => s.employmentType === type).length / 600;
    expect(share('regular')).toBeGreaterThan(0.7);
    expect(share('regular')).toBeLessThan(0.8);
    expect(share('fiscal_full') + share('fiscal_part')).toBeGreaterThan(0.15);
    expect(share('reappointed')).toBeGreaterThan(0.02);
    expect(share('extended')).toBeGreaterThan(0.01);
    expect(share('fixed_term')).toBeGreaterThan(0);
    const categories = new Set(city600.staff.map((s) => s.jobCategory));
    expect([...categories].sort()).toEqual(['事務', '保健師', '保育士', '技術'].sort());
    expect(city600.staff.some((s) => s.qualifications.length > 0)).toBe(true);
    for (const s of city600.staff) {
      const ageAtHire = Number(s.hireDate.slice(0, 4)) - Number(s.birthDate.slice(0, 4));
      expect(ageAtHire, s.employeeNumber).toBeGreaterThanOrEqual(18);
      expect(ageAtHire, s.employeeNumber).toBeLessThanOrEqual(66);
    }
    expect(new Set(city600.staff.map((s) => s.employeeNumber)).size).toBe(600);
  });

  it('leaves some rotation-period staff without frontline experience, for the placement rules to flag', () => {
    const rows = byStaff(city600);
    const rotation = city600.staff.filter((s) => s.employmentType === 'regular' && fiscalYearOf(today) - fiscalYearOf(s.hireDate) < 10);
    const without = rotation.filter((s) => !hasFrontlineExperience(rows.get(s.id) ?? [], city600.unitVersions, today));
    expect(rotation.length).toBeGreaterThan(50);
    expect(without.length).toBeGreaterThan(0);
    expect(without.length).toBeLessThan(rotation.length / 2);
  });

  it('keeps 𠮷, 髙 and 﨑 exactly as written', () => {
    const families = new Set(city600.staff.map((s) => s.familyName));
    expect(families.has('\u{20BB7}田')).toBe(true);
    expect(families.has('\u9AD9橋')).toBe(true);
    expect(families.has('山\uFA11')).toBe(true);
    expect(familyNames.length).toBeGreaterThanOrEqual(80);
    expect(givenNames.length).toBeGreaterThanOrEqual(80);
  });

  it('uses only names that CP932 can hold, except 𠮷', () => {
    for (const n of [...familyNames.flatMap((f) => [f.name, f.kana]), ...givenNames.flatMap((g) => [g.name, g.kana])]) {
      if (n.includes('\u{20BB7}')) continue;
      expect(iconv.decode(iconv.encode(n, 'cp932'), 'cp932'), n).toBe(n);
    }
  });

  describe('demo logins', () => {
    it('are real staff, numbered A0001…, in the same posts whatever the staff count', () => {
      for (const n of [20, 120, 600]) {
        const city = n === 600 ? city600 : buildDemoCity({ staffCount: n, seed: 42, today });
        const code = new Map(city.units.map((u) => [u.id, u.code]));
        const position = new Map(city.positions.map((p) => [p.id, p.code]));
        for (const account of demoAccounts) {
          const person = city.staff.find((s) => s.employeeNumber === account.employeeNumber);
          if (!person) throw new Error(`${account.key} missing at ${n}`);
          expect(person.familyName).toBe(demoPeople[account.key].familyName);
          const post = city.assignments.find((a) => a.staffId === person.id && a.kind === 'regular' && isInForce(a, today));
          expect(code.get(post?.unitId ?? 0)).toBe(demoPeople[account.key].unitCode);
          expect(position.get(post?.positionId ?? 0)).toBe(demoPeople[account.key].positionCode);
          const login = city.accounts.find((a) => a.loginId === account.employeeNumber);
          expect(login?.password).toBe(demoPassword);
          expect(login?.roles).toEqual(account.roles);
        }
      }
    });

    it('form the chain staff → evaluator (係長) → unit head (課長, confirmer) under the default rules', () => {
      const id = (key: string) => city600.staff.find((s) => s.employeeNumber === demoAccounts.find((a) => a.key === key)?.employeeNumber)?.id;
      const posts = postsOn(city600, today);
      const { relations, unresolved } = deriveRelations({
        date: today,
        versions: city600.unitVersions,
        assignments: posts.map((p) => ({
          staffId: p.staffId,
          unitId: p.unitId,
          positionLevel: p.positionLevel,
          positionRank: p.positionRank,
          kind: p.kind,
          startsOn: p.startsOn,
          endsOn: p.endsOn,
        })),
        rules: defaultRelationRules,
      });
      const holder = (kind: string, subject: number | undefined) => relations.find((r) => r.kind === kind && r.subjectStaffId === subject)?.holderStaffId;
      expect(holder('evaluator', id('staff'))).toBe(id('evaluator'));
      expect(holder('confirmer', id('staff'))).toBe(id('unitHead'));
      expect(holder('evaluator', id('evaluator'))).toBe(id('unitHead'));
      // Only the posts the policy leaves to people outside the system (mayor, deputy mayor) stay open.
      expect(unresolved.filter((u) => u.reason !== 'no-rule')).toEqual([]);
    });

    it('keep the stress-check implementer out of HR and off supervisory posts', () => {
      const implementer = city600.staff.find((s) => s.employeeNumber === 'A0007');
      const post = postsOn(city600, today).find((p) => p.staffId === implementer?.id);
      expect(post?.positionLevel).toBe('staff');
      const unitName = city600.unitVersions.find((v) => v.unitId === post?.unitId && isInForce(v, today))?.name;
      expect(unitName).toBe('成人保健係');
      const login = city600.accounts.find((a) => a.loginId === 'A0007');
      expect(login?.roles).toEqual(['stress_implementer']);
      expect(implementer?.jobCategory).toBe('保健師');
    });
  });

  it('gives every non-fiscal staff member an account up to 2,000 staff, and only the demo logins beyond', () => {
    const withAccount = new Set(city600.accounts.map((a) => a.staffId));
    for (const s of city600.staff) if (!s.employmentType.startsWith('fiscal')) expect(withAccount.has(s.id)).toBe(true);
    const fiscalWith = city600.staff.filter((s) => s.employmentType.startsWith('fiscal') && withAccount.has(s.id)).length;
    const fiscal = city600.staff.filter((s) => s.employmentType.startsWith('fiscal')).length;
    expect(fiscalWith).toBeLessThan(fiscal / 2);
    expect(new Set(city600.accounts.filter((a) => a.demoKey === null).map((a) => a.password))).toEqual(new Set([demoStaffPassword]));
    const big = buildDemoCity({ staffCount: 2001, seed: 42, today });
    expect(big.accounts.map((a) => a.loginId)).toEqual(demoAccounts.map((a) => a.employeeNumber));
  });

  it('scales to about 2,000 units for 40,000 staff', { timeout: 60_000 }, () => {
    const big = buildDemoCity({ staffCount: 40_000, seed: 42, today });
    expect(big.staff).toHaveLength(40_000);
    expect(big.units.length).toBeGreaterThan(1700);
    expect(big.units.length).toBeLessThan(2300);
    checkStructure(big);
  });

  it('refuses a city too small for the demo logins', () => {
    expect(() => buildDemoCity({ staffCount: 19, seed: 1, today })).toThrow(RangeError);
    expect(() => buildDemoCity({ staffCount: 100, seed: 1, today: '2025-13-01' })).toThrow(RangeError);
  });
});

describe('insertDemoCity', () => {
  it('writes a 120-staff city into a fresh database', { timeout: 60_000 }, async () => {
    const d = openPglite(createPglite(undefined));
    try {
      await d.migrate();
      const run = (query: SQL) => queryRows(d.db, query);
      const city = buildDemoCity({ staffCount: 120, seed: 42, today });
      const hashed: string[] = [];
      const counts = await d.db.transaction((tx) =>
        insertDemoCity(tx, city, {
          hashPassword: async (p) => {
            hashed.push(p);
            return 'x';
          },
          batchSize: 100,
        }),
      );
      expect(hashed.sort()).toEqual([demoPassword, demoStaffPassword].sort());
      const count = async (table: string) =>
        Number((await run(sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n);
      expect(await count('municipalities')).toBe(1);
      expect(await count('positions')).toBe(10);
      expect(await count('org_units')).toBe(city.units.length);
      expect(await count('org_unit_versions')).toBe(city.unitVersions.length);
      expect(await count('org_unit_events')).toBe(city.unitEvents.length);
      expect(await count('staff')).toBe(120);
      expect(await count('qualifications')).toBe(city.staff.reduce((n, s) => n + s.qualifications.length, 0));
      expect(await count('assignments')).toBe(city.assignments.length);
      expect(await count('accounts')).toBe(city.accounts.length);
      expect(await count('role_grants')).toBe(demoAccounts.filter((a) => a.roles.length > 0).length);
      expect(counts).toMatchObject({ staff: 120, assignments: city.assignments.length, accounts: city.accounts.length });

      const yoshida = await run(sql`select family_name, search_key from staff where employee_number = 'A0002'`);
      expect(yoshida[0]).toEqual({ family_name: '\u{20BB7}田', search_key: '\u{20BB7}田健太ヨシダケンタa0002' });
      const chain = await run(
        sql`select s.employee_number, p.code, u.code as unit_code from assignments a join staff s on s.id = a.staff_id
            join positions p on p.id = a.position_id join org_units u on u.id = a.unit_id
            where s.employee_number in ('A0003','A0004','A0005') and a.ends_on is null order by s.employee_number`,
      );
      expect(chain).toEqual([
        { employee_number: 'A0003', code: 'kacho', unit_code: 'D03-K01' },
        { employee_number: 'A0004', code: 'kakaricho', unit_code: 'D03-K01-S01' },
        { employee_number: 'A0005', code: 'shuji', unit_code: 'D03-K01-S01' },
      ]);
    } finally {
      await d.close();
    }
  });
});

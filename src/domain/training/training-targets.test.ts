import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { employmentTypes, positionLevels } from '../org/org-model.js';
import { policyCatalog } from './policy-catalog.js';
import { tenureBands, trainingSituations, type StaffFacts, type TargetRule, type TenureBandSettings } from './training-model.js';
import { defaultTenureBands, hasAutomaticTargets, isTarget, prepareFacts, targetIndexes, targetsFor, yearOfService } from './training-targets.js';

function facts(overrides: Partial<StaffFacts> = {}): StaffFacts {
  return { staffId: 1, hireDate: '2024-04-01', employmentType: 'regular', positionLevel: 'staff', situations: [], ...overrides };
}

function rule(overrides: Partial<TargetRule> = {}): TargetRule {
  return { positionLevels: [], tenureBands: [], employmentTypes: [], situations: [], ...overrides };
}

const reasonOf = (r: TargetRule, f: StaffFacts, fy: number, bands = defaultTenureBands) => {
  const d = isTarget(r, f, fy, bands);
  return d.isTarget ? d.reason : null;
};

describe('defaultTenureBands', () => {
  it('are 1, 2, 3–5 and 6–10年目, contiguous and without overlap', () => {
    expect(defaultTenureBands).toEqual({
      'new-hire': { fromYear: 1, toYear: 1 },
      'second-year': { fromYear: 2, toYear: 2 },
      junior: { fromYear: 3, toYear: 5 },
      intermediate: { fromYear: 6, toYear: 10 },
    });
  });
});

describe('yearOfService', () => {
  it.each([
    ['hired April 1, same 年度', '2025-04-01', 2025, 1],
    ['hired mid-year, same 年度', '2025-10-01', 2025, 1],
    ['hired March 31 at the end of that 年度', '2026-03-31', 2025, 1],
    ['hired March 31 of the previous 年度 is already 2年目', '2025-03-31', 2025, 2],
    ['hired April 1 a year earlier', '2024-04-01', 2025, 2],
    ['hired mid-year a year earlier', '2024-12-15', 2025, 2],
    ['hired January of the previous calendar year, same 年度', '2025-01-10', 2024, 1],
    ['leap day hire (2024-02-29 is in 年度 2023)', '2024-02-29', 2023, 1],
    ['leap day hire, next 年度', '2024-02-29', 2024, 2],
    ['leap day hire, in a common year 4 years later', '2024-02-29', 2027, 5],
    ['hired after the 年度', '2026-04-01', 2025, 0],
    ['long career', '1985-04-01', 2025, 41],
  ])('%s: %s in %i → %i', (_label, hireDate, fy, expected) => {
    expect(yearOfService(hireDate, fy)).toBe(expected);
  });

  it('rejects a hire date that is not a date', () => {
    expect(() => yearOfService('2025-02-29', 2025)).toThrow(RangeError);
  });
});

describe('isTarget — tenure bands', () => {
  const bandRule = (band: (typeof tenureBands)[number]) => rule({ positionLevels: ['staff'], tenureBands: [band] });
  it.each([
    // [band, hireDate, fiscal year 2025 → target?]
    ['new-hire', '2025-04-01', true],
    ['new-hire', '2025-09-01', true],
    ['new-hire', '2026-03-31', true],
    ['new-hire', '2025-03-31', false],
    ['new-hire', '2026-04-01', false],
    ['second-year', '2025-03-31', true],
    ['second-year', '2024-04-01', true],
    ['second-year', '2024-03-31', false],
    ['second-year', '2025-04-01', false],
    ['junior', '2024-03-31', true], // 3年目: lower edge
    ['junior', '2024-04-01', false], // 2年目
    ['junior', '2021-04-01', true], // 5年目: upper edge
    ['junior', '2021-03-31', false], // 6年目
    ['intermediate', '2021-03-31', true], // 6年目: lower edge
    ['intermediate', '2016-04-01', true], // 10年目: upper edge
    ['intermediate', '2016-03-31', false], // 11年目
    ['intermediate', '2021-04-01', false], // 5年目
  ] as const)('%s, hired %s, in 2025 → %s', (band, hireDate, expected) => {
    expect(isTarget(bandRule(band), facts({ hireDate }), 2025, defaultTenureBands).isTarget).toBe(expected);
  });

  it('gives the position, the 年目 and the hire month as the reason', () => {
    expect(reasonOf(bandRule('second-year'), facts({ hireDate: '2024-04-01' }), 2025)).toBe('係員・2年目(2024年4月採用)');
    expect(reasonOf(bandRule('new-hire'), facts({ hireDate: '2025-10-01' }), 2025)).toBe('係員・1年目(2025年10月採用)');
    expect(reasonOf(rule({ tenureBands: ['junior'] }), facts({ hireDate: '2022-04-01', positionLevel: 'supervisor' }), 2025)).toBe('4年目(2022年4月採用)');
  });

  it('matches any of several bands (OR within a list)', () => {
    const r = rule({ tenureBands: ['new-hire', 'intermediate'] });
    expect(isTarget(r, facts({ hireDate: '2025-04-01' }), 2025, defaultTenureBands).isTarget).toBe(true);
    expect(isTarget(r, facts({ hireDate: '2018-04-01' }), 2025, defaultTenureBands).isTarget).toBe(true);
    expect(isTarget(r, facts({ hireDate: '2023-04-01' }), 2025, defaultTenureBands).isTarget).toBe(false);
  });

  it('never targets 会計年度任用職員 by tenure, whatever their hire date — their 年目 restarts each term', () => {
    for (const employmentType of ['fiscal_full', 'fiscal_part'] as const) {
      expect(isTarget(bandRule('new-hire'), facts({ employmentType, hireDate: '2025-04-01' }), 2025, defaultTenureBands).isTarget).toBe(false);
      expect(isTarget(bandRule('second-year'), facts({ employmentType, hireDate: '2024-04-01' }), 2025, defaultTenureBands).isTarget).toBe(false);
      // even when a rule lists them explicitly
      const explicit = rule({ tenureBands: ['new-hire'], employmentTypes: [employmentType] });
      expect(isTarget(explicit, facts({ employmentType, hireDate: '2025-04-01' }), 2025, defaultTenureBands).isTarget).toBe(false);
    }
  });

  it('targets a 会計年度任用職員 every term by employment type (one term per 年度, reappointed each April)', () => {
    const fiscalRule = policyCatalog.find((c) => c.code === 'GEN-FISCAL')!.targetRule;
    for (const fy of [2023, 2024, 2025]) {
      expect(reasonOf(fiscalRule, facts({ employmentType: 'fiscal_part', hireDate: '2023-04-01' }), fy)).toBe('会計年度任用(パートタイム)');
      expect(reasonOf(fiscalRule, facts({ employmentType: 'fiscal_full', hireDate: '2023-04-01', positionLevel: null }), fy)).toBe('会計年度任用(フルタイム)');
    }
    expect(isTarget(fiscalRule, facts({ employmentType: 'regular' }), 2025, defaultTenureBands).isTarget).toBe(false);
  });

  it('needs a post for a tenure band', () => {
    expect(isTarget(rule({ tenureBands: ['new-hire'] }), facts({ hireDate: '2025-04-01', positionLevel: null }), 2025, defaultTenureBands).isTarget).toBe(false);
  });

  it('follows changed band settings', () => {
    const bands: TenureBandSettings = { ...defaultTenureBands, junior: { fromYear: 3, toYear: 7 }, intermediate: { fromYear: 8, toYear: 15 } };
    const hired2019 = facts({ hireDate: '2019-04-01' }); // 7年目 in 2025
    expect(isTarget(rule({ tenureBands: ['junior'] }), hired2019, 2025, defaultTenureBands).isTarget).toBe(false);
    expect(isTarget(rule({ tenureBands: ['junior'] }), hired2019, 2025, bands).isTarget).toBe(true);
    expect(isTarget(rule({ tenureBands: ['intermediate'] }), hired2019, 2025, bands).isTarget).toBe(false);
    expect(isTarget(rule({ tenureBands: ['intermediate'] }), facts({ hireDate: '2011-04-01' }), 2025, bands).isTarget).toBe(true); // 15年目
  });

  it('targets nobody with an inverted band', () => {
    const bands: TenureBandSettings = { ...defaultTenureBands, junior: { fromYear: 5, toYear: 3 } };
    for (const hireDate of ['2021-04-01', '2022-04-01', '2023-04-01']) {
      expect(isTarget(rule({ tenureBands: ['junior'] }), facts({ hireDate }), 2025, bands).isTarget).toBe(false);
    }
  });
});

describe('isTarget — positions, employment types, situations', () => {
  it('targets nobody with an all-empty rule', () => {
    for (const f of [facts(), facts({ positionLevel: null }), facts({ situations: ['returning-from-leave'] }), facts({ employmentType: 'fiscal_full' })]) {
      expect(isTarget(rule(), f, 2025, defaultTenureBands)).toEqual({ isTarget: false });
    }
  });

  it.each([
    [['director', 'manager'], 'director', true, '部長級'],
    [['director', 'manager'], 'manager', true, '参事・課長級'],
    [['director', 'manager'], 'chief', false, null],
    [['chief', 'supervisor'], 'chief', true, '主幹'],
    [['chief', 'supervisor'], 'supervisor', true, '課長補佐・係長級'],
    [['chief', 'supervisor'], 'staff', false, null],
    [['staff'], 'staff', true, '係員'],
    [['staff'], null, false, null],
  ] as const)('positions %j, person at %s → %s', (levels, level, expected, reason) => {
    const d = isTarget(rule({ positionLevels: [...levels] }), facts({ positionLevel: level }), 2025, defaultTenureBands);
    expect(d.isTarget).toBe(expected);
    if (d.isTarget) expect(d.reason).toBe(reason);
  });

  it('requires every non-empty list (AND across lists)', () => {
    const r = rule({ positionLevels: ['staff'], employmentTypes: ['regular', 'fixed_term'] });
    expect(reasonOf(r, facts(), 2025)).toBe('係員・正規');
    expect(reasonOf(r, facts({ employmentType: 'fixed_term' }), 2025)).toBe('係員・任期付');
    expect(reasonOf(r, facts({ employmentType: 'fiscal_part' }), 2025)).toBeNull();
    expect(reasonOf(r, facts({ positionLevel: 'chief' }), 2025)).toBeNull();
  });

  it('targets people without a post only by employment type or situation', () => {
    const noPost = facts({ positionLevel: null, employmentType: 'extended', situations: ['returning-from-leave'] });
    expect(reasonOf(rule({ employmentTypes: ['extended'] }), noPost, 2025)).toBe('定年延長');
    expect(reasonOf(rule({ situations: ['returning-from-leave'] }), noPost, 2025)).toBe('休業からの復帰');
    expect(reasonOf(rule({ positionLevels: ['chief'] }), noPost, 2025)).toBeNull();
    expect(reasonOf(rule({ tenureBands: ['intermediate'] }), noPost, 2025)).toBeNull();
  });

  it('targets extended staff (定年延長) by employment type, with or without a post', () => {
    const career = policyCatalog.find((c) => c.code === 'GEN-CAREER')!.targetRule;
    expect(reasonOf(career, facts({ employmentType: 'extended', positionLevel: 'chief', hireDate: '1987-04-01' }), 2025)).toBe('定年延長');
    expect(reasonOf(career, facts({ employmentType: 'reappointed', positionLevel: 'staff' }), 2025)).toBeNull();
    // and not by the 監督者 courses of the career ladder
    const sup = policyCatalog.find((c) => c.code === 'GEN-SUP')!.targetRule;
    expect(reasonOf(sup, facts({ employmentType: 'extended', positionLevel: 'chief' }), 2025)).toBeNull();
    expect(reasonOf(sup, facts({ employmentType: 'regular', positionLevel: 'chief' }), 2025)).toBe('主幹・正規');
  });

  it('targets people returning from leave by situation', () => {
    const r = policyCatalog.find((c) => c.code === 'SP-RYORITSU')!.targetRule;
    expect(reasonOf(r, facts({ situations: ['returning-from-leave'] }), 2025)).toBe('休業からの復帰');
    expect(reasonOf(r, facts({ situations: [] }), 2025)).toBeNull();
  });
});

describe('hasAutomaticTargets', () => {
  it('is true for the 一般研修 and false for recommendation-only courses', () => {
    const byCode = new Map(policyCatalog.map((c) => [c.code, c]));
    expect(hasAutomaticTargets(byCode.get('GEN-NEW')!)).toBe(true);
    expect(hasAutomaticTargets(byCode.get('SP-SEISAKU')!)).toBe(false);
    expect(hasAutomaticTargets(byCode.get('DSP-JICHIDAI')!)).toBe(false);
  });
});

describe('targetsFor', () => {
  const people: StaffFacts[] = [
    facts({ staffId: 1, hireDate: '2025-04-01' }),
    facts({ staffId: 2, hireDate: '2024-04-01' }),
    facts({ staffId: 3, hireDate: '2025-04-01', employmentType: 'fiscal_full' }),
    facts({ staffId: 4, hireDate: '2025-06-01', positionLevel: null }),
    facts({ staffId: 5, hireDate: '2025-07-01' }),
  ];

  it('returns the targets in input order with their reasons', () => {
    expect(targetsFor(rule({ positionLevels: ['staff'], tenureBands: ['new-hire'] }), people, 2025, defaultTenureBands)).toEqual([
      { staffId: 1, reason: '係員・1年目(2025年4月採用)' },
      { staffId: 5, reason: '係員・1年目(2025年7月採用)' },
    ]);
  });

  it('accepts prepared facts and gives the same answer for any fiscal year', () => {
    const prepared = prepareFacts(people);
    for (const fy of [2024, 2025, 2026]) {
      const r = rule({ tenureBands: ['new-hire', 'second-year'] });
      expect(targetsFor(r, prepared, fy, defaultTenureBands)).toEqual(targetsFor(r, people, fy, defaultTenureBands));
    }
  });

  it('is empty for an all-empty rule', () => {
    expect(targetsFor(rule(), people, 2025, defaultTenureBands)).toEqual([]);
  });

  const staffArb: fc.Arbitrary<StaffFacts> = fc.record({
    staffId: fc.nat(),
    hireDate: fc.date({ min: new Date('2010-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    employmentType: fc.constantFrom(...employmentTypes),
    positionLevel: fc.option(fc.constantFrom(...positionLevels), { nil: null }),
    situations: fc.subarray([...trainingSituations]),
  });
  const ruleArb: fc.Arbitrary<TargetRule> = fc.record({
    positionLevels: fc.subarray([...positionLevels]),
    tenureBands: fc.subarray([...tenureBands]),
    employmentTypes: fc.subarray([...employmentTypes]),
    situations: fc.subarray([...trainingSituations]),
  });
  const bandArb = fc.record({ fromYear: fc.integer({ min: 1, max: 60 }), toYear: fc.integer({ min: 1, max: 60 }) });
  const bandsArb: fc.Arbitrary<TenureBandSettings> = fc.record({ 'new-hire': bandArb, 'second-year': bandArb, junior: bandArb, intermediate: bandArb });

  it('equals filtering the people by isTarget (property)', () => {
    let withTenureTargets = 0;
    fc.assert(
      fc.property(fc.array(staffArb, { maxLength: 60 }), ruleArb, fc.integer({ min: 2015, max: 2027 }), fc.oneof(fc.constant(defaultTenureBands), bandsArb), (staff, r, fy, bands) => {
        const expected = staff.flatMap((f) => {
          const d = isTarget(r, f, fy, bands);
          return d.isTarget ? [{ staffId: f.staffId, reason: d.reason }] : [];
        });
        expect(targetsFor(r, staff, fy, bands)).toEqual(expected);
        expect(targetsFor(r, prepareFacts(staff), fy, bands)).toEqual(expected);
        // the decisions without the reasons (the counts and the completion report) pick exactly the same people
        const hireYears = new Map<string, number>();
        expect(targetIndexes(r, prepareFacts(staff, hireYears), fy, bands).map((i) => staff[i]!.staffId)).toEqual(expected.map((t) => t.staffId));
        if (r.tenureBands.length > 0 && expected.length > 0) withTenureTargets++;
      }),
      { numRuns: 500 },
    );
    // the generators must reach the tenure path, not only the early "no"s
    expect(withTenureTargets).toBeGreaterThan(10);
  });
});

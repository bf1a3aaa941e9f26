import { describe, expect, it } from 'vitest';
import type { CareerPhase, EmploymentType } from './org-model.js';
import { careerPhaseOverrideSchema, defaultOrgSettings, defaultPositions, deriveCareerPhase, orgSettingsSchema } from './org-settings.js';

describe('defaultOrgSettings', () => {
  it('validates against its own schema', () => {
    expect(orgSettingsSchema.safeParse(defaultOrgSettings).success).toBe(true);
  });

  it('lists the ten Annaka positions, ranked 1..10, managerial for director and manager levels', () => {
    expect(defaultPositions.map((p) => p.name)).toEqual(['部長', '参事', '課長', '主幹', '課長補佐', '係長', '主任', '主事', '技師', '保健師']);
    expect(defaultPositions.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const p of defaultPositions) expect(p.isManagerial).toBe(p.level === 'director' || p.level === 'manager');
  });

  it('leaves the manager confirmer and the director to be set by hand', () => {
    expect(defaultOrgSettings.relationRules.manager.confirmer).toEqual([]);
    expect(defaultOrgSettings.relationRules.director).toEqual({ evaluator: [], confirmer: [] });
  });
});

describe('orgSettingsSchema refuses', () => {
  const broken: [string, (s: typeof defaultOrgSettings) => unknown, string][] = [
    [
      'duplicate position codes',
      (s) => ({ ...s, positions: [...s.positions, { ...s.positions[0], rank: 99 }] }),
      '職位コード「bucho」が重複しています',
    ],
    ['duplicate ranks', (s) => ({ ...s, positions: s.positions.map((p) => (p.code === 'sanji' ? { ...p, rank: 1 } : p)) }), '職位の順位 1 が重複しています'],
    [
      'a rank that contradicts the level order',
      (s) => ({ ...s, positions: s.positions.map((p) => (p.code === 'shuji' ? { ...p, rank: 0.5 } : p)) }),
      '',
    ],
    [
      'a rank order where a staff position outranks a director',
      (s) => ({ ...s, positions: s.positions.map((p) => (p.code === 'hokenshi' ? { ...p, rank: 11 } : p.code === 'bucho' ? { ...p, rank: 12 } : p)) }),
      '「部長」(部長級)の順位が「参事」(参事・課長級)より下になっています',
    ],
    [
      'a candidate level that no position has',
      (s) => ({ ...s, positions: s.positions.filter((p) => p.level !== 'director') }),
      '部長級の職位が登録されていません',
    ],
    [
      'coreYears not after rotationYears',
      (s) => ({ ...s, careerPhaseRules: { ...s.careerPhaseRules, coreYears: 10 } }),
      '中核職員期間の終了年数はジョブローテーション期間の年数より大きくしてください',
    ],
    ['a missing relation rule for a level', (s) => ({ ...s, relationRules: { ...s.relationRules, chief: undefined } }), ''],
    ['an empty list of unit head levels', (s) => ({ ...s, unitHeadLevels: [] }), ''],
    ['a bad position code', (s) => ({ ...s, positions: s.positions.map((p, i) => (i === 0 ? { ...p, code: 'Bucho' } : p)) }), '職位コードは英小文字・数字・_ で入力してください'],
  ];
  it.each(broken)('%s', (_name, mutate, message) => {
    const result = orgSettingsSchema.safeParse(mutate(defaultOrgSettings));
    expect(result.success).toBe(false);
    if (message !== '' && !result.success) expect(result.error.issues.map((i) => i.message)).toContain(message);
  });
});

describe('deriveCareerPhase', () => {
  const settings = defaultOrgSettings;
  const base = { employmentType: 'regular' as EmploymentType, hireDate: '2015-04-01', date: '2025-04-01', unitsExperienced: 3 };

  const cases: [string, Partial<typeof base>, CareerPhase | null, string][] = [
    ['new hire', { date: '2015-04-01', unitsExperienced: 1 }, 'rotation', '入庁0年・経験所属数1で、入庁10年未満のため①ジョブローテーション期間です。'],
    ['hire date in the future counts as 0 years', { date: '2015-03-01', unitsExperienced: 0 }, 'rotation', '入庁0年・経験所属数0で、入庁10年未満のため①ジョブローテーション期間です。'],
    ['9 years with 4 units: time not yet served', { date: '2025-03-31', unitsExperienced: 4 }, 'rotation', '入庁9年・経験所属数4で、入庁10年未満のため①ジョブローテーション期間です。'],
    ['10 years on the anniversary with 3 units', {}, 'core', '入庁10年・経験所属数3で、入庁10年以上かつ3所属以上を経験し、入庁20年未満のため②中核職員です。'],
    ['10 years but only 2 units: stays in rotation', { unitsExperienced: 2 }, 'rotation', '入庁10年・経験所属数2で、経験所属数が3未満のため①ジョブローテーション期間です。'],
    ['19 years with 1 unit: still rotation', { date: '2035-03-31', unitsExperienced: 1 }, 'rotation', '入庁19年・経験所属数1で、経験所属数が3未満のため①ジョブローテーション期間です。'],
    ['20 years with 1 unit: expert regardless', { date: '2035-04-01', unitsExperienced: 1 }, 'expert', '入庁20年・経験所属数1で、入庁20年以上のため③ローテーション期間後です。'],
    ['19 years 364 days with 5 units: core', { date: '2035-03-31', unitsExperienced: 5 }, 'core', '入庁19年・経験所属数5で、入庁10年以上かつ3所属以上を経験し、入庁20年未満のため②中核職員です。'],
    ['mid-year hire on Feb 29: 10 years complete on Mar 1 of a common year', { hireDate: '2016-02-29', date: '2026-03-01' }, 'core', '入庁10年・経験所属数3で、入庁10年以上かつ3所属以上を経験し、入庁20年未満のため②中核職員です。'],
    ['mid-year hire on Feb 29: not yet on Feb 28', { hireDate: '2016-02-29', date: '2026-02-28' }, 'rotation', '入庁9年・経験所属数3で、入庁10年未満のため①ジョブローテーション期間です。'],
    ['定年延長 staff keep a phase', { employmentType: 'extended', hireDate: '1988-04-01' }, 'expert', '入庁37年・経験所属数3で、入庁20年以上のため③ローテーション期間後です。'],
    ['会計年度任用 has no phase', { employmentType: 'fiscal_part' }, null, '会計年度任用(パートタイム)の職員はロールモデルのキャリア段階の対象外です。'],
    ['再任用 has no phase', { employmentType: 'reappointed' }, null, '再任用の職員はロールモデルのキャリア段階の対象外です。'],
    ['任期付 has no phase', { employmentType: 'fixed_term' }, null, '任期付の職員はロールモデルのキャリア段階の対象外です。'],
  ];
  it.each(cases)('%s', (_name, overrides, phase, reason) => {
    const result = deriveCareerPhase({ ...base, ...overrides }, settings);
    expect(result.phase).toBe(phase);
    expect(result.reason).toBe(reason);
    expect(result.source).toBe(phase === null ? 'not-applicable' : 'rule');
  });

  it('applies an HR override that has a reason, and says so', () => {
    const result = deriveCareerPhase({ ...base, unitsExperienced: 1, override: 'expert', overrideReason: '保健師として専門職採用' }, settings);
    expect(result).toEqual({
      phase: 'expert',
      source: 'override',
      reason: '人事担当が③ローテーション期間後に設定しています(理由: 保健師として専門職採用)。',
      yearsSinceHire: 10,
    });
  });

  it('applies an override even to an employment type without a phase', () => {
    expect(deriveCareerPhase({ ...base, employmentType: 'fixed_term', override: 'core', overrideReason: '任期付の専門職' }, settings).phase).toBe('core');
  });

  it.each([null, '', '   '])('ignores an override without a reason (%j) and says so', (overrideReason) => {
    const result = deriveCareerPhase({ ...base, override: 'expert', overrideReason }, settings);
    expect(result.phase).toBe('core');
    expect(result.source).toBe('rule');
    expect(result.reason).toContain('人事担当による設定は理由が未入力のため適用していません');
  });

  it('follows edited thresholds', () => {
    const edited = { careerPhaseRules: { ...settings.careerPhaseRules, rotationYears: 6, rotationUnits: 2, coreYears: 15 } };
    expect(deriveCareerPhase({ ...base, date: '2021-04-01', unitsExperienced: 2 }, edited).phase).toBe('core');
    expect(deriveCareerPhase({ ...base, date: '2030-04-01', unitsExperienced: 2 }, edited).phase).toBe('expert');
  });
});

describe('careerPhaseOverrideSchema', () => {
  it.each([
    [{ override: null, overrideReason: null }, true],
    [{ override: 'core', overrideReason: '本人の専門性を考慮' }, true],
    [{ override: 'core', overrideReason: null }, false],
    [{ override: 'core', overrideReason: '  ' }, false],
    [{ override: 'senior', overrideReason: 'x' }, false],
  ])('%j → %s', (value, ok) => {
    expect(careerPhaseOverrideSchema.safeParse(value).success).toBe(ok);
  });
});

import { describe, expect, it } from 'vitest';
import { positionLevels, type PositionLevel } from '../org/org-model.js';
import {
  abilityCategoryLabels,
  competencyFrameworkSchema,
  competencyFrameworksSchema,
  defaultFramework,
  digitalSkillItems,
  frameworkForYear,
  itemsForLevel,
  policyAbilityItems,
  policyMatrix,
  policyMatrixRowLabels,
  policyRequiredAbilities,
  type CompetencyFramework,
} from './ability-items.js';

// The policy's table (II-4-(2) 【職位ごとの能力評価項目】), typed out again by hand, column by column:
// a transcription error in ability-items.ts or here shows as a difference.
const policyHeaderCategories = ['自立', '自立', '自立', '自立', '自立', '自立・協調', '自立・協調', '自立・協調', '自立・協調', '協調', '協調', '協調', '協調', '協調', '協調'];
const policyHeaderLabels = [
  '倫理',
  '知識・技術',
  '構想',
  '企画・立案・事務事業の実施',
  '説明',
  '説明・調整',
  '業務運営',
  '業務遂行',
  '課題対応',
  'コミュニケーション',
  '協調性',
  '判断',
  '部下の活用・育成',
  '組織統率・人材育成',
  '組織統率',
];
//                                           倫 知 構 企 説 調 運 遂 課 コ 協 判 部 統育 統
const policyRows: [string, PositionLevel, string][] = [
  ['部長', 'director', '●-●--●●----●--●'],
  ['参事・課長', 'manager', '●-●--●●----●-●-'],
  ['主幹', 'chief', '●--●-●-●---●●--'],
  ['課長補佐・係長', 'supervisor', '●---●---●-●----'],
  ['係員', 'staff', '●●-----●-●-----'],
];

function rowOf(framework: CompetencyFramework, level: PositionLevel): string {
  const ids = new Set(framework.matrix[level]);
  return policyAbilityItems.map((item) => (ids.has(item.id) ? '●' : '-')).join('');
}

describe('the policy items', () => {
  it('are the 15 items in the policy order with their labels', () => {
    expect(policyAbilityItems.map((item) => item.label)).toEqual(policyHeaderLabels);
  });

  it('carry the categories of the header row', () => {
    expect(policyAbilityItems.map((item) => abilityCategoryLabels[item.category])).toEqual(policyHeaderCategories);
  });

  it('have the agreed English ids', () => {
    expect(policyAbilityItems.map((item) => item.id)).toEqual([
      'ethics',
      'knowledge-skill',
      'vision',
      'planning-execution',
      'explanation',
      'explanation-coordination',
      'operations-management',
      'task-execution',
      'problem-solving',
      'communication',
      'cooperativeness',
      'judgement',
      'subordinate-development',
      'leadership-development',
      'leadership',
    ]);
  });
});

describe('the default matrix equals the policy table', () => {
  const framework = defaultFramework(2025);
  it.each(policyRows)('%s (%s): %s', (rowLabel, level, cells) => {
    expect(policyMatrixRowLabels[level]).toBe(rowLabel);
    expect(rowOf(framework, level)).toBe(cells);
    expect(cells).toHaveLength(15);
  });

  it('covers every position level exactly once', () => {
    expect(policyRows.map(([, level]) => level).sort()).toEqual([...positionLevels].sort());
  });

  it('lists matrix ids in the policy order', () => {
    for (const level of positionLevels) {
      const order = policyMatrix[level].map((id) => policyAbilityItems.findIndex((item) => item.id === id));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });
});

describe('required abilities (II-4-(1))', () => {
  it('gives chief and supervisor the same 主幹・課長補佐・係長級 text', () => {
    expect(policyRequiredAbilities.chief).toBe(policyRequiredAbilities.supervisor);
    expect(policyRequiredAbilities.chief.startsWith('上司を補佐し、')).toBe(true);
  });

  it.each([
    ['director', '長期的展望に立った政策判断を行い、', '業務に関連する部署間の合理的な調整を図ることができる能力。'],
    ['manager', '組織目標を達成するため、', '係間の協力体制を確立することのできる能力。'],
    ['chief', '上司を補佐し、', '政策立案や自らの専門性向上に努めることができる能力。'],
    ['supervisor', '上司を補佐し、', '政策立案や自らの専門性向上に努めることができる能力。'],
    ['staff', '市職員の責務を自覚し、', '現状把握・課題把握に努めることができる能力。'],
  ] as const)('%s: 「%s…%s」', (level, start, end) => {
    expect(policyRequiredAbilities[level].startsWith(start)).toBe(true);
    expect(policyRequiredAbilities[level].endsWith(end)).toBe(true);
  });
});

describe('defaultFramework', () => {
  it('validates against its own schema', () => {
    const result = competencyFrameworkSchema.safeParse(defaultFramework(2025));
    expect(result.success).toBe(true);
  });

  it('carries the fiscal year and switches digital skills on', () => {
    const framework = defaultFramework(2026);
    expect(framework.fiscalYear).toBe(2026);
    expect(framework.digitalSkills).toEqual({ isEnabled: true, itemIds: ['data-literacy', 'digital-tools', 'digital-ethics'] });
  });

  it('returns fresh copies (editing one version never changes the policy constants)', () => {
    const framework = defaultFramework(2025);
    framework.matrix.staff.push('vision');
    const first = framework.items[0];
    if (first) first.label = 'changed';
    expect(policyMatrix.staff).not.toContain('vision');
    expect(policyAbilityItems[0]?.label).toBe('倫理');
    expect(defaultFramework(2025).matrix.staff).not.toContain('vision');
  });

  it('groups digital items as digital and rates them 自立', () => {
    expect(digitalSkillItems.map((item) => [item.group, item.category])).toEqual([
      ['digital', 'independence'],
      ['digital', 'independence'],
      ['digital', 'independence'],
    ]);
  });
});

describe('itemsForLevel', () => {
  const digitalIds = ['data-literacy', 'digital-tools', 'digital-ethics'];
  it.each(positionLevels.map((level) => [level] as const))('%s: the matrix row plus digital skills when switched on', (level) => {
    const on = defaultFramework(2025);
    const off: CompetencyFramework = { ...on, digitalSkills: { ...on.digitalSkills, isEnabled: false } };
    expect(itemsForLevel(off, level).map((item) => item.id)).toEqual(policyMatrix[level]);
    expect(itemsForLevel(on, level).map((item) => item.id)).toEqual([...policyMatrix[level], ...digitalIds]);
  });

  it('lists an item once even if it is both in the row and a digital item', () => {
    const framework = defaultFramework(2025);
    framework.matrix.manager.push('data-literacy');
    expect(itemsForLevel(framework, 'manager').filter((item) => item.id === 'data-literacy')).toHaveLength(1);
  });

  it('follows the item order of the framework, not of the row', () => {
    const framework = defaultFramework(2025);
    framework.matrix.staff = ['communication', 'ethics'];
    framework.digitalSkills.isEnabled = false;
    expect(itemsForLevel(framework, 'staff').map((item) => item.id)).toEqual(['ethics', 'communication']);
  });
});

describe('competencyFrameworkSchema refuses', () => {
  const cases: [string, (f: CompetencyFramework) => unknown, string][] = [
    ['a level without items', (f) => ({ ...f, matrix: { ...f.matrix, chief: [] } }), '主幹の評価項目を1つ以上選んでください'],
    ['an unknown item id in the matrix', (f) => ({ ...f, matrix: { ...f.matrix, staff: [...f.matrix.staff, 'charisma'] } }), '評価項目「charisma」は登録されていません'],
    ['a duplicate item in a row', (f) => ({ ...f, matrix: { ...f.matrix, staff: ['ethics', 'ethics'] } }), '係員の評価項目「ethics」が重複しています'],
    ['a missing level', (f) => ({ ...f, matrix: { director: f.matrix.director } }), ''],
    ['a duplicate item id', (f) => ({ ...f, items: [...f.items, { ...f.items[0], label: '倫理2' }] }), '評価項目のID「ethics」が重複しています'],
    ['a duplicate item label', (f) => ({ ...f, items: [...f.items, { ...f.items[0], id: 'ethics-2' }] }), '評価項目名「倫理」が重複しています'],
    ['a bad item id', (f) => ({ ...f, items: f.items.map((item, i) => (i === 0 ? { ...item, id: 'Ethics' } : item)) }), '評価項目のIDは英小文字・数字・- で入力してください'],
    ['an empty item label', (f) => ({ ...f, items: f.items.map((item, i) => (i === 0 ? { ...item, label: ' ' } : item)) }), '評価項目名を入力してください'],
    ['an unknown category', (f) => ({ ...f, items: f.items.map((item, i) => (i === 0 ? { ...item, category: 'bravery' } : item)) }), ''],
    ['an unknown digital item', (f) => ({ ...f, digitalSkills: { isEnabled: true, itemIds: ['quantum'] } }), '評価項目「quantum」は登録されていません'],
    ['a policy item as a digital item', (f) => ({ ...f, digitalSkills: { isEnabled: true, itemIds: ['ethics'] } }), '「倫理」はデジタルスキルの評価項目ではありません'],
    ['a duplicate digital item', (f) => ({ ...f, digitalSkills: { isEnabled: true, itemIds: ['data-literacy', 'data-literacy'] } }), 'デジタルスキルの評価項目「data-literacy」が重複しています'],
    ['digital skills on without items', (f) => ({ ...f, digitalSkills: { isEnabled: true, itemIds: [] } }), 'デジタルスキルを評価する場合は評価項目を1つ以上選んでください'],
    ['an empty required-ability text', (f) => ({ ...f, requiredAbilities: { ...f.requiredAbilities, staff: '  ' } }), '求める能力を入力してください'],
    ['a fractional fiscal year', (f) => ({ ...f, fiscalYear: 2025.5 }), '年度は整数で入力してください'],
    ['a fiscal year before 2000', (f) => ({ ...f, fiscalYear: 1999 }), '年度は2000以降にしてください'],
  ];
  it.each(cases)('%s', (_name, mutate, message) => {
    const result = competencyFrameworkSchema.safeParse(mutate(defaultFramework(2025)));
    expect(result.success).toBe(false);
    if (message !== '' && !result.success) expect(result.error.issues.map((issue) => issue.message)).toContain(message);
  });

  it('accepts digital skills switched off with no items, and HR-added items', () => {
    const framework = defaultFramework(2027);
    framework.digitalSkills = { isEnabled: false, itemIds: [] };
    framework.items.push({ id: 'customer-service', label: '接遇', category: 'cooperation', group: 'policy', description: '住民に丁寧に対応できる。' });
    framework.matrix.staff.push('customer-service');
    expect(competencyFrameworkSchema.safeParse(framework).success).toBe(true);
  });

  it('refuses two versions for the same fiscal year', () => {
    const result = competencyFrameworksSchema.safeParse([defaultFramework(2025), defaultFramework(2025)]);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((issue) => issue.message)).toContain('2025年度の評価項目が重複しています');
  });
});

describe('frameworkForYear', () => {
  const v2025 = defaultFramework(2025);
  const v2027 = { ...defaultFramework(2027), matrix: { ...defaultFramework(2027).matrix, staff: ['ethics'] } };
  const v2030 = defaultFramework(2030);
  const versions = [v2030, v2025, v2027];
  it.each([
    [2024, undefined],
    [2025, 2025],
    [2026, 2025],
    [2027, 2027],
    [2029, 2027],
    [2030, 2030],
    [2040, 2030],
  ])('FY%i → version %s', (fiscalYear, expected) => {
    expect(frameworkForYear(versions, fiscalYear)?.fiscalYear).toBe(expected);
  });

  it('leaves past years alone when HR adds next year', () => {
    const before = frameworkForYear([v2025], 2026);
    const after = frameworkForYear([v2025, v2027], 2026);
    expect(after).toBe(before);
    expect(frameworkForYear([v2025, v2027], 2027)?.matrix.staff).toEqual(['ethics']);
  });

  it('is undefined for no versions', () => {
    expect(frameworkForYear([], 2025)).toBeUndefined();
  });
});

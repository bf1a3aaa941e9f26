import { describe, expect, it } from 'vitest';
import { digitalSkillItems, policyAbilityItems } from '../competency/ability-items.js';
import { policyCatalog } from './policy-catalog.js';
import { courseSchema, type Course, type CourseCategory, type SelectionMethod } from './training-model.js';

type Group = 'managers' | 'supervisors' | 'staff' | 'everyone' | 'other';
type Expected = { group: Group; category: CourseCategory; title: string; coHosts: string[]; selection?: SelectionMethod[] };

// Policy II-4-(3) 能力向上に必要な研修, typed a second time from the text so that a transcription error in the catalog shows.
const FT = ['藤岡市', '富岡市'];
const T = ['富岡市'];
const policyList: Expected[] = [
  { group: 'managers', category: 'general', title: '管理者職員研修', coHosts: FT },
  { group: 'managers', category: 'special', title: '人事評価制度研修', coHosts: [] },
  { group: 'supervisors', category: 'general', title: '監督者研修', coHosts: T },
  { group: 'supervisors', category: 'special', title: 'メンタルヘルス研修', coHosts: FT },
  { group: 'supervisors', category: 'special', title: '人事評価制度研修', coHosts: [] },
  { group: 'staff', category: 'general', title: '新規採用職員研修', coHosts: T },
  { group: 'staff', category: 'general', title: '2年目職員研修', coHosts: [] },
  { group: 'staff', category: 'general', title: '初級職員研修', coHosts: [] },
  { group: 'staff', category: 'general', title: '中級職員研修', coHosts: FT },
  { group: 'staff', category: 'special', title: '政策形成能力向上研修', coHosts: FT },
  { group: 'staff', category: 'special', title: 'クレーム対応研修', coHosts: T },
  { group: 'staff', category: 'special', title: '法制執務研修', coHosts: [] },
  { group: 'staff', category: 'special', title: '人事評価制度研修', coHosts: [] },
  { group: 'staff', category: 'special', title: 'ビジネス文書研修', coHosts: [] },
  { group: 'staff', category: 'special', title: '接遇マナー向上研修', coHosts: [] },
  { group: 'staff', category: 'special', title: 'アサーティブコミュニケーション研修', coHosts: T },
  { group: 'everyone', category: 'special', title: 'DET（障害平等研修）', coHosts: [] },
  { group: 'everyone', category: 'special', title: 'ゲートキーパー養成講座', coHosts: [] },
  { group: 'everyone', category: 'self-directed', title: '自主研修グループ', coHosts: [] },
  { group: 'everyone', category: 'self-directed', title: '通信教育', coHosts: [] },
  { group: 'everyone', category: 'self-directed', title: 'eラーニング', coHosts: [] },
  { group: 'other', category: 'general', title: '会計年度任用職員研修', coHosts: [] },
  { group: 'other', category: 'general', title: 'キャリアサポート研修', coHosts: [] },
  { group: 'other', category: 'special', title: '両立支援研修', coHosts: FT },
  { group: 'other', category: 'dispatch', title: '群馬県市長会職員研修会', coHosts: [], selection: ['designation'] },
  { group: 'other', category: 'dispatch', title: '自治大学校', coHosts: [], selection: ['designation'] },
  { group: 'other', category: 'dispatch', title: '市町村職員中央研修所／市町村アカデミー', coHosts: [], selection: ['unit-recommendation', 'designation'] },
  { group: 'other', category: 'dispatch', title: '全国市町村国際文化研修所／国際文化アカデミー', coHosts: [], selection: ['unit-recommendation', 'designation'] },
  { group: 'other', category: 'dispatch', title: '全国建設研修センター', coHosts: [], selection: ['unit-recommendation'] },
  { group: 'other', category: 'dispatch', title: '群馬県自治研修センター', coHosts: [], selection: ['unit-recommendation'] },
];

function groupOf(course: Course): Group {
  const levels = [...course.targetRule.positionLevels].sort().join(',');
  if (levels === 'director,manager') return 'managers';
  if (levels === 'chief,supervisor') return 'supervisors';
  if (levels === 'staff') return 'staff';
  return course.category === 'dispatch' || course.targetRule.situations.length > 0 || course.selectionMethods.includes('automatic') ? 'other' : 'everyone';
}

describe('policyCatalog', () => {
  it.each(policyList.map((e) => [e.group, e.title, e] as const))('%s: %s is in the catalog as the policy lists it', (_group, _title, expected) => {
    const found = policyCatalog.filter((c) => c.title === expected.title && groupOf(c) === expected.group);
    expect(found).toHaveLength(1);
    const course = found[0]!;
    expect(course.category).toBe(expected.category);
    expect(course.coHosts).toEqual(expected.coHosts);
    if (expected.selection) expect(course.selectionMethods).toEqual(expected.selection);
  });

  it('holds the 30 courses of II-4-(3), plus only the 職場研修 and IV-2 digital courses', () => {
    const extra = policyCatalog.filter((c) => !policyList.some((e) => e.title === c.title));
    expect(policyCatalog.length - extra.length).toBe(policyList.length);
    expect(extra.map((c) => c.code).sort()).toEqual(['DX-DATA', 'DX-ETHICS', 'DX-PROGRAMMING', 'DX-SCENARIO', 'WORK-OJT']);
  });

  it('validates against the course schema, with unique stable codes', () => {
    for (const course of policyCatalog) expect(courseSchema.safeParse(course).error?.issues ?? []).toEqual([]);
    const codes = policyCatalog.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('GEN-MGR');
    expect(codes).toContain('SP-HYOKA-STAFF');
  });

  it('links only ability items that exist, every course to at least one', () => {
    const known = new Set([...policyAbilityItems, ...digitalSkillItems].map((i) => i.id));
    for (const course of policyCatalog) {
      expect(course.abilityItemIds.length, course.code).toBeGreaterThan(0);
      for (const id of course.abilityItemIds) expect(known.has(id), `${course.code}: ${id}`).toBe(true);
      expect(new Set(course.abilityItemIds).size, course.code).toBe(course.abilityItemIds.length);
    }
  });

  it('links the policy-formation and digital items where the course teaches them', () => {
    const byCode = new Map(policyCatalog.map((c) => [c.code, c]));
    expect(byCode.get('SP-SEISAKU')?.abilityItemIds).toContain('planning-execution');
    for (const code of ['SELF-ELEARN', 'DX-SCENARIO', 'DX-DATA', 'DX-PROGRAMMING', 'DX-ETHICS']) {
      expect(byCode.get(code)?.abilityItemIds.some((id) => digitalSkillItems.some((d) => d.id === id)), code).toBe(true);
    }
  });

  it('targets the groups of その他 by employment type and situation, and the 係員 courses by tenure band', () => {
    const byCode = new Map(policyCatalog.map((c) => [c.code, c]));
    expect(byCode.get('GEN-FISCAL')?.targetRule.employmentTypes).toEqual(['fiscal_full', 'fiscal_part']);
    expect(byCode.get('GEN-CAREER')?.targetRule.employmentTypes).toEqual(['extended']);
    expect(byCode.get('SP-RYORITSU')?.targetRule.situations).toEqual(['returning-from-leave']);
    expect(byCode.get('GEN-NEW')?.targetRule.tenureBands).toEqual(['new-hire']);
    expect(byCode.get('GEN-2ND')?.targetRule.tenureBands).toEqual(['second-year']);
    expect(byCode.get('GEN-JUNIOR')?.targetRule.tenureBands).toEqual(['junior']);
    expect(byCode.get('GEN-MID')?.targetRule.tenureBands).toEqual(['intermediate']);
  });

  it('uses e-learning and correspondence modes only where the policy says so, classroom otherwise', () => {
    const modes = Object.fromEntries(policyCatalog.map((c) => [c.code, c.mode]));
    expect(modes['SELF-ELEARN']).toBe('e-learning');
    expect(modes['SELF-CORR']).toBe('correspondence');
    for (const e of policyList.filter((x) => x.title !== 'eラーニング' && x.title !== '通信教育')) {
      for (const c of policyCatalog.filter((x) => x.title === e.title)) expect(c.mode, c.code).toBe('classroom');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { digitalSkillItems } from '../competency/ability-items.js';
import { areasByAbilityItem, defaultSkillFramework, levelLabel, skillFrameworkSchema, type SkillFramework } from './skill-framework.js';

const messagesOf = (value: unknown) => {
  const result = skillFrameworkSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('digital-skill framework', () => {
  it('has the six default areas of the issue and a four-level scale, and validates', () => {
    expect(defaultSkillFramework.areas.map((a) => a.id)).toEqual(['data-literacy', 'office-automation', 'programming-basics', 'information-security', 'ai-ethics', 'procurement-pm']);
    expect(defaultSkillFramework.levels.map((l) => `${l.level} ${l.label}`)).toEqual(['1 知識なし', '2 基礎', '3 実務で活用', '4 指導できる']);
    expect(messagesOf(defaultSkillFramework)).toEqual([]);
  });

  it('maps every default area to one of the three digital ability items, and each item gets at least one area', () => {
    const byItem = areasByAbilityItem(defaultSkillFramework);
    expect([...byItem.keys()].sort()).toEqual(digitalSkillItems.map((i) => i.id).sort());
    expect(byItem.get('digital-ethics')!.map((a) => a.id)).toEqual(['information-security', 'ai-ethics']);
  });

  const withAreas = (areas: SkillFramework['areas']): SkillFramework => ({ ...defaultSkillFramework, areas });
  const withLevels = (levels: SkillFramework['levels']): SkillFramework => ({ ...defaultSkillFramework, levels });
  const area = defaultSkillFramework.areas[0]!;

  it.each([
    ['duplicate area ids', withAreas([area, { ...area, label: '別名' }]), 'areas.1.id: 分野のID「data-literacy」が重複しています'],
    ['an area id with capitals', withAreas([{ ...area, id: 'Data' }]), 'areas.0.id: 分野のIDは英小文字・数字・- で入力してください'],
    ['an empty label', withAreas([{ ...area, label: ' ' }]), 'areas.0.label: 分野名を入力してください'],
    ['an ability item that is not a digital item', withAreas([{ ...area, abilityItemId: 'ethics' }]), 'areas.0.abilityItemId: 対応する能力評価項目を選んでください'],
    ['no areas', withAreas([]), 'areas: 分野を1つ以上登録してください'],
    ['levels with a gap', withLevels([{ level: 1, label: 'a', description: '' }, { level: 3, label: 'b', description: '' }]), 'levels.1.level: 段階は1から順に番号を付けてください(2番目は2)'],
    ['duplicate level names', withLevels([{ level: 1, label: 'a', description: '' }, { level: 2, label: 'a', description: '' }]), 'levels.1.label: 段階の名前「a」が重複しています'],
    ['a single level', withLevels([{ level: 1, label: 'a', description: '' }]), 'levels: 段階は2つ以上にしてください'],
  ])('refuses %s', (_name, framework, message) => {
    expect(messagesOf(framework)).toContain(message);
  });

  it('refuses unknown keys (strict) and accepts six levels', () => {
    expect(messagesOf({ ...defaultSkillFramework, extra: 1 }).length).toBeGreaterThan(0);
    const six = Array.from({ length: 6 }, (_, i) => ({ level: i + 1, label: `L${i + 1}`, description: '' }));
    expect(messagesOf(withLevels(six))).toEqual([]);
    expect(messagesOf(withLevels([...six, { level: 7, label: 'L7', description: '' }]))).toContain('levels: 段階は6つ以内にしてください');
  });

  it('labels a level, or shows the number when the scale lost it', () => {
    expect(levelLabel(defaultSkillFramework, 3)).toBe('実務で活用');
    expect(levelLabel(defaultSkillFramework, 9)).toBe('9');
  });
});

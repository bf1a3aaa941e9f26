/**
 * The digital-skill framework (デジタルスキルの枠組み, policy IV-2): the areas staff assess themselves on and the level
 * scale, stored as the settings document `digital-skill-framework`. Each area feeds one of the three digital ability
 * items rated in ability evaluation (ability-items.ts, IV-2-(7)); the areas are the finer self-assessment behind them
 * (ADR 0015).
 */
import { z } from 'zod';
import { digitalSkillItems } from '../competency/ability-items.js';

export const digitalSkillFrameworkKey = 'digital-skill-framework';

const areaIdPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const digitalItemIds = digitalSkillItems.map((item) => item.id);

export const skillLevelSchema = z.object({
  level: z.int('段階は整数で入力してください').min(1, '段階は1以上にしてください').max(9, '段階は9以下にしてください'),
  label: z.string().trim().min(1, '段階の名前を入力してください').max(20, '段階の名前は20文字以内で入力してください'),
  description: z.string().trim().max(200, '段階の説明は200文字以内で入力してください'),
});
export type SkillLevel = z.infer<typeof skillLevelSchema>;

export const skillAreaSchema = z.object({
  id: z.string().regex(areaIdPattern, '分野のIDは英小文字・数字・- で入力してください').max(60, '分野のIDは60文字以内で入力してください'),
  label: z.string().trim().min(1, '分野名を入力してください').max(50, '分野名は50文字以内で入力してください'),
  description: z.string().trim().max(500, '分野の説明は500文字以内で入力してください'),
  /** the digital ability item (能力評価のデジタルスキル項目) this area feeds */
  abilityItemId: z.string().refine((id) => digitalItemIds.includes(id), '対応する能力評価項目を選んでください'),
});
export type SkillArea = z.infer<typeof skillAreaSchema>;

/**
 * Areas 1–30 with unique ids; levels numbered 1, 2, … in order (2 to 6 of them) with unique names. A level scale
 * with gaps would make "level 3" mean different things in different years' summaries.
 */
export const skillFrameworkSchema = z
  .strictObject({
    areas: z.array(skillAreaSchema).min(1, '分野を1つ以上登録してください').max(30, '分野は30件以内にしてください'),
    levels: z.array(skillLevelSchema).min(2, '段階は2つ以上にしてください').max(6, '段階は6つ以内にしてください'),
  })
  .superRefine((framework, ctx) => {
    const ids = new Set<string>();
    framework.areas.forEach((area, index) => {
      if (ids.has(area.id)) ctx.addIssue({ code: 'custom', path: ['areas', index, 'id'], message: `分野のID「${area.id}」が重複しています` });
      ids.add(area.id);
    });
    const labels = new Set<string>();
    framework.levels.forEach((level, index) => {
      if (level.level !== index + 1) ctx.addIssue({ code: 'custom', path: ['levels', index, 'level'], message: `段階は1から順に番号を付けてください(${index + 1}番目は${index + 1})` });
      if (labels.has(level.label)) ctx.addIssue({ code: 'custom', path: ['levels', index, 'label'], message: `段階の名前「${level.label}」が重複しています` });
      labels.add(level.label);
    });
  });
export type SkillFramework = z.infer<typeof skillFrameworkSchema>;

/** Four levels: what a self-assessment can honestly say without a test (ADR 0015). */
export const defaultSkillLevels: readonly SkillLevel[] = [
  { level: 1, label: '知識なし', description: 'ほとんど知らない、使ったことがない。' },
  { level: 2, label: '基礎', description: '基本的な知識があり、手順を見ながらできる。' },
  { level: 3, label: '実務で活用', description: '自分の業務で日常的に使いこなしている。' },
  { level: 4, label: '指導できる', description: '他の職員に教えたり、所属の取組をリードしたりできる。' },
];

/** The issue's default areas (issue 4 item 7), following IV-2-(4), (8), (9) and III-4 (AI-OCR・RPA). */
export const defaultSkillAreas: readonly SkillArea[] = [
  {
    id: 'data-literacy',
    label: 'データリテラシー',
    description: 'データを正確に読み取り、集計・分析して業務の判断に使う(IV-2-(4))。',
    abilityItemId: 'data-literacy',
  },
  {
    id: 'office-automation',
    label: '業務の自動化(RPA・AI-OCR)',
    description: 'RPA・AI-OCR・表計算のマクロなどで定型業務を自動化する(III-4)。',
    abilityItemId: 'digital-tools',
  },
  {
    id: 'programming-basics',
    label: 'プログラミングの基礎',
    description: 'プログラムやデータサイエンスの基本的な考え方を理解し、簡単な処理を作る(IV-2-(8))。',
    abilityItemId: 'digital-tools',
  },
  {
    id: 'information-security',
    label: '情報セキュリティ',
    description: '個人情報保護・情報セキュリティポリシーを理解し、安全に情報を扱う(IV-2-(4)(9))。',
    abilityItemId: 'digital-ethics',
  },
  {
    id: 'ai-ethics',
    label: 'AIの活用と倫理',
    description: '生成AIなどを業務に活かし、その限界と倫理的・法的な注意点を理解する(IV-2-(9))。',
    abilityItemId: 'digital-ethics',
  },
  {
    id: 'procurement-pm',
    label: 'システム調達・プロジェクト管理',
    description: '仕様書の作成、ベンダーとの調整、導入プロジェクトの進行管理を行う(IV-1)。',
    abilityItemId: 'digital-tools',
  },
];

export const defaultSkillFramework: SkillFramework = {
  areas: defaultSkillAreas.map((a) => ({ ...a })),
  levels: defaultSkillLevels.map((l) => ({ ...l })),
};

/** The label of `level` on the scale, or the number when the scale no longer has it. */
export function levelLabel(framework: Pick<SkillFramework, 'levels'>, level: number): string {
  return framework.levels.find((l) => l.level === level)?.label ?? String(level);
}

/** The areas feeding each digital ability item, in the framework's order (for the ability-evaluation sheet). */
export function areasByAbilityItem(framework: Pick<SkillFramework, 'areas'>): Map<string, SkillArea[]> {
  const byItem = new Map<string, SkillArea[]>();
  for (const area of framework.areas) byItem.set(area.abilityItemId, [...(byItem.get(area.abilityItemId) ?? []), area]);
  return byItem;
}

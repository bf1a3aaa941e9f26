/**
 * The competency framework (policy II-4): the 15 ability items (能力評価の項目) with their categories, which
 * items each position level is evaluated on, the required-ability text per level, and the digital-skills
 * items of IV-2-(7). A framework is versioned by the fiscal year it starts in, so HR can change next
 * year's without touching sheets already opened under an earlier version.
 */
import { z } from 'zod';
import { positionLevelLabels, positionLevels, type PositionLevel } from '../org/org-model.js';

export const abilityCategories = ['independence', 'independence-cooperation', 'cooperation'] as const;
/** 自立 / 自立・協調 / 協調 — the header row of the policy's table ("自立・協調の精神で業務を遂行する人材"). */
export type AbilityCategory = (typeof abilityCategories)[number];
export const abilityCategoryLabels: Record<AbilityCategory, string> = {
  independence: '自立',
  'independence-cooperation': '自立・協調',
  cooperation: '協調',
};

export const abilityItemGroups = ['policy', 'digital'] as const;
/** policy: the 15 items of II-4-(2); digital: the digital-skills items of IV-2-(7) */
export type AbilityItemGroup = (typeof abilityItemGroups)[number];

const itemIdPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export const abilityItemSchema = z.object({
  id: z.string().regex(itemIdPattern, '評価項目のIDは英小文字・数字・- で入力してください').max(60),
  label: z.string().trim().min(1, '評価項目名を入力してください').max(50, '評価項目名は50文字以内で入力してください'),
  category: z.enum(abilityCategories),
  group: z.enum(abilityItemGroups),
  /** what the item looks at (着眼点); the policy gives none for its 15 items */
  description: z.string().trim().max(500, '着眼点は500文字以内で入力してください').nullable(),
});
export type AbilityItem = z.infer<typeof abilityItemSchema>;

/** The 15 items in the policy's order (II-4-(2), 【職位ごとの能力評価項目】), categories as its header row. */
export const policyAbilityItems: readonly AbilityItem[] = [
  { id: 'ethics', label: '倫理', category: 'independence', group: 'policy', description: null },
  { id: 'knowledge-skill', label: '知識・技術', category: 'independence', group: 'policy', description: null },
  { id: 'vision', label: '構想', category: 'independence', group: 'policy', description: null },
  { id: 'planning-execution', label: '企画・立案・事務事業の実施', category: 'independence', group: 'policy', description: null },
  { id: 'explanation', label: '説明', category: 'independence', group: 'policy', description: null },
  { id: 'explanation-coordination', label: '説明・調整', category: 'independence-cooperation', group: 'policy', description: null },
  { id: 'operations-management', label: '業務運営', category: 'independence-cooperation', group: 'policy', description: null },
  { id: 'task-execution', label: '業務遂行', category: 'independence-cooperation', group: 'policy', description: null },
  { id: 'problem-solving', label: '課題対応', category: 'independence-cooperation', group: 'policy', description: null },
  { id: 'communication', label: 'コミュニケーション', category: 'cooperation', group: 'policy', description: null },
  { id: 'cooperativeness', label: '協調性', category: 'cooperation', group: 'policy', description: null },
  { id: 'judgement', label: '判断', category: 'cooperation', group: 'policy', description: null },
  { id: 'subordinate-development', label: '部下の活用・育成', category: 'cooperation', group: 'policy', description: null },
  { id: 'leadership-development', label: '組織統率・人材育成', category: 'cooperation', group: 'policy', description: null },
  { id: 'leadership', label: '組織統率', category: 'cooperation', group: 'policy', description: null },
];

/**
 * Digital skills, rated as part of ability evaluation (IV-2-(7) デジタルスキルの積極的評価). The policy names
 * no items; these three follow the skills it asks to train: data literacy (IV-2-(4), (8)), using digital
 * tools in daily work (IV-2-(2), (5)), and information security with the ethics and law of digital work
 * (IV-2-(4) データセキュリティ, (9) 個人情報保護・AI の倫理的な使用). All three are 自立: they parallel
 * 知識・技術 and 倫理, and IV-1 calls acquiring DX knowledge 自立性.
 */
export const digitalSkillItems: readonly AbilityItem[] = [
  {
    id: 'data-literacy',
    label: 'データリテラシー',
    category: 'independence',
    group: 'digital',
    description: 'データを正確に理解・分析し、データに基づいた判断や業務改善ができる。',
  },
  {
    id: 'digital-tools',
    label: 'デジタルツールの活用',
    category: 'independence',
    group: 'digital',
    description: 'デジタルツールやシステムを使いこなし、業務の効率化や行政サービスのオンライン化に活かすことができる。',
  },
  {
    id: 'digital-ethics',
    label: '情報セキュリティ・デジタル倫理',
    category: 'independence',
    group: 'digital',
    description: '個人情報保護・情報セキュリティやAIの倫理的な使用など、デジタル化に伴う法令と倫理を理解し、適切に行動できる。',
  },
];

/** The row names of the policy's table (参謀・課長 read as 参事・課長, see issue 3). */
export const policyMatrixRowLabels: Record<PositionLevel, string> = {
  director: '部長',
  manager: '参事・課長',
  chief: '主幹',
  supervisor: '課長補佐・係長',
  staff: '係員',
};

/** The ● cells of the policy's table, row by row; 主幹 has its own row, so `chief` is not `supervisor`. */
export const policyMatrix: Record<PositionLevel, readonly string[]> = {
  director: ['ethics', 'vision', 'explanation-coordination', 'operations-management', 'judgement', 'leadership'],
  manager: ['ethics', 'vision', 'explanation-coordination', 'operations-management', 'judgement', 'leadership-development'],
  chief: ['ethics', 'planning-execution', 'explanation-coordination', 'task-execution', 'judgement', 'subordinate-development'],
  supervisor: ['ethics', 'explanation', 'problem-solving', 'cooperativeness'],
  staff: ['ethics', 'knowledge-skill', 'task-execution', 'communication'],
};

const chiefAndSupervisorText =
  '上司を補佐し、職場の実態を的確に把握して目標達成に向けた具体的な政策立案や課題決定ができる能力。また、関係者と利害調整を行いながら業務を円滑に遂行するため業務管理と事務改善を推進し、所属職員の指導を行うことのできる能力。部下の健康に留意するとともに、係内の和を図ることのできる能力。また、市内外を問わず、積極的に接点を持ち、政策立案や自らの専門性向上に努めることができる能力。';

/** 職位ごとに求める能力 (II-4-(1)); the 主幹・課長補佐・係長級 text applies to chief and supervisor alike. */
export const policyRequiredAbilities: Record<PositionLevel, string> = {
  director:
    '長期的展望に立った政策判断を行い、進むべき方向性を打ち出し行政運営にあたるとともに、市政全般に対する政策評価と政策論議ができる能力。また、豊かな人間性と広い視野、高い見識を有し、統率力・折衝力を備えて組織を統轄することができる能力。業務に関連する部署間の合理的な調整を図ることができる能力。',
  manager:
    '組織目標を達成するため、総合的な価値判断に基づき課としての目標・方針を決定し、業務を効果的に遂行することができる能力。また、所属職員を育成し、的確なマネジメントを行うべく、監視・管理する目だけではなく自らも動くプレイングマネージャーとしての能力。所管する部署の業務について、係間の協力体制を確立することのできる能力。',
  chief: chiefAndSupervisorText,
  supervisor: chiefAndSupervisorText,
  staff:
    '市職員の責務を自覚し、行動するとともに、常に積極的な自己啓発を行うことができる能力。担当業務の知識・技能を深め、正確で迅速な業務遂行に所属職員と協力して取り組むことができる能力。また、住民・事業者等と積極的に接点を持ち、現状把握・課題把握に努めることができる能力。',
};

const positionLevelSchema = z.enum(positionLevels);

export const competencyFrameworkSchema = z
  .object({
    /** the first fiscal year (年度) this version applies to */
    fiscalYear: z.int('年度は整数で入力してください').min(2000, '年度は2000以降にしてください').max(9998, '年度は9998以前にしてください'),
    /** every item this version knows, in display order */
    items: z.array(abilityItemSchema).min(1, '評価項目を1つ以上登録してください').max(100, '評価項目は100件以内にしてください'),
    /** the items each position level is evaluated on (zod 4 records over an enum require every level) */
    matrix: z.record(positionLevelSchema, z.array(z.string())),
    requiredAbilities: z.record(
      positionLevelSchema,
      z.string().trim().min(1, '求める能力を入力してください').max(2000, '求める能力は2000文字以内で入力してください'),
    ),
    /** when enabled, these items are added to every level's sheet (IV-2-(7)) */
    digitalSkills: z.object({ isEnabled: z.boolean(), itemIds: z.array(z.string()) }),
  })
  .superRefine((framework, ctx) => {
    const byId = new Map<string, AbilityItem>();
    const labels = new Set<string>();
    framework.items.forEach((item, index) => {
      if (byId.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `評価項目のID「${item.id}」が重複しています` });
      if (labels.has(item.label)) ctx.addIssue({ code: 'custom', path: ['items', index, 'label'], message: `評価項目名「${item.label}」が重複しています` });
      byId.set(item.id, item);
      labels.add(item.label);
    });
    for (const level of positionLevels) {
      const ids = framework.matrix[level];
      if (ids.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['matrix', level], message: `${positionLevelLabels[level]}の評価項目を1つ以上選んでください` });
      }
      const seen = new Set<string>();
      ids.forEach((id, index) => {
        if (!byId.has(id)) {
          ctx.addIssue({ code: 'custom', path: ['matrix', level, index], message: `評価項目「${id}」は登録されていません` });
        }
        if (seen.has(id)) {
          ctx.addIssue({ code: 'custom', path: ['matrix', level, index], message: `${positionLevelLabels[level]}の評価項目「${id}」が重複しています` });
        }
        seen.add(id);
      });
    }
    const digital = framework.digitalSkills;
    const seenDigital = new Set<string>();
    digital.itemIds.forEach((id, index) => {
      const item = byId.get(id);
      if (!item) {
        ctx.addIssue({ code: 'custom', path: ['digitalSkills', 'itemIds', index], message: `評価項目「${id}」は登録されていません` });
      } else if (item.group !== 'digital') {
        ctx.addIssue({ code: 'custom', path: ['digitalSkills', 'itemIds', index], message: `「${item.label}」はデジタルスキルの評価項目ではありません` });
      }
      if (seenDigital.has(id)) {
        ctx.addIssue({ code: 'custom', path: ['digitalSkills', 'itemIds', index], message: `デジタルスキルの評価項目「${id}」が重複しています` });
      }
      seenDigital.add(id);
    });
    if (digital.isEnabled && digital.itemIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['digitalSkills', 'itemIds'], message: 'デジタルスキルを評価する場合は評価項目を1つ以上選んでください' });
    }
  });
/** One version of the framework, validated as HR edits it. */
export type CompetencyFramework = z.infer<typeof competencyFrameworkSchema>;

/** All versions of a municipality: one per starting fiscal year. */
export const competencyFrameworksSchema = z.array(competencyFrameworkSchema).superRefine((frameworks, ctx) => {
  const years = new Set<number>();
  frameworks.forEach((framework, index) => {
    if (years.has(framework.fiscalYear)) {
      ctx.addIssue({ code: 'custom', path: [index, 'fiscalYear'], message: `${framework.fiscalYear}年度の評価項目が重複しています` });
    }
    years.add(framework.fiscalYear);
  });
});

/**
 * The policy's framework starting in `fiscalYear`: the 15 items and the three digital-skills items, the
 * matrix and texts of II-4, and digital skills switched on for every level — IV-2-(7) asks for digital
 * skills to be evaluated in ability evaluation; HR switches them off per version if the city has not
 * adopted that yet.
 */
export function defaultFramework(fiscalYear: number): CompetencyFramework {
  return {
    fiscalYear,
    items: [...policyAbilityItems, ...digitalSkillItems].map((item) => ({ ...item })),
    matrix: {
      director: [...policyMatrix.director],
      manager: [...policyMatrix.manager],
      chief: [...policyMatrix.chief],
      supervisor: [...policyMatrix.supervisor],
      staff: [...policyMatrix.staff],
    },
    requiredAbilities: { ...policyRequiredAbilities },
    digitalSkills: { isEnabled: true, itemIds: digitalSkillItems.map((item) => item.id) },
  };
}

/**
 * The items a person of `level` is rated on, in the framework's item order: the level's row of the matrix
 * plus, when switched on, the digital-skills items (each item once).
 */
export function itemsForLevel(framework: CompetencyFramework, level: PositionLevel): AbilityItem[] {
  const ids = new Set(framework.matrix[level]);
  if (framework.digitalSkills.isEnabled) for (const id of framework.digitalSkills.itemIds) ids.add(id);
  return framework.items.filter((item) => ids.has(item.id));
}

/**
 * The version in force for fiscal year `fiscalYear`: the latest one starting at or before it (undefined
 * when every version starts later). Sheets keep the items they were opened with; this only decides what a
 * new sheet gets.
 */
export function frameworkForYear(frameworks: readonly CompetencyFramework[], fiscalYear: number): CompetencyFramework | undefined {
  let found: CompetencyFramework | undefined;
  for (const framework of frameworks) {
    if (framework.fiscalYear <= fiscalYear && (!found || framework.fiscalYear >= found.fiscalYear)) found = framework;
  }
  return found;
}

/**
 * The training vocabulary (研修, policy II-4-(3), III-1-(2), IV): courses of the catalog, who they target, how
 * people are chosen, and the sessions of the annual plan (職員研修計画). Plain data and Zod schemas; the rules
 * that decide who must attend live in `training-targets.ts`.
 */
import { z } from 'zod';
import { employmentTypes, positionLevels } from '../org/org-model.js';

export const courseCategories = ['general', 'special', 'self-directed', 'workplace', 'dispatch'] as const;
/** 一般研修 / 特別研修 / 自主研修 / 職場研修 / 派遣研修 (policy II-4-(3) and the 人材育成プログラム) */
export type CourseCategory = (typeof courseCategories)[number];
export const courseCategoryLabels: Record<CourseCategory, string> = {
  general: '一般研修',
  special: '特別研修',
  'self-directed': '自主研修',
  workplace: '職場研修',
  dispatch: '派遣研修',
};

export const courseProviders = [
  'internal',
  'external-lecturer',
  'prefecture-centre',
  'mayors-association',
  'jichi-daigakko',
  'shichoson-academy',
  'kokusai-bunka-academy',
  'kensetsu-centre',
  'other',
] as const;
export type CourseProvider = (typeof courseProviders)[number];
export const courseProviderLabels: Record<CourseProvider, string> = {
  internal: '市(職員課)',
  'external-lecturer': '外部講師',
  'prefecture-centre': '群馬県自治研修センター',
  'mayors-association': '群馬県市長会',
  'jichi-daigakko': '自治大学校',
  'shichoson-academy': '市町村職員中央研修所(市町村アカデミー)',
  'kokusai-bunka-academy': '全国市町村国際文化研修所(国際文化アカデミー)',
  'kensetsu-centre': '全国建設研修センター',
  other: 'その他',
};

export const courseModes = ['classroom', 'e-learning', 'correspondence', 'on-the-job'] as const;
export type CourseMode = (typeof courseModes)[number];
export const courseModeLabels: Record<CourseMode, string> = {
  classroom: '集合研修',
  'e-learning': 'eラーニング',
  correspondence: '通信教育',
  'on-the-job': '職場研修(OJT)',
};

export const selectionMethods = ['automatic', 'unit-recommendation', 'designation', 'application'] as const;
/** 職位・在籍年数による自動 / 所属推薦 / 指定 / 希望 (policy III-1-(2)) */
export type SelectionMethod = (typeof selectionMethods)[number];
export const selectionMethodLabels: Record<SelectionMethod, string> = {
  automatic: '職位・在籍年数による対象者',
  'unit-recommendation': '所属推薦',
  designation: '指定',
  application: '希望',
};

export const tenureBands = ['new-hire', 'second-year', 'junior', 'intermediate'] as const;
/** 新規採用 / 2年目 / 初級 / 中級 — the years since hiring of each band are settings (`TenureBandSettings`). */
export type TenureBand = (typeof tenureBands)[number];
export const tenureBandLabels: Record<TenureBand, string> = {
  'new-hire': '新規採用職員',
  'second-year': '2年目職員',
  junior: '初級職員',
  intermediate: '中級職員',
};

export const trainingSituations = ['returning-from-leave'] as const;
/** 育児休業等からの復帰 (両立支援研修) */
export type TrainingSituation = (typeof trainingSituations)[number];
export const trainingSituationLabels: Record<TrainingSituation, string> = { 'returning-from-leave': '休業からの復帰' };

/**
 * Who a course is for. Every list that is non-empty narrows the set (a person must match each); an empty list
 * does not narrow. A rule with every list empty targets nobody automatically (the course is by recommendation,
 * designation or application only).
 */
export const targetRuleSchema = z.object({
  positionLevels: z.array(z.enum(positionLevels)),
  tenureBands: z.array(z.enum(tenureBands)),
  employmentTypes: z.array(z.enum(employmentTypes)),
  situations: z.array(z.enum(trainingSituations)),
});
export type TargetRule = z.infer<typeof targetRuleSchema>;

/** 年目 (1 = hired in this 年度) ranges of the tenure bands, inclusive; a setting of the municipality. */
export const tenureBandSettingsSchema = z
  .record(z.enum(tenureBands), z.object({ fromYear: z.int().min(1).max(60), toYear: z.int().min(1).max(60) }))
  .superRefine((bands, ctx) => {
    for (const band of tenureBands) {
      const range = bands[band];
      if (range && range.fromYear > range.toYear) {
        ctx.addIssue({ code: 'custom', path: [band, 'toYear'], message: `${tenureBandLabels[band]}の終了年目は開始年目以降にしてください` });
      }
    }
  });
export type TenureBandSettings = z.infer<typeof tenureBandSettingsSchema>;

export const courseSchema = z.object({
  code: z.string().trim().min(1, 'コードを入力してください').max(30, 'コードは30文字以内で入力してください'),
  title: z.string().trim().min(1, '研修名を入力してください').max(200, '研修名は200文字以内で入力してください'),
  category: z.enum(courseCategories),
  provider: z.enum(courseProviders),
  mode: z.enum(courseModes),
  /** 合同実施の自治体 (e.g. 藤岡市, 富岡市) */
  coHosts: z.array(z.string().trim().min(1).max(50)).max(20),
  targetRule: targetRuleSchema,
  selectionMethods: z.array(z.enum(selectionMethods)).min(1, '対象者の決め方を1つ以上選んでください'),
  /** ids of the competency framework's ability items (incl. digital skills) the course develops */
  abilityItemIds: z.array(z.string().min(1).max(64)).max(30),
  description: z.string().trim().max(2000, '説明は2000文字以内で入力してください'),
  isActive: z.boolean(),
});
export type Course = z.infer<typeof courseSchema>;

export const sessionSchema = z
  .object({
    startsOn: z.string(),
    endsOn: z.string(),
    place: z.string().trim().max(200),
    capacity: z.int().min(1, '定員は1以上で入力してください').max(100_000).nullable(),
    lecturer: z.string().trim().max(200),
    note: z.string().trim().max(2000),
  })
  .refine((s) => s.endsOn >= s.startsOn, { message: '終了日は開始日以降にしてください', path: ['endsOn'] });
export type TrainingSession = z.infer<typeof sessionSchema>;

/** What the target rules need to know of a person on the reference date. */
export type StaffFacts = {
  staffId: number;
  hireDate: string;
  employmentType: (typeof employmentTypes)[number];
  /** level of the regular post on the reference date; null without a post */
  positionLevel: (typeof positionLevels)[number] | null;
  situations: readonly TrainingSituation[];
};

export type TargetDecision = { isTarget: true; reason: string } | { isTarget: false };

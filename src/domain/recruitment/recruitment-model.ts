/**
 * Recruitment (人材確保, issue 7, policy III-3): exam categories, stages, rubrics and eligibility rules as data.
 * The policy asks for exams that see cooperation (group discussion beside the paper test and the interview), age
 * limits that can be raised or removed, mid-career hires and test centres; every figure here is a setting.
 */
import { z } from 'zod';
import { isValidIsoDate } from '../common/fiscal-year.js';

export const campaignCategories = ['general-admin', 'mid-career', 'licensed', 'fiscal-year'] as const;
export type CampaignCategory = (typeof campaignCategories)[number];
export const campaignCategoryLabels: Record<CampaignCategory, string> = {
  'general-admin': '大卒程度(一般行政)',
  'mid-career': '社会人経験者',
  licensed: '資格職',
  'fiscal-year': '会計年度任用職員',
};

export const stageKinds = ['documents', 'written', 'interview', 'group-discussion', 'final-interview'] as const;
export type StageKind = (typeof stageKinds)[number];
export const stageKindLabels: Record<StageKind, string> = {
  documents: '書類選考',
  written: '筆記試験(教養)',
  interview: '個人面接',
  'group-discussion': '集団討論(グループディスカッション)',
  'final-interview': '最終面接',
};
/** Stages rated by several raters on a rubric; the others get one score (or pass/fail) per applicant. */
export const rubricStageKinds: readonly StageKind[] = ['interview', 'group-discussion', 'final-interview'];

const isoDate = z.string().refine(isValidIsoDate, '日付は YYYY-MM-DD の形式で入力してください');

export const rubricItemSchema = z.object({
  id: z.string().trim().regex(/^[a-z][a-z0-9-]{0,39}$/, '評価項目のIDは半角英小文字・数字・ハイフンで入力してください'),
  label: z.string().trim().min(1, '評価項目名を入力してください').max(40),
  /** what the rater looks for, shown on the scoring form */
  description: z.string().trim().max(200).default(''),
  weight: z.number().positive('重みは0より大きい数にしてください').max(10),
});
export type RubricItem = z.infer<typeof rubricItemSchema>;

/** A rubric: items scored 1..scaleMax by each rater (the scale is the same for every item of the stage). */
export const rubricSchema = z
  .object({
    scaleMax: z.int().min(2).max(10),
    items: z.array(rubricItemSchema).min(1, '評価項目を1つ以上設定してください').max(12),
  })
  .refine((r) => new Set(r.items.map((i) => i.id)).size === r.items.length, { message: '評価項目のIDが重複しています', path: ['items'] });
export type Rubric = z.infer<typeof rubricSchema>;

/** The defaults of the recruitment settings: what a group discussion observes (policy III-3-(1)) and an interview. */
export const defaultDiscussionRubric: Rubric = {
  scaleMax: 5,
  items: [
    { id: 'cooperation', label: '協調性', description: '他の人の意見を生かし、まとめる方向に動けるか', weight: 2 },
    { id: 'listening', label: '傾聴', description: '他の人の発言を最後まで聞き、受け止めて応じているか', weight: 1.5 },
    { id: 'logic', label: '論理性', description: '根拠を示して筋道立てて話しているか', weight: 1.5 },
    { id: 'leadership', label: 'リーダーシップ', description: '議論を前に進め、時間内に結論へ導いているか', weight: 1 },
  ],
};
export const defaultInterviewRubric: Rubric = {
  scaleMax: 5,
  items: [
    { id: 'motivation', label: '意欲・志望動機', description: '市の仕事への関心と、働く意欲', weight: 1.5 },
    { id: 'independence', label: '自立性', description: '自ら考え、行動した経験を具体的に語れるか', weight: 1.5 },
    { id: 'cooperation', label: '協調性', description: '周囲と協力して成果を上げた経験', weight: 1.5 },
    { id: 'expression', label: '表現力', description: '分かりやすく、相手に伝わる話し方', weight: 1 },
    { id: 'understanding', label: '市政への理解', description: '市の課題や施策への理解', weight: 1 },
  ],
};

/** How a stage's results become pass/fail proposals (HR decides; the rule only proposes). */
export const passRuleSchema = z.discriminatedUnion('kind', [
  /** the best `count` pass; a tie on the boundary is left to HR */
  z.object({ kind: z.literal('top-n'), count: z.int().min(1).max(10_000) }),
  /** everyone at or above the score passes (0–100) */
  z.object({ kind: z.literal('min-score'), minScore: z.number().min(0).max(100) }),
  /** HR decides each applicant by hand (書類選考 of a small campaign) */
  z.object({ kind: z.literal('manual') }),
]);
export type PassRule = z.infer<typeof passRuleSchema>;

export const stageSchema = z.object({
  kind: z.enum(stageKinds),
  name: z.string().trim().min(1).max(60),
  /** written stage only: a sitting of our own or scores imported from a test centre (テストセンター) */
  source: z.enum(['own', 'test-centre']).default('own'),
  passRule: passRuleSchema,
  /** rubric stages only */
  rubric: rubricSchema.nullable().default(null),
  /** rubric stages: how many raters must score each applicant */
  ratersPerApplicant: z.int().min(1).max(5).default(2),
});
export type Stage = z.infer<typeof stageSchema>;

/**
 * Who may apply. Ages are whole years (counted like a birthday) on `ageReferenceDate` — usually April 1 of the
 * year of hiring; null limits are removed (撤廃). Qualifications: every listed one must be held, or — when allowed —
 * expected by the hiring date (取得見込み). Mid-career: years of work experience outside the city.
 */
export const eligibilitySchema = z
  .object({
    ageReferenceDate: isoDate,
    minAge: z.int().min(15).max(80).nullable(),
    maxAge: z.int().min(15).max(80).nullable(),
    requiredQualifications: z.array(z.string().trim().min(1).max(60)).max(10).default([]),
    acceptsExpectedQualification: z.boolean().default(true),
    minWorkExperienceYears: z.int().min(0).max(40).nullable().default(null),
  })
  .refine((e) => e.minAge === null || e.maxAge === null || e.minAge <= e.maxAge, {
    message: '年齢の下限は上限以下にしてください',
    path: ['maxAge'],
  });
export type Eligibility = z.infer<typeof eligibilitySchema>;

/** What the applicant declares that eligibility looks at. */
export type ApplicantFacts = {
  birthDate: string;
  qualifications: ReadonlyArray<{ name: string; status: 'held' | 'expected' }>;
  workExperienceYears: number | null;
};

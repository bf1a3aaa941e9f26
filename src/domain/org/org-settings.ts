/**
 * A municipality's organisation settings — positions, evaluator/confirmer rules, unit heads and the
 * career-phase thresholds — with the defaults for Annaka City (安中市人材育成・確保基本方針, 令和7年4月).
 * Every number here is a setting that HR may edit; `orgSettingsSchema` validates an edited document.
 */
import { z } from 'zod';
import { completedYearsBetween } from '../common/fiscal-year.js';
import {
  careerPhaseLabels,
  careerPhases,
  employmentTypeLabels,
  employmentTypes,
  positionLevelLabels,
  positionLevels,
  type CareerPhase,
  type EmploymentType,
  type PositionLevel,
} from './org-model.js';

export const relationScopes = ['same-unit', 'division', 'department'] as const;
/**
 * Where a candidate holder sits relative to the subject: in the subject's own unit, in the 課 that is or
 * contains it, or in the 部 that is or contains it. The holder must be assigned to that unit itself
 * (a 課長 is assigned to the 課, a 部長 to the 部), not to some other unit below it.
 */
export type RelationScope = (typeof relationScopes)[number];
export const relationScopeLabels: Record<RelationScope, string> = {
  'same-unit': '同じ所属',
  division: '課',
  department: '部',
};

const positionLevelSchema = z.enum(positionLevels);

/** A position as configured (the database assigns the id). */
export const positionSettingSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, '職位コードは英小文字・数字・_ で入力してください'),
  name: z.string().trim().min(1, '職位名を入力してください').max(50),
  /** 1 = most senior; chooses between several candidate evaluators */
  rank: z.int().min(1).max(999),
  level: positionLevelSchema,
  isManagerial: z.boolean(),
});
export type PositionSetting = z.infer<typeof positionSettingSchema>;

export const relationCandidateSchema = z.object({ level: positionLevelSchema, scope: z.enum(relationScopes) });
/** One candidate holder: "the <level> assigned to the subject's <scope>". */
export type RelationCandidate = z.infer<typeof relationCandidateSchema>;

export const relationRuleSchema = z.object({
  /** tried in order, first match wins */
  evaluator: z.array(relationCandidateSchema).max(10),
  /** tried in order, first match wins; an empty list means the confirmer is set by hand */
  confirmer: z.array(relationCandidateSchema).max(10),
});
export type RelationRule = z.infer<typeof relationRuleSchema>;

/** Rules per subject position level (zod 4 records over an enum are exhaustive: every level has a rule). */
export const relationRulesSchema = z.record(positionLevelSchema, relationRuleSchema);
export type RelationRules = z.infer<typeof relationRulesSchema>;

export const careerPhaseRulesSchema = z.object({
  /** ① ends only when this many whole years since hire are completed … */
  rotationYears: z.int().min(1).max(40),
  /** … and this many distinct units (dispatches excluded) have been experienced */
  rotationUnits: z.int().min(1).max(20),
  /** ② lasts until this many whole years since hire; ③ afterwards (also the cap of ①) */
  coreYears: z.int().min(1).max(50),
  /** employment types that follow the role model; the others (会計年度任用, 再任用, 任期付) have no phase */
  phasedEmploymentTypes: z.array(z.enum(employmentTypes)),
});
export type CareerPhaseRules = z.infer<typeof careerPhaseRulesSchema>;

export const orgSettingsSchema = z
  .object({
    positions: z.array(positionSettingSchema).min(1).max(100),
    relationRules: relationRulesSchema,
    /** holding a position of such a level in a unit makes one head (所属長) of it and of its descendants */
    unitHeadLevels: z.array(positionLevelSchema).min(1),
    careerPhaseRules: careerPhaseRulesSchema,
    /** policy III-2-(1): during ① about 3 years per unit, then consider the next placement */
    rotationYearsPerUnit: z.int().min(1).max(20),
    /** policy III-2-(1) ③: after the rotation period, moves in principle every 5 years or more */
    expertCycleYears: z.int().min(1).max(30),
  })
  .superRefine((settings, ctx) => {
    const codes = new Set<string>();
    const ranks = new Set<number>();
    settings.positions.forEach((position, index) => {
      if (codes.has(position.code)) {
        ctx.addIssue({ code: 'custom', path: ['positions', index, 'code'], message: `職位コード「${position.code}」が重複しています` });
      }
      if (ranks.has(position.rank)) {
        ctx.addIssue({ code: 'custom', path: ['positions', index, 'rank'], message: `職位の順位 ${position.rank} が重複しています` });
      }
      codes.add(position.code);
      ranks.add(position.rank);
    });
    // Seniority must follow the level order (部長級 above 課長級 …): the rank decides between candidate
    // evaluators, and an order that contradicts the levels would pick a junior over a senior.
    const levelIndex = (level: PositionLevel): number => positionLevels.indexOf(level);
    settings.positions.forEach((a, index) => {
      const outranked = settings.positions.find((b) => levelIndex(b.level) > levelIndex(a.level) && b.rank < a.rank);
      if (outranked) {
        ctx.addIssue({
          code: 'custom',
          path: ['positions', index, 'rank'],
          message: `「${a.name}」(${positionLevelLabels[a.level]})の順位が「${outranked.name}」(${positionLevelLabels[outranked.level]})より下になっています`,
        });
      }
    });
    const levelsWithPositions = new Set(settings.positions.map((p) => p.level));
    const requireLevel = (level: PositionLevel, path: (string | number)[]): void => {
      if (!levelsWithPositions.has(level)) {
        ctx.addIssue({ code: 'custom', path, message: `${positionLevelLabels[level]}の職位が登録されていません` });
      }
    };
    for (const subject of positionLevels) {
      const rule = settings.relationRules[subject];
      rule.evaluator.forEach((c, i) => requireLevel(c.level, ['relationRules', subject, 'evaluator', i, 'level']));
      rule.confirmer.forEach((c, i) => requireLevel(c.level, ['relationRules', subject, 'confirmer', i, 'level']));
    }
    settings.unitHeadLevels.forEach((level, i) => requireLevel(level, ['unitHeadLevels', i]));
    if (new Set(settings.unitHeadLevels).size !== settings.unitHeadLevels.length) {
      ctx.addIssue({ code: 'custom', path: ['unitHeadLevels'], message: '所属長とする職位区分が重複しています' });
    }
    const rules = settings.careerPhaseRules;
    if (rules.coreYears <= rules.rotationYears) {
      ctx.addIssue({
        code: 'custom',
        path: ['careerPhaseRules', 'coreYears'],
        message: '中核職員期間の終了年数はジョブローテーション期間の年数より大きくしてください',
      });
    }
  });
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

/** 安中市の職位 (rank 1 = most senior). The levels are the rows of the competency matrix (policy II-4-(2)). */
export const defaultPositions: readonly PositionSetting[] = [
  { code: 'bucho', name: '部長', rank: 1, level: 'director', isManagerial: true },
  { code: 'sanji', name: '参事', rank: 2, level: 'manager', isManagerial: true },
  { code: 'kacho', name: '課長', rank: 3, level: 'manager', isManagerial: true },
  { code: 'shukan', name: '主幹', rank: 4, level: 'chief', isManagerial: false },
  { code: 'kacho_hosa', name: '課長補佐', rank: 5, level: 'supervisor', isManagerial: false },
  { code: 'kakaricho', name: '係長', rank: 6, level: 'supervisor', isManagerial: false },
  { code: 'shunin', name: '主任', rank: 7, level: 'staff', isManagerial: false },
  { code: 'shuji', name: '主事', rank: 8, level: 'staff', isManagerial: false },
  { code: 'gishi', name: '技師', rank: 9, level: 'staff', isManagerial: false },
  { code: 'hokenshi', name: '保健師', rank: 10, level: 'staff', isManagerial: false },
];

/**
 * Who evaluates and confirms whom (実施規程: 評価者・確認者). The usual line: a 係員 is evaluated by the
 * 係長 of their 係 (else the 課長補佐, else the 課長) and confirmed by the 課長; 係長級 and 主幹 by the 課長
 * and the 部長; a 課長 by the 部長. The 課長's confirmer and everything for a 部長 are the deputy mayor and
 * the mayor, who are outside the system: those are set by hand. The confirmer is never the evaluator
 * (the second look is the point of 確認), so a 係員 whose 課長 is already the evaluator is confirmed
 * by the 部長 — hence the second confirmer candidate.
 */
export const defaultRelationRules: RelationRules = {
  staff: {
    evaluator: [
      { level: 'supervisor', scope: 'same-unit' },
      { level: 'supervisor', scope: 'division' },
      { level: 'manager', scope: 'division' },
    ],
    confirmer: [
      { level: 'manager', scope: 'division' },
      { level: 'director', scope: 'department' },
    ],
  },
  supervisor: {
    evaluator: [{ level: 'manager', scope: 'division' }],
    confirmer: [{ level: 'director', scope: 'department' }],
  },
  chief: {
    evaluator: [{ level: 'manager', scope: 'division' }],
    confirmer: [{ level: 'director', scope: 'department' }],
  },
  manager: {
    evaluator: [{ level: 'director', scope: 'department' }],
    confirmer: [],
  },
  director: { evaluator: [], confirmer: [] },
};

/**
 * The career-phase thresholds. Policy III-2-(1) names the phases but gives no numbers except "about 3
 * years per unit" (①) and "5 years or more" (③); see `deriveCareerPhase` for the rule and its reasons.
 * 定年延長 staff are regular staff past 60 and keep a phase; 会計年度任用, 再任用 and 任期付 are hired
 * for a post, not for a career, so the role model does not apply to them.
 */
export const defaultCareerPhaseRules: CareerPhaseRules = {
  rotationYears: 10,
  rotationUnits: 3,
  coreYears: 20,
  phasedEmploymentTypes: ['regular', 'extended'],
};

export const defaultOrgSettings: OrgSettings = {
  positions: [...defaultPositions],
  relationRules: defaultRelationRules,
  unitHeadLevels: ['director', 'manager'],
  careerPhaseRules: defaultCareerPhaseRules,
  rotationYearsPerUnit: 3,
  expertCycleYears: 5,
};

export type CareerPhaseInput = {
  employmentType: EmploymentType;
  hireDate: string;
  /** the date the phase is wanted for */
  date: string;
  /** distinct units experienced up to `date`, dispatches excluded (career.ts `unitsExperienced`) */
  unitsExperienced: number;
  /** set by HR on the staff record; applied only together with a reason */
  override?: CareerPhase | null;
  overrideReason?: string | null;
};

export type CareerPhaseResult = {
  phase: CareerPhase | null;
  source: 'rule' | 'override' | 'not-applicable';
  /** a Japanese sentence with the facts, shown next to the phase */
  reason: string;
  yearsSinceHire: number;
};

/**
 * The career phase of the 安中市版ロールモデル (policy III-2-(1)) on a date.
 *
 * Rule: ① rotation lasts until BOTH `rotationYears` whole years since hire (10) are completed AND
 * `rotationUnits` distinct units (3) have been experienced; ② core from then until `coreYears` (20)
 * whole years since hire; ③ expert afterwards. Why both conditions: the policy's ① is about breadth —
 * "一部署につき約3年程度在籍し、複数の部署を経験" — and 10 years is three such stints plus the first
 * year; ending ① on time alone would let someone who never rotated fall under ③'s "少なくとも5年は異動させない",
 * and ending it on units alone would end it after six years for anyone moved quickly. Someone still short
 * of units after 10 years stays in ①, so the rotation checks keep proposing a move. At `coreYears` the
 * person is ③ whatever their unit count: a 20-year veteran is no longer "入庁後間もない". Age is not used:
 * the policy speaks of years since hire, and mid-career hires (社会人経験者) start ① at hire too.
 * HR may set the phase by hand (e.g. a 保健師 or 技師 whose career is one field); the override applies
 * only with a reason, which is shown.
 */
export function deriveCareerPhase(input: CareerPhaseInput, settings: { careerPhaseRules: CareerPhaseRules }): CareerPhaseResult {
  const rules = settings.careerPhaseRules;
  const yearsSinceHire = Math.max(0, completedYearsBetween(input.hireDate, input.date));
  const overrideReason = input.overrideReason?.trim() ?? '';
  if (input.override && overrideReason !== '') {
    return {
      phase: input.override,
      source: 'override',
      reason: `人事担当が${careerPhaseLabels[input.override]}に設定しています(理由: ${overrideReason})。`,
      yearsSinceHire,
    };
  }
  // An override without a reason is not applied: the policy's phase must be explainable to the person.
  const ignoredNote = input.override ? '(人事担当による設定は理由が未入力のため適用していません)' : '';
  if (!rules.phasedEmploymentTypes.includes(input.employmentType)) {
    return {
      phase: null,
      source: 'not-applicable',
      reason: `${employmentTypeLabels[input.employmentType]}の職員はロールモデルのキャリア段階の対象外です。${ignoredNote}`,
      yearsSinceHire,
    };
  }
  const units = input.unitsExperienced;
  const facts = `入庁${yearsSinceHire}年・経験所属数${units}`;
  let phase: CareerPhase;
  let why: string;
  if (yearsSinceHire >= rules.coreYears) {
    phase = 'expert';
    why = `${facts}で、入庁${rules.coreYears}年以上のため`;
  } else if (yearsSinceHire < rules.rotationYears) {
    phase = 'rotation';
    why = `${facts}で、入庁${rules.rotationYears}年未満のため`;
  } else if (units < rules.rotationUnits) {
    phase = 'rotation';
    why = `${facts}で、経験所属数が${rules.rotationUnits}未満のため`;
  } else {
    phase = 'core';
    why = `${facts}で、入庁${rules.rotationYears}年以上かつ${rules.rotationUnits}所属以上を経験し、入庁${rules.coreYears}年未満のため`;
  }
  return { phase, source: 'rule', reason: `${why}${careerPhaseLabels[phase]}です。${ignoredNote}`, yearsSinceHire };
}

/** HR's manual career phase on a staff record: a phase without a reason is refused at input. */
export const careerPhaseOverrideSchema = z
  .object({
    override: z.enum(careerPhases).nullable(),
    overrideReason: z.string().trim().max(500).nullable(),
  })
  .refine((v) => v.override === null || (v.overrideReason !== null && v.overrideReason !== ''), {
    message: 'キャリア段階を手動で設定する場合は理由を入力してください',
    path: ['overrideReason'],
  });
export type CareerPhaseOverride = z.infer<typeof careerPhaseOverrideSchema>;

/**
 * The performance sheet (業績評価シート, per half year) and the ability sheet (能力評価シート, per year) as state
 * machines: who may do what in which state, what must be true first, and who may see and edit which part.
 *
 * The machine follows the schedule of 実施規程第6条 (policy III-2-(2)) and issue 3: goals → opening interview
 * → agreement; goal revision at any time after an unexpected event (request → interview → the confirmer
 * approves or rejects); self-evaluation → closing interview → the evaluator's rating → the confirmer's
 * adjustment (調整) and confirmation → feedback interview → disclosure → complaint (相談 → 苦情処理 by HR) →
 * closed. Nothing here reads a clock or a database: the caller passes the actor's relation to the sheet and
 * the moment, and gets the next sheet or a refusal with a code (never an exception).
 */
import { z } from 'zod';
import { isValidIsoDate, type IsoDate } from '../common/fiscal-year.js';
import type { AbilityItem } from '../competency/ability-items.js';
import type { PositionLevel } from '../org/org-model.js';
import { complaintDeadline, type MilestoneStep, type SheetProgress } from './evaluation-calendar.js';
import { gradeScaleSchema, isGradeInScale, overallRuleSchema, type GradeScale, type OverallRule } from './grading.js';

export const sheetRelations = ['evaluatee', 'evaluator', 'confirmer', 'hr'] as const;
/** How the actor stands to the sheet: 被評価者 / 評価者 / 確認者 / 人事担当 (職員課). */
export type SheetRelation = (typeof sheetRelations)[number];
export const sheetRelationLabels: Record<SheetRelation, string> = {
  evaluatee: '被評価者',
  evaluator: '評価者',
  confirmer: '確認者',
  hr: '人事担当',
};

export const performanceStates = [
  'draft',
  'goals-submitted',
  'goals-agreed',
  'revision-requested',
  'revision-interviewed',
  'self-evaluated',
  'evaluator-rated',
  'confirmer-confirmed',
  'feedback-given',
  'result-disclosed',
  'complaint-consulted',
  'complaint-handled',
  'closed',
] as const;
export type PerformanceState = (typeof performanceStates)[number];
export const performanceStateLabels: Record<PerformanceState, string> = {
  draft: '目標設定中',
  'goals-submitted': '目標提出済み',
  'goals-agreed': '目標合意済み',
  'revision-requested': '目標見直し申請中',
  'revision-interviewed': '目標見直し承認待ち',
  'self-evaluated': '自己評価済み',
  'evaluator-rated': '評価者評価済み',
  'confirmer-confirmed': '確認者確認済み',
  'feedback-given': 'フィードバック済み',
  'result-disclosed': '結果開示済み',
  'complaint-consulted': '苦情相談中',
  'complaint-handled': '苦情処理済み',
  closed: '完了',
};

export const abilityStates = ['draft', 'self-rated', 'evaluator-rated', 'confirmer-confirmed', 'feedback-given', 'closed'] as const;
export type AbilityState = (typeof abilityStates)[number];
export const abilityStateLabels: Record<AbilityState, string> = {
  draft: '自己評価中',
  'self-rated': '自己評価済み',
  'evaluator-rated': '評価者評価済み',
  'confirmer-confirmed': '確認者確認済み',
  'feedback-given': 'フィードバック済み',
  closed: '完了',
};

export type SheetState = PerformanceState | AbilityState;

// ---------------------------------------------------------------------------------------------------------
// Input schemas: the form and the server validate alike.

const isoDateSchema = z.string().refine(isValidIsoDate, { message: '日付はYYYY-MM-DD形式で入力してください' });
const requiredText = (max: number, empty: string) =>
  z.string().trim().min(1, empty).max(max, `${max}文字以内で入力してください`);
const optionalText = (max: number) => z.string().trim().max(max, `${max}文字以内で入力してください`);

export const goalDifficulties = ['high', 'standard', 'low'] as const;
/** 難易度 */
export type GoalDifficulty = (typeof goalDifficulties)[number];
export const goalDifficultyLabels: Record<GoalDifficulty, string> = { high: '高', standard: '中', low: '低' };

/** One individual goal; while drafting, title, target and weight may still be empty (checked on submission). */
export const goalSchema = z.object({
  /** stable id given by the caller (the service), so ratings can refer to the goal */
  id: z.string().min(1).max(64),
  /** the unit's team goal (チーム目標) this goal serves; null when the unit has none */
  teamGoalId: z.int().positive().nullable(),
  /** 何を */
  title: optionalText(200),
  /** 目標水準・指標 */
  target: optionalText(1000),
  /** 期限 */
  dueOn: isoDateSchema.nullable(),
  /** ウエイト (%) */
  weight: z.int('ウエイトは整数で入力してください').min(0, 'ウエイトは0〜100で入力してください').max(100, 'ウエイトは0〜100で入力してください').nullable(),
  difficulty: z.enum(goalDifficulties),
});
export type Goal = z.infer<typeof goalSchema>;

export const goalsInputSchema = z
  .array(goalSchema)
  .max(10, '目標は10件以内にしてください')
  .superRefine((goals, ctx) => {
    const ids = new Set<string>();
    goals.forEach((goal, index) => {
      if (ids.has(goal.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: '目標のIDが重複しています' });
      ids.add(goal.id);
    });
  });

export const interviewInputSchema = z.object({ heldOn: isoDateSchema, notes: optionalText(4000) });
export type InterviewInput = z.infer<typeof interviewInputSchema>;

export const entryAssessmentSchema = z.object({ grade: z.string().nullable(), comment: optionalText(2000) });
export type EntryAssessment = z.infer<typeof entryAssessmentSchema>;

/** A self-evaluation or a rating: per goal (performance) or per item (ability), an overall grade and a comment. */
export const assessmentInputSchema = z.object({
  entries: z.record(z.string(), entryAssessmentSchema),
  overallGrade: z.string().nullable(),
  comment: optionalText(4000),
});
export type Assessment = z.infer<typeof assessmentInputSchema>;

/** The confirmer's adjustment (調整): null grade = the evaluator's overall grade stands. */
export const adjustmentInputSchema = z.object({ overallGrade: z.string().nullable(), reason: optionalText(2000) });
export type Adjustment = z.infer<typeof adjustmentInputSchema>;

export const learningKinds = ['training', 'self-directed'] as const;
/** 研修 (a programme of the city or a partner) / 自己啓発 (通信教育, e-learning, 自主研修グループ …) */
export type LearningKind = (typeof learningKinds)[number];

export const learningRecordInputSchema = z
  .object({
    id: z.string().min(1).max(64),
    kind: z.enum(learningKinds),
    title: requiredText(200, '研修・自己啓発の名称を入力してください'),
    startedOn: isoDateSchema,
    endedOn: isoDateSchema.nullable(),
    hours: z.number().min(0, '時間数は0以上で入力してください').max(10_000).nullable(),
    note: optionalText(1000),
  })
  .refine((record) => record.endedOn === null || record.endedOn >= record.startedOn, {
    message: '終了日は開始日以降にしてください',
    path: ['endedOn'],
  });
export type LearningRecordInput = z.infer<typeof learningRecordInputSchema>;
/** Who entered the record: the evaluatee, or HR until the training module records participation itself. */
export type LearningRecord = LearningRecordInput & { source: 'evaluatee' | 'hr' };

export const complaintOutcomes = ['no-change', 'grade-revised', 'withdrawn'] as const;
/** 説明により解決 (評価は維持) / 評価を修正 / 取下げ */
export type ComplaintOutcome = (typeof complaintOutcomes)[number];

const commentRequired = requiredText(2000, 'コメントを入力してください');

export const sheetActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('save-goals'), goals: goalsInputSchema }),
  z.object({ type: z.literal('submit-goals') }),
  z.object({ type: z.literal('return-goals'), comment: commentRequired }),
  z.object({ type: z.literal('record-opening-interview'), interview: interviewInputSchema }),
  z.object({ type: z.literal('agree-goals'), comment: commentRequired }),
  z.object({ type: z.literal('request-revision'), reason: requiredText(2000, '見直しの理由を入力してください'), proposedGoals: goalsInputSchema }),
  z.object({ type: z.literal('record-revision-interview'), interview: interviewInputSchema }),
  z.object({ type: z.literal('approve-revision'), comment: optionalText(2000) }),
  z.object({ type: z.literal('reject-revision'), comment: commentRequired }),
  z.object({ type: z.literal('save-learning'), records: z.array(learningRecordInputSchema).max(100, '研修・自己啓発は100件以内にしてください') }),
  z.object({ type: z.literal('save-self-evaluation'), assessment: assessmentInputSchema }),
  z.object({ type: z.literal('submit-self-evaluation') }),
  z.object({ type: z.literal('record-closing-interview'), interview: interviewInputSchema }),
  z.object({ type: z.literal('save-rating'), assessment: assessmentInputSchema }),
  z.object({ type: z.literal('submit-rating') }),
  z.object({ type: z.literal('return-rating'), comment: commentRequired }),
  z.object({ type: z.literal('save-adjustment'), adjustment: adjustmentInputSchema }),
  z.object({ type: z.literal('save-confirmer-notes'), notes: optionalText(4000) }),
  z.object({ type: z.literal('confirm') }),
  z.object({ type: z.literal('record-feedback'), interview: interviewInputSchema }),
  z.object({ type: z.literal('disclose-result') }),
  z.object({ type: z.literal('consult-complaint'), text: requiredText(4000, '相談内容を入力してください') }),
  z.object({
    type: z.literal('handle-complaint'),
    outcome: z.enum(complaintOutcomes),
    notes: requiredText(4000, '処理の内容を入力してください'),
    revisedGrade: z.string().nullable(),
  }),
  z.object({ type: z.literal('close') }),
]);
/** Everything an actor can do to a sheet, with its payload. */
export type SheetAction = z.infer<typeof sheetActionSchema>;
export type SheetActionType = SheetAction['type'];

export const sheetActionTypes = [
  'save-goals',
  'submit-goals',
  'return-goals',
  'record-opening-interview',
  'agree-goals',
  'request-revision',
  'record-revision-interview',
  'approve-revision',
  'reject-revision',
  'save-learning',
  'save-self-evaluation',
  'submit-self-evaluation',
  'record-closing-interview',
  'save-rating',
  'submit-rating',
  'return-rating',
  'save-adjustment',
  'save-confirmer-notes',
  'confirm',
  'record-feedback',
  'disclose-result',
  'consult-complaint',
  'handle-complaint',
  'close',
] as const satisfies readonly SheetActionType[];

export const sheetActionLabels: Record<SheetActionType, string> = {
  'save-goals': '目標の保存',
  'submit-goals': '目標の提出',
  'return-goals': '目標の差戻し',
  'record-opening-interview': '期首面談の記録',
  'agree-goals': '目標の合意',
  'request-revision': '目標見直しの申請',
  'record-revision-interview': '見直し面談の記録',
  'approve-revision': '目標見直しの承認',
  'reject-revision': '目標見直しの却下',
  'save-learning': '研修・自己啓発の保存',
  'save-self-evaluation': '自己評価の保存',
  'submit-self-evaluation': '自己評価の提出',
  'record-closing-interview': '期末面談の記録',
  'save-rating': '評価の保存',
  'submit-rating': '評価の確定',
  'return-rating': '評価の差戻し',
  'save-adjustment': '評価の調整',
  'save-confirmer-notes': '確認者メモの保存',
  confirm: '評価の確認',
  'record-feedback': 'フィードバック面談の記録',
  'disclose-result': '評価結果の開示',
  'consult-complaint': '苦情相談',
  'handle-complaint': '苦情処理',
  close: '評価の完了',
};

/** The grade scale, overall rule and complaint period in force when the sheet was opened (kept with the sheet). */
export const sheetSettingsSchema = z.object({
  scale: gradeScaleSchema,
  overallRule: overallRuleSchema,
  complaintPeriodDays: z.int().min(1).max(90),
});
export type SheetSettings = z.infer<typeof sheetSettingsSchema>;

// ---------------------------------------------------------------------------------------------------------
// Sheets

export type Interview = InterviewInput & { recordedAt: string };

export type GoalRevision = {
  reason: string;
  proposedGoals: Goal[];
  requestedOn: IsoDate;
  interview: Interview | null;
  decision: { isApproved: boolean; comment: string; decidedOn: IsoDate } | null;
};

export type Complaint = {
  text: string;
  consultedOn: IsoDate;
  handling: { outcome: ComplaintOutcome; notes: string; previousGrade: string | null; revisedGrade: string | null; handledOn: IsoDate } | null;
};

export type HistoryEntry = {
  action: SheetActionType;
  from: SheetState;
  to: SheetState;
  relation: SheetRelation;
  staffId: number | null;
  at: string;
};

type SheetCommon = {
  settings: SheetSettings;
  /** the evaluatee has no account (often 会計年度任用職員): HR records the evaluatee's steps on their behalf */
  isHrProxy: boolean;
  periodStartsOn: IsoDate;
  periodEndsOn: IsoDate;
  selfEvaluation: Assessment;
  rating: Assessment;
  /** the confirmer's comment when sending the rating back to the evaluator */
  ratingReview: string | null;
  adjustment: Adjustment | null;
  /** the confirmer's internal notes: never shown to the evaluatee */
  confirmerNotes: string;
  feedbackInterview: Interview | null;
  /** the confirmed grade (after adjustment, or as revised by complaint handling) */
  finalGrade: string | null;
  history: HistoryEntry[];
};

export type PerformanceSheet = SheetCommon & {
  kind: 'performance';
  period: 'first-half' | 'second-half';
  state: PerformanceState;
  goals: Goal[];
  /** the evaluator's latest comment on the goals (on agreement or when sending them back) */
  goalsComment: string | null;
  openingInterview: Interview | null;
  /** the revision under way */
  revision: GoalRevision | null;
  /** decided revisions, oldest first */
  revisions: GoalRevision[];
  learning: LearningRecord[];
  closingInterview: Interview | null;
  disclosedOn: IsoDate | null;
  /** last day of the complaint period (inclusive) */
  complaintUntil: IsoDate | null;
  complaint: Complaint | null;
};

export type AbilitySheet = SheetCommon & {
  kind: 'ability';
  period: 'year';
  state: AbilityState;
  positionLevel: PositionLevel;
  /** the items of the person's level, copied from the framework version in force when the sheet was opened */
  items: AbilityItem[];
};

export type EvaluationSheet = PerformanceSheet | AbilitySheet;

const emptyAssessment = (): Assessment => ({ entries: {}, overallGrade: null, comment: '' });

function commonOf(input: { settings: SheetSettings; isHrProxy: boolean; periodStartsOn: IsoDate; periodEndsOn: IsoDate }): SheetCommon {
  return {
    settings: input.settings,
    isHrProxy: input.isHrProxy,
    periodStartsOn: input.periodStartsOn,
    periodEndsOn: input.periodEndsOn,
    selfEvaluation: emptyAssessment(),
    rating: emptyAssessment(),
    ratingReview: null,
    adjustment: null,
    confirmerNotes: '',
    feedbackInterview: null,
    finalGrade: null,
    history: [],
  };
}

/** A new performance sheet in draft, as HR opens the cycle. */
export function createPerformanceSheet(input: {
  period: 'first-half' | 'second-half';
  periodStartsOn: IsoDate;
  periodEndsOn: IsoDate;
  settings: SheetSettings;
  isHrProxy: boolean;
}): PerformanceSheet {
  return {
    ...commonOf(input),
    kind: 'performance',
    period: input.period,
    state: 'draft',
    goals: [],
    goalsComment: null,
    openingInterview: null,
    revision: null,
    revisions: [],
    learning: [],
    closingInterview: null,
    disclosedOn: null,
    complaintUntil: null,
    complaint: null,
  };
}

/** A new ability sheet in draft with the items of the person's level (`itemsForLevel`). */
export function createAbilitySheet(input: {
  periodStartsOn: IsoDate;
  periodEndsOn: IsoDate;
  positionLevel: PositionLevel;
  items: readonly AbilityItem[];
  settings: SheetSettings;
  isHrProxy: boolean;
}): AbilitySheet {
  return {
    ...commonOf(input),
    kind: 'ability',
    period: 'year',
    state: 'draft',
    positionLevel: input.positionLevel,
    items: input.items.map((item) => ({ ...item })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The machine as data

type TransitionRule<S extends string> = { action: SheetActionType; from: readonly S[]; to: S | 'same'; relations: readonly SheetRelation[] };

export const editableFieldNames = ['goals', 'learning', 'selfEvaluation', 'rating', 'adjustment', 'confirmerNotes'] as const;
/** The parts of a sheet changed by a save-… action (everything else is recorded by a transition). */
export type EditableField = (typeof editableFieldNames)[number];
type EditRule<S extends string> = { field: EditableField; states: readonly S[]; relations: readonly SheetRelation[] };

const saveActionFields = {
  'save-goals': 'goals',
  'save-learning': 'learning',
  'save-self-evaluation': 'selfEvaluation',
  'save-rating': 'rating',
  'save-adjustment': 'adjustment',
  'save-confirmer-notes': 'confirmerNotes',
} as const satisfies Partial<Record<SheetActionType, EditableField>>;
type SaveActionType = keyof typeof saveActionFields;

function isSaveAction(type: SheetActionType): type is SaveActionType {
  return type in saveActionFields;
}

export const performanceTransitions: readonly TransitionRule<PerformanceState>[] = [
  { action: 'submit-goals', from: ['draft'], to: 'goals-submitted', relations: ['evaluatee'] },
  { action: 'return-goals', from: ['goals-submitted'], to: 'draft', relations: ['evaluator'] },
  { action: 'record-opening-interview', from: ['goals-submitted'], to: 'same', relations: ['evaluator'] },
  { action: 'agree-goals', from: ['goals-submitted'], to: 'goals-agreed', relations: ['evaluator'] },
  { action: 'request-revision', from: ['goals-agreed'], to: 'revision-requested', relations: ['evaluatee'] },
  { action: 'record-revision-interview', from: ['revision-requested'], to: 'revision-interviewed', relations: ['evaluator'] },
  { action: 'approve-revision', from: ['revision-interviewed'], to: 'goals-agreed', relations: ['confirmer'] },
  { action: 'reject-revision', from: ['revision-interviewed'], to: 'goals-agreed', relations: ['confirmer'] },
  { action: 'submit-self-evaluation', from: ['goals-agreed'], to: 'self-evaluated', relations: ['evaluatee'] },
  { action: 'record-closing-interview', from: ['self-evaluated'], to: 'same', relations: ['evaluator'] },
  { action: 'submit-rating', from: ['self-evaluated'], to: 'evaluator-rated', relations: ['evaluator'] },
  { action: 'return-rating', from: ['evaluator-rated'], to: 'self-evaluated', relations: ['confirmer'] },
  { action: 'confirm', from: ['evaluator-rated'], to: 'confirmer-confirmed', relations: ['confirmer'] },
  { action: 'record-feedback', from: ['confirmer-confirmed'], to: 'feedback-given', relations: ['evaluator'] },
  // HR discloses once the sheet has reached 職員課, so every complaint period is counted from one act.
  { action: 'disclose-result', from: ['feedback-given'], to: 'result-disclosed', relations: ['hr'] },
  { action: 'consult-complaint', from: ['result-disclosed'], to: 'complaint-consulted', relations: ['evaluatee'] },
  { action: 'handle-complaint', from: ['complaint-consulted'], to: 'complaint-handled', relations: ['hr'] },
  { action: 'close', from: ['result-disclosed', 'complaint-handled'], to: 'closed', relations: ['hr'] },
];

const beforeSelfEvaluation = ['draft', 'goals-submitted', 'goals-agreed', 'revision-requested', 'revision-interviewed'] as const;

export const performanceEditRules: readonly EditRule<PerformanceState>[] = [
  { field: 'goals', states: ['draft'], relations: ['evaluatee'] },
  { field: 'learning', states: beforeSelfEvaluation, relations: ['evaluatee'] },
  // Until the training module records participation, HR enters trainings at any time before the lock.
  { field: 'learning', states: performanceStates.filter((s) => s !== 'closed'), relations: ['hr'] },
  { field: 'selfEvaluation', states: ['goals-agreed'], relations: ['evaluatee'] },
  { field: 'rating', states: ['self-evaluated'], relations: ['evaluator'] },
  { field: 'adjustment', states: ['evaluator-rated'], relations: ['confirmer'] },
  { field: 'confirmerNotes', states: ['evaluator-rated', 'confirmer-confirmed'], relations: ['confirmer'] },
];

export const abilityTransitions: readonly TransitionRule<AbilityState>[] = [
  { action: 'submit-self-evaluation', from: ['draft'], to: 'self-rated', relations: ['evaluatee'] },
  { action: 'submit-rating', from: ['self-rated'], to: 'evaluator-rated', relations: ['evaluator'] },
  { action: 'return-rating', from: ['evaluator-rated'], to: 'self-rated', relations: ['confirmer'] },
  { action: 'confirm', from: ['evaluator-rated'], to: 'confirmer-confirmed', relations: ['confirmer'] },
  { action: 'record-feedback', from: ['confirmer-confirmed'], to: 'feedback-given', relations: ['evaluator'] },
  // The ability sheet goes to 職員課 in March (実施規程第6条); HR closes it on receipt.
  { action: 'close', from: ['feedback-given'], to: 'closed', relations: ['hr'] },
];

export const abilityEditRules: readonly EditRule<AbilityState>[] = [
  { field: 'selfEvaluation', states: ['draft'], relations: ['evaluatee'] },
  { field: 'rating', states: ['self-rated'], relations: ['evaluator'] },
  { field: 'adjustment', states: ['evaluator-rated'], relations: ['confirmer'] },
  { field: 'confirmerNotes', states: ['evaluator-rated', 'confirmer-confirmed'], relations: ['confirmer'] },
];

const abilityActions = new Set<SheetActionType>([...abilityTransitions.map((t) => t.action), 'save-self-evaluation', 'save-rating', 'save-adjustment', 'save-confirmer-notes']);

/** HR acts for an evaluatee without an account (会計年度任用職員 often have none — facts.md). */
function relationsWithProxy(relations: readonly SheetRelation[], sheet: EvaluationSheet): readonly SheetRelation[] {
  return sheet.isHrProxy && relations.includes('evaluatee') && !relations.includes('hr') ? [...relations, 'hr'] : relations;
}

function transitionsOf(sheet: EvaluationSheet): readonly TransitionRule<SheetState>[] {
  return sheet.kind === 'performance' ? performanceTransitions : abilityTransitions;
}

function editRulesOf(sheet: EvaluationSheet): readonly EditRule<SheetState>[] {
  return sheet.kind === 'performance' ? performanceEditRules : abilityEditRules;
}

/**
 * The parts the relation may change now. Nobody edits a closed sheet; the evaluator never edits the
 * self-evaluation, the confirmer neither the self-evaluation nor the evaluator's rating (the confirmer's
 * say is the adjustment).
 */
export function editableFields(sheet: EvaluationSheet, relation: SheetRelation): EditableField[] {
  if (sheet.state === 'closed') return [];
  const fields = new Set<EditableField>();
  for (const rule of editRulesOf(sheet)) {
    if (rule.states.includes(sheet.state) && relationsWithProxy(rule.relations, sheet).includes(relation)) fields.add(rule.field);
  }
  return editableFieldNames.filter((field) => fields.has(field));
}

/** The actions the relation may attempt in the sheet's state (their preconditions are checked on apply). */
export function allowedActions(sheet: EvaluationSheet, relation: SheetRelation): SheetActionType[] {
  if (sheet.state === 'closed') return [];
  const editable = new Set(editableFields(sheet, relation));
  return sheetActionTypes.filter((type) => {
    if (isSaveAction(type)) return (sheet.kind === 'performance' || abilityActions.has(type)) && editable.has(saveActionFields[type]);
    const rule = transitionsOf(sheet).find((t) => t.action === type);
    return rule !== undefined && rule.from.includes(sheet.state) && relationsWithProxy(rule.relations, sheet).includes(relation);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Visibility

export const performanceFields = [
  'goals',
  'goalsComment',
  'openingInterview',
  'revision',
  'learning',
  'selfEvaluation',
  'closingInterview',
  'rating',
  'ratingReview',
  'adjustment',
  'confirmerNotes',
  'feedbackInterview',
  'finalGrade',
  'complaint',
  'history',
] as const;
export const abilityFields = ['items', 'selfEvaluation', 'rating', 'ratingReview', 'adjustment', 'confirmerNotes', 'feedbackInterview', 'finalGrade', 'history'] as const;
/** The parts of a sheet a viewer may or may not see ('revision' covers the pending and the decided ones, 'complaint' its handling). */
export type SheetField = (typeof performanceFields)[number] | (typeof abilityFields)[number];

/** 'always', 'never', or from a state on (by the order of the states). */
type Visibility<S extends string> = 'always' | 'never' | { from: S };

/** How far a sheet has come: revision and complaint states sit beside the state they branch from. */
const performanceRank: Record<PerformanceState, number> = {
  draft: 0,
  'goals-submitted': 1,
  'goals-agreed': 2,
  'revision-requested': 2,
  'revision-interviewed': 2,
  'self-evaluated': 3,
  'evaluator-rated': 4,
  'confirmer-confirmed': 5,
  'feedback-given': 6,
  'result-disclosed': 7,
  'complaint-consulted': 7,
  'complaint-handled': 7,
  closed: 8,
};
const abilityRank: Record<AbilityState, number> = {
  draft: 0,
  'self-rated': 1,
  'evaluator-rated': 2,
  'confirmer-confirmed': 3,
  'feedback-given': 4,
  closed: 5,
};

type VisibilityRow<S extends string> = Record<SheetRelation, Visibility<S>>;
const everyone: VisibilityRow<never> = { evaluatee: 'always', evaluator: 'always', confirmer: 'always', hr: 'always' };

/**
 * Performance sheet visibility. The evaluatee sees the rating, the adjustment and the final grade only once
 * the result is disclosed, and never the confirmer's internal notes or the confirmer's comment to the
 * evaluator. The evaluator and the confirmer see a self-evaluation once submitted; the evaluator sees the
 * adjustment once confirmed. Complaints are confidential (facts.md): only the evaluatee and HR see them.
 */
export const performanceVisibility: Record<(typeof performanceFields)[number], VisibilityRow<PerformanceState>> = {
  goals: everyone,
  goalsComment: everyone,
  openingInterview: everyone,
  revision: everyone,
  learning: everyone,
  selfEvaluation: { evaluatee: 'always', evaluator: { from: 'self-evaluated' }, confirmer: { from: 'self-evaluated' }, hr: 'always' },
  closingInterview: everyone,
  rating: { evaluatee: { from: 'result-disclosed' }, evaluator: 'always', confirmer: { from: 'evaluator-rated' }, hr: 'always' },
  ratingReview: { evaluatee: 'never', evaluator: 'always', confirmer: 'always', hr: 'always' },
  adjustment: { evaluatee: { from: 'result-disclosed' }, evaluator: { from: 'confirmer-confirmed' }, confirmer: 'always', hr: 'always' },
  confirmerNotes: { evaluatee: 'never', evaluator: 'never', confirmer: 'always', hr: 'always' },
  feedbackInterview: everyone,
  finalGrade: { evaluatee: { from: 'result-disclosed' }, evaluator: { from: 'confirmer-confirmed' }, confirmer: { from: 'confirmer-confirmed' }, hr: 'always' },
  complaint: { evaluatee: 'always', evaluator: 'never', confirmer: 'never', hr: 'always' },
  history: everyone,
};

/** Ability sheet visibility: as the performance sheet, with the result shown to the evaluatee from the feedback on. */
export const abilityVisibility: Record<(typeof abilityFields)[number], VisibilityRow<AbilityState>> = {
  items: everyone,
  selfEvaluation: { evaluatee: 'always', evaluator: { from: 'self-rated' }, confirmer: { from: 'self-rated' }, hr: 'always' },
  rating: { evaluatee: { from: 'feedback-given' }, evaluator: 'always', confirmer: { from: 'evaluator-rated' }, hr: 'always' },
  ratingReview: { evaluatee: 'never', evaluator: 'always', confirmer: 'always', hr: 'always' },
  adjustment: { evaluatee: { from: 'feedback-given' }, evaluator: { from: 'confirmer-confirmed' }, confirmer: 'always', hr: 'always' },
  confirmerNotes: { evaluatee: 'never', evaluator: 'never', confirmer: 'always', hr: 'always' },
  feedbackInterview: everyone,
  finalGrade: { evaluatee: { from: 'feedback-given' }, evaluator: { from: 'confirmer-confirmed' }, confirmer: { from: 'confirmer-confirmed' }, hr: 'always' },
  history: everyone,
};

function isVisible<S extends string>(visibility: Visibility<S>, state: S, rank: Record<S, number>): boolean {
  if (visibility === 'always') return true;
  if (visibility === 'never') return false;
  return rank[state] >= rank[visibility.from];
}

/** The parts of the sheet a viewer of this relation may see now. */
export function visibleFields(sheet: EvaluationSheet, viewerRelation: SheetRelation): SheetField[] {
  if (sheet.kind === 'performance') {
    const state = sheet.state;
    return performanceFields.filter((field) => isVisible(performanceVisibility[field][viewerRelation], state, performanceRank));
  }
  const state = sheet.state;
  return abilityFields.filter((field) => isVisible(abilityVisibility[field][viewerRelation], state, abilityRank));
}

const historyHiddenFrom: Partial<Record<SheetActionType, readonly SheetRelation[]>> = {
  'return-rating': ['evaluatee'],
  'consult-complaint': ['evaluator', 'confirmer'],
  'handle-complaint': ['evaluator', 'confirmer'],
};

/** The history entries a viewer may see (complaints stay between the evaluatee and HR; returns of ratings between the raters). */
export function visibleHistory(sheet: EvaluationSheet, viewerRelation: SheetRelation): HistoryEntry[] {
  return sheet.history.filter((entry) => !(historyHiddenFrom[entry.action] ?? []).includes(viewerRelation));
}

/** The calendar milestones the sheet has completed (for overdue lists and "what is due next"). */
export function sheetProgress(sheet: EvaluationSheet): SheetProgress {
  const completed: MilestoneStep[] = [];
  if (sheet.kind === 'performance') {
    const rank = performanceRank[sheet.state];
    if (rank >= 1) completed.push('goal-submission');
    if (sheet.openingInterview) completed.push('opening-interview');
    if (rank >= 3) completed.push('self-evaluation');
    if (sheet.closingInterview) completed.push('closing-interview');
    if (rank >= 4) completed.push('evaluator-rating');
    if (rank >= 5) completed.push('confirmation');
    if (rank >= 6) completed.push('feedback');
    // Submission to 職員課 is done when HR, having received the sheet, discloses the result.
    if (rank >= 7) completed.push('submission');
    return { period: sheet.period, completed };
  }
  const rank = abilityRank[sheet.state];
  if (rank >= 1) completed.push('self-evaluation');
  if (rank >= 2) completed.push('evaluator-rating');
  if (rank >= 3) completed.push('confirmation');
  if (rank >= 4) completed.push('feedback');
  if (rank >= 5) completed.push('submission');
  return { period: sheet.period, completed };
}

// ---------------------------------------------------------------------------------------------------------
// Applying an action

export type SheetActor = { relation: SheetRelation; staffId: number | null };
/** The instant (ISO string, kept in the history) and today's date in Asia/Tokyo. */
export type Now = { at: string; today: IsoDate };

export type SheetErrorCode =
  /** the sheet is closed: nothing changes any more */
  | 'evaluation.sheet-locked'
  /** the action belongs to the other kind of sheet */
  | 'evaluation.action-not-applicable'
  /** the action is not possible in the sheet's state */
  | 'evaluation.invalid-transition'
  /** the action is possible now, but not for the actor's relation */
  | 'evaluation.forbidden-relation'
  /** the payload does not pass its schema */
  | 'evaluation.invalid-input'
  | 'evaluation.goals-missing'
  | 'evaluation.goal-incomplete'
  | 'evaluation.weights-not-100'
  /** an assessment names a goal or item that is not on the sheet */
  | 'evaluation.unknown-entry'
  | 'evaluation.grade-not-in-scale'
  | 'evaluation.opening-interview-missing'
  | 'evaluation.closing-interview-missing'
  | 'evaluation.self-evaluation-incomplete'
  | 'evaluation.rating-incomplete'
  | 'evaluation.adjustment-reason-required'
  | 'evaluation.interview-date-invalid'
  | 'evaluation.complaint-period-over'
  | 'evaluation.complaint-period-open'
  | 'evaluation.revised-grade-required';

export type TransitionFailure = { ok: false; code: SheetErrorCode; message: string };
export type TransitionResult<T extends EvaluationSheet = EvaluationSheet> = { ok: true; sheet: T } | TransitionFailure;

function fail(code: SheetErrorCode, message: string): TransitionFailure {
  return { ok: false, code, message };
}

function stateLabelOf(sheet: EvaluationSheet): string {
  return sheet.kind === 'performance' ? performanceStateLabels[sheet.state] : abilityStateLabels[sheet.state];
}

function checkGoals(goals: readonly Goal[], rule: OverallRule): TransitionFailure | undefined {
  if (goals.length === 0) return fail('evaluation.goals-missing', '目標を1件以上設定してください');
  for (const [index, goal] of goals.entries()) {
    const missing = goal.title.trim() === '' ? '内容' : goal.target.trim() === '' ? '目標水準・指標' : undefined;
    if (missing) return fail('evaluation.goal-incomplete', `目標${index + 1}の${missing}を入力してください`);
    if (rule.weighting === 'weight' && (goal.weight === null || goal.weight < 1)) {
      return fail('evaluation.goal-incomplete', `目標${index + 1}のウエイトを1以上で入力してください`);
    }
  }
  if (rule.weighting === 'weight') {
    const total = goals.reduce((sum, goal) => sum + (goal.weight ?? 0), 0);
    if (total !== 100) return fail('evaluation.weights-not-100', `ウエイトの合計が${total}です。合計を100にしてください`);
  }
  return undefined;
}

function entryIdsOf(sheet: EvaluationSheet): string[] {
  return sheet.kind === 'performance' ? sheet.goals.map((goal) => goal.id) : sheet.items.map((item) => item.id);
}

function checkGrade(scale: GradeScale, grade: string | null): TransitionFailure | undefined {
  if (grade !== null && !isGradeInScale(scale, grade)) return fail('evaluation.grade-not-in-scale', `評語「${grade}」はこの評価では使用できません`);
  return undefined;
}

function checkAssessment(sheet: EvaluationSheet, assessment: Assessment): TransitionFailure | undefined {
  const ids = new Set(entryIdsOf(sheet));
  for (const [id, entry] of Object.entries(assessment.entries)) {
    if (!ids.has(id)) return fail('evaluation.unknown-entry', sheet.kind === 'performance' ? '評価シートにない目標が含まれています' : '評価シートにない評価項目が含まれています');
    const bad = checkGrade(sheet.settings.scale, entry.grade);
    if (bad) return bad;
  }
  return checkGrade(sheet.settings.scale, assessment.overallGrade);
}

function isEveryEntryGraded(sheet: EvaluationSheet, assessment: Assessment): boolean {
  return entryIdsOf(sheet).every((id) => (assessment.entries[id]?.grade ?? null) !== null);
}

function checkInterview(sheet: EvaluationSheet, interview: InterviewInput, now: Now): TransitionFailure | undefined {
  if (interview.heldOn < sheet.periodStartsOn || interview.heldOn > now.today) {
    return fail('evaluation.interview-date-invalid', `面談日は評価期間の開始日(${sheet.periodStartsOn})から今日(${now.today})までの日付にしてください`);
  }
  return undefined;
}

const recorded = (interview: InterviewInput, now: Now): Interview => ({ ...interview, recordedAt: now.at });

type Effect<T extends EvaluationSheet> = TransitionFailure | T;

/** Preconditions and effects shared by both kinds (rating, adjustment, confirmation, feedback). */
function applyCommon<T extends EvaluationSheet>(sheet: T, action: SheetAction, now: Now): Effect<T> | undefined {
  switch (action.type) {
    case 'save-self-evaluation':
    case 'save-rating': {
      const bad = checkAssessment(sheet, action.assessment);
      if (bad) return bad;
      const assessment = structuredClone(action.assessment);
      return action.type === 'save-self-evaluation' ? { ...sheet, selfEvaluation: assessment } : { ...sheet, rating: assessment };
    }
    case 'submit-self-evaluation':
      if (!isEveryEntryGraded(sheet, sheet.selfEvaluation)) {
        return fail('evaluation.self-evaluation-incomplete', sheet.kind === 'performance' ? 'すべての目標の自己評価を入力してください' : 'すべての評価項目の自己評価を入力してください');
      }
      return sheet;
    case 'submit-rating':
      if (sheet.kind === 'performance' && !sheet.closingInterview) return fail('evaluation.closing-interview-missing', '期末面談を記録してから評価を確定してください');
      if (!isEveryEntryGraded(sheet, sheet.rating) || sheet.rating.overallGrade === null || sheet.rating.comment.trim() === '') {
        return fail('evaluation.rating-incomplete', sheet.kind === 'performance' ? 'すべての目標の評価、総合評価と評価コメントを入力してください' : 'すべての評価項目の評価、総合評価と評価コメントを入力してください');
      }
      return { ...sheet, ratingReview: null };
    case 'return-rating':
      return { ...sheet, ratingReview: action.comment };
    case 'save-adjustment': {
      const bad = checkGrade(sheet.settings.scale, action.adjustment.overallGrade);
      return bad ?? { ...sheet, adjustment: { ...action.adjustment } };
    }
    case 'save-confirmer-notes':
      return { ...sheet, confirmerNotes: action.notes };
    case 'confirm': {
      const adjusted = sheet.adjustment?.overallGrade ?? null;
      if (adjusted !== null && adjusted !== sheet.rating.overallGrade && (sheet.adjustment?.reason ?? '').trim() === '') {
        return fail('evaluation.adjustment-reason-required', '評価を調整する場合は調整の理由を入力してください');
      }
      return { ...sheet, finalGrade: adjusted ?? sheet.rating.overallGrade };
    }
    case 'record-feedback':
      return checkInterview(sheet, action.interview, now) ?? { ...sheet, feedbackInterview: recorded(action.interview, now) };
    case 'close':
      return sheet;
    default:
      return undefined;
  }
}

function applyPerformance(sheet: PerformanceSheet, action: SheetAction, actor: SheetActor, now: Now): Effect<PerformanceSheet> {
  switch (action.type) {
    case 'save-goals':
      return { ...sheet, goals: structuredClone(action.goals) };
    case 'submit-goals':
      return checkGoals(sheet.goals, sheet.settings.overallRule) ?? sheet;
    case 'return-goals':
      return { ...sheet, goalsComment: action.comment };
    case 'record-opening-interview':
      return checkInterview(sheet, action.interview, now) ?? { ...sheet, openingInterview: recorded(action.interview, now) };
    case 'agree-goals':
      if (!sheet.openingInterview) return fail('evaluation.opening-interview-missing', '期首面談を記録してから目標に合意してください');
      return { ...sheet, goalsComment: action.comment };
    case 'request-revision': {
      const bad = checkGoals(action.proposedGoals, sheet.settings.overallRule);
      if (bad) return bad;
      return {
        ...sheet,
        revision: { reason: action.reason, proposedGoals: structuredClone(action.proposedGoals), requestedOn: now.today, interview: null, decision: null },
      };
    }
    case 'record-revision-interview': {
      const bad = checkInterview(sheet, action.interview, now);
      if (bad) return bad;
      return sheet.revision ? { ...sheet, revision: { ...sheet.revision, interview: recorded(action.interview, now) } } : sheet;
    }
    case 'approve-revision':
    case 'reject-revision': {
      if (!sheet.revision) return sheet;
      const isApproved = action.type === 'approve-revision';
      const decided: GoalRevision = { ...sheet.revision, decision: { isApproved, comment: action.comment, decidedOn: now.today } };
      const goals = isApproved ? decided.proposedGoals.map((goal) => ({ ...goal })) : sheet.goals;
      // A self-evaluation drafted for goals that the revision removed would otherwise linger unseen.
      const kept = new Set(goals.map((goal) => goal.id));
      const entries = Object.fromEntries(Object.entries(sheet.selfEvaluation.entries).filter(([id]) => kept.has(id)));
      return { ...sheet, goals, revision: null, revisions: [...sheet.revisions, decided], selfEvaluation: { ...sheet.selfEvaluation, entries } };
    }
    case 'save-learning': {
      const source = actor.relation === 'hr' ? 'hr' : 'evaluatee';
      const others = sheet.learning.filter((record) => record.source !== source);
      return { ...sheet, learning: [...others, ...action.records.map((record) => ({ ...record, source }) satisfies LearningRecord)] };
    }
    case 'record-closing-interview':
      return checkInterview(sheet, action.interview, now) ?? { ...sheet, closingInterview: recorded(action.interview, now) };
    case 'disclose-result':
      return { ...sheet, disclosedOn: now.today, complaintUntil: complaintDeadline(now.today, sheet.settings.complaintPeriodDays) };
    case 'consult-complaint':
      if (sheet.complaintUntil === null || now.today > sheet.complaintUntil) {
        return fail('evaluation.complaint-period-over', `苦情相談の期間(${sheet.complaintUntil ?? '—'}まで)を過ぎています`);
      }
      return { ...sheet, complaint: { text: action.text, consultedOn: now.today, handling: null } };
    case 'handle-complaint': {
      if (!sheet.complaint) return sheet;
      const isRevised = action.outcome === 'grade-revised';
      if (isRevised && action.revisedGrade === null) return fail('evaluation.revised-grade-required', '評価を修正する場合は修正後の評語を選んでください');
      const bad = isRevised ? checkGrade(sheet.settings.scale, action.revisedGrade) : undefined;
      if (bad) return bad;
      const revisedGrade = isRevised ? action.revisedGrade : null;
      return {
        ...sheet,
        finalGrade: revisedGrade ?? sheet.finalGrade,
        complaint: {
          ...sheet.complaint,
          handling: { outcome: action.outcome, notes: action.notes, previousGrade: sheet.finalGrade, revisedGrade, handledOn: now.today },
        },
      };
    }
    case 'close':
      if (sheet.state === 'result-disclosed' && sheet.complaintUntil !== null && now.today <= sheet.complaintUntil) {
        return fail('evaluation.complaint-period-open', `苦情相談の期間(${sheet.complaintUntil}まで)が終わるまで完了できません`);
      }
      return sheet;
    default:
      return applyCommon(sheet, action, now) ?? sheet;
  }
}

/**
 * Applies one action of an actor at a moment. Checks, in order: the sheet is not closed; the action exists
 * for this kind of sheet; it is possible in the current state; the actor's relation may do it (HR also for
 * the evaluatee's steps when the sheet is kept by HR); the payload passes `sheetActionSchema`; the
 * preconditions hold. State changes are appended to the history; saves are not (the audit log has them).
 */
export function applyTransition<T extends EvaluationSheet>(sheet: T, action: SheetAction, actor: SheetActor, now: Now): TransitionResult<T> {
  if (sheet.state === 'closed') return fail('evaluation.sheet-locked', 'この評価シートは完了しているため変更できません');
  const type = (action as { type?: unknown }).type;
  if (typeof type !== 'string' || !(sheetActionTypes as readonly string[]).includes(type)) {
    return fail('evaluation.invalid-input', '操作の種類が正しくありません');
  }
  const actionType = type as SheetActionType;
  const label = sheetActionLabels[actionType];
  if (sheet.kind === 'ability' && !abilityActions.has(actionType)) {
    return fail('evaluation.action-not-applicable', `能力評価シートでは「${label}」はできません`);
  }

  let to: SheetState = sheet.state;
  if (isSaveAction(actionType)) {
    const field = saveActionFields[actionType];
    const rules = editRulesOf(sheet).filter((rule) => rule.field === field && rule.states.includes(sheet.state));
    if (rules.length === 0) return fail('evaluation.invalid-transition', `「${stateLabelOf(sheet)}」の評価シートでは「${label}」はできません`);
    const relations = [...new Set(rules.flatMap((rule) => relationsWithProxy(rule.relations, sheet)))];
    if (!relations.includes(actor.relation)) return forbidden(label, relations);
  } else {
    const rule = transitionsOf(sheet).find((t) => t.action === actionType && t.from.includes(sheet.state));
    if (!rule) return fail('evaluation.invalid-transition', `「${stateLabelOf(sheet)}」の評価シートでは「${label}」はできません`);
    const relations = relationsWithProxy(rule.relations, sheet);
    if (!relations.includes(actor.relation)) return forbidden(label, relations);
    if (rule.to !== 'same') to = rule.to;
  }

  const parsed = sheetActionSchema.safeParse(action);
  if (!parsed.success) return fail('evaluation.invalid-input', parsed.error.issues[0]?.message ?? '入力内容が正しくありません');

  const effect: Effect<EvaluationSheet> = sheet.kind === 'performance' ? applyPerformance(sheet, parsed.data, actor, now) : (applyCommon(sheet, parsed.data, now) ?? sheet);
  if ('ok' in effect) return effect;
  const history = isSaveAction(actionType)
    ? effect.history
    : [...effect.history, { action: actionType, from: sheet.state, to, relation: actor.relation, staffId: actor.staffId, at: now.at }];
  return { ok: true, sheet: { ...effect, state: to, history } as T };
}

function forbidden(label: string, relations: readonly SheetRelation[]): TransitionFailure {
  return fail('evaluation.forbidden-relation', `「${label}」は${relations.map((r) => sheetRelationLabels[r]).join('または')}が行います`);
}

/**
 * Whose move it is in a state (for queues and "waiting for me"): the relation that takes the sheet forward.
 * After disclosure the next move is HR's (closing, or handling a complaint); the evaluatee's complaint is a
 * right, not a task. null once closed.
 */
export const performanceWaitingFor: Record<PerformanceState, SheetRelation | null> = {
  draft: 'evaluatee',
  'goals-submitted': 'evaluator',
  'goals-agreed': 'evaluatee',
  'revision-requested': 'evaluator',
  'revision-interviewed': 'confirmer',
  'self-evaluated': 'evaluator',
  'evaluator-rated': 'confirmer',
  'confirmer-confirmed': 'evaluator',
  'feedback-given': 'hr',
  'result-disclosed': 'hr',
  'complaint-consulted': 'hr',
  'complaint-handled': 'hr',
  closed: null,
};
export const abilityWaitingFor: Record<AbilityState, SheetRelation | null> = {
  draft: 'evaluatee',
  'self-rated': 'evaluator',
  'evaluator-rated': 'confirmer',
  'confirmer-confirmed': 'evaluator',
  'feedback-given': 'hr',
  closed: null,
};

export function waitingFor(kind: EvaluationSheet['kind'], state: string): SheetRelation | null {
  if (kind === 'performance') return performanceWaitingFor[state as PerformanceState] ?? null;
  return abilityWaitingFor[state as AbilityState] ?? null;
}

export function stateLabel(kind: EvaluationSheet['kind'], state: string): string {
  return (kind === 'performance' ? performanceStateLabels[state as PerformanceState] : abilityStateLabels[state as AbilityState]) ?? state;
}

/** States in which a change of evaluator moves the sheet to the new one (before the self-evaluation is submitted, ADR 0011). */
export function isBeforeRating(kind: EvaluationSheet['kind'], state: string): boolean {
  return kind === 'performance' ? performanceRank[state as PerformanceState] < performanceRank['self-evaluated'] : abilityRank[state as AbilityState] < abilityRank['self-rated'];
}

/** From the feedback interview on (closed included): a former evaluator's or confirmer's read access has ended (ADR 0011). */
export function isFeedbackGiven(kind: EvaluationSheet['kind'], state: string): boolean {
  return kind === 'performance' ? performanceRank[state as PerformanceState] >= performanceRank['feedback-given'] : abilityRank[state as AbilityState] >= abilityRank['feedback-given'];
}

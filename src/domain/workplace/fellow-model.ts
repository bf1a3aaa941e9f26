/**
 * The fellow programme (フェロー制度, policy III-4-(3)⑤): a senior with no direct business relation (フェロー) is
 * paired with a new or young staff member (対象職員) to talk things over. Settings, input schemas and labels shared
 * by the server and the SPA; no I/O.
 */
import { z } from 'zod';
import { employmentTypes, type EmploymentType } from '../org/org-model.js';
import { isValidIsoDate } from '../common/fiscal-year.js';

/** Where the fellow must sit relative to the junior: another 部 (default) or only another 課. */
export const fellowSeparations = ['department', 'division'] as const;
export type FellowSeparation = (typeof fellowSeparations)[number];
export const fellowSeparationLabels: Record<FellowSeparation, string> = { department: '別の部', division: '別の課' };

/**
 * Sources that mark a fellow's organisational commitment as very low (policy: such a fellow feeds the junior's
 * anxiety, so is not a candidate). 'hr-flag' is HR's flag on the pool entry; 'self-declaration' is the indicator of
 * the fellow's latest submitted self-declaration (自己申告書, self-declaration-commitment.ts) — the setting lists which
 * sources exclude.
 */
export const lowCommitmentSources = ['hr-flag', 'self-declaration'] as const;
export type LowCommitmentSource = (typeof lowCommitmentSources)[number];
export const lowCommitmentSourceLabels: Record<LowCommitmentSource, string> = {
  'hr-flag': '人事の判断(フラグ)',
  'self-declaration': '自己申告書の指標',
};
/** The same, short, inside exclusion reasons (「組織コミットメントが著しく低い(自己申告書の指標)」). */
export const lowCommitmentReasonLabels: Record<LowCommitmentSource, string> = {
  'hr-flag': '人事の判断',
  'self-declaration': '自己申告書の指標',
};

const isoDate = z.string().refine(isValidIsoDate, '日付はYYYY-MM-DD形式で指定してください');

export const fellowSettingsSchema = z.strictObject({
  /** a junior is someone hired within this many completed years (default 2: the first two years) */
  juniorHiredWithinYears: z.number().int().min(0).max(10),
  /** …or, when set, younger than this age (completed years on the date); null: the hire rule alone */
  juniorUnderAge: z.number().int().min(18).max(40).nullable(),
  /** employment types that count as juniors (default: regular staff only) */
  juniorEmploymentTypes: z.array(z.enum(employmentTypes)).min(1),
  separation: z.enum(fellowSeparations),
  /** which low-commitment sources exclude a fellow from matching (empty: none) */
  excludeLowCommitmentFrom: z.array(z.enum(lowCommitmentSources)),
  /** monitoring: a pair with no held meeting for this many weeks is listed for HR */
  staleAfterWeeks: z.number().int().min(1).max(52),
});
export type FellowSettings = z.infer<typeof fellowSettingsSchema>;

export const defaultFellowSettings: FellowSettings = {
  juniorHiredWithinYears: 2,
  juniorUnderAge: null,
  juniorEmploymentTypes: ['regular'] satisfies EmploymentType[],
  separation: 'department',
  excludeLowCommitmentFrom: ['hr-flag'],
  staleAfterWeeks: 8,
};

const note = z.string().max(500, 'メモは500文字以内で入力してください');

/** HR adds someone to the pool. */
export const fellowInputSchema = z.strictObject({
  staffId: z.number().int().positive(),
  capacity: z.number().int().min(1, '受入れ人数は1人以上で指定してください').max(10, '受入れ人数は10人以内で指定してください'),
  startsOn: isoDate,
  endsOn: isoDate.nullable(),
  isLowCommitment: z.boolean(),
  note,
});
export type FellowInput = z.infer<typeof fellowInputSchema>;

export const fellowUpdateSchema = fellowInputSchema.omit({ staffId: true });
export type FellowUpdate = z.infer<typeof fellowUpdateSchema>;

/** HR confirms some of the proposals (the matching is re-checked for each at confirmation). */
export const confirmPairsInputSchema = z.strictObject({
  date: isoDate,
  pairs: z
    .array(z.strictObject({ fellowStaffId: z.number().int().positive(), juniorStaffId: z.number().int().positive() }))
    .min(1, '確定する組合せを選んでください')
    .max(5000),
});
export type ConfirmPairsInput = z.infer<typeof confirmPairsInputSchema>;

export const endPairInputSchema = z.strictObject({ endsOn: isoDate });
export type EndPairInput = z.infer<typeof endPairInputSchema>;

export const planMeetingInputSchema = z.strictObject({ plannedOn: isoDate });
export type PlanMeetingInput = z.infer<typeof planMeetingInputSchema>;

export const holdMeetingInputSchema = z.strictObject({ heldOn: isoDate });
export type HoldMeetingInput = z.infer<typeof holdMeetingInputSchema>;

const score = z.number().int().min(1, '1〜5で答えてください').max(5, '1〜5で答えてください');

/** Short feedback after a held meeting, one per side (フェローと対象職員双方の感想). */
export const meetingFeedbackSchema = z.strictObject({
  usefulness: score,
  easeOfTalking: score,
  comment: z.string().max(400, 'ひとことは400文字以内で入力してください'),
});
export type MeetingFeedback = z.infer<typeof meetingFeedbackSchema>;

export const fellowSides = ['fellow', 'junior'] as const;
export type FellowSide = (typeof fellowSides)[number];
export const fellowSideLabels: Record<FellowSide, string> = { fellow: 'フェロー', junior: '対象職員' };

export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const meetingStatusLabels: Record<MeetingStatus, string> = { planned: '予定', held: '実施済み', cancelled: '中止' };

export const pairStatuses = ['confirmed', 'ended'] as const;
export type PairStatus = (typeof pairStatuses)[number];
export const pairStatusLabels: Record<PairStatus, string> = { confirmed: '実施中', ended: '終了' };

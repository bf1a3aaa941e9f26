/**
 * The recruitment pipeline API contract (issue 7 items 3–4, ADR 0018): applicants per stage, sittings with their
 * applicants and raters, rater scoring, calibration, stage decisions, offers, notices and the funnel. Input schemas
 * are strict (a body cannot set status or version it was not asked for); the web and the server share them.
 */
import { z } from 'zod';
import type { ApplicantStatus, StageOutcome, StageProposal } from './stages.js';
import type { CampaignCategory, Rubric, StageKind } from './recruitment-model.js';
import type { RaterCalibration } from './scoring.js';

const reason = z.string().trim().min(1, '理由を入力してください').max(500, '理由は500文字以内で入力してください');
const version = z.int().positive();

export const pipelineQuerySchema = z.object({
  stageIndex: z.coerce.number().int().min(0).max(20).optional(),
  outcome: z.enum(['waiting', 'passed', 'failed', 'absent']).optional(),
  status: z.enum(['applied', 'in-progress', 'rejected', 'offered', 'accepted', 'declined', 'withdrawn']).optional(),
  /** receipt number or reading (カナ/かな), substring */
  q: z.string().trim().max(60).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PipelineQuery = z.infer<typeof pipelineQuerySchema>;

export const applicantActionInputSchema = z.strictObject({
  action: z.enum(['offer', 'accept', 'decline', 'withdraw']),
  reason,
  version,
});
export type ApplicantActionInput = z.infer<typeof applicantActionInputSchema>;

export const sittingInputSchema = z.strictObject({
  stageIndex: z.int().min(0).max(20),
  /** ISO instant */
  startsAt: z.iso.datetime({ offset: true, error: '日時を正しく入力してください' }),
  room: z.string().trim().max(60).default(''),
  groupLabel: z.string().trim().max(40).default(''),
  capacity: z.int().min(1).max(1000).nullable().default(null),
});
export type SittingInput = z.infer<typeof sittingInputSchema>;

export const sittingUpdateSchema = sittingInputSchema.omit({ stageIndex: true }).extend({ version });
export type SittingUpdate = z.infer<typeof sittingUpdateSchema>;

export const sittingRatersInputSchema = z.strictObject({
  staffIds: z.array(z.int().positive()).max(10, '評定者は10人までです'),
  version,
});
export const sittingApplicantsInputSchema = z.strictObject({
  applicantIds: z.array(z.int().positive()).max(1000),
  version,
});
/** One applicant from this sitting to another of the same stage, both sittings' versions as read. */
export const sittingMoveInputSchema = z.strictObject({
  toSittingId: z.int('移動先の回を選んでください').positive('移動先の回を選んでください'),
  version,
  toVersion: version,
});
export type SittingMoveInput = z.infer<typeof sittingMoveInputSchema>;
export const absenceInputSchema = z.strictObject({ applicantId: z.int().positive(), isAbsent: z.boolean() });

/** Bulk grouping: the waiting applicants of the stage not yet in one of its sittings, into groups of N. */
export const groupSittingsInputSchema = z.strictObject({
  stageIndex: z.int().min(0).max(20),
  groupSize: z.int().min(1, '1グループの人数は1人以上にしてください').max(50),
  startsAt: z.iso.datetime({ offset: true, error: '日時を正しく入力してください' }),
  /** minutes between the groups' start times (0: all at once, in different rooms) */
  intervalMinutes: z.int().min(0).max(600).default(0),
  room: z.string().trim().max(60).default(''),
  labelPrefix: z.string().trim().max(20).default('グループ'),
});
export type GroupSittingsInput = z.infer<typeof groupSittingsInputSchema>;

export const singleScoresInputSchema = z.strictObject({
  scores: z
    .array(z.strictObject({ applicantId: z.int().positive(), total: z.number().min(0, '得点は0〜100で入力してください').max(100, '得点は0〜100で入力してください') }))
    .min(1)
    .max(10_000),
});

export const raterScoreInputSchema = z.strictObject({
  scores: z.record(z.string().max(40), z.number()),
  comment: z.string().trim().max(1000).default(''),
});
export type RaterScoreInput = z.infer<typeof raterScoreInputSchema>;

export const decisionsInputSchema = z.strictObject({
  decisions: z
    .array(z.strictObject({ applicantId: z.int().positive(), outcome: z.enum(['passed', 'failed', 'absent']), reason, version }))
    .min(1, '判定する応募者を選んでください')
    .max(10_000),
});
export type DecisionsInput = z.infer<typeof decisionsInputSchema>;

export const noticeTemplateKeys = ['pass', 'fail', 'offer'] as const;
export type NoticeTemplateKey = (typeof noticeTemplateKeys)[number];
export const noticeTemplateLabels: Record<NoticeTemplateKey, string> = { pass: '合格通知', fail: '不合格通知', offer: '内定通知' };

export const sendNoticesInputSchema = z.strictObject({
  template: z.enum(noticeTemplateKeys),
  applicantIds: z.array(z.int().positive()).min(1, '通知する応募者を選んでください').max(10_000),
  stageIndex: z.int().min(0).max(20).nullable().default(null),
});
export type SendNoticesInput = z.infer<typeof sendNoticesInputSchema>;

// ------------------------------------------------------------------------------------------------
// Responses

export type PipelineStage = {
  index: number;
  kind: StageKind;
  name: string;
  source: 'own' | 'test-centre';
  isRubric: boolean;
  counts: { waiting: number; passed: number; failed: number; absent: number; withdrawn: number };
};

export type PipelineCampaign = {
  id: number;
  title: string;
  fiscalYear: number;
  category: CampaignCategory;
  status: string;
  postsToFill: number;
  stages: PipelineStage[];
  statusCounts: Partial<Record<ApplicantStatus, number>>;
};

export type PipelineApplicantRow = {
  id: number;
  receiptNumber: string;
  name: string;
  kana: string;
  status: ApplicantStatus;
  stageIndex: number;
  stageOutcome: StageOutcome;
  source: string;
  channel: string;
  submittedAt: string;
  version: number;
};

/** GET /api/recruitment/campaigns/:id/pipeline */
export type PipelineView = { campaign: PipelineCampaign; items: PipelineApplicantRow[]; total: number; page: number; pageSize: number };

export type PipelineCampaignSummary = { id: number; title: string; fiscalYear: number; category: CampaignCategory; status: string; applicants: number };

export type ApplicantDetail = PipelineApplicantRow & {
  campaignId: number;
  campaignTitle: string;
  stages: Array<{ index: number; name: string; kind: StageKind }>;
  familyName: string;
  givenName: string;
  birthDate: string | null;
  age: number | null;
  email: string;
  phone: string;
  /** the answers as stored (plain text, never markup) */
  answers: Record<string, unknown>;
  internship: { id: number; kind: string; school: string; startsOn: string; endsOn: string; status: string } | null;
  isAnonymised: boolean;
  attachments: Array<{ id: number; fileName: string; contentType: string; size: number }>;
  decisions: Array<{ id: number; stageIndex: number | null; action: string; outcome: string | null; reason: string; decidedAt: string }>;
  notices: Array<{ id: number; template: string; subject: string; delivery: string; createdAt: string; sentAt: string | null }>;
  scores: Array<{ stageIndex: number; raterStaffId: number | null; raterName: string | null; total: number }>;
};

export type SittingView = {
  id: number;
  campaignId: number;
  stageIndex: number;
  startsAt: string;
  room: string;
  groupLabel: string;
  capacity: number | null;
  version: number;
  applicants: Array<{ id: number; receiptNumber: string; name: string; isAbsent: boolean }>;
  raters: Array<{ staffId: number; name: string }>;
};

export type StageResultRow = StageProposal & {
  receiptNumber: string;
  name: string;
  score: number | null;
  raterTotals: Array<{ raterId: number; total: number }>;
  spread: number;
  isComplete: boolean;
  version: number;
};
/** GET /api/recruitment/campaigns/:id/stages/:stage/results — the waiting applicants with the rule's proposals */
export type StageResults = { stageIndex: number; stageName: string; passRule: unknown; rows: StageResultRow[]; decided: number };

export type CalibrationView = {
  stageIndex: number;
  stageName: string;
  rubric: Rubric | null;
  spreadThreshold: number;
  raters: Array<RaterCalibration & { name: string }>;
  wideSpread: Array<{ applicantId: number; receiptNumber: string; name: string; score: number | null; spread: number; raterTotals: Array<{ raterId: number; total: number }> }>;
};

export type MySitting = {
  id: number;
  campaignTitle: string;
  stageIndex: number;
  stageName: string;
  startsAt: string;
  room: string;
  groupLabel: string;
  applicants: number;
  scoredByMe: number;
};

/** What a rater sees of a sitting: only what rating needs (no birth date, address, e-mail). */
export type RaterSitting = Omit<MySitting, 'applicants' | 'scoredByMe'> & {
  rubric: Rubric;
  applicants: Array<{
    applicantId: number;
    receiptNumber: string;
    name: string;
    groupLabel: string;
    isAbsent: boolean;
    /** true while the stage is undecided for the applicant */
    canRevise: boolean;
    myScores: Record<string, number> | null;
    myComment: string;
    myTotal: number | null;
  }>;
};

export type ScoreImportLineError = { line: number; message: string };
export type ScoreImportResult = { ok: true; imported: number } | { ok: false; errors: ScoreImportLineError[] };

export type NoticeResult = { mailed: number; print: number; failed: number };

export type FunnelRow = {
  campaignId: number;
  title: string;
  fiscalYear: number;
  category: CampaignCategory;
  applicants: number;
  /** applicants who passed each stage, in stage order */
  stagesPassed: Array<{ name: string; passed: number }>;
  offers: number;
  acceptances: number;
  withdrawn: number;
  /** 5-year bands: '〜19', '20〜24', … '60〜', '不明' */
  ageBands: Record<string, number>;
  sources: Record<string, number>;
  channels: Record<string, number>;
};
export type FunnelView = { rows: FunnelRow[]; ageBandLabels: string[] };

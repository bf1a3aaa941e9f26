/**
 * The stress-check area's API contract (issue 6 item 2): input schemas the form and the server validate alike,
 * and the JSON shapes /api/stress-check answers with. Types only besides the schemas.
 */
import { z } from 'zod';
import { stressAreas, stressItems, type StressArea } from './questionnaire.js';
import { answerValueSchema, defaultThresholds, scoringMethods, thresholdsSchema, type AnswerMap, type HighStressThresholds, type JudgementScales, type ScoringMethod, type StressScore } from './stress-scoring.js';
import type { HealthRisk } from './health-risk.js';
import type { SuppressionReason } from './group-suppression.js';

const isoDate = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}を日付で入力してください`);

export const campaignStatuses = ['draft', 'open', 'closed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];
export const campaignStatusLabels: Record<CampaignStatus, string> = { draft: '準備中', open: '実施中', closed: '終了' };

/** Default 総合健康リスク from which a unit is listed for workplace improvement. */
export const defaultHighRiskThreshold = 120;

export const campaignInputSchema = z
  .strictObject({
    name: z.string().trim().min(1, '名称を入力してください').max(100, '名称は100文字以内で入力してください'),
    fiscalYear: z.int('年度は整数で入力してください').min(2015, '年度が正しくありません').max(2100, '年度が正しくありません'),
    opensOn: isoDate('開始日'),
    closesOn: isoDate('終了日'),
    method: z.enum(scoringMethods, '判定方法を選んでください').default('simple-sum'),
    thresholds: thresholdsSchema.default(defaultThresholds),
    /** the suppression threshold may only be raised above the legal 10 (security.md 6) */
    minGroupSize: z.int('整数で入力してください').min(10, '10人以上にしてください(10人未満にはできません)').max(1000, '1000人以下にしてください').default(10),
    highRiskThreshold: z.int('整数で入力してください').min(100, '100以上にしてください').max(400, '400以下にしてください').default(defaultHighRiskThreshold),
  })
  .refine((c) => c.closesOn >= c.opensOn, { message: '終了日は開始日以降にしてください', path: ['closesOn'] });
export type CampaignInput = z.output<typeof campaignInputSchema>;

export type Campaign = {
  id: number;
  name: string;
  fiscalYear: number;
  opensOn: string;
  closesOn: string;
  status: CampaignStatus;
  method: ScoringMethod;
  methodLabel: string;
  thresholds: HighStressThresholds;
  questionnaireVersion: string;
  minGroupSize: number;
  highRiskThreshold: number;
  version: number;
};
export type CampaignList = { items: Campaign[] };

export const campaignTransitionSchema = z.strictObject({ version: z.int('版は整数で指定してください').positive('版が正しくありません') });

/** PUT …/mine/answers/{area}: the answers of one section (a subset is fine — autosave); keys are running numbers. */
export const sectionAnswersInputSchema = z.strictObject({ answers: z.record(z.string().regex(/^\d{1,2}$/), answerValueSchema) });
export type SectionAnswersInput = z.output<typeof sectionAnswersInputSchema>;

/** The running numbers in a section's answers that do not belong to that area (empty when all do). */
export function foreignItems(area: StressArea, answers: Record<string, unknown>): string[] {
  const nos = new Set(stressItems.filter((i) => i.area === area).map((i) => String(i.no)));
  return Object.keys(answers).filter((k) => !nos.has(k));
}
export const areaParamSchema = z.enum(stressAreas, '区分が正しくありません');

/** GET …/mine */
export type MyCampaign = {
  campaign: Campaign;
  answers: AnswerMap;
  answeredCount: number;
  updatedAt: string | null;
  submittedAt: string | null;
};
export type MyCampaignList = { items: Array<{ campaign: Campaign; answeredCount: number; submittedAt: string | null }> };

export const consentDecisions = ['given', 'refused'] as const;
export type ConsentDecision = (typeof consentDecisions)[number];
export const consentInputSchema = z.strictObject({ decision: z.enum(consentDecisions, '同意する・同意しないのどちらかを選んでください') });

export type StressResult = {
  campaignId: number;
  staffId: number;
  computedAt: string;
  shownAt: string | null;
  score: StressScore;
  advice: string[];
  thresholds: HighStressThresholds;
  consent: { decision: ConsentDecision; decidedAt: string } | null;
  interviewRequest: { requestedAt: string; status: InterviewRequestStatus } | null;
};

export const interviewRequestStatuses = ['requested', 'held', 'withdrawn'] as const;
export type InterviewRequestStatus = (typeof interviewRequestStatuses)[number];
export const interviewRequestStatusLabels: Record<InterviewRequestStatus, string> = { requested: '申出あり(未実施)', held: '実施済み', withdrawn: '取下げ' };

export const interviewOpinions = ['normal', 'restricted', 'leave'] as const;
export type InterviewOpinion = (typeof interviewOpinions)[number];
export const interviewOpinionLabels: Record<InterviewOpinion, string> = { normal: '通常勤務', restricted: '就業制限(措置が必要)', leave: '要休業' };

export const interviewRecordInputSchema = z.strictObject({
  heldOn: isoDate('実施日'),
  physicianName: z.string().trim().min(1, '面接した医師の氏名を入力してください').max(100, '100文字以内で入力してください'),
  opinion: z.enum(interviewOpinions, '就業上の措置に関する意見を選んでください'),
  note: z.string().trim().max(4000, '4000文字以内で入力してください').default(''),
});
export type InterviewRecordInput = z.output<typeof interviewRecordInputSchema>;

export type InterviewRequestItem = {
  id: number;
  staffId: number;
  employeeNumber: string;
  name: string;
  requestedAt: string;
  status: InterviewRequestStatus;
  isHighStress: boolean;
  interview: { heldOn: string; physicianName: string; opinion: InterviewOpinion; note: string; recordedAt: string } | null;
};
export type InterviewRequestList = { items: InterviewRequestItem[] };

/** The implementer's list of individual results (実施者 only). */
export type ResultListItem = {
  staffId: number;
  employeeNumber: string;
  name: string;
  isHighStress: boolean;
  consent: ConsentDecision | null;
  /** a request in force (requested or held); a withdrawn one does not count */
  hasInterviewRequest: boolean;
  /** the request's status, withdrawn included (null: never requested) */
  interviewRequestStatus: InterviewRequestStatus | null;
};
export type ResultList = { items: ResultListItem[] };

/** HR: results whose owner consented to pass them to the employer. */
export type ConsentedResultItem = { staffId: number; employeeNumber: string; name: string; isHighStress: boolean; consentedAt: string };
export type ConsentedResultList = { items: ConsentedResultItem[] };

export type GroupFigure = {
  respondents: number;
  /** mean simple sums per area (stress direction) */
  areaMeans: Record<'A' | 'B' | 'C', number>;
  /** mean per-item value per scale, 1–4, higher = more stress */
  scaleMeans: Array<{ key: string; label: string; mean: number }>;
  judgement: JudgementScales;
  risk: HealthRisk | null;
};

export type GroupUnitRow = {
  unitId: number;
  unitName: string;
  parentUnitId: number | null;
  depth: number;
  status: 'shown' | SuppressionReason;
  figure: GroupFigure | null;
  /** the same unit in last year's campaign, when shown there too */
  previous: GroupFigure | null;
};

export type GroupAnalysis = {
  campaign: Campaign;
  minGroupSize: number;
  previousCampaign: { id: number; name: string; fiscalYear: number } | null;
  total: GroupFigure | null;
  previousTotal: GroupFigure | null;
  units: GroupUnitRow[];
};

export const unitActionStatuses = ['planned', 'in-progress', 'done'] as const;
export type UnitActionStatus = (typeof unitActionStatuses)[number];
export const unitActionStatusLabels: Record<UnitActionStatus, string> = { planned: '予定', 'in-progress': '実施中', done: '完了' };

export const unitActionInputSchema = z.strictObject({
  unitId: z.int('所属を選んでください').positive('所属を選んでください'),
  action: z.string().trim().min(1, '改善の取組を入力してください').max(2000, '2000文字以内で入力してください'),
  status: z.enum(unitActionStatuses, '状況を選んでください').default('planned'),
  dueOn: isoDate('期限').nullable().default(null),
});
export type UnitActionInput = z.output<typeof unitActionInputSchema>;

export type UnitAction = { id: number; unitId: number; action: string; status: UnitActionStatus; dueOn: string | null; recordedAt: string };

export type HighRiskUnits = {
  campaign: Campaign;
  threshold: number;
  units: Array<{ unitId: number; unitName: string; figure: GroupFigure; actions: UnitAction[] }>;
};

export type ProgressRow = { unitId: number; unitName: string; depth: number; targets: number; inProgress: number; submitted: number };
export type AnswerProgress = { campaign: Campaign; asOf: string; total: { targets: number; inProgress: number; submitted: number }; units: ProgressRow[] };

/** Figures for the yearly report to the labour office (心理的な負担の程度を把握するための検査結果等報告書). */
export type LabourOfficeReport = {
  campaign: Campaign;
  /** 在籍労働者数 on the campaign's closing day (or today while it runs) */
  targets: number;
  /** 検査を受けた労働者数 */
  examinees: number;
  /** 高ストレス者数 */
  highStress: number;
  /** 面接指導の申出数 */
  interviewRequests: number;
  /** 面接指導を受けた労働者数 */
  interviewed: number;
};

export type RetentionOutcome = { cutoff: string; campaignsDeleted: number; campaignIds: number[] };

/**
 * 紙の回答の代理入力 (the implementer types in a paper questionnaire): all 57 answers at once, keys are running
 * numbers. Completeness is checked by the service with the same scoring as an online submission, so the missing
 * items come back as `stress-check.answers-incomplete` with their numbers.
 */
export const paperAnswersInputSchema = z.strictObject({
  answers: z.record(z.string().regex(/^\d{1,2}$/, '設問番号が正しくありません'), answerValueSchema),
});
export type PaperAnswersInput = z.output<typeof paperAnswersInputSchema>;

/** A person the implementer may enter paper answers for (in employment today), and where they stand. */
export type PaperExaminee = {
  staffId: number;
  employeeNumber: string;
  name: string;
  kana: string;
  unitName: string | null;
  /** answered online (partly) but not submitted: the paper answers replace those */
  hasOnlineDraft: boolean;
  /** submitted already (online or on paper): paper entry is refused */
  submittedAt: string | null;
};
export type PaperExamineeList = { items: PaperExaminee[] };

export type PaperEntryOutcome = { staffId: number; submittedAt: string; isHighStress: boolean };

/** 個人結果票: one result with what the printed sheet names (campaign, person, unit). */
export type ResultSheet = {
  campaign: { id: number; name: string; fiscalYear: number; opensOn: string; closesOn: string };
  person: { staffId: number; employeeNumber: string; name: string; unitName: string | null };
  result: StressResult;
};

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

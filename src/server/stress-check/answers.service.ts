/**
 * The person's own stress check: answers autosaved per section (idempotent merge), submission → result at once,
 * the result (its first display is recorded as shown_at), consent — asked only after the result was shown,
 * never by default, refusable — and the request for a physician interview (面接指導の申出). Everything here is the
 * actor's own record: the staff id comes from the session, never from the request. Every read of the answers or
 * the result is audited, and refused if the audit row cannot be written.
 */
import type { Database, Executor, Tx } from '../db/client.js';
import { createBatcher, perDatabase } from '../common/batcher.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { validationError } from '../http/validation-messages.js';
import { audit, auditInTx } from '../access/audit.service.js';
import { stressItemCount } from '../../domain/stress-check/questionnaire.js';
import { adviceFor, scoreAnswers, type AnswerMap, type ScoringMethod, type StressScore } from '../../domain/stress-check/stress-scoring.js';
import { groupEntryScoresOf } from '../../domain/stress-check/group-analysis.js';
import { decideWithdrawal } from '../../domain/stress-check/interview-request.js';
import {
  foreignItems,
  type ConsentDecision,
  type InterviewRequestStatus,
  type MyCampaign,
  type MyCampaignList,
  type SectionAnswersInput,
  type StressResult,
} from '../../domain/stress-check/stress-check-api.js';
import type { StressArea } from '../../domain/stress-check/questionnaire.js';
import { auditSource, isAnswerable, requireCampaign, toCampaign } from './campaigns.service.js';
import {
  findConsent,
  findInterviewRequestOfResult,
  findPlacementOfStaff,
  findResponse,
  findResult,
  insertGroupEntry,
  insertResult,
  listCampaigns,
  listResponsesOfStaff,
  markResultShown,
  markSubmitted,
  listCampaignsByIds,
  mergeAnswersMany,
  updateInterviewRequestStatusIf,
  upsertConsent,
  upsertInterviewRequest,
  type CampaignRow,
  type ResponseRow,
  type ResultRow,
} from './stress-check.repository.js';

function requireStaff(ctx: ServiceContext): number {
  if (ctx.actor.staffId === null) throw new AppError('access.denied', '職員として登録されたアカウントでのみ利用できます。');
  return ctx.actor.staffId;
}

const notOpen = () => new AppError('stress-check.not-open', 'このストレスチェックは現在回答できません(実施期間外または終了済み)。');
const submittedAlready = () => new AppError('common.conflict', '回答はすでに提出済みです。提出後は変更できません。');
const resultNotFound = () => new AppError('common.not-found', 'ストレスチェックの結果が見つかりません。');

const answeredCount = (answers: AnswerMap) => Object.values(answers).filter((v) => v === 1 || v === 2 || v === 3 || v === 4).length;

/** The result as its owner (and the implementer) sees it. */
export async function toStressResult(exec: Executor, campaign: CampaignRow, row: ResultRow): Promise<StressResult> {
  const score = row.score as StressScore;
  const thresholds = toCampaign(campaign).thresholds;
  const consent = await findConsent(exec, row.id);
  const request = await findInterviewRequestOfResult(exec, row.id);
  return {
    campaignId: row.campaignId,
    staffId: row.staffId,
    computedAt: row.computedAt,
    shownAt: row.shownAt,
    score,
    advice: adviceFor(score, thresholds),
    thresholds,
    consent: consent ? { decision: consent.decision as ConsentDecision, decidedAt: consent.decidedAt } : null,
    interviewRequest: request ? { requestedAt: request.requestedAt, status: request.status as InterviewRequestStatus } : null,
  };
}

/** GET /mine — campaigns open now, and those the person answered. */
export async function readMyCampaigns(ctx: ServiceContext): Promise<MyCampaignList> {
  const me = requireStaff(ctx);
  const exec = ctx.database.db;
  const responses = new Map((await listResponsesOfStaff(exec, me)).map((r) => [r.campaignId, r]));
  const items = (await listCampaigns(exec, ctx.actor.municipalityId))
    .filter((c) => isAnswerable(c, ctx.today) || responses.has(c.id))
    .map((c) => {
      const r = responses.get(c.id);
      return { campaign: toCampaign(c), answeredCount: r ? answeredCount(r.answers as AnswerMap) : 0, submittedAt: r?.submittedAt ?? null };
    });
  return { items };
}

/** GET /campaigns/{id}/mine — the person's answers so far (audited: health data). */
export async function readMyCampaign(ctx: ServiceContext, input: { campaignId: number }): Promise<MyCampaign> {
  const me = requireStaff(ctx);
  const campaign = await requireCampaign(ctx, input.campaignId);
  const response = await findResponse(ctx.database.db, campaign.id, me);
  if (response) await audit(ctx.database, auditSource(ctx), { action: 'stress-check.answers.read', outcome: 'allowed', objectType: 'stress_check_response', objectId: response.id, details: { via: 'relation:self' } });
  const answers = (response?.answers ?? {}) as AnswerMap;
  return { campaign: toCampaign(campaign), answers, answeredCount: answeredCount(answers), updatedAt: response?.updatedAt ?? null, submittedAt: response?.submittedAt ?? null };
}

type SavedSection = Awaited<ReturnType<typeof mergeAnswersMany>>[number];
type SectionSave = { municipalityId: number; campaignId: number; staffId: number; answers: Record<string, number>; at: string; today: string };

/**
 * Autosaves are the stress check's hot path — a whole city may answer in the same week, every change saved — so the
 * saves in flight are written together (ADR 0022): one read of their campaigns, one statement merging every
 * person's sections (a person's several sections in one batch merged in arrival order, later values winning, as one
 * after the other would). A save comes back undefined when its campaign is not answerable today or the person has
 * submitted; `saveSection` then takes the single path, which says which.
 */
const sectionSaves = perDatabase((database: Database) =>
  createBatcher(async (saves: readonly SectionSave[]): Promise<Array<SavedSection | undefined>> => {
    const campaigns = new Map((await listCampaignsByIds(database.db, [...new Set(saves.map((s) => s.campaignId))])).map((c) => [c.id, c]));
    const accepted = (s: SectionSave) => {
      const c = campaigns.get(s.campaignId);
      return c !== undefined && c.municipalityId === s.municipalityId && isAnswerable(c, s.today);
    };
    const key = (s: { campaignId: number; staffId: number }) => `${s.campaignId}:${s.staffId}`;
    const merged = new Map<string, SectionSave>();
    for (const s of saves.filter(accepted)) {
      const before = merged.get(key(s));
      merged.set(key(s), before ? { ...s, answers: { ...before.answers, ...s.answers }, at: s.at > before.at ? s.at : before.at } : s);
    }
    const rows = new Map((await mergeAnswersMany(database.db, [...merged.values()])).map((r) => [key(r), r]));
    return saves.map((s) => (accepted(s) ? rows.get(key(s)) : undefined));
  }, { name: 'stress-check-section-saves' }),
);

/** PUT /campaigns/{id}/mine/answers/{area} — autosave of one section; repeating it changes nothing. */
export async function saveSection(ctx: ServiceContext, input: { campaignId: number; area: StressArea } & SectionAnswersInput): Promise<{ answeredCount: number; updatedAt: string; totalItems: number }> {
  const me = requireStaff(ctx);
  const foreign = foreignItems(input.area, input.answers);
  if (foreign.length > 0) throw validationError(foreign.map((no) => ({ path: `answers.${no}`, code: 'custom', message: 'この区分にない設問です' })));
  const save: SectionSave = { municipalityId: ctx.actor.municipalityId, campaignId: input.campaignId, staffId: me, answers: input.answers, at: ctx.now.toISOString(), today: ctx.today };
  // A failed batch (one save's fault or the database's) is retried alone, so one save cannot fail the others.
  const row = (await sectionSaves(ctx.database)(save).catch(() => undefined)) ?? (await saveSectionAlone(ctx, save));
  return { answeredCount: row.answeredCount, updatedAt: row.updatedAt, totalItems: stressItemCount };
}

/** The unbatched save, with the precise refusal: no such campaign, not open, or already submitted. */
async function saveSectionAlone(ctx: ServiceContext, save: SectionSave): Promise<SavedSection> {
  const campaign = await requireCampaign(ctx, save.campaignId);
  if (!isAnswerable(campaign, ctx.today)) throw notOpen();
  const [row] = await mergeAnswersMany(ctx.database.db, [save]);
  if (!row) throw submittedAlready();
  return row;
}

/**
 * A complete answer set becomes a submission (online or entered on paper alike): scored by the campaign's method and
 * thresholds, the response locked by `lock` (undefined: submitted already → conflict), the result stored and, apart
 * from it, the group entry (the person's unit and sex on the day, no identity), audited without content. Runs inside
 * the caller's transaction, so all of it or none of it is stored.
 */
export async function recordSubmission(
  tx: Tx,
  ctx: ServiceContext,
  input: { campaign: CampaignRow; staffId: number; answers: AnswerMap; lock: () => Promise<ResponseRow | undefined>; auditDetails?: Record<string, unknown> },
): Promise<{ submittedAt: string; isHighStress: boolean; resultId: number }> {
  const { campaign, staffId } = input;
  const outcome = scoreAnswers(input.answers, campaign.method as ScoringMethod, toCampaign(campaign).thresholds);
  if (!outcome.ok) {
    throw new AppError('stress-check.answers-incomplete', `未回答の設問が ${outcome.missing.length} 問あります。すべての設問に回答してから提出してください。`, { missing: outcome.missing });
  }
  const submitted = await input.lock();
  if (!submitted) throw submittedAlready();
  const at = ctx.now.toISOString();
  const result = await insertResult(tx, { municipalityId: ctx.actor.municipalityId, campaignId: campaign.id, staffId, score: outcome.score, isHighStress: outcome.score.isHighStress, computedAt: at });
  const placement = await findPlacementOfStaff(tx, ctx.actor.municipalityId, staffId, ctx.today);
  await insertGroupEntry(tx, {
    municipalityId: ctx.actor.municipalityId,
    campaignId: campaign.id,
    unitId: placement.unitId,
    sex: placement.sex === 'male' || placement.sex === 'female' ? placement.sex : null,
    scores: groupEntryScoresOf(outcome.score),
  });
  // No content in the audit: not even the determination.
  await auditInTx(tx, auditSource(ctx), { action: 'stress-check.submitted', outcome: 'succeeded', objectType: 'stress_check_result', objectId: result.id, ...(input.auditDetails ? { details: input.auditDetails } : {}) });
  return { submittedAt: submitted.submittedAt!, isHighStress: outcome.score.isHighStress, resultId: result.id };
}

/** POST /campaigns/{id}/mine/submit — the person's own answers so far, submitted once; a second submit is a conflict. */
export async function submitAnswers(ctx: ServiceContext, input: { campaignId: number }): Promise<{ submittedAt: string; isHighStress: boolean }> {
  const me = requireStaff(ctx);
  const campaign = await requireCampaign(ctx, input.campaignId);
  if (!isAnswerable(campaign, ctx.today)) throw notOpen();
  return ctx.database.db.transaction(async (tx) => {
    const response = await findResponse(tx, campaign.id, me);
    if (response?.submittedAt) throw submittedAlready();
    const answers = (response?.answers ?? {}) as AnswerMap;
    const { submittedAt, isHighStress } = await recordSubmission(tx, ctx, { campaign, staffId: me, answers, lock: () => markSubmitted(tx, campaign.id, me, ctx.now) });
    return { submittedAt, isHighStress };
  });
}

async function ownResult(ctx: ServiceContext, campaignId: number): Promise<{ campaign: CampaignRow; result: ResultRow }> {
  const me = requireStaff(ctx);
  const campaign = await requireCampaign(ctx, campaignId);
  const result = await findResult(ctx.database.db, campaign.id, me);
  if (!result) throw resultNotFound();
  return { campaign, result };
}

/** GET /campaigns/{id}/mine/result — the person's result; the first read records shown_at (the notification). */
export async function readMyResult(ctx: ServiceContext, input: { campaignId: number }): Promise<StressResult> {
  const { campaign, result } = await ownResult(ctx, input.campaignId);
  await audit(ctx.database, auditSource(ctx), { action: 'stress-check.results.read', outcome: 'allowed', objectType: 'stress_check_result', objectId: result.id, details: { via: 'relation:self' } });
  const shown = await markResultShown(ctx.database.db, result.id, ctx.now);
  return toStressResult(ctx.database.db, campaign, shown);
}

/**
 * POST /campaigns/{id}/mine/consent — consent to pass the result to the employer, or its refusal. Refused while
 * the result has not been shown (facts.md: only after notification); the row keeps the shown_at it followed.
 */
export async function decideConsent(ctx: ServiceContext, input: { campaignId: number; decision: ConsentDecision }): Promise<StressResult> {
  const { campaign, result } = await ownResult(ctx, input.campaignId);
  if (!result.shownAt) throw new AppError('stress-check.consent-before-result', '結果を確認する前に同意・不同意を選ぶことはできません。先に結果を表示してください。');
  await ctx.database.db.transaction(async (tx) => {
    await upsertConsent(tx, {
      municipalityId: ctx.actor.municipalityId,
      campaignId: campaign.id,
      resultId: result.id,
      staffId: result.staffId,
      decision: input.decision,
      decidedAt: ctx.now.toISOString(),
      resultShownAt: result.shownAt!,
    });
    await auditInTx(tx, auditSource(ctx), { action: 'stress-check.consent-decided', outcome: 'succeeded', objectType: 'stress_check_result', objectId: result.id, details: { decision: input.decision } });
  });
  return toStressResult(ctx.database.db, campaign, result);
}

/**
 * POST /campaigns/{id}/mine/interview-request — 面接指導の申出 (idempotent), after the result was shown. After a
 * withdrawal the same request reopens with today's date (one request row per result).
 */
export async function requestInterview(ctx: ServiceContext, input: { campaignId: number }): Promise<StressResult> {
  const { campaign, result } = await ownResult(ctx, input.campaignId);
  if (!result.shownAt) throw new AppError('stress-check.consent-before-result', '結果を確認してから申し出てください。');
  await ctx.database.db.transaction(async (tx) => {
    const request = await upsertInterviewRequest(tx, { municipalityId: ctx.actor.municipalityId, campaignId: campaign.id, resultId: result.id, staffId: result.staffId, requestedAt: ctx.now.toISOString() });
    await auditInTx(tx, auditSource(ctx), { action: 'stress-check.interview-requested', outcome: 'succeeded', objectType: 'stress_check_interview_request', objectId: request.id });
  });
  return toStressResult(ctx.database.db, campaign, result);
}

/**
 * POST /campaigns/{id}/mine/interview-request/withdraw — 面接指導の申出の取り下げ by the person, only while the
 * interview has not been held (a recorded interview keeps its request). Withdrawing twice changes nothing; the
 * audit row names the request, never a reason or content.
 */
export async function withdrawInterviewRequest(ctx: ServiceContext, input: { campaignId: number }): Promise<StressResult> {
  const { campaign, result } = await ownResult(ctx, input.campaignId);
  await ctx.database.db.transaction(async (tx) => {
    const request = await findInterviewRequestOfResult(tx, result.id);
    const decision = decideWithdrawal((request?.status as InterviewRequestStatus | undefined) ?? null);
    if (!decision.ok) throw decision.reason === 'none' ? new AppError('common.not-found', '面接指導の申出が見つかりません。') : interviewHeld();
    if (!decision.isChange) return;
    // Conditional on the status still being 'requested': an interview recorded meanwhile wins.
    if (!(await updateInterviewRequestStatusIf(tx, request!.id, 'requested', 'withdrawn'))) throw interviewHeld();
    await auditInTx(tx, auditSource(ctx), { action: 'stress-check.interview-request-withdrawn', outcome: 'succeeded', objectType: 'stress_check_interview_request', objectId: request!.id });
  });
  return toStressResult(ctx.database.db, campaign, result);
}

const interviewHeld = () => new AppError('common.conflict', '面接指導はすでに実施されたため、申出を取り下げることはできません。');

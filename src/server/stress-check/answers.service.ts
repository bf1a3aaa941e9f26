/**
 * The person's own stress check: answers autosaved per section (idempotent merge), submission → result at once,
 * the result (its first display is recorded as shown_at), consent — asked only after the result was shown,
 * never by default, refusable — and the request for a physician interview (面接指導の申出). Everything here is the
 * actor's own record: the staff id comes from the session, never from the request. Every read of the answers or
 * the result is audited, and refused if the audit row cannot be written.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { validationError } from '../http/validation-messages.js';
import { audit, auditInTx } from '../access/audit.service.js';
import { stressItemCount } from '../../domain/stress-check/questionnaire.js';
import { adviceFor, scoreAnswers, type AnswerMap, type ScoringMethod, type StressScore } from '../../domain/stress-check/stress-scoring.js';
import { groupEntryScoresOf } from '../../domain/stress-check/group-analysis.js';
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
  insertInterviewRequest,
  insertResult,
  listCampaigns,
  listResponsesOfStaff,
  markResultShown,
  markSubmitted,
  mergeAnswers,
  upsertConsent,
  type CampaignRow,
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

/** PUT /campaigns/{id}/mine/answers/{area} — autosave of one section; repeating it changes nothing. */
export async function saveSection(ctx: ServiceContext, input: { campaignId: number; area: StressArea } & SectionAnswersInput): Promise<{ answeredCount: number; updatedAt: string; totalItems: number }> {
  const me = requireStaff(ctx);
  const foreign = foreignItems(input.area, input.answers);
  if (foreign.length > 0) throw validationError(foreign.map((no) => ({ path: `answers.${no}`, code: 'custom', message: 'この区分にない設問です' })));
  const campaign = await requireCampaign(ctx, input.campaignId);
  if (!isAnswerable(campaign, ctx.today)) throw notOpen();
  const row = await mergeAnswers(ctx.database.db, { municipalityId: ctx.actor.municipalityId, campaignId: campaign.id, staffId: me, answers: input.answers, now: ctx.now });
  if (!row) throw submittedAlready();
  return { answeredCount: answeredCount(row.answers as AnswerMap), updatedAt: row.updatedAt, totalItems: stressItemCount };
}

/**
 * POST /campaigns/{id}/mine/submit — scores the answers by the campaign's method and thresholds, stores the
 * result and, apart from it, the group entry (unit and sex of today, no identity). One transaction; a second
 * submit is a conflict.
 */
export async function submitAnswers(ctx: ServiceContext, input: { campaignId: number }): Promise<{ submittedAt: string; isHighStress: boolean }> {
  const me = requireStaff(ctx);
  const campaign = await requireCampaign(ctx, input.campaignId);
  if (!isAnswerable(campaign, ctx.today)) throw notOpen();
  return ctx.database.db.transaction(async (tx) => {
    const response = await findResponse(tx, campaign.id, me);
    if (response?.submittedAt) throw submittedAlready();
    const outcome = scoreAnswers((response?.answers ?? {}) as AnswerMap, campaign.method as ScoringMethod, toCampaign(campaign).thresholds);
    if (!outcome.ok) {
      throw new AppError('stress-check.answers-incomplete', `未回答の設問が ${outcome.missing.length} 問あります。すべての設問に回答してから提出してください。`, { missing: outcome.missing });
    }
    const submitted = await markSubmitted(tx, campaign.id, me, ctx.now);
    if (!submitted) throw submittedAlready();
    const at = ctx.now.toISOString();
    const result = await insertResult(tx, { municipalityId: ctx.actor.municipalityId, campaignId: campaign.id, staffId: me, score: outcome.score, isHighStress: outcome.score.isHighStress, computedAt: at });
    const placement = await findPlacementOfStaff(tx, ctx.actor.municipalityId, me, ctx.today);
    await insertGroupEntry(tx, {
      municipalityId: ctx.actor.municipalityId,
      campaignId: campaign.id,
      unitId: placement.unitId,
      sex: placement.sex === 'male' || placement.sex === 'female' ? placement.sex : null,
      scores: groupEntryScoresOf(outcome.score),
    });
    // No content in the audit: not even the determination.
    await auditInTx(tx, auditSource(ctx), { action: 'stress-check.submitted', outcome: 'succeeded', objectType: 'stress_check_result', objectId: result.id });
    return { submittedAt: submitted.submittedAt!, isHighStress: outcome.score.isHighStress };
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

/** POST /campaigns/{id}/mine/interview-request — 面接指導の申出 (idempotent), after the result was shown. */
export async function requestInterview(ctx: ServiceContext, input: { campaignId: number }): Promise<StressResult> {
  const { campaign, result } = await ownResult(ctx, input.campaignId);
  if (!result.shownAt) throw new AppError('stress-check.consent-before-result', '結果を確認してから申し出てください。');
  await ctx.database.db.transaction(async (tx) => {
    const request = await insertInterviewRequest(tx, { municipalityId: ctx.actor.municipalityId, campaignId: campaign.id, resultId: result.id, staffId: result.staffId, requestedAt: ctx.now.toISOString() });
    await auditInTx(tx, auditSource(ctx), { action: 'stress-check.interview-requested', outcome: 'succeeded', objectType: 'stress_check_interview_request', objectId: request.id });
  });
  return toStressResult(ctx.database.db, campaign, result);
}

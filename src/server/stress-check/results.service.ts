/**
 * Individual results for the implementer side (実施者・実施事務従事者: every result, interview requests and
 * records) and for HR (人事担当: only results whose owner consented). The route guard has already audited the
 * read (the permissions are audited reads, refused if the audit row cannot be written); a consented read whose
 * consent is missing is audited again as denied and answers 404 — the same answer as "did not take the check",
 * so HR cannot learn who took it.
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { audit, auditInTx } from '../access/audit.service.js';
import type {
  ConsentDecision,
  ConsentedResultList,
  InterviewOpinion,
  InterviewRecordInput,
  InterviewRequestList,
  InterviewRequestStatus,
  ResultList,
  StressResult,
} from '../../domain/stress-check/stress-check-api.js';
import { auditSource, requireCampaign } from './campaigns.service.js';
import { toStressResult } from './answers.service.js';
import { findConsent, findInterviewRequest, findResult, insertInterview, listConsentedResults, listInterviewRequests, listResults, updateInterviewRequestStatusIf } from './stress-check.repository.js';

const resultNotFound = () => new AppError('common.not-found', 'ストレスチェックの結果が見つかりません。');

/** GET /campaigns/{id}/results — the implementer's list. */
export async function readResults(ctx: ServiceContext, input: { campaignId: number }): Promise<ResultList> {
  const campaign = await requireCampaign(ctx, input.campaignId);
  const rows = await listResults(ctx.database.db, ctx.actor.municipalityId, campaign.id);
  return {
    items: rows.map((r) => ({
      staffId: r.staffId,
      employeeNumber: r.employeeNumber,
      name: `${r.familyName} ${r.givenName}`,
      isHighStress: r.isHighStress,
      consent: (r.consent as ConsentDecision | null) ?? null,
      hasInterviewRequest: r.requestStatus !== null && r.requestStatus !== 'withdrawn',
      interviewRequestStatus: (r.requestStatus as InterviewRequestStatus | null) ?? null,
    })),
  };
}

/** GET /campaigns/{id}/results/{staffId} — the implementer reads one person's result. */
export async function readResultOf(ctx: ServiceContext, input: { campaignId: number; staffId: number }): Promise<StressResult> {
  const campaign = await requireCampaign(ctx, input.campaignId);
  const row = await findResult(ctx.database.db, campaign.id, input.staffId);
  if (!row) throw resultNotFound();
  return toStressResult(ctx.database.db, campaign, row);
}

/** GET /campaigns/{id}/consented-results — HR: the results passed on with consent. */
export async function readConsentedResults(ctx: ServiceContext, input: { campaignId: number }): Promise<ConsentedResultList> {
  const campaign = await requireCampaign(ctx, input.campaignId);
  const rows = await listConsentedResults(ctx.database.db, ctx.actor.municipalityId, campaign.id);
  return { items: rows.map((r) => ({ staffId: r.staffId, employeeNumber: r.employeeNumber, name: `${r.familyName} ${r.givenName}`, isHighStress: r.isHighStress, consentedAt: r.consentedAt! })) };
}

/** GET /campaigns/{id}/consented-results/{staffId} — HR: one result, only with the owner's consent in force. */
export async function readConsentedResult(ctx: ServiceContext, input: { campaignId: number; staffId: number }): Promise<StressResult> {
  const campaign = await requireCampaign(ctx, input.campaignId);
  const row = await findResult(ctx.database.db, campaign.id, input.staffId);
  const consent = row ? await findConsent(ctx.database.db, row.id) : undefined;
  if (!row || consent?.decision !== 'given') {
    await audit(ctx.database, auditSource(ctx), { action: 'stress-check.results.read-consented', outcome: 'denied', objectType: 'staff', objectId: input.staffId, details: { reason: 'no-consent' } });
    throw resultNotFound();
  }
  const result = await toStressResult(ctx.database.db, campaign, row);
  // HR receives the result, not the implementer's workflow around it.
  return { ...result, interviewRequest: null };
}

/** GET /campaigns/{id}/interview-requests */
export async function readInterviewRequests(ctx: ServiceContext, input: { campaignId: number }): Promise<InterviewRequestList> {
  const campaign = await requireCampaign(ctx, input.campaignId);
  const rows = await listInterviewRequests(ctx.database.db, ctx.actor.municipalityId, campaign.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      staffId: r.staffId,
      employeeNumber: r.employeeNumber,
      name: `${r.familyName} ${r.givenName}`,
      requestedAt: r.requestedAt,
      status: r.status as InterviewRequestStatus,
      isHighStress: r.isHighStress,
      interview: r.interview
        ? { heldOn: r.interview.heldOn, physicianName: r.interview.physicianName, opinion: r.interview.opinion as InterviewOpinion, note: r.interview.note, recordedAt: r.interview.recordedAt }
        : null,
    })),
  };
}

/** POST /interview-requests/{id}/interview — records the interview once; the request becomes "held" (not a withdrawn one). */
export async function recordInterview(ctx: ServiceContext, input: { requestId: number } & InterviewRecordInput): Promise<InterviewRequestList> {
  const request = await findInterviewRequest(ctx.database.db, ctx.actor.municipalityId, input.requestId);
  if (!request) throw new AppError('common.not-found', '面接指導の申出が見つかりません。');
  if (input.heldOn > ctx.today) throw validationErrorOf('heldOn', '実施日に未来の日付は指定できません');
  await ctx.database.db.transaction(async (tx) => {
    const row = await insertInterview(tx, {
      municipalityId: ctx.actor.municipalityId,
      campaignId: request.campaignId,
      requestId: request.id,
      heldOn: input.heldOn,
      physicianName: input.physicianName,
      opinion: input.opinion,
      note: input.note,
      recordedByAccountId: ctx.actor.accountId,
    });
    if (!row) throw new AppError('common.conflict', 'この申出の面接指導はすでに記録されています。');
    // Only a request still waiting: one the person withdrew (even a moment ago) is not interviewed on its record.
    if (!(await updateInterviewRequestStatusIf(tx, request.id, 'requested', 'held'))) throw new AppError('common.conflict', '本人がこの申出を取り下げたため、面接指導を記録できません。');
    await auditInTx(tx, auditSource(ctx), { action: 'stress-check.interview-recorded', outcome: 'succeeded', objectType: 'stress_check_interview_request', objectId: request.id });
  });
  return readInterviewRequests(ctx, { campaignId: request.campaignId });
}

function validationErrorOf(path: string, message: string) {
  return new AppError('common.validation', '入力内容に誤りがあります。', [{ path, code: 'custom', message }]);
}

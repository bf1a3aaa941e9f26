/**
 * The recruitment pipeline for recruitment staff (採用担当: hr_admin, hr_officer, recruiter — issue 7 items 3–4, ADR
 * 0018): applicants per stage, the applicant's page (audited read), sittings, score entry and test-centre imports,
 * stage proposals and decisions, offers, withdrawals, notices, calibration and exports. Raters use scoring.service.
 */
import { z } from 'zod';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { audit, auditInTx } from '../access/audit.service.js';
import type { Executor } from '../db/client.js';
import { csvDownload, type ExportFile } from '../common/csv-download.js';
import { buildXlsx } from '../common/excel-export.js';
import { readCsvUpload, type CsvInputEncoding, type CsvOutputEncoding } from '../common/csv-codec.js';
import { isMailEnabled, sendMails } from '../common/mailer.js';
import { loadSettingsDocument, resetSettingsDocument, saveSettingsDocument, type SettingsDocumentSpec } from '../common/settings-document.service.js';
import { normalizeForSearch } from '../../domain/common/japanese-text.js';
import { formatDate } from '../../domain/common/wareki.js';
import { rubricStageKinds, stageSchema, type CampaignCategory, type Stage } from '../../domain/recruitment/recruitment-model.js';
import { applicantScores, applicantScoresFromTotals, calibrate, type RaterScores } from '../../domain/recruitment/scoring.js';
import { applicantStatusLabels, proposeStageResults, stageOutcomeLabels, transition, type ApplicantStatus, type StageOutcome } from '../../domain/recruitment/stages.js';
import { ageOn } from '../../domain/recruitment/eligibility.js';
import { applicantSourceLabels } from '../../domain/recruitment/intake.js';
import { defaultPipelineSettings, pipelineSettingsSchema, renderNotice, type PipelineSettings } from '../../domain/recruitment/pipeline-settings.js';
import type {
  ApplicantActionInput,
  ApplicantDetail,
  CalibrationView,
  DecisionsInput,
  GroupSittingsInput,
  NoticeResult,
  PipelineCampaignSummary,
  PipelineQuery,
  PipelineStage,
  PipelineView,
  ScoreImportResult,
  SendNoticesInput,
  SittingInput,
  SittingMoveInput,
  SittingUpdate,
  SittingView,
  StageResults,
} from '../../domain/recruitment/pipeline-api.js';
import { scoreCsvMaxBytes } from '../../domain/recruitment/upload-limits.js';
import * as repo from './pipeline.repository.js';

export const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });

const notFound = () => new AppError('common.not-found', '対象が見つかりません。');
const staleMessage = 'ほかの人が先に更新しました。画面を読み込み直してから、もう一度操作してください。';
const stale = () => new AppError('common.conflict', staleMessage);
const stagesOf = (raw: unknown): Stage[] => z.array(stageSchema).parse(raw);
const isRubricStage = (stage: Stage) => rubricStageKinds.includes(stage.kind) && stage.rubric !== null;

export async function loadCampaign(exec: Executor, municipalityId: number, campaignId: number) {
  const campaign = await repo.findCampaign(exec, municipalityId, campaignId);
  if (!campaign) throw notFound();
  return { ...campaign, stages: stagesOf(campaign.stages) };
}

function stageAt(stages: readonly Stage[], stageIndex: number): Stage {
  const stage = stages[stageIndex];
  if (!stage) throw notFound();
  return stage;
}

// ------------------------------------------------------------------------------------------------
// Settings

/** A reset (PUT with `reset`) is audited as a save. */
const settingsDocument: SettingsDocumentSpec<PipelineSettings> & { resetAuditAction: string } = {
  key: 'recruitment.pipeline',
  // apart from the other settings documents
  lockClass: 7361,
  schema: pipelineSettingsSchema,
  defaults: defaultPipelineSettings,
  subject: '選考の設定',
  auditAction: 'recruitment.pipeline-settings-saved',
  resetAuditAction: 'recruitment.pipeline-settings-saved',
  conflictMessage: staleMessage,
};

export async function getPipelineSettings(exec: Executor, municipalityId: number): Promise<{ settings: PipelineSettings; updatedAt: string | null }> {
  const { value, updatedAt } = await loadSettingsDocument(exec, municipalityId, settingsDocument);
  return { settings: value, updatedAt };
}

export async function readPipelineSettings(ctx: ServiceContext) {
  return { ...(await getPipelineSettings(ctx.database.db, ctx.actor.municipalityId)), defaults: defaultPipelineSettings };
}

/** PUT: the whole document with the token read (null: defaults in force); 409 when stale. `reset` goes back to the defaults. */
export async function updatePipelineSettings(ctx: ServiceContext, input: { settings: unknown; updatedAt: string | null; reset?: boolean }) {
  const { value, updatedAt } = input.reset
    ? await resetSettingsDocument(ctx, settingsDocument, { updatedAt: input.updatedAt })
    : await saveSettingsDocument(ctx, settingsDocument, { value: input.settings, updatedAt: input.updatedAt });
  return { settings: value, updatedAt, defaults: defaultPipelineSettings };
}

// ------------------------------------------------------------------------------------------------
// Pipeline

export async function listPipelineCampaigns(ctx: ServiceContext, input: { fiscalYear?: number; category?: string }): Promise<PipelineCampaignSummary[]> {
  const rows = await repo.listCampaignsWithCounts(ctx.database.db, ctx.actor.municipalityId, input);
  return rows.map((r) => ({ id: r.id, title: r.title, fiscalYear: r.fiscalYear, category: r.category as CampaignCategory, status: r.status, applicants: r.applicants }));
}

export async function getPipeline(ctx: ServiceContext, input: PipelineQuery & { campaignId: number }): Promise<PipelineView> {
  const exec = ctx.database.db;
  const campaign = await loadCampaign(exec, ctx.actor.municipalityId, input.campaignId);
  const q = input.q?.trim();
  const filter: repo.ApplicantFilter = {
    ...(input.stageIndex === undefined ? {} : { stageIndex: input.stageIndex }),
    ...(input.outcome === undefined ? {} : { outcome: input.outcome }),
    ...(input.status === undefined ? {} : { status: input.status }),
    ...(q ? { receiptLike: likePattern(q.toLowerCase()), kanaLike: likePattern(normalizeForSearch(q)) } : {}),
  };
  const [counts, list] = await Promise.all([
    repo.countApplicantsByProgress(exec, campaign.id),
    repo.listApplicants(exec, campaign.id, filter, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize }),
  ]);
  const stages: PipelineStage[] = campaign.stages.map((s, index) => ({
    index,
    kind: s.kind,
    name: s.name,
    source: s.source,
    isRubric: isRubricStage(s),
    counts: { waiting: 0, passed: 0, failed: 0, absent: 0, withdrawn: 0 },
  }));
  const statusCounts: Partial<Record<ApplicantStatus, number>> = {};
  for (const c of counts) {
    const status = c.status as ApplicantStatus;
    statusCounts[status] = (statusCounts[status] ?? 0) + c.n;
    for (const stage of stages) {
      if (c.stageIndex > stage.index) stage.counts.passed += c.n;
      else if (c.stageIndex === stage.index) {
        if (status === 'withdrawn') stage.counts.withdrawn += c.n;
        else if (c.stageOutcome === 'failed' || c.stageOutcome === 'absent') stage.counts[c.stageOutcome] += c.n;
        else if (status === 'applied' || status === 'in-progress') stage.counts.waiting += c.n;
      }
    }
  }
  return {
    campaign: {
      id: campaign.id,
      title: campaign.title,
      fiscalYear: campaign.fiscalYear,
      category: campaign.category as CampaignCategory,
      status: campaign.status,
      postsToFill: campaign.postsToFill,
      stages,
      statusCounts,
    },
    items: list.rows.map((r) => ({ ...r, status: r.status as ApplicantStatus, stageOutcome: r.stageOutcome as StageOutcome })),
    total: list.total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The applicant's page. Every read is audited (who, which applicant — never the content). */
export async function getApplicantDetail(ctx: ServiceContext, applicantId: number): Promise<ApplicantDetail> {
  const exec = ctx.database.db;
  const a = await repo.findApplicant(exec, ctx.actor.municipalityId, applicantId);
  if (!a) throw notFound();
  const campaign = await loadCampaign(exec, ctx.actor.municipalityId, a.campaignId);
  const [attachments, decisions, notices, scores, internship] = await Promise.all([
    repo.listAttachments(exec, a.id),
    repo.listDecisions(exec, a.id),
    repo.listNotices(exec, a.id),
    repo.listScoresOfApplicant(exec, a.id),
    a.internshipId === null ? Promise.resolve(undefined) : repo.findInternship(exec, ctx.actor.municipalityId, a.internshipId),
  ]);
  // The audit row is written before the answer leaves: no row, no read (security.md 5).
  await audit(ctx.database, auditSource(ctx), { action: 'recruitment.applicant-read', outcome: 'allowed', objectType: 'recruitment_applicant', objectId: a.id });
  const eligibility = campaign.eligibility as { ageReferenceDate?: string } | null;
  return {
    id: a.id,
    receiptNumber: a.receiptNumber,
    name: `${a.familyName} ${a.givenName}`.trim(),
    kana: `${a.familyNameKana} ${a.givenNameKana}`.trim(),
    status: a.status as ApplicantStatus,
    stageIndex: a.stageIndex,
    stageOutcome: a.stageOutcome as StageOutcome,
    source: a.source,
    channel: a.channel,
    submittedAt: a.submittedAt,
    version: a.version,
    campaignId: campaign.id,
    campaignTitle: campaign.title,
    stages: campaign.stages.map((s, index) => ({ index, name: s.name, kind: s.kind })),
    familyName: a.familyName,
    givenName: a.givenName,
    birthDate: a.birthDate,
    age: a.birthDate ? ageOn(a.birthDate, eligibility?.ageReferenceDate ?? ctx.today) : null,
    email: a.email,
    phone: a.phone,
    answers: (a.answers ?? {}) as Record<string, unknown>,
    internship: internship ?? null,
    isAnonymised: a.anonymisedAt !== null,
    attachments,
    decisions,
    notices,
    scores,
  };
}

export async function getAttachment(ctx: ServiceContext, input: { applicantId: number; attachmentId: number }) {
  const row = await repo.findAttachment(ctx.database.db, ctx.actor.municipalityId, input.applicantId, input.attachmentId);
  if (!row || !row.content) throw notFound();
  await audit(ctx.database, auditSource(ctx), {
    action: 'recruitment.attachment-read',
    outcome: 'allowed',
    objectType: 'recruitment_applicant',
    objectId: input.applicantId,
    details: { attachmentId: row.id },
  });
  return row;
}

/** A notice as stored (for the printable letter). */
export async function getNotice(ctx: ServiceContext, input: { applicantId: number; noticeId: number }) {
  const row = await repo.findNotice(ctx.database.db, ctx.actor.municipalityId, input.applicantId, input.noticeId);
  if (!row) throw notFound();
  await audit(ctx.database, auditSource(ctx), { action: 'recruitment.notice-read', outcome: 'allowed', objectType: 'recruitment_applicant', objectId: input.applicantId, details: { noticeId: row.id } });
  return row;
}

const actionVerb = { offer: 'offer', accept: 'accept', decline: 'decline', withdraw: 'withdraw' } as const;

/** Offer (after the last stage), acceptance, decline, or withdrawal (辞退) with a reason; version-checked. */
export async function actOnApplicant(ctx: ServiceContext, input: ApplicantActionInput & { applicantId: number }) {
  return ctx.database.db.transaction(async (tx) => {
    const [a] = await repo.listApplicantsByIds(tx, ctx.actor.municipalityId, [input.applicantId], true);
    if (!a) throw notFound();
    if (a.version !== input.version) throw stale();
    const campaign = await loadCampaign(tx, ctx.actor.municipalityId, a.campaignId);
    const result = transition(
      { status: a.status as ApplicantStatus, stageIndex: a.stageIndex, outcome: a.stageOutcome as StageOutcome },
      { kind: actionVerb[input.action] },
      campaign.stages.length,
    );
    if (!result.ok) throw new AppError('common.conflict', result.message);
    const next = result.next;
    if (!(await repo.updateApplicantProgress(tx, a.id, a.version, { status: next.status, stageIndex: next.stageIndex, stageOutcome: next.outcome }))) throw stale();
    await repo.insertDecisions(tx, [
      {
        municipalityId: ctx.actor.municipalityId,
        applicantId: a.id,
        stageIndex: input.action === 'withdraw' ? a.stageIndex : null,
        action: input.action,
        outcome: next.status,
        reason: input.reason,
        decidedByAccountId: ctx.actor.accountId,
        decidedAt: ctx.now.toISOString(),
      },
    ]);
    await auditInTx(tx, auditSource(ctx), { action: `recruitment.applicant-${input.action}`, outcome: 'succeeded', objectType: 'recruitment_applicant', objectId: a.id });
    return { id: a.id, status: next.status, stageIndex: next.stageIndex, stageOutcome: next.outcome, version: a.version + 1 };
  });
}

// ------------------------------------------------------------------------------------------------
// Sittings

function toSittingView(s: repo.SittingRow, applicants: Awaited<ReturnType<typeof repo.listSittingApplicants>>, raters: Awaited<ReturnType<typeof repo.listSittingRaters>>): SittingView {
  return {
    id: s.id,
    campaignId: s.campaignId,
    stageIndex: s.stageIndex,
    startsAt: new Date(s.startsAt).toISOString(),
    room: s.room,
    groupLabel: s.groupLabel,
    capacity: s.capacity,
    version: s.version,
    applicants: applicants.filter((x) => x.sittingId === s.id).map(({ id, receiptNumber, name, isAbsent }) => ({ id, receiptNumber, name, isAbsent })),
    raters: raters.filter((x) => x.sittingId === s.id).map(({ staffId, name }) => ({ staffId, name })),
  };
}

export async function listCampaignSittings(ctx: ServiceContext, input: { campaignId: number; stageIndex?: number }): Promise<SittingView[]> {
  const exec = ctx.database.db;
  const campaign = await loadCampaign(exec, ctx.actor.municipalityId, input.campaignId);
  const sittings = await repo.listSittings(exec, campaign.id, input.stageIndex);
  const ids = sittings.map((s) => s.id);
  const [applicants, raters] = await Promise.all([repo.listSittingApplicants(exec, ids), repo.listSittingRaters(exec, ids)]);
  return sittings.map((s) => toSittingView(s, applicants, raters));
}

async function sittingView(exec: Executor, s: repo.SittingRow) {
  const [applicants, raters] = await Promise.all([repo.listSittingApplicants(exec, [s.id]), repo.listSittingRaters(exec, [s.id])]);
  return toSittingView(s, applicants, raters);
}

export async function createSitting(ctx: ServiceContext, input: SittingInput & { campaignId: number }): Promise<SittingView> {
  return ctx.database.db.transaction(async (tx) => {
    const campaign = await loadCampaign(tx, ctx.actor.municipalityId, input.campaignId);
    stageAt(campaign.stages, input.stageIndex);
    const [s] = await repo.insertSittings(tx, [
      {
        municipalityId: ctx.actor.municipalityId,
        campaignId: campaign.id,
        stageIndex: input.stageIndex,
        startsAt: input.startsAt,
        room: input.room,
        groupLabel: input.groupLabel,
        capacity: input.capacity,
      },
    ]);
    await auditInTx(tx, auditSource(ctx), { action: 'recruitment.sitting-created', outcome: 'succeeded', objectType: 'recruitment_sitting', objectId: s!.id });
    return sittingView(tx, s!);
  });
}

async function lockSitting(ctx: ServiceContext, tx: Executor, sittingId: number, version: number) {
  const s = await repo.findSitting(tx, ctx.actor.municipalityId, sittingId);
  if (!s) throw notFound();
  if (s.version !== version) throw stale();
  return s;
}

export async function updateSittingDetails(ctx: ServiceContext, input: SittingUpdate & { sittingId: number }): Promise<SittingView> {
  return ctx.database.db.transaction(async (tx) => {
    const s = await lockSitting(ctx, tx, input.sittingId, input.version);
    const seated = (await repo.listSittingApplicants(tx, [s.id])).length;
    if (input.capacity !== null && input.capacity < seated) {
      throw new AppError('common.validation', `定員を今の人数(${seated}人)より少なくはできません。先に応募者をほかの回へ移してください。`, [{ path: 'capacity', message: `${seated}人以上にしてください` }]);
    }
    if (!(await repo.updateSitting(tx, s.id, s.version, { startsAt: input.startsAt, room: input.room, groupLabel: input.groupLabel, capacity: input.capacity }))) throw stale();
    await auditInTx(tx, auditSource(ctx), { action: 'recruitment.sitting-updated', outcome: 'succeeded', objectType: 'recruitment_sitting', objectId: s.id });
    return sittingView(tx, (await repo.findSitting(tx, ctx.actor.municipalityId, s.id))!);
  });
}

export async function setSittingRaters(ctx: ServiceContext, input: { sittingId: number; staffIds: number[]; version: number }): Promise<SittingView> {
  const staffIds = [...new Set(input.staffIds)];
  return ctx.database.db.transaction(async (tx) => {
    const s = await lockSitting(ctx, tx, input.sittingId, input.version);
    const known = await repo.listStaffNames(tx, ctx.actor.municipalityId, staffIds);
    if (known.length !== staffIds.length) throw new AppError('common.validation', '評定者に選べない職員が含まれています。', [{ path: 'staffIds', message: '職員が見つかりません' }]);
    if (!(await repo.updateSitting(tx, s.id, s.version, {}))) throw stale();
    await repo.replaceSittingRaters(tx, ctx.actor.municipalityId, s.id, staffIds);
    await auditInTx(tx, auditSource(ctx), { action: 'recruitment.sitting-raters-set', outcome: 'succeeded', objectType: 'recruitment_sitting', objectId: s.id, details: { raters: staffIds } });
    return sittingView(tx, (await repo.findSitting(tx, ctx.actor.municipalityId, s.id))!);
  });
}

export async function setSittingApplicants(ctx: ServiceContext, input: { sittingId: number; applicantIds: number[]; version: number }): Promise<SittingView> {
  const ids = [...new Set(input.applicantIds)];
  return ctx.database.db.transaction(async (tx) => {
    const s = await lockSitting(ctx, tx, input.sittingId, input.version);
    if (s.capacity !== null && ids.length > s.capacity) throw new AppError('common.validation', `定員(${s.capacity}人)を超えています。`, [{ path: 'applicantIds', message: '定員を超えています' }]);
    const applicants = await repo.listApplicantsByIds(tx, ctx.actor.municipalityId, ids);
    const wrong = applicants.filter((a) => a.campaignId !== s.campaignId || a.stageIndex !== s.stageIndex);
    if (applicants.length !== ids.length || wrong.length > 0) {
      throw new AppError('common.validation', 'この試験の段階にいない応募者が含まれています。', [{ path: 'applicantIds', message: '対象外の応募者です' }]);
    }
    const elsewhere = await repo.listApplicantsInOtherSittings(tx, s.campaignId, s.stageIndex, s.id, ids);
    if (elsewhere.length > 0) throw new AppError('common.conflict', `ほかの回に割り当て済みの応募者が${elsewhere.length}人います。`, { applicantIds: elsewhere });
    if (!(await repo.updateSitting(tx, s.id, s.version, {}))) throw stale();
    await repo.replaceSittingApplicants(tx, ctx.actor.municipalityId, s.id, ids);
    await auditInTx(tx, auditSource(ctx), { action: 'recruitment.sitting-applicants-set', outcome: 'succeeded', objectType: 'recruitment_sitting', objectId: s.id, details: { count: ids.length } });
    return sittingView(tx, (await repo.findSitting(tx, ctx.actor.municipalityId, s.id))!);
  });
}

const sittingName = (s: repo.SittingRow) => s.groupLabel || '移動先の回';

/**
 * One applicant from a sitting to another of the same campaign and stage (a make-up sitting, a clash of dates):
 * both versions must be as read; the applicant must still be waiting at the stage with no rater's score yet (the
 * scores belong to the first sitting's raters); the destination's capacity holds. Both sittings' versions move on.
 */
export async function moveSittingApplicant(ctx: ServiceContext, input: SittingMoveInput & { sittingId: number; applicantId: number }): Promise<SittingView[]> {
  if (input.toSittingId === input.sittingId) throw new AppError('common.validation', '移動先には別の回を選んでください。', [{ path: 'toSittingId', message: '同じ回です' }]);
  return ctx.database.db.transaction(async (tx) => {
    const from = await lockSitting(ctx, tx, input.sittingId, input.version);
    const to = await lockSitting(ctx, tx, input.toSittingId, input.toVersion);
    if (to.campaignId !== from.campaignId || to.stageIndex !== from.stageIndex) {
      throw new AppError('common.validation', '移動先には同じ試験の段階の回を選んでください。', [{ path: 'toSittingId', message: '同じ試験の段階の回ではありません' }]);
    }
    // The version-checked updates take both rows, in id order: concurrent moves neither deadlock nor overfill a sitting.
    for (const s of [from, to].sort((a, b) => a.id - b.id)) if (!(await repo.updateSitting(tx, s.id, s.version, {}))) throw stale();
    const [a] = await repo.listApplicantsByIds(tx, ctx.actor.municipalityId, [input.applicantId], true);
    const seats = await repo.listSittingApplicants(tx, [from.id, to.id]);
    if (!a || !seats.some((x) => x.sittingId === from.id && x.id === a.id)) throw new AppError('common.not-found', 'この応募者はこの回にいません。画面を読み込み直してください。');
    if (!['applied', 'in-progress'].includes(a.status) || a.stageIndex !== from.stageIndex || a.stageOutcome !== 'waiting') {
      throw new AppError('common.conflict', 'この試験の合否が決まった応募者は、回を移せません。');
    }
    if ((await repo.listScoresOfApplicant(tx, a.id)).some((x) => x.stageIndex === from.stageIndex && x.raterStaffId !== null)) {
      throw new AppError('common.conflict', 'この応募者には評定者の評定が入力済みのため、回を移せません。');
    }
    const seated = seats.filter((x) => x.sittingId === to.id).length;
    if (to.capacity !== null && seated >= to.capacity) throw new AppError('common.conflict', `${sittingName(to)}は定員(${to.capacity}人)に達しているため、移せません。`);
    if (!(await repo.moveSittingApplicant(tx, from.id, to.id, a.id))) throw stale();
    await auditInTx(tx, auditSource(ctx), {
      action: 'recruitment.sitting-applicant-moved',
      outcome: 'succeeded',
      objectType: 'recruitment_applicant',
      objectId: a.id,
      details: { fromSittingId: from.id, toSittingId: to.id },
    });
    const [fromNow, toNow] = await Promise.all([repo.findSitting(tx, ctx.actor.municipalityId, from.id), repo.findSitting(tx, ctx.actor.municipalityId, to.id)]);
    return [await sittingView(tx, fromNow!), await sittingView(tx, toNow!)];
  });
}

export async function setAbsence(ctx: ServiceContext, input: { sittingId: number; applicantId: number; isAbsent: boolean }) {
  const s = await repo.findSitting(ctx.database.db, ctx.actor.municipalityId, input.sittingId);
  if (!s) throw notFound();
  return ctx.database.db.transaction(async (tx) => {
    if (!(await repo.setAbsence(tx, s.id, input.applicantId, input.isAbsent))) throw notFound();
    await auditInTx(tx, auditSource(ctx), { action: 'recruitment.absence-set', outcome: 'succeeded', objectType: 'recruitment_applicant', objectId: input.applicantId, details: { sittingId: s.id, isAbsent: input.isAbsent } });
    return { applicantId: input.applicantId, isAbsent: input.isAbsent };
  });
}

/** The waiting applicants of the stage who have no sitting yet, into new sittings of `groupSize` (the last may be smaller). */
export async function groupIntoSittings(ctx: ServiceContext, input: GroupSittingsInput & { campaignId: number }): Promise<SittingView[]> {
  return ctx.database.db.transaction(async (tx) => {
    const campaign = await loadCampaign(tx, ctx.actor.municipalityId, input.campaignId);
    stageAt(campaign.stages, input.stageIndex);
    const ids = await repo.listUnassignedWaiting(tx, campaign.id, input.stageIndex);
    if (ids.length === 0) throw new AppError('common.conflict', 'グループに分ける応募者(選考待ちで回が未定の人)がいません。');
    const existing = (await repo.listSittings(tx, campaign.id, input.stageIndex)).length;
    const groups: number[][] = [];
    for (let i = 0; i < ids.length; i += input.groupSize) groups.push(ids.slice(i, i + input.groupSize));
    const start = new Date(input.startsAt).getTime();
    const sittings = await repo.insertSittings(
      tx,
      groups.map((_group, i) => ({
        municipalityId: ctx.actor.municipalityId,
        campaignId: campaign.id,
        stageIndex: input.stageIndex,
        startsAt: new Date(start + i * input.intervalMinutes * 60_000).toISOString(),
        room: input.room,
        groupLabel: `${input.labelPrefix}${String.fromCharCode(0xff21 + ((existing + i) % 26))}${existing + i >= 26 ? Math.floor((existing + i) / 26) + 1 : ''}`,
        capacity: input.groupSize,
      })),
    );
    await repo.insertSittingApplicants(
      tx,
      sittings.flatMap((s, i) => groups[i]!.map((applicantId) => ({ municipalityId: ctx.actor.municipalityId, sittingId: s.id, applicantId }))),
    );
    await auditInTx(tx, auditSource(ctx), {
      action: 'recruitment.sittings-grouped',
      outcome: 'succeeded',
      objectType: 'recruitment_campaign',
      objectId: campaign.id,
      details: { stageIndex: input.stageIndex, sittings: sittings.length, applicants: ids.length },
    });
    const all = await repo.listSittingApplicants(tx, sittings.map((s) => s.id));
    return sittings.map((s) => toSittingView(s, all, []));
  });
}

// ------------------------------------------------------------------------------------------------
// Single scores (written test: own sitting or test centre)

function assertSingleScoreStage(stage: Stage) {
  if (isRubricStage(stage)) throw new AppError('common.conflict', 'この試験は評定者が評価項目ごとに評定します。');
}

async function checkWaiting(exec: Executor, campaignId: number, stageIndex: number, ids: readonly number[], municipalityId: number) {
  const rows = await repo.listApplicantsByIds(exec, municipalityId, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.filter((id) => {
    const a = byId.get(id);
    return !a || a.campaignId !== campaignId || a.stageIndex !== stageIndex || a.stageOutcome !== 'waiting' || !['applied', 'in-progress'].includes(a.status);
  });
}

export async function enterSingleScores(ctx: ServiceContext, input: { campaignId: number; stageIndex: number; scores: Array<{ applicantId: number; total: number }> }) {
  return ctx.database.db.transaction(async (tx) => {
    const campaign = await loadCampaign(tx, ctx.actor.municipalityId, input.campaignId);
    assertSingleScoreStage(stageAt(campaign.stages, input.stageIndex));
    const ids = input.scores.map((s) => s.applicantId);
    if (new Set(ids).size !== ids.length) throw new AppError('common.validation', '同じ応募者が2回含まれています。', [{ path: 'scores', message: '重複しています' }]);
    const wrong = await checkWaiting(tx, campaign.id, input.stageIndex, ids, ctx.actor.municipalityId);
    if (wrong.length > 0) throw new AppError('common.conflict', `この試験で選考待ちでない応募者が${wrong.length}人含まれています。`, { applicantIds: wrong });
    await repo.upsertSingleScores(tx, ctx.actor.municipalityId, input.stageIndex, input.scores, ctx.now);
    await auditInTx(tx, auditSource(ctx), { action: 'recruitment.scores-entered', outcome: 'succeeded', objectType: 'recruitment_campaign', objectId: campaign.id, details: { stageIndex: input.stageIndex, count: ids.length } });
    return { saved: ids.length };
  });
}

const importMaxBytes = scoreCsvMaxBytes;
const receiptHeaders = ['受付番号', 'receipt_number', 'receiptNumber'];
const scoreHeaders = ['得点', '点数', 'score'];

/**
 * A test centre's result file (受付番号, 得点 0–100): validated whole first; any error → nothing written and every
 * error by line. Applicants must be waiting at the stage; a receipt number twice is an error.
 */
export async function importStageScores(ctx: ServiceContext, input: { campaignId: number; stageIndex: number; bytes: Uint8Array; encoding: CsvInputEncoding }): Promise<ScoreImportResult> {
  const exec = ctx.database.db;
  const campaign = await loadCampaign(exec, ctx.actor.municipalityId, input.campaignId);
  const stage = stageAt(campaign.stages, input.stageIndex);
  assertSingleScoreStage(stage);
  const read = readCsvUpload(input.bytes, input.encoding, { maxBytes: importMaxBytes, maxRows: 20_000 });
  if (!read.ok) {
    if (read.reason === 'too-large') throw new AppError('common.too-large', read.message);
    return { ok: false, errors: [{ line: 'line' in read && typeof read.line === 'number' ? read.line : 1, message: read.message }] };
  }
  const header = read.header.map((h) => h.trim());
  const ri = header.findIndex((h) => receiptHeaders.includes(h));
  const si = header.findIndex((h) => scoreHeaders.includes(h));
  if (ri < 0 || si < 0) return { ok: false, errors: [{ line: 1, message: '見出し行に「受付番号」と「得点」の列が必要です。' }] };
  const errors: Array<{ line: number; message: string }> = [];
  const parsed: Array<{ line: number; receipt: string; total: number }> = [];
  const seen = new Map<string, number>();
  for (const row of read.rows) {
    const receipt = (row.cells[ri] ?? '').trim();
    const raw = (row.cells[si] ?? '').trim().normalize('NFKC');
    if (receipt === '') {
      errors.push({ line: row.line, message: '受付番号が空です。' });
      continue;
    }
    const total = Number(raw);
    if (raw === '' || !/^\d{1,3}(\.\d{1,2})?$/.test(raw) || total > 100) {
      errors.push({ line: row.line, message: `得点「${raw.slice(0, 20)}」は0〜100の数で入力してください。` });
      continue;
    }
    const first = seen.get(receipt);
    if (first !== undefined) {
      errors.push({ line: row.line, message: `受付番号 ${receipt} は${first}行目にもあります。` });
      continue;
    }
    seen.set(receipt, row.line);
    parsed.push({ line: row.line, receipt, total });
  }
  if (parsed.length === 0 && errors.length === 0) errors.push({ line: 2, message: 'データ行がありません。' });
  const found = new Map((await repo.listApplicantsByReceipt(exec, campaign.id, parsed.map((p) => p.receipt))).map((a) => [a.receiptNumber, a]));
  for (const p of parsed) {
    const a = found.get(p.receipt);
    if (!a) errors.push({ line: p.line, message: `受付番号 ${p.receipt} の応募者はこの試験にいません。` });
    else if (a.stageIndex !== input.stageIndex || a.stageOutcome !== 'waiting' || !['applied', 'in-progress'].includes(a.status)) {
      errors.push({ line: p.line, message: `受付番号 ${p.receipt} の応募者は「${stage.name}」の選考待ちではありません。` });
    }
  }
  if (errors.length > 0) {
    await audit(ctx.database, auditSource(ctx), { action: 'recruitment.scores-imported', outcome: 'failed', objectType: 'recruitment_campaign', objectId: campaign.id, details: { stageIndex: input.stageIndex, errors: errors.length } });
    return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  }
  await ctx.database.db.transaction(async (tx) => {
    await repo.upsertSingleScores(tx, ctx.actor.municipalityId, input.stageIndex, parsed.map((p) => ({ applicantId: found.get(p.receipt)!.id, total: p.total })), ctx.now);
    await auditInTx(tx, auditSource(ctx), { action: 'recruitment.scores-imported', outcome: 'succeeded', objectType: 'recruitment_campaign', objectId: campaign.id, details: { stageIndex: input.stageIndex, count: parsed.length } });
  });
  return { ok: true, imported: parsed.length };
}

// ------------------------------------------------------------------------------------------------
// Results, calibration, decisions

function toRaterScores(rows: readonly repo.ScoreRow[]): RaterScores[] {
  return rows.filter((r) => r.raterStaffId !== null && r.scores !== null).map((r) => ({ raterId: r.raterStaffId!, applicantId: r.applicantId, scores: r.scores! }));
}

function scoresByApplicant(stage: Stage, rows: readonly repo.ScoreRow[]) {
  if (isRubricStage(stage)) {
    const totals = rows.filter((r) => r.raterStaffId !== null).map((r) => ({ raterId: r.raterStaffId!, applicantId: r.applicantId, total: r.total }));
    return new Map(applicantScoresFromTotals(totals, stage.ratersPerApplicant).map((s) => [s.applicantId, s]));
  }
  return new Map(
    rows.filter((r) => r.raterStaffId === null).map((r) => [r.applicantId, { applicantId: r.applicantId, score: r.total, raterTotals: [], spread: 0, isComplete: true }]),
  );
}

export async function getStageResults(ctx: ServiceContext, input: { campaignId: number; stageIndex: number }): Promise<StageResults> {
  const exec = ctx.database.db;
  const campaign = await loadCampaign(exec, ctx.actor.municipalityId, input.campaignId);
  const stage = stageAt(campaign.stages, input.stageIndex);
  const [candidates, scoreRows, counts] = await Promise.all([
    repo.listStageCandidates(exec, campaign.id, input.stageIndex),
    repo.listStageScores(exec, campaign.id, input.stageIndex, true, false),
    repo.countApplicantsByProgress(exec, campaign.id),
  ]);
  const scores = scoresByApplicant(stage, scoreRows);
  const proposals = proposeStageResults(
    stage.passRule,
    candidates.map((c) => {
      const s = scores.get(c.id);
      return { applicantId: c.id, score: s?.score ?? null, isComplete: s?.isComplete ?? false, isAbsent: c.isAbsent };
    }),
  );
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const decided = counts.filter((c) => c.stageIndex > input.stageIndex || (c.stageIndex === input.stageIndex && c.stageOutcome !== 'waiting')).reduce((s, c) => s + c.n, 0);
  return {
    stageIndex: input.stageIndex,
    stageName: stage.name,
    passRule: stage.passRule,
    decided,
    rows: proposals
      .map((p) => {
        const c = byId.get(p.applicantId)!;
        const s = scores.get(p.applicantId);
        return { ...p, receiptNumber: c.receiptNumber, name: c.name, version: c.version, score: s?.score ?? null, raterTotals: s?.raterTotals ?? [], spread: s?.spread ?? 0, isComplete: s?.isComplete ?? false };
      })
      .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.applicantId - b.applicantId),
  };
}

export async function getCalibration(ctx: ServiceContext, input: { campaignId: number; stageIndex: number }): Promise<CalibrationView> {
  const exec = ctx.database.db;
  const campaign = await loadCampaign(exec, ctx.actor.municipalityId, input.campaignId);
  const stage = stageAt(campaign.stages, input.stageIndex);
  const { settings } = await getPipelineSettings(exec, ctx.actor.municipalityId);
  if (!isRubricStage(stage)) return { stageIndex: input.stageIndex, stageName: stage.name, rubric: null, spreadThreshold: settings.spreadThreshold, raters: [], wideSpread: [] };
  const rows = toRaterScores(await repo.listStageScores(exec, campaign.id, input.stageIndex, false));
  const raters = calibrate(stage.rubric!, rows);
  const names = new Map((await repo.listStaffNames(exec, ctx.actor.municipalityId, raters.map((r) => r.raterId))).map((s) => [s.id, s.name]));
  const wide = applicantScores(stage.rubric!, rows, stage.ratersPerApplicant).filter((s) => s.raterTotals.length >= 2 && s.spread >= settings.spreadThreshold);
  const applicants = new Map((await repo.listApplicantLabels(exec, ctx.actor.municipalityId, wide.map((w) => w.applicantId))).map((a) => [a.id, a]));
  return {
    stageIndex: input.stageIndex,
    stageName: stage.name,
    rubric: stage.rubric,
    spreadThreshold: settings.spreadThreshold,
    raters: raters.map((r) => ({ ...r, name: names.get(r.raterId) ?? '' })),
    wideSpread: wide
      .sort((a, b) => b.spread - a.spread || a.applicantId - b.applicantId)
      .map((w) => {
        const a = applicants.get(w.applicantId);
        return { applicantId: w.applicantId, receiptNumber: a?.receiptNumber ?? '', name: a?.name ?? '', score: w.score, spread: w.spread, raterTotals: w.raterTotals };
      }),
  };
}

/** HR's decisions on a stage: all or nothing, each applicant version-checked, moved with `transition`. */
export async function decideStage(ctx: ServiceContext, input: DecisionsInput & { campaignId: number; stageIndex: number }) {
  const ids = input.decisions.map((d) => d.applicantId);
  if (new Set(ids).size !== ids.length) throw new AppError('common.validation', '同じ応募者が2回含まれています。', [{ path: 'decisions', message: '重複しています' }]);
  return ctx.database.db.transaction(async (tx) => {
    const campaign = await loadCampaign(tx, ctx.actor.municipalityId, input.campaignId);
    stageAt(campaign.stages, input.stageIndex);
    const rows = new Map((await repo.listApplicantsByIds(tx, ctx.actor.municipalityId, ids, true)).map((a) => [a.id, a]));
    const inserts: repo.DecisionInsert[] = [];
    const problems: Array<{ path: string; message: string }> = [];
    const moves: Array<{ id: number; version: number; next: { status: string; stageIndex: number; stageOutcome: string } }> = [];
    input.decisions.forEach((d, i) => {
      const a = rows.get(d.applicantId);
      if (!a || a.campaignId !== campaign.id) return problems.push({ path: `decisions.${i}`, message: '応募者が見つかりません' });
      if (a.version !== d.version) return problems.push({ path: `decisions.${i}`, message: `受付番号 ${a.receiptNumber} はほかの人が先に更新しました` });
      if (a.stageIndex !== input.stageIndex || a.stageOutcome !== 'waiting') return problems.push({ path: `decisions.${i}`, message: `受付番号 ${a.receiptNumber} はこの試験の選考待ちではありません` });
      const r = transition({ status: a.status as ApplicantStatus, stageIndex: a.stageIndex, outcome: 'waiting' }, { kind: 'decide', outcome: d.outcome }, campaign.stages.length);
      if (!r.ok) return problems.push({ path: `decisions.${i}`, message: `受付番号 ${a.receiptNumber}: ${r.message}` });
      moves.push({ id: a.id, version: a.version, next: { status: r.next.status, stageIndex: r.next.stageIndex, stageOutcome: r.next.outcome } });
      inserts.push({
        municipalityId: ctx.actor.municipalityId,
        applicantId: a.id,
        stageIndex: input.stageIndex,
        action: 'decide',
        outcome: d.outcome,
        reason: d.reason,
        decidedByAccountId: ctx.actor.accountId,
        decidedAt: ctx.now.toISOString(),
      });
      return undefined;
    });
    if (problems.length > 0) {
      const isStale = problems.some((p) => p.message.includes('先に更新'));
      throw new AppError(isStale ? 'common.conflict' : 'common.validation', isStale ? 'ほかの人が先に更新した応募者がいます。読み込み直してください。' : '判定できない応募者がいます。', problems);
    }
    for (const m of moves) if (!(await repo.updateApplicantProgress(tx, m.id, m.version, m.next))) throw stale();
    await repo.insertDecisions(tx, inserts);
    await auditInTx(tx, auditSource(ctx), {
      action: 'recruitment.stage-decided',
      outcome: 'succeeded',
      objectType: 'recruitment_campaign',
      objectId: campaign.id,
      details: { stageIndex: input.stageIndex, passed: inserts.filter((d) => d.outcome === 'passed').length, failed: inserts.filter((d) => d.outcome === 'failed').length, absent: inserts.filter((d) => d.outcome === 'absent').length },
    });
    return { decided: inserts.length };
  });
}

// ------------------------------------------------------------------------------------------------
// Notices

/**
 * Notices from the templates. Mailed only through the configured SMTP relay (and only to applicants not
 * anonymised); otherwise stored for a printed letter. The stored row is written first, the mail after the commit.
 */
export async function sendNotices(ctx: ServiceContext, input: SendNoticesInput & { campaignId: number }): Promise<NoticeResult> {
  const exec = ctx.database.db;
  const campaign = await loadCampaign(exec, ctx.actor.municipalityId, input.campaignId);
  const stageName = input.stageIndex === null ? '' : stageAt(campaign.stages, input.stageIndex).name;
  const { settings } = await getPipelineSettings(exec, ctx.actor.municipalityId);
  const ids = [...new Set(input.applicantIds)];
  const applicants = await repo.listApplicantsByIds(exec, ctx.actor.municipalityId, ids);
  if (applicants.length !== ids.length || applicants.some((a) => a.campaignId !== campaign.id)) throw new AppError('common.validation', 'この試験の応募者ではない人が含まれています。', [{ path: 'applicantIds', message: '対象外です' }]);
  if (applicants.some((a) => a.anonymisedAt !== null)) throw new AppError('common.conflict', '保存期間を過ぎて匿名化された応募者には通知できません。');
  const mail = isMailEnabled(ctx.config);
  const date = formatDate(ctx.today, 'wareki');
  const rendered = applicants.map((a) => ({
    a,
    ...renderNotice(settings, input.template, { name: `${a.familyName} ${a.givenName}`.trim(), examTitle: campaign.title, receiptNumber: a.receiptNumber, stageName, date }),
  }));
  const inserted = await ctx.database.db.transaction(async (tx) => {
    const rows = await repo.insertNotices(
      tx,
      rendered.map((r) => ({
        municipalityId: ctx.actor.municipalityId,
        applicantId: r.a.id,
        template: input.template,
        subject: r.subject,
        body: r.body,
        delivery: mail && r.a.email !== '' ? 'mail' : 'print',
      })),
    );
    await auditInTx(tx, auditSource(ctx), { action: 'recruitment.notices-created', outcome: 'succeeded', objectType: 'recruitment_campaign', objectId: campaign.id, details: { template: input.template, count: rows.length } });
    return rows;
  });
  const result: NoticeResult = { mailed: 0, print: 0, failed: 0 };
  const toMail = rendered.map((r, i) => ({ r, id: inserted[i]!.id })).filter(({ r }) => mail && r.a.email !== '');
  result.print = rendered.length - toMail.length;
  if (toMail.length > 0) {
    const outcomes = (await sendMails(ctx.config, toMail.map(({ r }) => ({ to: r.a.email, subject: r.subject, text: r.body })))) ?? [];
    for (const [i, { id }] of toMail.entries()) {
      const ok = outcomes[i]?.ok === true;
      await repo.updateNoticeDelivery(exec, id, ok ? 'mail' : 'failed', ok ? new Date().toISOString() : null);
      if (ok) result.mailed += 1;
      else result.failed += 1;
    }
  }
  return result;
}

// ------------------------------------------------------------------------------------------------
// Export

export async function exportStageApplicants(
  ctx: ServiceContext,
  input: { campaignId: number; stageIndex?: number; outcome?: 'waiting' | 'passed' | 'failed' | 'absent'; format: 'csv' | 'xlsx'; encoding: CsvOutputEncoding; replaceUnencodable: boolean },
): Promise<ExportFile> {
  const exec = ctx.database.db;
  const campaign = await loadCampaign(exec, ctx.actor.municipalityId, input.campaignId);
  const rows = await repo.listAllApplicants(exec, campaign.id, {
    ...(input.stageIndex === undefined ? {} : { stageIndex: input.stageIndex }),
    ...(input.outcome === undefined ? {} : { outcome: input.outcome }),
  });
  const header = ['受付番号', '氏名', 'フリガナ', '生年月日', 'メールアドレス', '電話番号', '状態', '選考段階', '段階の結果', '応募のきっかけ', '受付方法', '受付日時'];
  const stageName = (i: number) => campaign.stages[i]?.name ?? '全試験合格';
  const table = rows.map((r) => [
    r.receiptNumber,
    r.name,
    r.kana,
    r.birthDate ?? '',
    r.email,
    r.phone,
    applicantStatusLabels[r.status as ApplicantStatus] ?? r.status,
    stageName(r.stageIndex),
    stageOutcomeLabels[r.stageOutcome as StageOutcome] ?? r.stageOutcome,
    applicantSourceLabels[r.source as 'web'] ?? r.source,
    r.channel === 'csv' ? '電子申請(CSV)' : 'オンライン',
    r.submittedAt,
  ]);
  const suffix = input.stageIndex === undefined ? 'all' : `stage${input.stageIndex + 1}`;
  const jp = `応募者一覧_${campaign.title}_${input.stageIndex === undefined ? '全体' : stageName(input.stageIndex)}`.replace(/[\\/:*?"<>|]/g, '_');
  await audit(ctx.database, auditSource(ctx), { action: 'recruitment.applicants-exported', outcome: 'allowed', objectType: 'recruitment_campaign', objectId: campaign.id, details: { stageIndex: input.stageIndex ?? null, rows: rows.length, format: input.format } });
  if (input.format === 'xlsx') {
    return {
      bytes: await buildXlsx('応募者一覧', header, table),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      asciiFileName: `applicants-${campaign.id}-${suffix}.xlsx`,
      fileName: `${jp}.xlsx`,
      unencodableCount: 0,
    };
  }
  return csvDownload(header, table, { encoding: input.encoding, replaceUnencodable: input.replaceUnencodable, asciiFileName: `applicants-${campaign.id}-${suffix}.csv`, fileName: `${jp}.csv` });
}


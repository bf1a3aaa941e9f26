/**
 * Rater scoring (評定, issue 7 item 3, ADR 0018). A rater is any staff member assigned to a sitting — the relation
 * 'sitting-rater', not a role — checked by the route guard for the sitting and the applicant (refusals audited there).
 * Here: they see only what rating needs (name, receipt number, group; never birth date, address or e-mail) and only
 * their own scores. Each read of applicants' data by a rater is audited per applicant.
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { raterTotal, validateScores } from '../../domain/recruitment/scoring.js';
import type { MySitting, RaterScoreInput, RaterSitting } from '../../domain/recruitment/pipeline-api.js';
import { auditSource, loadCampaign } from './pipeline.service.js';
import * as repo from './pipeline.repository.js';
import { rubricStageKinds, stageSchema } from '../../domain/recruitment/recruitment-model.js';

const denied = () => new AppError('access.denied', 'この操作を行う権限がありません。');
const isOpen = (status: string) => status === 'applied' || status === 'in-progress';

/** GET /api/recruitment/scoring/sittings — the sittings the signed-in staff member rates (empty for everyone else). */
export async function listMySittings(ctx: ServiceContext): Promise<MySitting[]> {
  if (ctx.actor.staffId === null) return [];
  const rows = await repo.listRaterSittings(ctx.database.db, ctx.actor.municipalityId, ctx.actor.staffId);
  return rows.map((r) => {
    const stages = Array.isArray(r.stages) ? (r.stages as Array<{ name?: string }>) : [];
    return {
      id: r.id,
      campaignTitle: r.campaignTitle,
      stageIndex: r.stageIndex,
      stageName: stages[r.stageIndex]?.name ?? '',
      startsAt: r.startsAt,
      room: r.room,
      groupLabel: r.groupLabel,
      applicants: r.applicants,
      scoredByMe: r.scoredByMe,
    };
  });
}

/** The sitting the guard let the actor rate ('sitting-rater'), with its campaign and rubric stage. */
async function raterSitting(ctx: ServiceContext, sittingId: number) {
  const exec = ctx.database.db;
  const sitting = await repo.findSitting(exec, ctx.actor.municipalityId, sittingId);
  if (!sitting) throw new AppError('common.not-found', '対象が見つかりません。');
  // The guard holds only for an actor with a staff record; this keeps the type honest.
  if (ctx.actor.staffId === null) throw denied();
  const campaign = await loadCampaign(exec, ctx.actor.municipalityId, sitting.campaignId);
  const stage = campaign.stages[sitting.stageIndex];
  if (!stage || !rubricStageKinds.includes(stage.kind) || stage.rubric === null) {
    throw new AppError('common.conflict', 'この試験は評価項目ごとの評定を行いません。');
  }
  return { sitting, campaign, stage: stageSchema.parse(stage), staffId: ctx.actor.staffId };
}

/** GET /api/recruitment/scoring/sittings/:id — the applicants to rate with the rater's own scores only. */
export async function getRaterSitting(ctx: ServiceContext, sittingId: number): Promise<RaterSitting> {
  const { sitting, campaign, stage, staffId } = await raterSitting(ctx, sittingId);
  const rows = await repo.listRaterSittingApplicants(ctx.database.db, sitting.id, sitting.stageIndex, staffId);
  // One audit row per applicant whose data the rater is shown (security.md 5); written before the answer leaves.
  const src = auditSource(ctx);
  await ctx.database.db.transaction(async (tx) => {
    for (const r of rows) {
      await auditInTx(tx, src, { action: 'recruitment.rater-applicant-read', outcome: 'allowed', objectType: 'recruitment_applicant', objectId: r.applicantId, details: { sittingId: sitting.id } });
    }
  });
  return {
    id: sitting.id,
    campaignTitle: campaign.title,
    stageIndex: sitting.stageIndex,
    stageName: stage.name,
    startsAt: new Date(sitting.startsAt).toISOString(),
    room: sitting.room,
    groupLabel: sitting.groupLabel,
    rubric: stage.rubric!,
    applicants: rows.map((r) => ({
      applicantId: r.applicantId,
      receiptNumber: r.receiptNumber,
      name: r.name,
      groupLabel: sitting.groupLabel,
      isAbsent: Boolean(r.isAbsent),
      canRevise: isOpen(r.status) && r.stageIndex === sitting.stageIndex && r.stageOutcome === 'waiting',
      myScores: r.scores,
      myComment: r.comment ?? '',
      myTotal: r.total,
    })),
  };
}

/**
 * PUT /api/recruitment/scoring/sittings/:id/applicants/:applicantId — the rater's scores for one applicant, every
 * rubric item 1..scaleMax; revisable until the stage is decided for the applicant.
 */
export async function saveRaterScore(ctx: ServiceContext, input: RaterScoreInput & { sittingId: number; applicantId: number }) {
  const { sitting, stage, staffId } = await raterSitting(ctx, input.sittingId);
  const problems = validateScores(stage.rubric!, input.scores);
  if (problems.length > 0) throw new AppError('common.validation', '評定を確認してください。', problems.map((p) => ({ path: `scores.${p.itemId}`, message: p.message })));
  return ctx.database.db.transaction(async (tx) => {
    const [a] = await repo.listApplicantsByIds(tx, ctx.actor.municipalityId, [input.applicantId], true);
    if (!a || !isOpen(a.status) || a.stageIndex !== sitting.stageIndex || a.stageOutcome !== 'waiting') {
      throw new AppError('common.conflict', 'この応募者の合否は決定済みのため、評定を変更できません。');
    }
    const total = raterTotal(stage.rubric!, input.scores);
    await repo.upsertRaterScore(tx, {
      municipalityId: ctx.actor.municipalityId,
      applicantId: a.id,
      stageIndex: sitting.stageIndex,
      raterStaffId: staffId,
      scores: input.scores,
      total,
      comment: input.comment,
      now: ctx.now,
    });
    await auditInTx(tx, auditSource(ctx), { action: 'recruitment.score-saved', outcome: 'succeeded', objectType: 'recruitment_applicant', objectId: a.id, details: { sittingId: sitting.id } });
    return { applicantId: a.id, total };
  });
}

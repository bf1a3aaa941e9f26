/**
 * Recruitment campaigns (採用試験, policy III-3) managed by recruitment staff: category, profession, posts, eligibility
 * (age limits raised or removed), stages with pass rules and rubrics, schedule, description, FAQ; draft → open →
 * closed → finished with optimistic versions. Also the recruitment settings documents (rubric defaults, intake).
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { validationError } from '../http/validation-messages.js';
import type { Executor } from '../db/client.js';
import { birthDateBounds } from '../../domain/recruitment/eligibility.js';
import { eligibilitySchema, stageSchema, type CampaignCategory, type Stage } from '../../domain/recruitment/recruitment-model.js';
import {
  canMoveCampaign,
  defaultEligibilityFor,
  defaultRecruitmentIntakeSettings,
  defaultRecruitmentRubrics,
  defaultStagesFor,
  recruitmentIntakeSettingsSchema,
  recruitmentRubricsSchema,
  type CampaignInput,
  type CampaignStatus,
  type RecruitmentIntakeSettings,
  type RecruitmentRubrics,
} from '../../domain/recruitment/intake.js';
import type { CampaignView } from '../../domain/recruitment/intake-api.js';
import { countApplicantsOfCampaign, findCampaign, insertCampaign, listCampaigns, updateCampaignIfUnchanged, type CampaignRow } from './campaigns.repository.js';
import { loadSettingsDocument, saveSettingsDocument, type SettingsDocumentSpec } from '../common/settings-document.service.js';

export const rubricsSettingKey = 'recruitment-rubrics';
export const intakeSettingKey = 'recruitment-intake';

export type { CampaignView };

export function toCampaignView(row: CampaignRow): CampaignView {
  const eligibility = eligibilitySchema.parse(row.eligibility);
  return {
    id: row.id,
    version: row.version,
    fiscalYear: row.fiscalYear,
    category: row.category as CampaignCategory,
    profession: row.profession,
    title: row.title,
    postsToFill: row.postsToFill,
    eligibility,
    birthDateBounds: birthDateBounds(eligibility),
    stages: stageSchema.array().parse(row.stages),
    applicationOpensOn: row.applicationOpensOn,
    applicationClosesOn: row.applicationClosesOn,
    schedule: row.schedule as CampaignView['schedule'],
    description: row.description,
    faq: row.faq as CampaignView['faq'],
    status: row.status as CampaignStatus,
    updatedAt: row.updatedAt,
  };
}

const src = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });
const notFound = () => new AppError('common.not-found', '採用試験が見つかりません。');
const stale = () => new AppError('common.conflict', '他の人が先にこの採用試験を更新しました。最新の内容を読み込んでから、もう一度変更してください。');

export async function listCampaignsOfYear(ctx: ServiceContext, q: { fiscalYear?: number }) {
  const rows = await listCampaigns(ctx.database.db, ctx.actor.municipalityId, q);
  return { campaigns: rows.map((r) => ({ ...toCampaignView(r.campaign), applicantCount: Number(r.applicantCount) })) };
}

export async function readCampaign(ctx: ServiceContext, id: number) {
  const row = await findCampaign(ctx.database.db, ctx.actor.municipalityId, id);
  if (!row) throw notFound();
  return { ...toCampaignView(row), applicantCount: await countApplicantsOfCampaign(ctx.database.db, id) };
}

/** What a new campaign of a category starts with: eligibility for hiring next April 1 and the default stages. */
export async function campaignDefaults(ctx: ServiceContext, q: { category: CampaignCategory; fiscalYear: number; postsToFill: number }) {
  const { value: rubrics } = await readRubrics(ctx.database.db, ctx.actor.municipalityId);
  const hireOn = `${q.fiscalYear + 1}-04-01`;
  return { eligibility: defaultEligibilityFor(q.category, hireOn), stages: defaultStagesFor(q.category, q.postsToFill, rubrics) };
}

function valuesOf(input: CampaignInput) {
  return {
    fiscalYear: input.fiscalYear,
    category: input.category,
    profession: input.profession,
    title: input.title,
    postsToFill: input.postsToFill,
    eligibility: input.eligibility,
    stages: input.stages,
    applicationOpensOn: input.applicationOpensOn,
    applicationClosesOn: input.applicationClosesOn,
    schedule: input.schedule,
    description: input.description,
    faq: input.faq,
  };
}

function checkStages(stages: readonly Stage[]) {
  const problems = stages.flatMap((s, i) =>
    s.kind === 'interview' || s.kind === 'group-discussion' || s.kind === 'final-interview'
      ? s.rubric === null
        ? [{ path: `stages.${i}.rubric`, code: 'custom', message: `「${s.name}」には評定項目が必要です` }]
        : []
      : [],
  );
  if (problems.length > 0) throw validationError(problems);
}

export async function createCampaign(ctx: ServiceContext, input: CampaignInput) {
  checkStages(input.stages);
  return ctx.database.db.transaction(async (tx) => {
    const row = await insertCampaign(tx, ctx.actor.municipalityId, valuesOf(input), ctx.now);
    await auditInTx(tx, src(ctx), { action: 'recruitment.campaign.create', outcome: 'succeeded', objectType: 'recruitment_campaign', objectId: row.id });
    return { ...toCampaignView(row), applicantCount: 0 };
  });
}

export async function updateCampaign(ctx: ServiceContext, input: CampaignInput & { campaignId: number; version: number }) {
  checkStages(input.stages);
  return ctx.database.db.transaction(async (tx) => {
    const current = await findCampaign(tx, ctx.actor.municipalityId, input.campaignId);
    if (!current) throw notFound();
    if (current.status === 'finished') throw new AppError('recruitment.campaign-not-open', '終了した採用試験は変更できません。');
    const row = await updateCampaignIfUnchanged(tx, ctx.actor.municipalityId, input.campaignId, input.version, valuesOf(input), ctx.now);
    if (!row) throw stale();
    await auditInTx(tx, src(ctx), { action: 'recruitment.campaign.update', outcome: 'succeeded', objectType: 'recruitment_campaign', objectId: row.id });
    return { ...toCampaignView(row), applicantCount: await countApplicantsOfCampaign(tx, row.id) };
  });
}

/** draft → open → closed → finished (open ↔ closed to extend; open → draft only while nobody applied). */
export async function moveCampaign(ctx: ServiceContext, input: { campaignId: number; version: number; status: CampaignStatus }) {
  return ctx.database.db.transaction(async (tx) => {
    const current = await findCampaign(tx, ctx.actor.municipalityId, input.campaignId);
    if (!current) throw notFound();
    if (current.version !== input.version) throw stale();
    const from = current.status as CampaignStatus;
    if (!canMoveCampaign(from, input.status)) throw new AppError('recruitment.campaign-not-open', `「${from}」から「${input.status}」には変更できません。`);
    const applicants = await countApplicantsOfCampaign(tx, current.id);
    if (input.status === 'draft' && applicants > 0) throw new AppError('recruitment.campaign-not-open', '応募者がいる採用試験は準備中に戻せません。');
    const row = await updateCampaignIfUnchanged(tx, ctx.actor.municipalityId, current.id, input.version, { status: input.status }, ctx.now);
    if (!row) throw stale();
    await auditInTx(tx, src(ctx), { action: 'recruitment.campaign.status', outcome: 'succeeded', objectType: 'recruitment_campaign', objectId: row.id, details: { from, to: input.status } });
    return { ...toCampaignView(row), applicantCount: applicants };
  });
}

// ------------------------------------------------------------------------------------------------
// Settings documents

/** What the two documents share: the audit action, and the conflict wording and audit object type they have always had. */
const recruitmentSetting = {
  auditAction: 'recruitment.settings.update',
  auditObjectType: 'setting',
  conflictMessage: '他の人が先に設定を変更しました。読み込み直してください。',
} as const;

const rubricsDocument: SettingsDocumentSpec<RecruitmentRubrics> = {
  ...recruitmentSetting,
  key: rubricsSettingKey,
  // apart from the other settings documents (the pipeline's is 7361)
  lockClass: 7362,
  schema: recruitmentRubricsSchema,
  defaults: defaultRecruitmentRubrics,
  subject: '評定項目の初期値',
};

const intakeDocument: SettingsDocumentSpec<RecruitmentIntakeSettings> = {
  ...recruitmentSetting,
  key: intakeSettingKey,
  lockClass: 7363,
  schema: recruitmentIntakeSettingsSchema,
  defaults: defaultRecruitmentIntakeSettings,
  subject: '応募受付の設定',
};

export async function readRubrics(exec: Executor, municipalityId: number): Promise<{ value: RecruitmentRubrics; updatedAt: string | null }> {
  const { value, updatedAt } = await loadSettingsDocument(exec, municipalityId, rubricsDocument);
  return { value, updatedAt };
}

export async function readIntakeSettings(exec: Executor, municipalityId: number): Promise<{ value: RecruitmentIntakeSettings; updatedAt: string | null }> {
  const { value, updatedAt } = await loadSettingsDocument(exec, municipalityId, intakeDocument);
  return { value, updatedAt };
}

export async function readRecruitmentSettings(ctx: ServiceContext) {
  const exec = ctx.database.db;
  return { rubrics: await readRubrics(exec, ctx.actor.municipalityId), intake: await readIntakeSettings(exec, ctx.actor.municipalityId) };
}

/** Saves one settings document (the value as it is: validation paths start inside it); `updatedAt` is the token read with it (null when it was the default). */
export async function saveRecruitmentSetting(ctx: ServiceContext, input: { key: typeof rubricsSettingKey | typeof intakeSettingKey; value: unknown; updatedAt: string | null }) {
  const { value, updatedAt } =
    input.key === rubricsSettingKey
      ? await saveSettingsDocument(ctx, rubricsDocument, { value: input.value, updatedAt: input.updatedAt })
      : await saveSettingsDocument(ctx, intakeDocument, { value: input.value, updatedAt: input.updatedAt });
  return { value, updatedAt };
}

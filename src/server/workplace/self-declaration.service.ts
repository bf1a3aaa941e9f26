/**
 * Self-declaration (自己申告書, policy III-4-(3)①, ADR 0019): HR's yearly campaign with a form fixed for it, each
 * person's declaration (draft, submit, edit until the campaign closes), HR's and the supervisor's reads — the
 * supervisor's field by field as the form allows, never health — the progress per unit with reminders, and the
 * transfer wishes written for placement on submit.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { audit, auditInTx, type AuditSource } from '../access/audit.service.js';
import { can } from '../access/access.service.js';
import { validationError } from '../http/validation-messages.js';
import { getOrgSettings } from '../org/settings.service.js';
import { mailNotifications, notify } from '../notifications/notifications.service.js';
import { loadSettingsDocument, saveSettingsDocument, type SettingsDocumentSpec, type StoredSettingsDocument } from '../common/settings-document.service.js';
import { clampDate } from '../../domain/common/fiscal-year.js';
import {
  answersVisibleTo,
  careerIntentionKey,
  defaultSelfDeclarationForm,
  hasSensitiveFieldFor,
  selfDeclarationFormSchema,
  transferWishOf,
  validateAnswers,
  visibleFields,
  wishRowsOf,
  type Answers,
  type DeclarationViewer,
  type SelfDeclarationForm,
} from '../../domain/workplace/self-declaration-form.js';
import {
  campaignFiscalYear,
  isAcceptingOn,
  wishEffectiveDate,
  wishFiscalYear,
  type OpenCampaignInput,
} from '../../domain/workplace/self-declaration-campaign.js';
import type {
  CampaignList,
  CampaignProgress,
  CampaignSummary,
  DeclarationList,
  DeclarationListItem,
  DeclarationView,
  ProgressRow,
  SaveDeclarationInput,
  SaveDeclarationResult,
  SelfDeclarationFormUpdate,
  SelfDeclarationFormView,
} from '../../domain/workplace/self-declaration-api.js';
import {
  countHrWishes,
  findCampaign,
  findDeclaration,
  findStaffCard,
  insertCampaign,
  insertDeclaration,
  listCampaigns,
  listPopulation,
  listSupervisedStaffIds,
  listUnitIdsOn,
  listUnitNamesOn,
  listUnitTreeOn,
  replaceSelfDeclarationWishes,
  updateCampaignIfVersion,
  updateDeclarationIfVersion,
  type CampaignRow,
  type DeclarationRow,
  type PopulationRow,
} from './self-declaration.repository.js';

export const selfDeclarationFormKey = 'self-declaration-form';

/** The form is a settings document saved the shared way (lock → validate → token → write → audit). */
const formDocument: SettingsDocumentSpec<SelfDeclarationForm> = {
  key: selfDeclarationFormKey,
  // apart from the other settings documents (7320–7361, 7371) and the fellow pairs' lock (7370)
  lockClass: 7372,
  schema: selfDeclarationFormSchema,
  defaults: defaultSelfDeclarationForm,
  subject: '自己申告書の様式',
  auditAction: 'workplace.self-declaration-form-saved',
  // the shape of the form, never more: how many fields, which the supervisor sees, which is the commitment indicator
  auditDetails: (form) => ({
    fields: form.fields.length,
    supervisorVisible: form.fields.filter((f) => f.isSupervisorVisible).map((f) => f.key),
    commitmentIndicator: form.commitmentIndicator,
  }),
};

const auditSource = (ctx: ServiceContext): AuditSource => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });
const notFound = () => new AppError('common.not-found', '自己申告の対象が見つかりません。');
const staleDeclaration = () =>
  new AppError('common.conflict', '自己申告書は別の画面で先に保存されています。最新の内容を読み込んでから、もう一度保存してください。');

// ——— the form (settings document) ———

const toFormView = ({ value, ...rest }: StoredSettingsDocument<SelfDeclarationForm>): SelfDeclarationFormView => ({ form: value, ...rest });

async function loadForm(exec: Executor, municipalityId: number): Promise<SelfDeclarationFormView> {
  return toFormView(await loadSettingsDocument(exec, municipalityId, formDocument));
}

/** GET /api/workplace/self-declaration/form */
export async function readSelfDeclarationForm(ctx: ServiceContext): Promise<SelfDeclarationFormView> {
  return loadForm(ctx.database.db, ctx.actor.municipalityId);
}

/** PUT /api/workplace/self-declaration/form: the whole form with the token read (null: the default); 409 when stale. */
export async function updateSelfDeclarationForm(ctx: ServiceContext, input: SelfDeclarationFormUpdate): Promise<SelfDeclarationFormView> {
  return toFormView(await saveSettingsDocument(ctx, formDocument, { field: 'form', value: input.form, updatedAt: input.updatedAt }));
}

// ——— campaigns ———

function summaryOf(c: CampaignRow, today: string): CampaignSummary {
  return {
    id: c.id,
    fiscalYear: c.fiscalYear,
    title: c.title,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    status: c.status,
    isAccepting: isAcceptingOn(c, today),
    wishFiscalYear: wishFiscalYear(c.opensOn),
    wishEffectiveDate: wishEffectiveDate(c.opensOn),
    version: c.version,
  };
}

/** The form the campaign fixed when it opened. */
function formOf(c: CampaignRow): SelfDeclarationForm {
  return selfDeclarationFormSchema.parse(c.form);
}

async function getCampaign(ctx: ServiceContext, campaignId: number): Promise<CampaignRow> {
  const c = await findCampaign(ctx.database.db, ctx.actor.municipalityId, campaignId);
  if (!c) throw notFound();
  return c;
}

/** The day a campaign's population and units are read: today, within the campaign's period. */
const populationDate = (c: CampaignRow, today: string) => clampDate(today, c.opensOn, c.closesOn);

/** GET /api/workplace/self-declaration/campaigns: every 年度's campaign (metadata only — everyone needs to find theirs). */
export async function listSelfDeclarationCampaigns(ctx: ServiceContext): Promise<CampaignList> {
  const rows = await listCampaigns(ctx.database.db, ctx.actor.municipalityId);
  const manage = await can(ctx.database, ctx.actor, 'workplace.self-declaration.manage', {}, ctx.today);
  return { campaigns: rows.map((r) => summaryOf(r, ctx.today)), canManage: manage.allowed };
}

/** POST /api/workplace/self-declaration/campaigns: one per 年度 (that of the opening day), with a copy of today's form. */
export async function openSelfDeclarationCampaign(ctx: ServiceContext, input: OpenCampaignInput): Promise<CampaignSummary> {
  const municipalityId = ctx.actor.municipalityId;
  return ctx.database.db.transaction(async (tx) => {
    const { form } = await loadForm(tx, municipalityId);
    const fiscalYear = campaignFiscalYear(input.opensOn);
    const row = await insertCampaign(tx, { municipalityId, fiscalYear, title: input.title, opensOn: input.opensOn, closesOn: input.closesOn, form });
    if (!row) throw new AppError('common.conflict', `${fiscalYear}年度の自己申告はすでに始めています。`);
    await auditInTx(tx, auditSource(ctx), {
      action: 'workplace.self-declaration-campaign-opened',
      outcome: 'succeeded',
      objectType: 'self_declaration_campaign',
      objectId: row.id,
      details: { fiscalYear, opensOn: input.opensOn, closesOn: input.closesOn },
    });
    return summaryOf(row, ctx.today);
  });
}

/** POST …/campaigns/{id}/close: declarations become read-only (HR and the owners keep reading them). */
export async function closeSelfDeclarationCampaign(ctx: ServiceContext, input: { campaignId: number; version: number }): Promise<CampaignSummary> {
  const municipalityId = ctx.actor.municipalityId;
  return ctx.database.db.transaction(async (tx) => {
    const current = await findCampaign(tx, municipalityId, input.campaignId);
    if (!current) throw notFound();
    if (current.status === 'closed') return summaryOf(current, ctx.today);
    const row = await updateCampaignIfVersion(tx, municipalityId, input.campaignId, input.version, { status: 'closed' });
    if (!row) throw new AppError('common.conflict', '他の人が先にこの自己申告を更新しました。読み込み直してください。');
    await auditInTx(tx, auditSource(ctx), { action: 'workplace.self-declaration-campaign-closed', outcome: 'succeeded', objectType: 'self_declaration_campaign', objectId: row.id });
    return summaryOf(row, ctx.today);
  });
}

// ——— one declaration ———

async function wishedUnitsOf(ctx: ServiceContext, c: CampaignRow, form: SelfDeclarationForm, answers: Answers) {
  const rows = wishRowsOf(transferWishOf(form, answers));
  const names = await listUnitNamesOn(ctx.database.db, ctx.actor.municipalityId, rows.map((r) => r.unitId), wishEffectiveDate(c.opensOn));
  return rows.map((r) => ({ ...r, unitName: names.get(r.unitId) ?? `(所属ID ${r.unitId})` }));
}

async function viewOf(
  ctx: ServiceContext,
  c: CampaignRow,
  staffId: number,
  row: DeclarationRow | undefined,
  viewer: DeclarationViewer,
): Promise<DeclarationView> {
  const form = formOf(c);
  const card = await findStaffCard(ctx.database.db, ctx.actor.municipalityId, staffId, populationDate(c, ctx.today));
  if (!card) throw notFound();
  // Drafts are the owner's work in progress: nobody else reads their answers.
  const isReadable = row !== undefined && (viewer === 'owner' || row.status === 'submitted');
  const all = isReadable ? (row.answers as Answers) : {};
  const answers = answersVisibleTo(form, all, viewer);
  const fields = visibleFields(form, viewer);
  const wishVisible = fields.some((f) => f.kind === 'transfer-wish');
  return {
    campaign: summaryOf(c, ctx.today),
    staff: { staffId, ...card },
    viewer,
    fields,
    status: row === undefined ? 'not-started' : row.status,
    answers,
    wishedUnits: wishVisible && isReadable ? await wishedUnitsOf(ctx, c, form, all) : [],
    submittedAt: row?.submittedAt ? new Date(row.submittedAt).toISOString() : null,
    updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
    version: row?.version ?? null,
    isEditable: viewer === 'owner' && isAcceptingOn(c, ctx.today),
  };
}

function ownStaffId(ctx: ServiceContext): number {
  if (ctx.actor.staffId === null) throw new AppError('access.denied', '職員として登録されたアカウントだけが自己申告書を書けます。');
  return ctx.actor.staffId;
}

/** GET …/campaigns/{id}/mine: the actor's own declaration (any year; editable while the campaign accepts). */
export async function readMyDeclaration(ctx: ServiceContext, input: { campaignId: number }): Promise<DeclarationView> {
  const staffId = ownStaffId(ctx);
  const c = await getCampaign(ctx, input.campaignId);
  const row = await findDeclaration(ctx.database.db, ctx.actor.municipalityId, c.id, staffId);
  return viewOf(ctx, c, staffId, row, 'owner');
}

/**
 * PUT …/mine (draft) and POST …/mine/submit. The owner is the actor, never a client-supplied id. A first save
 * sends version null; later saves the version read (stale: 409). A submitted declaration is changed by
 * submitting again, which rewrites the transfer wishes.
 */
export async function saveMyDeclaration(ctx: ServiceContext, input: SaveDeclarationInput & { campaignId: number; isSubmit: boolean }): Promise<SaveDeclarationResult> {
  const staffId = ownStaffId(ctx);
  const municipalityId = ctx.actor.municipalityId;
  const c = await getCampaign(ctx, input.campaignId);
  if (!isAcceptingOn(c, ctx.today)) {
    throw new AppError('workplace.self-declaration-closed', 'この自己申告は受付期間外のため、保存できません。');
  }
  const form = formOf(c);
  const checked = validateAnswers(form, input.answers, input.isSubmit ? 'submit' : 'draft');
  if (!checked.ok) throw validationError(checked.issues.map((i) => ({ path: `answers.${i.path}`, code: 'custom', message: i.message })));
  const answers = checked.answers;
  const wishRows = wishRowsOf(transferWishOf(form, answers));
  if (wishRows.length > 0) {
    const units = await listUnitIdsOn(ctx.database.db, municipalityId, wishEffectiveDate(c.opensOn));
    const unknown = wishRows.filter((w) => !units.has(w.unitId));
    if (unknown.length > 0) {
      throw validationError(unknown.map((w) => ({ path: `answers.transferWish.units.${w.rank - 1}`, code: 'custom', message: '希望の所属が異動日の組織にありません' })));
    }
  }
  const wishYear = wishFiscalYear(c.opensOn);
  const result = await ctx.database.db.transaction(async (tx) => {
    const current = await findDeclaration(tx, municipalityId, c.id, staffId);
    const status = input.isSubmit ? ('submitted' as const) : ('draft' as const);
    if (!input.isSubmit && current?.status === 'submitted') {
      throw new AppError('common.conflict', '提出済みの自己申告書は下書きに戻せません。変更は「提出する」で保存してください。');
    }
    const submittedAt = input.isSubmit ? ctx.now.toISOString() : null;
    let saved: DeclarationRow | undefined;
    if (current === undefined) {
      if (input.version !== null) throw staleDeclaration();
      saved = await insertDeclaration(tx, { municipalityId, campaignId: c.id, staffId, answers, status, submittedAt });
    } else {
      if (input.version === null || input.version !== current.version) throw staleDeclaration();
      saved = await updateDeclarationIfVersion(tx, current.id, input.version, { answers, status, submittedAt });
    }
    if (!saved) throw staleDeclaration();
    let wishes: SaveDeclarationResult['wishes'];
    if (input.isSubmit) {
      const hasWishField = form.fields.some((f) => f.kind === 'transfer-wish');
      if (!hasWishField) wishes = { fiscalYear: wishYear, outcome: 'none', count: 0 };
      else if ((await countHrWishes(tx, municipalityId, staffId, wishYear)) > 0) {
        // HR-entered wishes win (ADR 0019): HR heard the person and entered them; the declaration does not overwrite.
        wishes = { fiscalYear: wishYear, outcome: 'kept-hr-entered', count: 0 };
      } else {
        await replaceSelfDeclarationWishes(tx, municipalityId, staffId, wishYear, wishRows);
        wishes = { fiscalYear: wishYear, outcome: wishRows.length > 0 ? 'written' : 'cleared', count: wishRows.length };
      }
      await auditInTx(tx, auditSource(ctx), {
        action: 'workplace.self-declaration-submitted',
        outcome: 'succeeded',
        objectType: 'self_declaration',
        objectId: saved.id,
        details: { campaignId: c.id, wishes: wishes.outcome, wishCount: wishes.count, wishFiscalYear: wishYear },
      });
    }
    return { saved, wishes };
  });
  const view = await viewOf(ctx, c, staffId, result.saved, 'owner');
  return result.wishes ? { ...view, wishes: result.wishes } : view;
}

/**
 * GET …/campaigns/{id}/declarations/{staffId}: one declaration as far as the reader may see it. The route let the
 * reader through (HR role, self, evaluator, unit head); here the fields are cut on the server: the supervisor gets
 * only the fields the campaign's form allows, never health. Every read by anyone but the owner is audited.
 */
export async function readDeclaration(ctx: ServiceContext, input: { campaignId: number; staffId: number }): Promise<DeclarationView> {
  const c = await getCampaign(ctx, input.campaignId);
  const viewer = await viewerOf(ctx, input.staffId);
  const row = await findDeclaration(ctx.database.db, ctx.actor.municipalityId, c.id, input.staffId);
  const view = await viewOf(ctx, c, input.staffId, row, viewer);
  if (viewer !== 'owner') {
    await audit(ctx.database, auditSource(ctx), {
      action: 'workplace.self-declaration.read',
      outcome: 'allowed',
      objectType: 'self_declaration',
      objectId: row?.id ?? `campaign:${c.id}/staff:${input.staffId}`,
      details: {
        campaignId: c.id,
        staffId: input.staffId,
        viewer,
        fields: view.fields.map((f) => f.key),
        sensitive: hasSensitiveFieldFor(formOf(c), viewer) && view.status === 'submitted',
      },
    });
  }
  return view;
}

async function viewerOf(ctx: ServiceContext, staffId: number): Promise<DeclarationViewer> {
  if (ctx.actor.staffId === staffId) return 'owner';
  const decision = await can(ctx.database, ctx.actor, 'workplace.self-declaration.read', { staffId }, ctx.today);
  if (!decision.allowed) throw new AppError('access.denied', 'この操作を行う権限がありません。');
  return decision.via.startsWith('role:') ? 'hr' : 'supervisor';
}

// ——— lists and progress ———

const careerOptionsOf = (form: SelfDeclarationForm) => form.fields.find((f) => f.key === careerIntentionKey && f.kind === 'choice')?.options ?? [];
const wishKeyOf = (form: SelfDeclarationForm) => form.fields.find((f) => f.kind === 'transfer-wish')?.key ?? null;

function toListItem(r: PopulationRow, showWish: boolean, showCareer: boolean): DeclarationListItem {
  const readable = r.status === 'submitted';
  return {
    staffId: r.staffId,
    employeeNumber: r.employeeNumber,
    name: r.name,
    unitId: r.unitId,
    unitName: r.unitName,
    status: r.status ?? 'not-started',
    submittedAt: r.submittedAt,
    transferWish: showWish && readable && (r.transferWish === 'yes' || r.transferWish === 'no') ? r.transferWish : null,
    careerIntention: showCareer && readable ? r.careerIntention : null,
  };
}

export type DeclarationFilters = {
  campaignId: number;
  unitId?: number;
  transferWish?: 'yes' | 'no';
  careerIntention?: string;
  status?: 'not-started' | 'draft' | 'submitted';
};

/** GET …/campaigns/{id}/declarations (HR): everyone the campaign concerns, filtered; the list read is audited. */
export async function listDeclarations(ctx: ServiceContext, input: DeclarationFilters): Promise<DeclarationList> {
  const c = await getCampaign(ctx, input.campaignId);
  const form = formOf(c);
  const date = populationDate(c, ctx.today);
  const exec = ctx.database.db;
  const careerKey = careerOptionsOf(form).length > 0 ? careerIntentionKey : null;
  const rows = await listPopulation(exec, ctx.actor.municipalityId, c.id, date, { careerIntentionKey: careerKey, transferWishKey: wishKeyOf(form) });
  let unitSet: Set<number> | undefined;
  if (input.unitId !== undefined) {
    const tree = await listUnitTreeOn(exec, ctx.actor.municipalityId, date);
    unitSet = new Set([input.unitId]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const u of tree) if (u.parentId !== null && unitSet.has(u.parentId) && !unitSet.has(u.unitId)) (unitSet.add(u.unitId), (grew = true));
    }
  }
  const items = rows
    .map((r) => toListItem(r, true, true))
    .filter((i) => unitSet === undefined || (i.unitId !== null && unitSet.has(i.unitId)))
    .filter((i) => input.status === undefined || i.status === input.status)
    .filter((i) => input.transferWish === undefined || i.transferWish === input.transferWish)
    .filter((i) => input.careerIntention === undefined || i.careerIntention === input.careerIntention);
  await audit(ctx.database, auditSource(ctx), {
    action: 'workplace.self-declaration.list',
    outcome: 'allowed',
    objectType: 'self_declaration_campaign',
    objectId: c.id,
    details: { filters: { unitId: input.unitId ?? null, transferWish: input.transferWish ?? null, careerIntention: input.careerIntention ?? null, status: input.status ?? null }, count: items.length },
  });
  return { campaign: summaryOf(c, ctx.today), items, total: items.length, careerIntentionOptions: careerOptionsOf(form) };
}

/**
 * GET …/campaigns/{id}/team: the declarations of the people the actor evaluates or heads the unit of (today's
 * relations), with the summary columns only where the form lets the supervisor see those fields.
 */
export async function listTeamDeclarations(ctx: ServiceContext, input: { campaignId: number }): Promise<DeclarationList> {
  const c = await getCampaign(ctx, input.campaignId);
  const form = formOf(c);
  const exec = ctx.database.db;
  const own = ctx.actor.staffId;
  const { unitHeadLevels } = await getOrgSettings(exec, ctx.actor.municipalityId);
  const ids = own === null ? [] : await listSupervisedStaffIds(exec, own, ctx.today, unitHeadLevels);
  const visible = visibleFields(form, 'supervisor');
  const showWish = visible.some((f) => f.kind === 'transfer-wish');
  const showCareer = visible.some((f) => f.key === careerIntentionKey);
  const rows = await listPopulation(
    exec,
    ctx.actor.municipalityId,
    c.id,
    populationDate(c, ctx.today),
    { careerIntentionKey: showCareer ? careerIntentionKey : null, transferWishKey: showWish ? wishKeyOf(form) : null },
    ids,
  );
  const items = rows.map((r) => toListItem(r, showWish, showCareer));
  return { campaign: summaryOf(c, ctx.today), items, total: items.length, careerIntentionOptions: showCareer ? careerOptionsOf(form) : [] };
}

/** GET …/campaigns/{id}/progress (HR): submitted / draft / not started per unit — counts only. */
export async function readProgress(ctx: ServiceContext, input: { campaignId: number }): Promise<CampaignProgress> {
  const c = await getCampaign(ctx, input.campaignId);
  const asOf = populationDate(c, ctx.today);
  const rows = await listPopulation(ctx.database.db, ctx.actor.municipalityId, c.id, asOf, { careerIntentionKey: null, transferWishKey: null });
  const byUnit = new Map<number | null, ProgressRow>();
  for (const r of rows) {
    const row = byUnit.get(r.unitId) ?? { unitId: r.unitId, unitName: r.unitName ?? '(所属なし)', submitted: 0, draft: 0, notStarted: 0, total: 0 };
    if (r.status === 'submitted') row.submitted += 1;
    else if (r.status === 'draft') row.draft += 1;
    else row.notStarted += 1;
    row.total += 1;
    byUnit.set(r.unitId, row);
  }
  const list = [...byUnit.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'ja'));
  const totals = list.reduce((t, r) => ({ submitted: t.submitted + r.submitted, draft: t.draft + r.draft, notStarted: t.notStarted + r.notStarted, total: t.total + r.total }), {
    submitted: 0,
    draft: 0,
    notStarted: 0,
    total: 0,
  });
  return { campaign: summaryOf(c, ctx.today), asOf, rows: list, totals };
}

/**
 * POST …/campaigns/{id}/reminders (HR): an in-app notification to everyone who has not submitted (draft or not
 * started). The notification carries the title and a link only — nothing of anyone's declaration.
 */
export async function remindNotSubmitted(ctx: ServiceContext, input: { campaignId: number; unitId?: number }): Promise<{ notified: number }> {
  const c = await getCampaign(ctx, input.campaignId);
  if (!isAcceptingOn(c, ctx.today)) throw new AppError('workplace.self-declaration-closed', 'この自己申告は受付期間外のため、督促できません。');
  const municipalityId = ctx.actor.municipalityId;
  const rows = await listPopulation(ctx.database.db, municipalityId, c.id, populationDate(c, ctx.today), { careerIntentionKey: null, transferWishKey: null });
  const recipients = rows.filter((r) => r.status !== 'submitted' && (input.unitId === undefined || r.unitId === input.unitId)).map((r) => r.staffId);
  const ids = await ctx.database.db.transaction(async (tx) => {
    const created = await notify(
      tx,
      { municipalityId, recipientStaffIds: recipients, kind: 'workplace.self-declaration-reminder', title: `${c.title}の提出をお願いします`, body: '', link: '/workplace/self-declaration' },
      { mailConfig: ctx.config },
    );
    await auditInTx(tx, auditSource(ctx), {
      action: 'workplace.self-declaration-reminded',
      outcome: 'succeeded',
      objectType: 'self_declaration_campaign',
      objectId: c.id,
      details: { count: created.length, unitId: input.unitId ?? null },
    });
    return created;
  });
  await mailNotifications(ctx.database, ctx.config, municipalityId, ids);
  return { notified: ids.length };
}

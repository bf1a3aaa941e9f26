/**
 * The evaluation settings (grade scale, overall rule, whether 会計年度任用職員 are evaluated) as one settings
 * document; the defaults stand while nothing is stored. hr_admin changes or resets them; cycles copy them.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { japaneseIssueMessage, toValidationDetails, validationError } from '../http/validation-messages.js';
import { defaultEvaluationSettings, evaluationSettingsSchema } from '../../domain/evaluation/evaluation-settings.js';
import type { EvaluationSettings, EvaluationSettingsUpdate, EvaluationSettingsView } from '../../domain/evaluation/evaluation-api.js';
import {
  deleteSetting,
  deleteSettingIfUnchanged,
  findSetting,
  insertSettingIfAbsent,
  lockSettingsOfKind,
  updateSettingIfUnchanged,
} from '../common/settings-documents.repository.js';

const settingsKey = 'evaluation-settings';
/** Writes take turns per municipality; apart from the organisation settings (7320) and the calendar (7321). */
const settingsLockClass = 7322;

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });
const stale = () => new AppError('common.conflict', '他の人が先に評価の設定を更新しました。最新の内容を読み込んでから、もう一度変更してください。');

async function load(exec: Executor, municipalityId: number): Promise<EvaluationSettingsView> {
  const row = await findSetting(exec, municipalityId, settingsKey);
  if (row === undefined) return { settings: defaultEvaluationSettings, defaults: defaultEvaluationSettings, isDefault: true, updatedAt: null };
  const parsed = evaluationSettingsSchema.safeParse(row.value);
  if (!parsed.success) console.warn('evaluation settings do not validate; using the defaults', { municipalityId });
  return { settings: parsed.success ? parsed.data : defaultEvaluationSettings, defaults: defaultEvaluationSettings, isDefault: false, updatedAt: row.updatedAt };
}

/** The settings in force (for opening cycles). */
export async function getEvaluationSettings(exec: Executor, municipalityId: number): Promise<EvaluationSettings> {
  return (await load(exec, municipalityId)).settings;
}

/** GET /api/evaluation/settings */
export async function readEvaluationSettings(ctx: ServiceContext): Promise<EvaluationSettingsView> {
  return load(ctx.database.db, ctx.actor.municipalityId);
}

/** PUT /api/evaluation/settings: the whole document with the token read (null: the defaults); 409 when stale. */
export async function updateEvaluationSettings(ctx: ServiceContext, input: EvaluationSettingsUpdate): Promise<EvaluationSettingsView> {
  const municipalityId = ctx.actor.municipalityId;
  const { updatedAt, ...wanted } = input;
  return ctx.database.db.transaction(async (tx) => {
    await lockSettingsOfKind(tx, settingsLockClass, municipalityId);
    const parsed = evaluationSettingsSchema.safeParse(wanted, { error: japaneseIssueMessage });
    if (!parsed.success) throw validationError(toValidationDetails(parsed.error.issues));
    const current = await load(tx, municipalityId);
    if (current.updatedAt !== updatedAt) throw stale();
    const written =
      updatedAt === null
        ? await insertSettingIfAbsent(tx, municipalityId, settingsKey, parsed.data)
        : await updateSettingIfUnchanged(tx, municipalityId, settingsKey, parsed.data, updatedAt);
    if (written === undefined) throw stale();
    await auditInTx(tx, auditSource(ctx), { action: 'evaluation.settings-saved', outcome: 'succeeded', objectType: 'settings', objectId: settingsKey });
    return load(tx, municipalityId);
  });
}

/** POST /api/evaluation/settings/reset: back to the defaults (409 when `updatedAt` is given and stale). */
export async function resetEvaluationSettings(ctx: ServiceContext, input: { updatedAt?: string | null }): Promise<EvaluationSettingsView> {
  const municipalityId = ctx.actor.municipalityId;
  return ctx.database.db.transaction(async (tx) => {
    await lockSettingsOfKind(tx, settingsLockClass, municipalityId);
    const current = await load(tx, municipalityId);
    if (current.isDefault) return current;
    if (input.updatedAt === undefined || input.updatedAt === null) await deleteSetting(tx, municipalityId, settingsKey);
    else if (!(await deleteSettingIfUnchanged(tx, municipalityId, settingsKey, input.updatedAt))) throw stale();
    await auditInTx(tx, auditSource(ctx), { action: 'evaluation.settings-reset', outcome: 'succeeded', objectType: 'settings', objectId: settingsKey });
    return load(tx, municipalityId);
  });
}

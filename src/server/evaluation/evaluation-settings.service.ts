/**
 * The evaluation settings (grade scale, overall rule, whether 会計年度任用職員 are evaluated) as one settings
 * document; the defaults stand while nothing is stored. hr_admin changes or resets them; cycles copy them.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { defaultEvaluationSettings, evaluationSettingsSchema } from '../../domain/evaluation/evaluation-settings.js';
import type { EvaluationSettings, EvaluationSettingsUpdate, EvaluationSettingsView } from '../../domain/evaluation/evaluation-api.js';
import { loadSettingsDocument, resetSettingsDocument, saveSettingsDocument, type SettingsDocumentSpec, type StoredSettingsDocument } from '../common/settings-document.service.js';

const document: SettingsDocumentSpec<EvaluationSettings> & { resetAuditAction: string } = {
  key: 'evaluation-settings',
  // apart from the organisation settings (7320) and the calendar (7321)
  lockClass: 7322,
  schema: evaluationSettingsSchema,
  defaults: defaultEvaluationSettings,
  subject: '評価の設定',
  auditAction: 'evaluation.settings-saved',
  resetAuditAction: 'evaluation.settings-reset',
};

const toView = ({ value, ...rest }: StoredSettingsDocument<EvaluationSettings>): EvaluationSettingsView => ({ settings: value, ...rest });

/** The settings in force (for opening cycles). */
export async function getEvaluationSettings(exec: Executor, municipalityId: number): Promise<EvaluationSettings> {
  return (await loadSettingsDocument(exec, municipalityId, document)).value;
}

/** GET /api/evaluation/settings */
export async function readEvaluationSettings(ctx: ServiceContext): Promise<EvaluationSettingsView> {
  return toView(await loadSettingsDocument(ctx.database.db, ctx.actor.municipalityId, document));
}

/** PUT /api/evaluation/settings: the whole document (the body itself) with the token read (null: the defaults); 409 when stale. */
export async function updateEvaluationSettings(ctx: ServiceContext, input: EvaluationSettingsUpdate): Promise<EvaluationSettingsView> {
  const { updatedAt, ...value } = input;
  return toView(await saveSettingsDocument(ctx, document, { value, updatedAt }));
}

/**
 * POST /api/evaluation/settings/reset: back to the defaults; 409 when `updatedAt` is given and stale. Null, like no
 * token, resets without a check.
 */
export async function resetEvaluationSettings(ctx: ServiceContext, input: { updatedAt?: string | null }): Promise<EvaluationSettingsView> {
  return toView(await resetSettingsDocument(ctx, document, { updatedAt: input.updatedAt ?? undefined }));
}

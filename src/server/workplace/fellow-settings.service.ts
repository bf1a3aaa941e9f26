/**
 * The fellow programme's settings (key `workplace-fellows`, fellowSettingsSchema): who counts as a junior, the
 * separation (部 or 課), which low-commitment sources exclude a fellow, and the monitoring window. The defaults of
 * fellow-model.ts stand while nothing is stored (ADR 0021).
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { japaneseIssueMessage, toValidationDetails, validationError } from '../http/validation-messages.js';
import { defaultFellowSettings, fellowSettingsSchema, type FellowSettings } from '../../domain/workplace/fellow-model.js';
import type { FellowSettingsView } from '../../domain/workplace/fellow-api.js';
import { findSetting, insertSettingIfAbsent, lockSettingsOfKind, updateSettingIfUnchanged } from '../common/settings-documents.repository.js';

export const fellowSettingsKey = 'workplace-fellows';
/** Writes take turns per municipality; apart from the other settings documents. */
const settingsLockClass = 7371;

const stale = () => new AppError('common.conflict', '他の人が先にフェロー制度の設定を更新しました。最新の内容を読み込んでから、もう一度変更してください。');

async function load(exec: Executor, municipalityId: number): Promise<FellowSettingsView> {
  const row = await findSetting(exec, municipalityId, fellowSettingsKey);
  if (row === undefined) return { settings: defaultFellowSettings, defaults: defaultFellowSettings, isDefault: true, updatedAt: null };
  const parsed = fellowSettingsSchema.safeParse(row.value);
  // A document that no longer validates (after an upgrade) gives way to the defaults rather than locking HR out.
  if (!parsed.success) console.warn('fellow settings do not validate; using the defaults', { municipalityId });
  return { settings: parsed.success ? parsed.data : defaultFellowSettings, defaults: defaultFellowSettings, isDefault: false, updatedAt: row.updatedAt };
}

/** The settings in force, for matching and monitoring. */
export async function getFellowSettings(exec: Executor, municipalityId: number): Promise<FellowSettings> {
  return (await load(exec, municipalityId)).settings;
}

/** GET /api/workplace/fellows/settings */
export async function readFellowSettings(ctx: ServiceContext): Promise<FellowSettingsView> {
  return load(ctx.database.db, ctx.actor.municipalityId);
}

/** PUT /api/workplace/fellows/settings: the whole document with the token read (null: the defaults); 409 when stale. */
export async function updateFellowSettings(ctx: ServiceContext, input: { settings: unknown; updatedAt: string | null }): Promise<FellowSettingsView> {
  const municipalityId = ctx.actor.municipalityId;
  return ctx.database.db.transaction(async (tx) => {
    await lockSettingsOfKind(tx, settingsLockClass, municipalityId);
    const parsed = fellowSettingsSchema.safeParse(input.settings, { error: japaneseIssueMessage });
    if (!parsed.success) throw validationError(toValidationDetails(parsed.error.issues).map((d) => ({ ...d, path: `settings.${d.path}` })));
    const current = await load(tx, municipalityId);
    if (current.updatedAt !== input.updatedAt) throw stale();
    const written =
      input.updatedAt === null
        ? await insertSettingIfAbsent(tx, municipalityId, fellowSettingsKey, parsed.data)
        : await updateSettingIfUnchanged(tx, municipalityId, fellowSettingsKey, parsed.data, input.updatedAt);
    if (written === undefined) throw stale();
    await auditInTx(tx, { municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now }, {
      action: 'workplace.fellow-settings-saved',
      outcome: 'succeeded',
      objectType: 'settings',
      objectId: fellowSettingsKey,
      details: { settings: parsed.data },
    });
    return load(tx, municipalityId);
  });
}

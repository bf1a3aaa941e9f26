/**
 * The years since hiring of the tenure bands (新規採用 / 2年目 / 初級 / 中級) as a settings document of the
 * municipality: the defaults of `training-targets.ts` stand while nothing is stored. HR and the training officer
 * change them; every must-attend list reads them.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { japaneseIssueMessage, toValidationDetails, validationError } from '../http/validation-messages.js';
import { tenureBandSettingsSchema, type TenureBandSettings } from '../../domain/training/training-model.js';
import { defaultTenureBands } from '../../domain/training/training-targets.js';
import type { TenureBandsUpdate, TenureBandsView } from '../../domain/training/training-api.js';
import { findSetting, insertSettingIfAbsent, lockSettingsOfKind, updateSettingIfUnchanged } from '../common/settings-documents.repository.js';
import { auditSource } from './catalog.service.js';

const settingsKey = 'training-tenure-bands';
/** Writes take turns per municipality; apart from the other settings documents (7320–7322). */
const settingsLockClass = 7323;

const stale = () => new AppError('common.conflict', '他の人が先に在籍年数の区分を更新しました。最新の内容を読み込んでから、もう一度変更してください。');

async function load(exec: Executor, municipalityId: number): Promise<TenureBandsView> {
  const row = await findSetting(exec, municipalityId, settingsKey);
  if (row === undefined) return { bands: defaultTenureBands, defaults: defaultTenureBands, isDefault: true, updatedAt: null };
  const parsed = tenureBandSettingsSchema.safeParse(row.value);
  if (!parsed.success) console.warn('training tenure bands do not validate; using the defaults', { municipalityId });
  return { bands: parsed.success ? parsed.data : defaultTenureBands, defaults: defaultTenureBands, isDefault: false, updatedAt: row.updatedAt };
}

/** The bands in force, for the must-attend lists. */
export async function getTenureBands(exec: Executor, municipalityId: number): Promise<TenureBandSettings> {
  return (await load(exec, municipalityId)).bands;
}

/** GET /api/training/tenure-bands */
export async function readTenureBands(ctx: ServiceContext): Promise<TenureBandsView> {
  return load(ctx.database.db, ctx.actor.municipalityId);
}

/** PUT /api/training/tenure-bands: every band with the token read (null: the defaults); 409 when stale. */
export async function updateTenureBands(ctx: ServiceContext, input: TenureBandsUpdate): Promise<TenureBandsView> {
  const municipalityId = ctx.actor.municipalityId;
  return ctx.database.db.transaction(async (tx) => {
    await lockSettingsOfKind(tx, settingsLockClass, municipalityId);
    const parsed = tenureBandSettingsSchema.safeParse(input.bands, { error: japaneseIssueMessage });
    if (!parsed.success) throw validationError(toValidationDetails(parsed.error.issues).map((d) => ({ ...d, path: `bands.${d.path}` })));
    const current = await load(tx, municipalityId);
    if (current.updatedAt !== input.updatedAt) throw stale();
    const written =
      input.updatedAt === null
        ? await insertSettingIfAbsent(tx, municipalityId, settingsKey, parsed.data)
        : await updateSettingIfUnchanged(tx, municipalityId, settingsKey, parsed.data, input.updatedAt);
    if (written === undefined) throw stale();
    await auditInTx(tx, auditSource(ctx), {
      action: 'training.tenure-bands-saved',
      outcome: 'succeeded',
      objectType: 'settings',
      objectId: settingsKey,
      details: { bands: parsed.data },
    });
    return load(tx, municipalityId);
  });
}

/**
 * The placement settings (key `placement-rules`, placementSettingsSchema): R4's window, the continuity limits and the
 * optimiser's weights, as a settings document of the municipality; the defaults of placement-model.ts (ADR 0014)
 * stand while nothing is stored. R1's and R3's years are the org settings (rotationYearsPerUnit, expertCycleYears).
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { japaneseIssueMessage, toValidationDetails, validationError } from '../http/validation-messages.js';
import { defaultPlacementSettings, placementSettingsSchema, type PlacementSettings } from '../../domain/placement/placement-model.js';
import { findSetting, insertSettingIfAbsent, lockSettingsOfKind, updateSettingIfUnchanged } from '../common/settings-documents.repository.js';

export const placementSettingsKey = 'placement-rules';
/** Writes take turns per municipality; apart from the other settings documents (7320–7323). */
const settingsLockClass = 7330;

/** The stored document (the API adds the org thresholds, see rules.service.ts). */
export type PlacementSettingsDocument = {
  settings: PlacementSettings;
  defaults: PlacementSettings;
  isDefault: boolean;
  /** the concurrency token; null while the defaults stand */
  updatedAt: string | null;
};

export type PlacementSettingsUpdate = { settings: unknown; updatedAt: string | null };

const stale = () => new AppError('common.conflict', '他の人が先に配置ルールの設定を更新しました。最新の内容を読み込んでから、もう一度変更してください。');

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });

async function load(exec: Executor, municipalityId: number): Promise<PlacementSettingsDocument> {
  const row = await findSetting(exec, municipalityId, placementSettingsKey);
  if (row === undefined) return { settings: defaultPlacementSettings, defaults: defaultPlacementSettings, isDefault: true, updatedAt: null };
  const parsed = placementSettingsSchema.safeParse(row.value);
  // A document that no longer validates (after an upgrade) gives way to the defaults rather than locking HR out.
  if (!parsed.success) console.warn('placement settings do not validate; using the defaults', { municipalityId });
  return {
    settings: parsed.success ? parsed.data : defaultPlacementSettings,
    defaults: defaultPlacementSettings,
    isDefault: false,
    updatedAt: row.updatedAt,
  };
}

/** The settings in force, for the rules and the optimiser. */
export async function getPlacementSettings(exec: Executor, municipalityId: number): Promise<PlacementSettings> {
  return (await load(exec, municipalityId)).settings;
}

/** The document as stored, for GET /api/placement/settings. */
export async function readPlacementSettingsDocument(ctx: ServiceContext): Promise<PlacementSettingsDocument> {
  return load(ctx.database.db, ctx.actor.municipalityId);
}

/** PUT /api/placement/settings: the whole document with the token read (null: the defaults); 409 when stale. */
export async function updatePlacementSettingsDocument(ctx: ServiceContext, input: PlacementSettingsUpdate): Promise<PlacementSettingsDocument> {
  const municipalityId = ctx.actor.municipalityId;
  return ctx.database.db.transaction(async (tx) => {
    await lockSettingsOfKind(tx, settingsLockClass, municipalityId);
    const parsed = placementSettingsSchema.safeParse(input.settings, { error: japaneseIssueMessage });
    if (!parsed.success) throw validationError(toValidationDetails(parsed.error.issues).map((d) => ({ ...d, path: `settings.${d.path}` })));
    const current = await load(tx, municipalityId);
    if (current.updatedAt !== input.updatedAt) throw stale();
    const written =
      input.updatedAt === null
        ? await insertSettingIfAbsent(tx, municipalityId, placementSettingsKey, parsed.data)
        : await updateSettingIfUnchanged(tx, municipalityId, placementSettingsKey, parsed.data, input.updatedAt);
    if (written === undefined) throw stale();
    await auditInTx(tx, auditSource(ctx), {
      action: 'placement.settings-saved',
      outcome: 'succeeded',
      objectType: 'settings',
      objectId: placementSettingsKey,
      details: { settings: parsed.data },
    });
    return load(tx, municipalityId);
  });
}

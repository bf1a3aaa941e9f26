/**
 * The years since hiring of the tenure bands (新規採用 / 2年目 / 初級 / 中級) as a settings document of the
 * municipality: the defaults of `training-targets.ts` stand while nothing is stored. HR and the training officer
 * change them; every must-attend list reads them.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { tenureBandSettingsSchema, type TenureBandSettings } from '../../domain/training/training-model.js';
import { defaultTenureBands } from '../../domain/training/training-targets.js';
import type { TenureBandsUpdate, TenureBandsView } from '../../domain/training/training-api.js';
import { loadSettingsDocument, saveSettingsDocument, type SettingsDocumentSpec, type StoredSettingsDocument } from '../common/settings-document.service.js';

const document: SettingsDocumentSpec<TenureBandSettings> = {
  key: 'training-tenure-bands',
  // apart from the other settings documents (7320–7322)
  lockClass: 7323,
  schema: tenureBandSettingsSchema,
  defaults: defaultTenureBands,
  subject: '在籍年数の区分',
  auditAction: 'training.tenure-bands-saved',
};

const toView = ({ value, ...rest }: StoredSettingsDocument<TenureBandSettings>): TenureBandsView => ({ bands: value, ...rest });

/** The bands in force, for the must-attend lists. */
export async function getTenureBands(exec: Executor, municipalityId: number): Promise<TenureBandSettings> {
  return (await loadSettingsDocument(exec, municipalityId, document)).value;
}

/** GET /api/training/tenure-bands */
export async function readTenureBands(ctx: ServiceContext): Promise<TenureBandsView> {
  return toView(await loadSettingsDocument(ctx.database.db, ctx.actor.municipalityId, document));
}

/** PUT /api/training/tenure-bands: every band with the token read (null: the defaults); 409 when stale. */
export async function updateTenureBands(ctx: ServiceContext, input: TenureBandsUpdate): Promise<TenureBandsView> {
  return toView(await saveSettingsDocument(ctx, document, { field: 'bands', value: input.bands, updatedAt: input.updatedAt }));
}

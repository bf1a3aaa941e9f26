/**
 * The placement settings (key `placement-rules`, placementSettingsSchema): R4's window, the continuity limits and the
 * optimiser's weights, as a settings document of the municipality; the defaults of placement-model.ts (ADR 0014)
 * stand while nothing is stored. R1's and R3's years are the org settings (rotationYearsPerUnit, expertCycleYears).
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { defaultPlacementSettings, placementSettingsSchema, type PlacementSettings } from '../../domain/placement/placement-model.js';
import { loadSettingsDocument, saveSettingsDocument, type SettingsDocumentSpec, type StoredSettingsDocument } from '../common/settings-document.service.js';

export const placementSettingsKey = 'placement-rules';

const document: SettingsDocumentSpec<PlacementSettings> = {
  key: placementSettingsKey,
  // apart from the other settings documents (7320–7324)
  lockClass: 7330,
  schema: placementSettingsSchema,
  defaults: defaultPlacementSettings,
  subject: '配置ルールの設定',
  auditAction: 'placement.settings-saved',
};

/** The stored document (the API adds the org thresholds, see rules.service.ts). */
export type PlacementSettingsDocument = {
  settings: PlacementSettings;
  defaults: PlacementSettings;
  isDefault: boolean;
  /** the concurrency token; null while the defaults stand */
  updatedAt: string | null;
};

export type PlacementSettingsUpdate = { settings: unknown; updatedAt: string | null };

const toDocument = ({ value, ...rest }: StoredSettingsDocument<PlacementSettings>): PlacementSettingsDocument => ({ settings: value, ...rest });

/** The settings in force, for the rules and the optimiser. */
export async function getPlacementSettings(exec: Executor, municipalityId: number): Promise<PlacementSettings> {
  return (await loadSettingsDocument(exec, municipalityId, document)).value;
}

/** The document as stored, for GET /api/placement/settings. */
export async function readPlacementSettingsDocument(ctx: ServiceContext): Promise<PlacementSettingsDocument> {
  return toDocument(await loadSettingsDocument(ctx.database.db, ctx.actor.municipalityId, document));
}

/** PUT /api/placement/settings: the whole document with the token read (null: the defaults); 409 when stale. */
export async function updatePlacementSettingsDocument(ctx: ServiceContext, input: PlacementSettingsUpdate): Promise<PlacementSettingsDocument> {
  return toDocument(await saveSettingsDocument(ctx, document, { field: 'settings', value: input.settings, updatedAt: input.updatedAt }));
}

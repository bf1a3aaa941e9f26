/**
 * The fellow programme's settings (key `workplace-fellows`, fellowSettingsSchema): who counts as a junior, the
 * separation (部 or 課), which low-commitment sources exclude a fellow, and the monitoring window. The defaults of
 * fellow-model.ts stand while nothing is stored (ADR 0021).
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { defaultFellowSettings, fellowSettingsSchema, type FellowSettings } from '../../domain/workplace/fellow-model.js';
import type { FellowSettingsView } from '../../domain/workplace/fellow-api.js';
import { loadSettingsDocument, saveSettingsDocument, type SettingsDocumentSpec, type StoredSettingsDocument } from '../common/settings-document.service.js';

export const fellowSettingsKey = 'workplace-fellows';

const document: SettingsDocumentSpec<FellowSettings> = {
  key: fellowSettingsKey,
  // apart from the other settings documents
  lockClass: 7371,
  schema: fellowSettingsSchema,
  defaults: defaultFellowSettings,
  subject: 'フェロー制度の設定',
  auditAction: 'workplace.fellow-settings-saved',
};

const toView = ({ value, ...rest }: StoredSettingsDocument<FellowSettings>): FellowSettingsView => ({ settings: value, ...rest });

/** The settings in force, for matching and monitoring. */
export async function getFellowSettings(exec: Executor, municipalityId: number): Promise<FellowSettings> {
  return (await loadSettingsDocument(exec, municipalityId, document)).value;
}

/** GET /api/workplace/fellows/settings */
export async function readFellowSettings(ctx: ServiceContext): Promise<FellowSettingsView> {
  return toView(await loadSettingsDocument(ctx.database.db, ctx.actor.municipalityId, document));
}

/** PUT /api/workplace/fellows/settings: the whole document with the token read (null: the defaults); 409 when stale. */
export async function updateFellowSettings(ctx: ServiceContext, input: { settings: unknown; updatedAt: string | null }): Promise<FellowSettingsView> {
  return toView(await saveSettingsDocument(ctx, document, { field: 'settings', value: input.settings, updatedAt: input.updatedAt }));
}

/** Organisation settings: the stored document validated over the policy's defaults (every Annaka number is a setting). */
import type { Executor } from '../db/client.js';
import { defaultOrgSettings, orgSettingsSchema, type OrgSettings } from '../../domain/org/org-settings.js';
import { findSetting } from './settings.repository.js';

export const orgSettingsKey = 'org';

export async function getOrgSettings(exec: Executor, municipalityId: number): Promise<OrgSettings> {
  const stored = await findSetting(exec, municipalityId, orgSettingsKey);
  if (stored === undefined) return defaultOrgSettings;
  const parsed = orgSettingsSchema.safeParse({ ...defaultOrgSettings, ...(stored as object) });
  // A stored document that no longer validates (e.g. after an upgrade) falls back to defaults rather than locking HR out.
  return parsed.success ? parsed.data : defaultOrgSettings;
}

/**
 * The digital-skill framework as the settings document `digital-skill-framework`: the policy defaults stand while
 * nothing is stored (as the training tenure bands do). HR changes it; the self-assessments and the ability sheet
 * read it.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { defaultSkillFramework, digitalSkillFrameworkKey, skillFrameworkSchema, type SkillFramework } from '../../domain/digital/skill-framework.js';
import type { SkillFrameworkUpdate, SkillFrameworkView } from '../../domain/digital/digital-api.js';
import { loadSettingsDocument, saveSettingsDocument, type SettingsDocumentSpec, type StoredSettingsDocument } from '../common/settings-document.service.js';

const document: SettingsDocumentSpec<SkillFramework> = {
  key: digitalSkillFrameworkKey,
  // apart from the other settings documents (7320–7330)
  lockClass: 7340,
  schema: skillFrameworkSchema,
  defaults: defaultSkillFramework,
  subject: 'デジタルスキルの枠組み',
  auditAction: 'digital.framework-saved',
  auditDetails: (framework) => ({ areaIds: framework.areas.map((a) => a.id), levels: framework.levels.length }),
};

export const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });

const toView = ({ value, ...rest }: StoredSettingsDocument<SkillFramework>): SkillFrameworkView => ({ framework: value, ...rest });

/** The framework in force, for assessments and the ability sheet. */
export async function getSkillFramework(exec: Executor, municipalityId: number): Promise<SkillFramework> {
  return (await loadSettingsDocument(exec, municipalityId, document)).value;
}

/** GET /api/digital/framework — everyone signed in (staff assess themselves against it). */
export async function readSkillFramework(ctx: ServiceContext): Promise<SkillFrameworkView> {
  return toView(await loadSettingsDocument(ctx.database.db, ctx.actor.municipalityId, document));
}

/** PUT /api/digital/framework: the whole framework with the token read (null: the defaults); 409 when stale. */
export async function updateSkillFramework(ctx: ServiceContext, input: SkillFrameworkUpdate): Promise<SkillFrameworkView> {
  return toView(await saveSettingsDocument(ctx, document, { field: 'framework', value: input.framework, updatedAt: input.updatedAt }));
}

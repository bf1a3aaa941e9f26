/**
 * The digital-skill framework as the settings document `digital-skill-framework`: the policy defaults stand while
 * nothing is stored (as the training tenure bands do). HR changes it; the self-assessments and the ability sheet
 * read it.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { japaneseIssueMessage, toValidationDetails, validationError } from '../http/validation-messages.js';
import { defaultSkillFramework, digitalSkillFrameworkKey, skillFrameworkSchema, type SkillFramework } from '../../domain/digital/skill-framework.js';
import type { SkillFrameworkUpdate, SkillFrameworkView } from '../../domain/digital/digital-api.js';
import { findSetting, insertSettingIfAbsent, lockSettingsOfKind, updateSettingIfUnchanged } from '../common/settings-documents.repository.js';

/** Writes take turns per municipality; apart from the other settings documents (7320–7323). */
const settingsLockClass = 7340;

export const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });

const stale = () => new AppError('common.conflict', '他の人が先にデジタルスキルの枠組みを更新しました。最新の内容を読み込んでから、もう一度変更してください。');

async function load(exec: Executor, municipalityId: number): Promise<SkillFrameworkView> {
  const row = await findSetting(exec, municipalityId, digitalSkillFrameworkKey);
  if (row === undefined) return { framework: defaultSkillFramework, defaults: defaultSkillFramework, isDefault: true, updatedAt: null };
  const parsed = skillFrameworkSchema.safeParse(row.value);
  if (!parsed.success) console.warn('digital-skill framework does not validate; using the defaults', { municipalityId });
  return { framework: parsed.success ? parsed.data : defaultSkillFramework, defaults: defaultSkillFramework, isDefault: false, updatedAt: row.updatedAt };
}

/** The framework in force, for assessments and the ability sheet. */
export async function getSkillFramework(exec: Executor, municipalityId: number): Promise<SkillFramework> {
  return (await load(exec, municipalityId)).framework;
}

/** GET /api/digital/framework — everyone signed in (staff assess themselves against it). */
export async function readSkillFramework(ctx: ServiceContext): Promise<SkillFrameworkView> {
  return load(ctx.database.db, ctx.actor.municipalityId);
}

/** PUT /api/digital/framework: the whole framework with the token read (null: the defaults); 409 when stale. */
export async function updateSkillFramework(ctx: ServiceContext, input: SkillFrameworkUpdate): Promise<SkillFrameworkView> {
  const municipalityId = ctx.actor.municipalityId;
  return ctx.database.db.transaction(async (tx) => {
    await lockSettingsOfKind(tx, settingsLockClass, municipalityId);
    const parsed = skillFrameworkSchema.safeParse(input.framework, { error: japaneseIssueMessage });
    if (!parsed.success) throw validationError(toValidationDetails(parsed.error.issues).map((d) => ({ ...d, path: `framework.${d.path}` })));
    const current = await load(tx, municipalityId);
    if (current.updatedAt !== input.updatedAt) throw stale();
    const written =
      input.updatedAt === null
        ? await insertSettingIfAbsent(tx, municipalityId, digitalSkillFrameworkKey, parsed.data)
        : await updateSettingIfUnchanged(tx, municipalityId, digitalSkillFrameworkKey, parsed.data, input.updatedAt);
    if (written === undefined) throw stale();
    await auditInTx(tx, auditSource(ctx), {
      action: 'digital.framework-saved',
      outcome: 'succeeded',
      objectType: 'settings',
      objectId: digitalSkillFrameworkKey,
      details: { areaIds: parsed.data.areas.map((a) => a.id), levels: parsed.data.levels.length },
    });
    return load(tx, municipalityId);
  });
}

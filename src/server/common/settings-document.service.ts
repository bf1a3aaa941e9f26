/**
 * A municipality's settings document (a validated JSON value under a key in `settings`) read with its defaults and
 * saved the one way every area saves them: writes of the same kind take turns per municipality (an advisory lock),
 * the value is validated with Japanese messages under the request body's field, the concurrency token read must
 * still be current (409 otherwise), and the save is audited in the same transaction.
 */
import type { ZodType } from 'zod';
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { japaneseIssueMessage, toValidationDetails, validationError } from '../http/validation-messages.js';
import { findSetting, insertSettingIfAbsent, lockSettingsOfKind, updateSettingIfUnchanged } from './settings-documents.repository.js';

export type SettingsDocumentSpec<T> = {
  key: string;
  /** advisory-lock class of this document's writes (each document its own) */
  lockClass: number;
  schema: ZodType<T>;
  defaults: T;
  /** Japanese: what the document is, for the conflict message (「在籍年数の区分」) */
  subject: string;
  /** the audit action of a save, e.g. 'training.tenure-bands-saved' */
  auditAction: string;
  /** what the audit row says of the saved value (default: the value under the body's field name) */
  auditDetails?: (value: T) => Record<string, unknown>;
};

export type StoredSettingsDocument<T> = {
  value: T;
  defaults: T;
  isDefault: boolean;
  /** the concurrency token; null while the defaults stand */
  updatedAt: string | null;
};

/**
 * The document in force: the stored value, or the defaults while nothing is stored. A stored value that no longer
 * validates (after an upgrade) gives way to the defaults rather than locking HR out; it is logged, not thrown.
 */
export async function loadSettingsDocument<T>(exec: Executor, municipalityId: number, spec: SettingsDocumentSpec<T>): Promise<StoredSettingsDocument<T>> {
  const row = await findSetting(exec, municipalityId, spec.key);
  if (row === undefined) return { value: spec.defaults, defaults: spec.defaults, isDefault: true, updatedAt: null };
  const parsed = spec.schema.safeParse(row.value);
  if (!parsed.success) console.warn(`settings document ${spec.key} does not validate; using the defaults`, { municipalityId });
  return { value: parsed.success ? parsed.data : spec.defaults, defaults: spec.defaults, isDefault: false, updatedAt: row.updatedAt };
}

/**
 * Saves `input.value` read with `input.updatedAt` (null: the defaults were shown). Validation messages carry the
 * path under `input.field` (the body's field the value came in); the audit row names the document and the value.
 */
export async function saveSettingsDocument<T>(
  ctx: ServiceContext,
  spec: SettingsDocumentSpec<T>,
  input: { field: string; value: unknown; updatedAt: string | null },
): Promise<StoredSettingsDocument<T>> {
  const municipalityId = ctx.actor.municipalityId;
  const stale = () => new AppError('common.conflict', `他の人が先に${spec.subject}を更新しました。最新の内容を読み込んでから、もう一度変更してください。`);
  return ctx.database.db.transaction(async (tx) => {
    await lockSettingsOfKind(tx, spec.lockClass, municipalityId);
    const parsed = spec.schema.safeParse(input.value, { error: japaneseIssueMessage });
    if (!parsed.success) throw validationError(toValidationDetails(parsed.error.issues).map((d) => ({ ...d, path: `${input.field}.${d.path}` })));
    const current = await loadSettingsDocument(tx, municipalityId, spec);
    if (current.updatedAt !== input.updatedAt) throw stale();
    const written =
      input.updatedAt === null
        ? await insertSettingIfAbsent(tx, municipalityId, spec.key, parsed.data)
        : await updateSettingIfUnchanged(tx, municipalityId, spec.key, parsed.data, input.updatedAt);
    if (written === undefined) throw stale();
    await auditInTx(tx, { municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now }, {
      action: spec.auditAction,
      outcome: 'succeeded',
      objectType: 'settings',
      objectId: spec.key,
      details: spec.auditDetails ? spec.auditDetails(parsed.data) : { [input.field]: parsed.data },
    });
    return loadSettingsDocument(tx, municipalityId, spec);
  });
}

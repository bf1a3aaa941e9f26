/**
 * A municipality's settings document (a validated JSON value under a key in `settings`) read with its defaults and
 * saved or reset the one way every area does it: writes of the same kind take turns per municipality (an advisory
 * lock), the value is validated with Japanese messages, the concurrency token read must still be current (409
 * otherwise), and the change is audited in the same transaction.
 */
import type { ZodType } from 'zod';
import type { Executor, Tx } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { japaneseIssueMessage, toValidationDetails, validationError } from '../http/validation-messages.js';
import {
  deleteSetting,
  deleteSettingIfUnchanged,
  findSetting,
  insertSettingIfAbsent,
  lockSettingsOfKind,
  updateSettingIfUnchanged,
} from './settings-documents.repository.js';

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
  /** the audit action of a reset (resetSettingsDocument), e.g. 'evaluation.calendar-reset' */
  resetAuditAction?: string;
  /**
   * What the audit row says of a change, from the value written (the defaults for a reset) and the value it replaces;
   * undefined: nothing. Default: a save's value under the body's field name; nothing without a field, nor for a reset.
   */
  auditDetails?: (value: T, before: T) => Record<string, unknown> | undefined;
  /** When it says the value changes nothing of a stored document, a save writes and audits nothing (the token stays). */
  unchanged?: (before: T, after: T) => boolean;
  /** the conflict message where the area words it otherwise (default: 「他の人が先に{subject}を更新しました。…」) */
  conflictMessage?: string;
  /** the audit row's object type (default 'settings') */
  auditObjectType?: string;
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
  if (!parsed.success) {
    console.warn(`settings document ${spec.key} does not validate; using the defaults`, {
      municipalityId,
      issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  }
  return { value: parsed.success ? parsed.data : spec.defaults, defaults: spec.defaults, isDefault: false, updatedAt: row.updatedAt };
}

const conflict = (spec: Pick<SettingsDocumentSpec<unknown>, 'subject' | 'conflictMessage'>) =>
  new AppError('common.conflict', spec.conflictMessage ?? `他の人が先に${spec.subject}を更新しました。最新の内容を読み込んでから、もう一度変更してください。`);

/** The audit row of a change, in the transaction that makes it. */
async function auditChange(
  tx: Tx,
  ctx: ServiceContext,
  spec: Pick<SettingsDocumentSpec<unknown>, 'key' | 'auditObjectType'>,
  action: string,
  details: Record<string, unknown> | undefined,
): Promise<void> {
  const source = { municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now };
  await auditInTx(tx, source, { action, outcome: 'succeeded', objectType: spec.auditObjectType ?? 'settings', objectId: spec.key, details });
}

/**
 * Saves `input.value` read with `input.updatedAt` (null: the defaults were shown). `input.field` is the body's
 * field the value came in: validation paths start with it. Without it the value is the body itself (paths as they are).
 */
export async function saveSettingsDocument<T>(
  ctx: ServiceContext,
  spec: SettingsDocumentSpec<T>,
  input: { field?: string; value: unknown; updatedAt: string | null },
): Promise<StoredSettingsDocument<T>> {
  const municipalityId = ctx.actor.municipalityId;
  return ctx.database.db.transaction(async (tx) => {
    await lockSettingsOfKind(tx, spec.lockClass, municipalityId);
    const parsed = spec.schema.safeParse(input.value, { error: japaneseIssueMessage });
    if (!parsed.success) {
      const details = toValidationDetails(parsed.error.issues);
      throw validationError(input.field === undefined ? details : details.map((d) => ({ ...d, path: `${input.field}.${d.path}` })));
    }
    const current = await loadSettingsDocument(tx, municipalityId, spec);
    if (current.updatedAt !== input.updatedAt) throw conflict(spec);
    if (!current.isDefault && spec.unchanged?.(current.value, parsed.data)) return current;
    const written =
      input.updatedAt === null
        ? await insertSettingIfAbsent(tx, municipalityId, spec.key, parsed.data)
        : await updateSettingIfUnchanged(tx, municipalityId, spec.key, parsed.data, input.updatedAt);
    if (written === undefined) throw conflict(spec);
    const fieldDetails = input.field === undefined ? undefined : { [input.field]: parsed.data };
    await auditChange(tx, ctx, spec, spec.auditAction, spec.auditDetails ? spec.auditDetails(parsed.data, current.value) : fieldDetails);
    return loadSettingsDocument(tx, municipalityId, spec);
  });
}

/**
 * Back to the defaults by removing the stored document (later corrections of the defaults then apply too). The
 * token read, when given, must be current as for a save (null: the defaults were shown); without one there is no
 * check. Nothing stored: nothing is done or audited.
 */
export async function resetSettingsDocument<T>(
  ctx: ServiceContext,
  spec: SettingsDocumentSpec<T> & { resetAuditAction: string },
  input: { updatedAt?: string | null },
): Promise<StoredSettingsDocument<T>> {
  const municipalityId = ctx.actor.municipalityId;
  const token = input.updatedAt;
  return ctx.database.db.transaction(async (tx) => {
    await lockSettingsOfKind(tx, spec.lockClass, municipalityId);
    const current = await loadSettingsDocument(tx, municipalityId, spec);
    if (token !== undefined && token !== current.updatedAt) throw conflict(spec);
    if (current.isDefault) return current;
    if (token === undefined) await deleteSetting(tx, municipalityId, spec.key);
    else if (token === null || !(await deleteSettingIfUnchanged(tx, municipalityId, spec.key, token))) throw conflict(spec);
    await auditChange(tx, ctx, spec, spec.resetAuditAction, spec.auditDetails?.(spec.defaults, current.value));
    return loadSettingsDocument(tx, municipalityId, spec);
  });
}

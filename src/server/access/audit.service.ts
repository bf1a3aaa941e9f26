/** Writing and reading the audit log. A sensitive read whose audit row cannot be written is refused (security.md 5). */
import type { Database, Executor, Tx } from '../db/client.js';
import type { Actor } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { insertAuditEntry, listAuditEntries, sha256, streamChain, type AuditSearch } from './audit.repository.js';
import { findFirstBreak, type ChainBreak, type ChainRow } from '../../domain/access/audit-chain.js';

export type AuditEvent = {
  action: string;
  outcome: 'allowed' | 'denied' | 'succeeded' | 'failed';
  objectType?: string;
  objectId?: string | number;
  /** never content: ids, counts, reasons */
  details?: Record<string, unknown>;
};

export type AuditSource = { municipalityId: number; actor: Actor | null; requestId: string; now: Date; actorLabel?: string };

function toEntry(src: AuditSource, ev: AuditEvent) {
  return {
    municipalityId: src.municipalityId,
    occurredAt: src.now,
    actorAccountId: src.actor?.accountId ?? null,
    actorLabel: src.actor?.loginId ?? src.actorLabel ?? null,
    actorRoles: src.actor ? src.actor.roles.join(',') : null,
    action: ev.action,
    objectType: ev.objectType ?? null,
    objectId: ev.objectId === undefined ? null : String(ev.objectId),
    outcome: ev.outcome,
    requestId: src.requestId,
    details: ev.details ?? null,
  };
}

/** Inside the caller's transaction: the workflow step and its audit row commit together. */
export async function auditInTx(tx: Tx, src: AuditSource, ev: AuditEvent): Promise<void> {
  await insertAuditEntry(tx, toEntry(src, ev));
}

/** In its own transaction; throws access.audit-unavailable if the row cannot be written. */
export async function audit(database: Database, src: AuditSource, ev: AuditEvent): Promise<void> {
  try {
    await database.db.transaction((tx) => insertAuditEntry(tx, toEntry(src, ev)));
  } catch (cause) {
    console.error('audit write failed', { requestId: src.requestId, action: ev.action, cause });
    throw new AppError('access.audit-unavailable', '監査ログを記録できないため、この操作を実行できません。');
  }
}

export async function searchAudit(exec: Executor, q: AuditSearch) {
  return listAuditEntries(exec, q);
}

export async function verifyAuditChain(exec: Executor, municipalityId: number): Promise<{ rows: number; firstBreak: ChainBreak | null }> {
  let rows = 0;
  let batch: ChainRow[] = [];
  let start: { seq: number; hash: string } | undefined;
  const checkBatch = () => {
    const found = findFirstBreak(batch, sha256, start);
    const last = batch[batch.length - 1];
    if (last) start = { seq: last.seq, hash: last.hash };
    batch = [];
    return found;
  };
  for await (const row of streamChain(exec, municipalityId)) {
    rows += 1;
    batch.push(row);
    if (batch.length >= 5000) {
      const found = checkBatch();
      if (found) return { rows, firstBreak: found };
    }
  }
  return { rows, firstBreak: checkBatch() };
}

/** The only SQL touching audit_log. Appends take a per-municipality advisory lock so the chain stays linear. */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../db/schema/access.js';
import type { Executor, Tx } from '../db/client.js';
import { chainInput, genesisHash, type AuditFields, type ChainRow } from '../../domain/access/audit-chain.js';

export const sha256 = (input: string): string => createHash('sha256').update(input).digest('hex');

export type AuditEntry = Omit<AuditFields, 'seq' | 'occurredAt'> & { occurredAt: Date };

/** Must run inside a transaction: the lock is held until it commits. */
export async function insertAuditEntry(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${7_310_000 + entry.municipalityId})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(eq(auditLog.municipalityId, entry.municipalityId))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const fields: AuditFields = {
    ...entry,
    seq: (last?.seq ?? 0) + 1,
    // Normalised to a fixed form so the hash is the same whichever engine stored and returned it.
    occurredAt: entry.occurredAt.toISOString(),
    details: entry.details ?? null,
  };
  const prevHash = last?.hash ?? genesisHash;
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: sha256(chainInput(prevHash, fields)) });
}

export async function* streamChain(exec: Executor, municipalityId: number, batchSize = 5000): AsyncGenerator<ChainRow> {
  let after = 0;
  for (;;) {
    const rows = await exec
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.municipalityId, municipalityId), sql`${auditLog.seq} > ${after}`))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    for (const r of rows) {
      yield {
        municipalityId: r.municipalityId,
        seq: r.seq,
        occurredAt: new Date(r.occurredAt).toISOString(),
        actorAccountId: r.actorAccountId,
        actorLabel: r.actorLabel,
        actorRoles: r.actorRoles,
        action: r.action,
        objectType: r.objectType,
        objectId: r.objectId,
        outcome: r.outcome,
        requestId: r.requestId,
        details: r.details ?? null,
        prevHash: r.prevHash,
        hash: r.hash,
      };
    }
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.seq;
  }
}

export type AuditSearch = {
  municipalityId: number;
  action?: string;
  actorAccountId?: number;
  objectType?: string;
  objectId?: string;
  outcome?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
};

export async function listAuditEntries(exec: Executor, q: AuditSearch) {
  const conds: SQL[] = [eq(auditLog.municipalityId, q.municipalityId)];
  if (q.action) conds.push(eq(auditLog.action, q.action));
  if (q.actorAccountId !== undefined) conds.push(eq(auditLog.actorAccountId, q.actorAccountId));
  if (q.objectType) conds.push(eq(auditLog.objectType, q.objectType));
  if (q.objectId) conds.push(eq(auditLog.objectId, q.objectId));
  if (q.outcome) conds.push(eq(auditLog.outcome, q.outcome));
  if (q.from) conds.push(gte(auditLog.occurredAt, `${q.from}T00:00:00+09:00`));
  if (q.to) conds.push(lte(auditLog.occurredAt, `${q.to}T23:59:59.999+09:00`));
  const where = and(...conds);
  const [count] = await exec.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  const rows = await exec
    .select({
      seq: auditLog.seq,
      occurredAt: auditLog.occurredAt,
      actorAccountId: auditLog.actorAccountId,
      actorLabel: auditLog.actorLabel,
      actorRoles: auditLog.actorRoles,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
      outcome: auditLog.outcome,
      requestId: auditLog.requestId,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(q.limit)
    .offset(q.offset);
  return { total: count?.n ?? 0, rows };
}

/**
 * The audit log's hash chain (security.md 5): each row's hash covers its fields and the previous row's hash,
 * so altering or removing any row breaks every later link. Pure: the hashing function is passed in.
 */

export type AuditFields = {
  municipalityId: number;
  seq: number;
  occurredAt: string;
  actorAccountId: number | null;
  actorLabel: string | null;
  actorRoles: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  requestId: string | null;
  details: unknown;
};

export const genesisHash = '0'.repeat(64);

/** Canonical JSON: keys sorted at every depth, so the same row always hashes the same on every engine. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function chainInput(prevHash: string, fields: AuditFields): string {
  return `${prevHash}\n${canonicalJson(fields)}`;
}

export type ChainRow = AuditFields & { prevHash: string; hash: string };

export type ChainBreak = { seq: number; reason: 'missing-row' | 'prev-hash-mismatch' | 'hash-mismatch' };

/**
 * Walks rows in seq order and names the first broken link: a gap in seq (a row removed), a prev_hash that is
 * not the previous row's hash, or a hash that does not match the row's content (a row altered).
 */
export function findFirstBreak(rows: Iterable<ChainRow>, hash: (input: string) => string, start?: { seq: number; hash: string }): ChainBreak | null {
  let expectedSeq = start ? start.seq + 1 : 1;
  let prev = start ? start.hash : genesisHash;
  for (const row of rows) {
    if (row.seq !== expectedSeq) return { seq: expectedSeq, reason: 'missing-row' };
    if (row.prevHash !== prev) return { seq: row.seq, reason: 'prev-hash-mismatch' };
    const { prevHash: _p, hash: stored, ...fields } = row;
    if (hash(chainInput(prev, fields)) !== stored) return { seq: row.seq, reason: 'hash-mismatch' };
    prev = stored;
    expectedSeq += 1;
  }
  return null;
}

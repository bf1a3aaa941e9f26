/** The stored versions of the competency framework (`competency_frameworks`), one per municipality and fiscal year. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { competencyFrameworks } from '../db/schema/competency.js';

/**
 * The row's last change as an ISO instant with microseconds, rendered by the database so that both engines give the
 * same text; clients send it back as the concurrency token and it is compared as a timestamp, not as text.
 */
const updatedAtIso = sql<string>`to_char(${competencyFrameworks.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export type FrameworkRow = { fiscalYear: number; document: unknown; updatedAt: string };

/** Every stored version of the municipality, oldest year first. */
export async function listFrameworks(exec: Executor, municipalityId: number): Promise<FrameworkRow[]> {
  return exec
    .select({ fiscalYear: competencyFrameworks.fiscalYear, document: competencyFrameworks.document, updatedAt: updatedAtIso })
    .from(competencyFrameworks)
    .where(eq(competencyFrameworks.municipalityId, municipalityId))
    .orderBy(asc(competencyFrameworks.fiscalYear));
}

/** Inserts the version unless one exists for the year; undefined means someone else saved one first. */
export async function insertFrameworkIfAbsent(exec: Executor, municipalityId: number, fiscalYear: number, document: unknown): Promise<string | undefined> {
  const [row] = await exec
    .insert(competencyFrameworks)
    .values({ municipalityId, fiscalYear, document })
    .onConflictDoNothing({ target: [competencyFrameworks.municipalityId, competencyFrameworks.fiscalYear] })
    .returning({ updatedAt: updatedAtIso });
  return row?.updatedAt;
}

const sameVersion = (municipalityId: number, fiscalYear: number, updatedAt: string) =>
  and(
    eq(competencyFrameworks.municipalityId, municipalityId),
    eq(competencyFrameworks.fiscalYear, fiscalYear),
    sql`${competencyFrameworks.updatedAt} = ${updatedAt}::timestamptz`,
  );

/** Replaces the version if it is still the one changed at `updatedAt`; undefined means it was changed since. */
export async function updateFrameworkIfUnchanged(
  exec: Executor,
  municipalityId: number,
  fiscalYear: number,
  document: unknown,
  updatedAt: string,
): Promise<string | undefined> {
  const [row] = await exec
    .update(competencyFrameworks)
    // clock_timestamp(): two saves in one transaction still get different tokens.
    .set({ document, updatedAt: sql`clock_timestamp()` })
    .where(sameVersion(municipalityId, fiscalYear, updatedAt))
    .returning({ updatedAt: updatedAtIso });
  return row?.updatedAt;
}

/** Removes the version if it is still the one changed at `updatedAt`; false means it was changed or removed since. */
export async function deleteFrameworkIfUnchanged(exec: Executor, municipalityId: number, fiscalYear: number, updatedAt: string): Promise<boolean> {
  const rows = await exec
    .delete(competencyFrameworks)
    .where(sameVersion(municipalityId, fiscalYear, updatedAt))
    .returning({ fiscalYear: competencyFrameworks.fiscalYear });
  return rows.length > 0;
}

/** Removes the version of the year, whatever it is; false when there was none. */
export async function deleteFramework(exec: Executor, municipalityId: number, fiscalYear: number): Promise<boolean> {
  const rows = await exec
    .delete(competencyFrameworks)
    .where(and(eq(competencyFrameworks.municipalityId, municipalityId), eq(competencyFrameworks.fiscalYear, fiscalYear)))
    .returning({ fiscalYear: competencyFrameworks.fiscalYear });
  return rows.length > 0;
}

/** The optimiser's runs (`optimiser_runs`) and the plan moves it replaces on adoption. */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { optimiserRuns, transferPlanMoves } from '../db/schema/placement.js';

export type RunRow = typeof optimiserRuns.$inferSelect;
export type RunChanges = Partial<Pick<RunRow, 'status' | 'progress' | 'phase' | 'inputDigest' | 'result' | 'error' | 'finishedAt' | 'isApplied'>>;

export async function insertRun(exec: Executor, values: Pick<RunRow, 'municipalityId' | 'planId' | 'status' | 'phase' | 'createdByAccountId'>): Promise<RunRow> {
  const [row] = await exec.insert(optimiserRuns).values(values).returning();
  return row!;
}

export async function findRun(exec: Executor, municipalityId: number, runId: number): Promise<RunRow | undefined> {
  const [row] = await exec
    .select()
    .from(optimiserRuns)
    .where(and(eq(optimiserRuns.municipalityId, municipalityId), eq(optimiserRuns.id, runId)));
  return row;
}

/** Changes a run that is still unfinished (queued or running); undefined when it finished meanwhile. */
export async function updateUnfinishedRun(exec: Executor, runId: number, changes: RunChanges): Promise<RunRow | undefined> {
  const [row] = await exec
    .update(optimiserRuns)
    .set(changes)
    .where(and(eq(optimiserRuns.id, runId), inArray(optimiserRuns.status, ['queued', 'running'])))
    .returning();
  return row;
}

/**
 * Marks a run failed if it is still unfinished and was created more than `staleAfterSeconds` ago by the database's
 * clock (the one that stamped created_at): its process died.
 */
export async function failRunIfStale(exec: Executor, municipalityId: number, runId: number, staleAfterSeconds: number, error: string): Promise<RunRow | undefined> {
  const [row] = await exec
    .update(optimiserRuns)
    .set({ status: 'failed', error, finishedAt: sql`clock_timestamp()` })
    .where(
      and(
        eq(optimiserRuns.municipalityId, municipalityId),
        eq(optimiserRuns.id, runId),
        inArray(optimiserRuns.status, ['queued', 'running']),
        lt(optimiserRuns.createdAt, sql`clock_timestamp() - make_interval(secs => ${staleAfterSeconds})`),
      ),
    )
    .returning();
  return row;
}

export async function markRunApplied(exec: Executor, municipalityId: number, runId: number): Promise<void> {
  await exec
    .update(optimiserRuns)
    .set({ isApplied: true })
    .where(and(eq(optimiserRuns.municipalityId, municipalityId), eq(optimiserRuns.id, runId)));
}

/** Removes the plan's moves the optimiser proposed (manual moves stay); answers how many. */
export async function deleteOptimiserMoves(exec: Executor, municipalityId: number, planId: number): Promise<number> {
  const rows = await exec
    .delete(transferPlanMoves)
    .where(and(eq(transferPlanMoves.municipalityId, municipalityId), eq(transferPlanMoves.planId, planId), eq(transferPlanMoves.source, 'optimiser')))
    .returning({ id: transferPlanMoves.id });
  return rows.length;
}

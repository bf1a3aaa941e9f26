/** Per-municipality settings rows (JSON documents by key). */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { settings } from '../db/schema/org.js';

export async function findSetting(exec: Executor, municipalityId: number, key: string): Promise<unknown | undefined> {
  const [row] = await exec
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.municipalityId, municipalityId), eq(settings.key, key)));
  return row?.value;
}

export async function upsertSetting(exec: Executor, municipalityId: number, key: string, value: unknown): Promise<void> {
  await exec
    .insert(settings)
    .values({ municipalityId, key, value })
    .onConflictDoUpdate({ target: [settings.municipalityId, settings.key], set: { value, updatedAt: sql`now()` } });
}

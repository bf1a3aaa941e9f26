/** Shared bench plumbing: fresh databases on either engine, a throwaway PostgreSQL when none is given, figures. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPglite, openPglite, openPostgres, type Database } from '../src/server/db/client.js';

export type Engine = 'pglite' | 'postgres';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarise(label: string, samplesMs: number[]) {
  const s = [...samplesMs].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1);
  console.log(`  ${label.padEnd(34)} n=${s.length}  p50 ${f(percentile(s, 50))} ms  p95 ${f(percentile(s, 95))} ms  max ${f(s[s.length - 1] ?? NaN)} ms`);
}

export const rssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

type PgHandle = { url: string; stop: () => Promise<void> };
let throwaway: Promise<PgHandle | null> | undefined;

/** DATABASE_URL if set; otherwise a throwaway cluster from the machine's binaries (null when impossible). */
export async function postgresAdminUrl(): Promise<string | null> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  throwaway ??= (async () => {
    try {
      const mod = (await import('../scripts/pg-throwaway.mjs' as string)) as { startThrowawayPostgres: () => Promise<PgHandle> };
      return await mod.startThrowawayPostgres();
    } catch (err) {
      console.log(`  SKIPPED PostgreSQL: ${(err as Error).message}`);
      return null;
    }
  })();
  return (await throwaway)?.url ?? null;
}

export async function stopThrowaway() {
  const h = await throwaway;
  await h?.stop();
}

/** A fresh, migrated database on the engine; close() removes it. */
export async function freshDatabase(engine: Engine): Promise<Database | null> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jinzai-bench-'));
    const database = openPglite(createPglite(dir));
    await database.migrate();
    return { ...database, close: async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const admin = await postgresAdminUrl();
  if (!admin) return null;
  const name = `jinzai_bench_${Date.now()}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database "${name}"`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), 10);
  await database.migrate();
  return {
    ...database,
    close: async () => {
      await database.close();
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists "${name}" with (force)`);
      await d.end();
    },
  };
}

/**
 * One database handle for both engines: embedded PGlite (a data folder) or PostgreSQL via DATABASE_URL.
 * Both go through Drizzle's first-party drivers and run the same migrations (ADR 0002).
 */
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import pg from 'pg';

export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** What repositories take as first argument: the database or a transaction. */
export type Executor = Db | Tx;

export type Database = {
  db: Db;
  engine: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// Dates stay plain 'YYYY-MM-DD' strings on both drivers: a JS Date would shift them by the time zone.
pg.types.setTypeParser(1082, (v: string) => v);

export function openPglite(pglite: PGlite): Database {
  const db = drizzlePglite(pglite) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    migrate: () => migratePglite(drizzlePglite(pglite), { migrationsFolder }),
    ping: async () => {
      await pglite.query('select 1');
    },
    close: () => pglite.close(),
  };
}

export function createPglite(dataDir: string | undefined, loadDataDir?: Blob | File): PGlite {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // PGlite ignores loadDataDir when no data dir is given; 'memory://' is the explicit in-memory one.
  return new PGlite(dataDir ?? 'memory://', { parsers: { 1082: (v: string) => v }, ...(loadDataDir ? { loadDataDir } : {}) });
}

export function openPostgres(connectionString: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client losing its server (restart, outage) must not crash the process; the pool reconnects.
  pool.on('error', () => {});
  const db = drizzlePg(pool) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    migrate: () => migratePg(drizzlePg(pool), { migrationsFolder }),
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}

export function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Database {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(createPglite(opts.dataDir));
}

/** Raw SQL for what the query builder cannot say (recursive CTEs, locks). Both drivers answer `{ rows }`. */
export async function queryRows<T extends Record<string, unknown>>(exec: Executor, query: SQL): Promise<T[]> {
  const result = (await exec.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Refreshes planner statistics. PGlite has no autovacuum worker, so after a bulk load (demo seed, import) its
 * planner would still believe the tables are empty and pick nested loops over hundreds of thousands of rows.
 */
export async function analyzeDatabase(exec: Executor): Promise<void> {
  await exec.execute(sql`analyze`);
}

/**
 * VACUUM ANALYZE, for PGlite at start: without autovacuum, every saved evaluation sheet leaves a dead row version
 * behind, and a table twice its live size made the progress dashboard ~4× slower in the 120,000-sheet bench.
 * Not inside a transaction.
 */
export async function vacuumDatabase(database: Database): Promise<void> {
  await database.db.execute(sql`vacuum analyze`);
}

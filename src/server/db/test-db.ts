/**
 * Test databases (ADR 0005): a migrated, demo-seeded template is built once per run and copied per test file —
 * a PGlite data-dir dump on the embedded engine, a CREATE DATABASE … TEMPLATE on PostgreSQL
 * (JINZAI_TEST_DB=postgres with DATABASE_URL). Never a mock of our own database.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPglite, migrationsFolder, openPglite, openPostgres, type Database } from './client.js';
import { ensureDemoCity } from './seeds/ensure-demo.js';

export const testToday = '2025-10-01';
export const testDemoStaff = 120;
const seedsFolder = fileURLToPath(new URL('./seeds', import.meta.url));

function fingerprint(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!name.endsWith('.test.ts')) h.update(name).update(readFileSync(p));
    }
  };
  walk(migrationsFolder);
  walk(seedsFolder);
  // Seeding derives relations through the org services and domain rules: a change there must rebuild the template.
  walk(fileURLToPath(new URL('../org', import.meta.url)));
  walk(fileURLToPath(new URL('../../domain/org', import.meta.url)));
  return h.update(`${testDemoStaff}:${testToday}`).digest('hex').slice(0, 16);
}

async function seed(database: Database, withDemo: boolean) {
  await database.migrate();
  if (withDemo) await ensureDemoCity(database, { staffCount: testDemoStaff, seed: 7, today: testToday });
}

async function pgliteTemplate(withDemo: boolean): Promise<Blob> {
  const dir = path.resolve('.tmp', 'test-templates');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-${withDemo ? 'demo' : 'empty'}-${fingerprint()}.tar.gz`);
  if (!existsSync(file)) {
    const pglite = createPglite(undefined);
    const database = openPglite(pglite);
    await seed(database, withDemo);
    const dump = await pglite.dumpDataDir('gzip');
    await database.close();
    const tmp = `${file}.${randomUUID()}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file); // atomic: parallel workers may both build it; either copy is the same
  }
  return new Blob([readFileSync(file)]);
}

async function postgresTemplate(adminUrl: string, withDemo: boolean): Promise<string> {
  const name = `jinzai_tpl_${withDemo ? 'demo' : 'empty'}_${fingerprint()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(7310001)');
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      await admin.query(`create database "${name}"`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const database = openPostgres(url.toString(), 2);
      await seed(database, withDemo);
      await database.close();
    }
    await admin.query('select pg_advisory_unlock(7310001)');
  } finally {
    await admin.end();
  }
  return name;
}

export async function createTestDatabase(opts: { withDemo?: boolean } = {}): Promise<Database> {
  const withDemo = opts.withDemo ?? true;
  if (process.env.JINZAI_TEST_DB === 'postgres') {
    const adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) throw new Error('JINZAI_TEST_DB=postgres needs DATABASE_URL');
    const template = await postgresTemplate(adminUrl, withDemo);
    const name = `jinzai_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`create database "${name}" template "${template}"`);
    } finally {
      await admin.end();
    }
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = openPostgres(url.toString(), 5);
    return {
      ...database,
      close: async () => {
        await database.close();
        const a = new pg.Client({ connectionString: adminUrl });
        await a.connect();
        await a.query(`drop database if exists "${name}" with (force)`).catch(() => {});
        await a.end();
      },
    };
  }
  const dump = await pgliteTemplate(withDemo);
  return openPglite(createPglite(undefined, dump));
}

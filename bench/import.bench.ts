/**
 * Import of the staff master and the assignment history (CP932 CSV, ~15 assignment rows per person) into an
 * empty organisation: preview + commit of both files through the service functions, timed per phase, with
 * the process's RSS. Target on 2 cores: 40,000 staff + ~600,000 assignments committed in ≤ 30 s, RSS ≤ 512 MB.
 *
 * The demo city's unit structure depends on its staff count (small cities drop low-priority sections), so the
 * organisation is built from the SAME { staffCount, seed, today } as the fixture files and inserted without
 * its staff, assignments and accounts; every unit and position code the files name then exists and every
 * employee number is new. Building that 40,000-staff city (and writing the files) happens in a child process,
 * so the peak RSS printed here is the import's, not the generator's.
 *
 *   npx tsx bench/import.bench.ts --staff 40000 --engine pglite|postgres
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { createPglite, openPglite, openPostgres, queryRows, type Database } from '../src/server/db/client.js';
import { buildDemoCity } from '../src/server/db/seeds/demo-city.js';
import { insertDemoCity } from '../src/server/db/seeds/insert-demo-city.js';
import { loadConfig } from '../src/server/config.js';
import type { ServiceContext } from '../src/server/http/context.js';
import { commitImport, previewImport } from '../src/server/org/import.service.js';
import type { ImportCommitEvent, ImportKind } from '../src/domain/org/org-api.js';
import { writeImportFixtures, type ImportFixtureFiles } from './fixtures/import-files.js';
import { postgresAdminUrl, rssMb, type Engine } from './bench-support.js';

const seed = 20250401;
/** The fixture generator's default day; the org must be built for the same day to have the same units. */
const today = '2025-06-01';

type SetupRequest = { dir: string; staffCount: number; target: { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string } };

/** Child process: writes the CSV files and an empty organisation (units, positions; no staff) into the database. */
async function setup(request: SetupRequest): Promise<void> {
  const files = await writeImportFixtures(request.dir, { staffCount: request.staffCount, seed, today });
  const database = request.target.engine === 'pglite' ? openPglite(createPglite(request.target.dataDir)) : openPostgres(request.target.url, 2);
  try {
    await database.migrate();
    const city = buildDemoCity({ staffCount: request.staffCount, seed, today });
    await database.db.transaction((tx) =>
      insertDemoCity(tx, { ...city, staff: [], assignments: [], accounts: [] }, { hashPassword: async () => 'unused' }),
    );
  } finally {
    await database.close();
  }
  process.stdout.write(`${JSON.stringify(files)}\n`);
}

function runSetupChild(request: SetupRequest): Promise<ImportFixtureFiles> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--setup', JSON.stringify(request)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1);
      if (code !== 0 || !last) reject(new Error(`import bench setup failed (exit ${code})`));
      else resolve(JSON.parse(last) as ImportFixtureFiles);
    });
  });
}

type Target = { request: SetupRequest['target']; open: () => Database; drop: () => Promise<void> };

async function createTarget(engine: Engine, workDir: string): Promise<Target | null> {
  if (engine === 'pglite') {
    const dataDir = path.join(workDir, 'pglite');
    return { request: { engine, dataDir }, open: () => openPglite(createPglite(dataDir)), drop: async () => {} };
  }
  const admin = await postgresAdminUrl();
  if (!admin) return null;
  const name = `jinzai_import_bench_${Date.now()}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    request: { engine, url: url.toString() },
    open: () => openPostgres(url.toString(), 4),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

/** Highest RSS (and its parts) seen by a sampler; synchronous phases are sampled when they yield. */
function startRssSampler() {
  const peak = { rss: 0, heapTotal: 0, external: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.heapTotal = Math.max(peak.heapTotal, usage.heapTotal);
    peak.external = Math.max(peak.external, usage.external);
  };
  sample();
  const timer = setInterval(sample, 20);
  timer.unref();
  const mb = (bytes: number) => Math.round(bytes / 1048576);
  return {
    describe: () => {
      sample();
      return `sampled peak RSS ${mb(peak.rss)} MB (JS heap ${mb(peak.heapTotal)} MB, buffers ${mb(peak.external)} MB)`;
    },
    stop: () => clearInterval(timer),
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function runImportBench(opts: { staffCount: number; engine: Engine }): Promise<void> {
  console.log(`\n[import] ${opts.staffCount} staff on ${opts.engine} (CP932 files, preview + commit through the services)`);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'jinzai-import-bench-'));
  const target = await createTarget(opts.engine, workDir);
  if (!target) {
    rmSync(workDir, { recursive: true, force: true });
    return;
  }
  let database: Database | undefined;
  try {
    let started = performance.now();
    const files = await runSetupChild({ dir: workDir, staffCount: opts.staffCount, target: target.request });
    console.log(
      `  setup (child process): files ${files.staffRows} staff (${(files.bytes.staff / 1048576).toFixed(1)} MB), ` +
        `${files.assignmentRows} assignment rows (${(files.bytes.assignments / 1048576).toFixed(1)} MB), empty org seeded in ${seconds(performance.now() - started)}`,
    );

    database = target.open();
    const [municipality] = await queryRows<{ id: number }>(database.db, sql`select id from municipalities order by id limit 1`);
    const largest = Math.max(statSync(files.staffPath).size, statSync(files.assignmentsPath).size);
    const importMaxMb = Math.max(40, Math.ceil(largest / 1048576) + 1);
    const now = new Date(`${today}T10:00:00+09:00`);
    const ctx: ServiceContext = {
      database,
      actor: {
        accountId: 0,
        municipalityId: municipality!.id,
        staffId: null,
        loginId: 'import-bench',
        displayName: 'import bench',
        roles: ['hr_admin'],
        dateStyle: 'seireki',
        sessionId: 0,
        csrfToken: '',
      },
      now,
      today,
      requestId: 'import-bench',
      config: loadConfig({ NODE_ENV: 'test', IMPORT_MAX_MB: String(importMaxMb) }),
    };

    const rssAtStart = rssMb();
    let previewTotal = 0;
    let commitTotal = 0;
    for (const [kind, file] of [
      ['staff', files.staffPath],
      ['assignments', files.assignmentsPath],
    ] as [ImportKind, string][]) {
      started = performance.now();
      let sampler = startRssSampler();
      const preview = await previewImport(ctx, { kind, encoding: 'shift_jis', fileName: path.basename(file), bytes: readFileSync(file) });
      const previewMs = performance.now() - started;
      const previewMemory = sampler.describe();
      sampler.stop();
      sampler = startRssSampler();
      if (!preview.canCommit) {
        console.log(`  ${kind}: preview found ${preview.errorCount} errors, first: ${JSON.stringify(preview.errors.slice(0, 3))}`);
        return;
      }
      started = performance.now();
      const commit = await commitImport(ctx, preview.importId);
      let last: ImportCommitEvent | undefined;
      let progressEvents = 0;
      await commit.run((event) => {
        if (event.type === 'progress') progressEvents += 1;
        last = event;
      });
      const commitMs = performance.now() - started;
      if (last?.type !== 'done') {
        console.log(`  ${kind}: commit failed: ${JSON.stringify(last).slice(0, 500)}`);
        return;
      }
      previewTotal += previewMs;
      commitTotal += commitMs;
      console.log(
        `  ${kind.padEnd(11)} ${String(preview.totalRows).padStart(7)} rows  preview ${seconds(previewMs).padStart(7)}  commit ${seconds(commitMs).padStart(7)}` +
          `  (inserted ${last.inserted}, updated ${last.updated}, ${progressEvents} progress events)\n` +
          `              preview: ${previewMemory}\n              commit:  ${sampler.describe()}`,
      );
      sampler.stop();
    }
    const [counts] = await queryRows<{ staff: number; assignments: number; qualifications: number }>(
      database.db,
      sql`select (select count(*)::int from staff) as staff, (select count(*)::int from assignments) as assignments, (select count(*)::int from qualifications) as qualifications`,
    );
    console.log(`  stored: ${counts?.staff} staff, ${counts?.assignments} assignments, ${counts?.qualifications} qualifications`);
    console.log(
      `  commit of both files ${seconds(commitTotal)} (target ≤ 30 s), previews ${seconds(previewTotal)}; ` +
        `RSS at start ${rssAtStart} MB, peak (maxRSS) ${rssMb()} MB (target ≤ 512 MB); load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`,
    );
  } finally {
    await database?.close();
    await target.drop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      staff: { type: 'string', default: '40000' },
      engine: { type: 'string', default: 'pglite' },
      setup: { type: 'string' },
    },
  });
  if (values.setup) {
    await setup(JSON.parse(values.setup) as SetupRequest);
  } else {
    await runImportBench({ staffCount: Number(values.staff), engine: values.engine as Engine });
    const { stopThrowaway } = await import('./bench-support.js');
    await stopThrowaway();
  }
}

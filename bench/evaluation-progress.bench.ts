/**
 * HR's evaluation progress dashboard at N staff (default 40,000): open the three cycles of a 年度 (前期, 後期,
 * 能力評価 → 3 × N sheets) through the HTTP app, spread the sheets over the workflow with bulk SQL (states, completed
 * steps, rated/final grades; deterministic by sheet id), then measure through the whole HTTP stack the progress
 * view, the overdue list (per deadline and unit, paged) and the grade distribution by unit. Prints p50/p95/max per
 * engine, the time to open each cycle and to send one reminder to everyone late. Targets (issue 3): p95 ≤ 200 ms;
 * opening a cycle for 40,000 staff ≤ 20 s.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { analyzeDatabase, queryRows, type Database } from '../src/server/db/client.js';
import { ensureDemoCity } from '../src/server/db/seeds/ensure-demo.js';
import { demoAccounts } from '../src/server/db/seeds/demo-accounts.js';
import { freshDatabase, rssMb, summarise, type Engine } from './bench-support.js';

/** The seed's today (relations as of 1 October); the dashboard is then read on 1 December, when 後期 goals are late. */
const seedDay = '2025-10-01';
const readDay = '2025-12-01';

type CycleSummary = { id: number; period: string; sheetCount: number };
type Progress = { units: Array<{ unitId: number | null; overdue: number }>; milestones: Array<{ step: string; isPastDue: boolean; overdue: number }> };

/**
 * States, completed steps and grades by a hash of the sheet id: 前期 mostly finished (some still at the confirmer or
 * evaluator, a few behind), 後期 at goal setting, 能力評価 mostly not started.
 */
export async function spreadStates(database: Database, cycles: Record<string, number>) {
  const grade = (h: string) => sql.raw(`case when ${h} < 5 then 'S' when ${h} < 25 then 'A' when ${h} < 80 then 'B' when ${h} < 95 then 'C' else 'D' end`);
  const bucket = sql.raw('((id * 37 + 11) % 100)');
  const steps = (list: string[]) => sql.raw(`array[${list.map((s) => `'${s}'`).join(',')}]::text[]`);
  const firstHalf = ['goal-submission', 'opening-interview', 'self-evaluation', 'closing-interview', 'evaluator-rating', 'confirmation', 'feedback'];
  await queryRows(
    database.db,
    sql`update evaluation_sheets set
          state = case when ${bucket} < 55 then 'closed' when ${bucket} < 75 then 'feedback-given' when ${bucket} < 85 then 'confirmer-confirmed'
                       when ${bucket} < 92 then 'evaluator-rated' when ${bucket} < 97 then 'self-evaluated' else 'goals-agreed' end,
          completed_steps = case when ${bucket} < 75 then ${steps(firstHalf)} when ${bucket} < 85 then ${steps(firstHalf.slice(0, 6))}
                       when ${bucket} < 92 then ${steps(firstHalf.slice(0, 5))} when ${bucket} < 97 then ${steps(firstHalf.slice(0, 3))}
                       else ${steps(firstHalf.slice(0, 2))} end,
          rated_grade = case when ${bucket} < 92 then ${grade('((id * 29 + 3) % 100)')} end,
          final_grade = case when ${bucket} < 85 then ${grade('((id * 53 + 7) % 100)')} end
        where cycle_id = ${cycles['first-half']!}
        returning id`,
  );
  await queryRows(
    database.db,
    sql`update evaluation_sheets set
          state = case when ${bucket} < 60 then 'draft' when ${bucket} < 90 then 'goals-submitted' else 'goals-agreed' end,
          completed_steps = case when ${bucket} < 60 then '{}'::text[] when ${bucket} < 90 then ${steps(firstHalf.slice(0, 1))} else ${steps(firstHalf.slice(0, 2))} end
        where cycle_id = ${cycles['second-half']!}
        returning id`,
  );
  await queryRows(
    database.db,
    sql`update evaluation_sheets set
          state = case when ${bucket} < 90 then 'draft' else 'self-rated' end,
          completed_steps = case when ${bucket} < 90 then '{}'::text[] else ${steps(['self-evaluation'])} end
        where cycle_id = ${cycles.year!}
        returning id`,
  );
}

export async function runEvaluationProgressBench(opts: { staffCount: number; engine: Engine; requests: number }) {
  console.log(`\n[evaluation progress] ${opts.staffCount} staff on ${opts.engine}`);
  const database = await freshDatabase(opts.engine);
  if (!database) return;
  try {
    let t = performance.now();
    const counts = await ensureDemoCity(database, { staffCount: opts.staffCount, seed: 20250401, today: seedDay });
    console.log(`  seeded demo city: ${counts?.staff} staff in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    let now = new Date(`${seedDay}T10:00:00+09:00`);
    const app = createApp({ database, config: loadConfig({ NODE_ENV: 'test' }), clock: () => now }, { webRoot: '/nonexistent' });
    const admin = demoAccounts.find((a) => a.key === 'hrAdmin')!;
    let session = { cookie: '', csrfToken: '' };
    const signIn = async () => {
      const login = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ loginId: admin.employeeNumber, password: admin.password }),
      });
      session = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken: ((await login.json()) as { csrfToken: string }).csrfToken };
    };
    await signIn();
    const post = async (path: string, body: unknown, status: number) => {
      const res = await app.request(path, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status !== status) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<unknown>;
    };
    const get = async (path: string) => {
      const started = performance.now();
      const res = await app.request(path, { headers: { cookie: session.cookie } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      return performance.now() - started;
    };
    const getJson = async <T>(path: string) => (await (await app.request(path, { headers: { cookie: session.cookie } })).json()) as T;

    const cycles: Record<string, number> = {};
    for (const period of ['first-half', 'second-half', 'year'] as const) {
      t = performance.now();
      const opened = (await post('/api/evaluation/cycles', { fiscalYear: 2025, period }, 201)) as { cycle: CycleSummary; created: number; unassigned: unknown[] };
      const seconds = (performance.now() - t) / 1000;
      cycles[period] = opened.cycle.id;
      console.log(`  open cycle ${period.padEnd(11)} ${opened.created} sheets (${opened.unassigned.length} without evaluator/confirmer) in ${seconds.toFixed(1)} s  (target ≤ 20 s)`);
    }
    t = performance.now();
    await spreadStates(database, cycles);
    // The bulk UPDATE rewrites all 120,000 rows at once, doubling the table; real sheets change one at a time over
    // months and their pages are pruned as they go. VACUUM FULL gives the table the size it would have.
    await queryRows(database.db, sql`vacuum full evaluation_sheets`);
    console.log(`  spread sheet states (bulk SQL + VACUUM FULL) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const total = Number((await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from evaluation_sheets`))[0]!.n);
    console.log(`  ${total} sheets in 3 cycles`);

    now = new Date(`${readDay}T10:00:00+09:00`);
    await signIn(); // two months later: a new session
    const ids = Object.values(cycles);
    // Before any ANALYZE: what the dashboard costs right after HR opened the cycles (PGlite has no autovacuum).
    const cold: number[] = [];
    for (let i = 0; i < 30; i++) cold.push(await get(`/api/evaluation/cycles/${ids[i % ids.length]}/progress`));
    summarise('progress before ANALYZE (30)', cold);
    await analyzeDatabase(database.db);

    // What the overdue list is asked for: each passed deadline of each cycle, all units or one late unit, pages 1–5.
    const probes: string[] = [];
    for (const cycleId of ids) {
      const p = await getJson<Progress>(`/api/evaluation/cycles/${cycleId}/progress`);
      const late = p.units.filter((u) => u.unitId !== null && u.overdue > 0).map((u) => u.unitId!);
      for (const m of p.milestones.filter((x) => x.isPastDue && x.overdue > 0)) {
        for (let page = 1; page <= 5; page++) probes.push(`/api/evaluation/cycles/${cycleId}/overdue?step=${m.step}&page=${page}&pageSize=50`);
        for (const unitId of late.slice(0, 20)) probes.push(`/api/evaluation/cycles/${cycleId}/overdue?step=${m.step}&unitId=${unitId}&pageSize=50`);
      }
    }
    console.log(`  ${probes.length} distinct overdue queries`);
    const analysisAvailable = (await app.request(`/api/evaluation/cycles/${ids[0]}/analysis?by=unit`, { headers: { cookie: session.cookie } })).status === 200;

    for (let i = 0; i < 10; i++) await get(`/api/evaluation/cycles/${ids[i % ids.length]}/progress`); // warm-up
    const progress: number[] = [];
    for (let i = 0; i < opts.requests; i++) progress.push(await get(`/api/evaluation/cycles/${ids[i % ids.length]}/progress`));
    summarise('progress (units × states, deadlines)', progress);

    const overdue: number[] = [];
    for (let i = 0; i < opts.requests; i++) overdue.push(await get(probes[(i * 7) % probes.length]!));
    summarise('overdue list (50/page)', overdue);

    if (analysisAvailable) {
      const analysis: number[] = [];
      for (let i = 0; i < opts.requests; i++) analysis.push(await get(`/api/evaluation/cycles/${ids[i % ids.length]}/analysis?by=unit`));
      summarise('grade distribution by unit', analysis);
    } else {
      console.log('  grade distribution by unit: SKIPPED (GET /api/evaluation/cycles/:id/analysis not available)');
    }

    t = performance.now();
    const reminded = (await post(`/api/evaluation/cycles/${cycles['second-half']}/reminders`, { step: 'goal-submission' }, 200)) as { sheets: number; notified: number };
    console.log(`  reminder to everyone late with 後期 goals: ${reminded.notified} people (${reminded.sheets} sheets) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    console.log(`  peak RSS ${rssMb()} MB`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { staff: { type: 'string', default: '40000' }, engine: { type: 'string', default: 'pglite' }, requests: { type: 'string', default: '300' } },
  });
  await runEvaluationProgressBench({ staffCount: Number(values.staff), engine: values.engine as Engine, requests: Number(values.requests) });
  const { stopThrowaway } = await import('./bench-support.js');
  await stopThrowaway();
}

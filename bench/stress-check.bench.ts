/**
 * The stress check at scale (issue 6 item 2, ADR 0017). Two runs per engine:
 * (a) 集団分析 over N respondents (default 40,000) × 57 answers for all units: a campaign of this 年度 and one of
 *     last 年度 (the endpoint compares with it) are created and opened through the HTTP app, everyone placed in the
 *     demo city answers (synthetic, deterministic: each unit leaning its own way), and the answers, results and
 *     group entries are inserted in batches through the stress-check repository exactly as submission writes them
 *     (scoreAnswers → groupEntryScoresOf, the unit and sex of the submission day); then the real close route freezes
 *     the groups (timed once) and the group-analysis route (all units, last year's figures) is timed p50/p95/max.
 *     Target: ≤ 2 s.
 * (b) 300 respondents with their own accounts (a demo city of at most 2,000 staff, where every staff member has an
 *     account) sign in and autosave their answers section by section through the real PUT route, several rounds:
 *     first a burst (all start at the same instant and save with no pause: 300 requests always in flight — the
 *     worst case), then paced (each person saving a section every ~`--think` ms, as a browser does; the last round
 *     sends a person's four sections at once, so concurrent merges into the same row are exercised too).
 *     Afterwards every stored answer is reconciled with what each person sent last. Target: p95 ≤ 250 ms, 0 lost.
 *     The saves and the session lookups of the requests in flight are grouped (ADR 0022): the batches, their sizes and
 *     times are printed, with the CPU time the process spent (load-independent, unlike the latencies). Before timing,
 *     30 saves and one concurrent round warm the server up (that round is printed as the cold start).
 *     JINZAI_BENCH_PROFILE=<file> writes a CPU profile of the burst.
 * PGlite by default, PostgreSQL with `--engine postgres` (DATABASE_URL or a throwaway cluster), like the others.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { analyzeDatabase, queryRows, type Database } from '../src/server/db/client.js';
import { ensureDemoCity } from '../src/server/db/seeds/ensure-demo.js';
import { demoAccounts, demoStaffPassword, type DemoAccountKey } from '../src/server/db/seeds/demo-accounts.js';
import { createPrng } from '../src/server/db/seeds/prng.js';
import { reversedItemNos, stressAreas, stressItems, type StressArea } from '../src/domain/stress-check/questionnaire.js';
import { defaultThresholds, scoreAnswers, type AnswerMap, type AnswerValue } from '../src/domain/stress-check/stress-scoring.js';
import { analyseGroups, frozenTree, groupEntryScoresOf, type GroupEntry, type GroupEntryScores } from '../src/domain/stress-check/group-analysis.js';
import type { Campaign, GroupAnalysis } from '../src/domain/stress-check/stress-check-api.js';
import { insertGroupEntriesBatch, insertResponsesBatch, insertResultsBatch, listGroupEntries, listPlacementsOn, listUnitsOn } from '../src/server/stress-check/stress-check.repository.js';
import { batcherStats, resetBatcherStats } from '../src/server/common/batcher.js';
import { freshDatabase, percentile, rssMb, summarise, type Engine } from './bench-support.js';

const seedDay = '2025-10-01';

/** With JINZAI_BENCH_PROFILE=<file>, a CPU profile of the burst alone is written there (open it in Chrome DevTools). */
async function startProfiler(): Promise<{ stop: () => Promise<void> } | null> {
  const file = process.env.JINZAI_BENCH_PROFILE;
  if (!file) return null;
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`  CPU profile of the burst written to ${file}`);
    },
  };
}
const seed = 20250401;
type Session = { cookie: string; csrfToken: string };
type App = ReturnType<typeof createApp>;

function client(app: App) {
  const login = async (loginId: string, password: string): Promise<Session> => {
    const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ loginId, password }) });
    if (res.status !== 200) throw new Error(`login ${loginId}: ${res.status} ${await res.text()}`);
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
  };
  const loginAs = (key: DemoAccountKey) => {
    const a = demoAccounts.find((x) => x.key === key)!;
    return login(a.employeeNumber, a.password);
  };
  const send = async <T>(session: Session, method: string, path: string, body: unknown, status: number): Promise<T> => {
    const res = await app.request(path, { method, headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<T>;
  };
  /** Time of one GET through the whole stack, body read. */
  const timedGet = async (session: Session, path: string): Promise<{ ms: number; bytes: number }> => {
    const started = performance.now();
    const res = await app.request(path, { headers: { cookie: session.cookie } });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    const bytes = (await res.arrayBuffer()).byteLength;
    return { ms: performance.now() - started, bytes };
  };
  return { login, loginAs, send, timedGet };
}

const base = '/api/stress-check/campaigns';

async function createOpenCampaign(c: ReturnType<typeof client>, implementer: Session, input: { name: string; fiscalYear: number; opensOn: string; closesOn: string }): Promise<Campaign> {
  const created = await c.send<Campaign>(implementer, 'POST', base, input, 201);
  return c.send<Campaign>(implementer, 'POST', `${base}/${created.id}/open`, { version: created.version }, 200);
}

/** Stress-direction value around the person's level, stored as the answer position (reversed items flipped). */
function syntheticAnswers(rng: ReturnType<typeof createPrng>, level: number): AnswerMap {
  const answers: AnswerMap = {};
  for (const item of stressItems) {
    const sv = Math.min(4, Math.max(1, Math.round(level + (rng.next() - 0.5) * 2.2)));
    answers[item.no] = (reversedItemNos.has(item.no) ? 5 - sv : sv) as AnswerValue;
  }
  return answers;
}

/**
 * Everyone placed on the submission day has answered and submitted: the rows submission writes (response with the
 * answers, result with the score, group entry without identity), inserted in batches in one transaction.
 */
async function seedSubmissions(database: Database, municipalityId: number, campaign: Campaign, people: Array<{ staffId: number; unitId: number; sex: string | null }>, label: string) {
  const rng = createPrng(seed).fork(label);
  const at = new Date(`${seedDay}T09:30:00+09:00`).toISOString();
  const unitLevel = new Map<number, number>();
  const responses: Parameters<typeof insertResponsesBatch>[1] = [];
  const results: Parameters<typeof insertResultsBatch>[1] = [];
  const entries: Parameters<typeof insertGroupEntriesBatch>[1] = [];
  for (const p of people) {
    if (!unitLevel.has(p.unitId)) unitLevel.set(p.unitId, 1.9 + rng.fork(`unit-${p.unitId}`).next() * 0.9);
    const personal = rng.fork(p.staffId);
    const answers = syntheticAnswers(personal, unitLevel.get(p.unitId)! + (personal.next() - 0.5) * 0.6);
    const outcome = scoreAnswers(answers, 'simple-sum', defaultThresholds);
    if (!outcome.ok) throw new Error('synthetic answers incomplete');
    responses.push({ municipalityId, campaignId: campaign.id, staffId: p.staffId, answers, startedAt: at, updatedAt: at, submittedAt: at });
    results.push({ municipalityId, campaignId: campaign.id, staffId: p.staffId, score: outcome.score, isHighStress: outcome.score.isHighStress, computedAt: at, shownAt: at });
    entries.push({ municipalityId, campaignId: campaign.id, unitId: p.unitId, sex: p.sex === 'male' || p.sex === 'female' ? p.sex : null, scores: groupEntryScoresOf(outcome.score) });
  }
  await database.db.transaction(async (tx) => {
    await insertResponsesBatch(tx, responses);
    await insertResultsBatch(tx, results);
    await insertGroupEntriesBatch(tx, rng.shuffle(entries)); // as the demo seed: no order linking entries to people
  });
  return responses.length;
}

export async function runGroupAnalysisBench(opts: { staffCount: number; engine: Engine; requests: number }) {
  console.log(`\n[stress check: group analysis] ${opts.staffCount} staff on ${opts.engine}`);
  const database = await freshDatabase(opts.engine);
  if (!database) return;
  try {
    let t = performance.now();
    const counts = await ensureDemoCity(database, { staffCount: opts.staffCount, seed, today: seedDay });
    console.log(`  seeded demo city: ${counts?.staff} staff in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const app = createApp({ database, config: loadConfig({ NODE_ENV: 'test' }), clock: () => new Date(`${seedDay}T10:00:00+09:00`) }, { webRoot: '/nonexistent' });
    const c = client(app);
    const implementer = await c.loginAs('stressImplementer');
    const municipalityId = Number((await queryRows<{ id: number }>(database.db, sql`select id from municipalities order by id limit 1`))[0]!.id);

    const previous = await createOpenCampaign(c, implementer, { name: '令和6年度ストレスチェック(ベンチ)', fiscalYear: 2024, opensOn: '2024-10-01', closesOn: '2024-10-31' });
    const current = await createOpenCampaign(c, implementer, { name: '令和7年度ストレスチェック(ベンチ)', fiscalYear: 2025, opensOn: '2025-09-15', closesOn: '2025-10-31' });
    const people = await listPlacementsOn(database.db, municipalityId, seedDay);
    t = performance.now();
    const nPrevious = await seedSubmissions(database, municipalityId, previous, people, 'previous');
    const nCurrent = await seedSubmissions(database, municipalityId, current, people, 'current');
    const seeded = (performance.now() - t) / 1000;
    const sizes = await queryRows<{ responses: number; results: number; entries: number; mb: string }>(
      database.db,
      sql`select (select count(*) from stress_check_responses)::int as responses, (select count(*) from stress_check_results)::int as results,
                 (select count(*) from stress_check_group_entries)::int as entries,
                 round(pg_total_relation_size('stress_check_group_entries') / 1048576.0, 1)::text as mb`,
    );
    const s = sizes[0]!;
    console.log(`  submissions inserted in batches: ${nCurrent} this 年度 + ${nPrevious} last 年度 (× 57 answers) in ${seeded.toFixed(1)} s`);

    // The real close: freezes every respondent unit's ancestor chain into its group entries (one transaction).
    const close = async (campaign: Campaign) => {
      const started = performance.now();
      await c.send<Campaign>(implementer, 'POST', `${base}/${campaign.id}/close`, { version: campaign.version }, 200);
      return (performance.now() - started) / 1000;
    };
    const closePrevious = await close(previous);
    const closeCurrent = await close(current);
    console.log(`  close (freeze the groups) via POST …/close: ${closeCurrent.toFixed(2)} s for ${nCurrent} entries (last 年度's: ${closePrevious.toFixed(2)} s)`);
    console.log(`  tables: ${s.responses} responses, ${s.results} results, ${s.entries} group entries (${s.mb} MB)`);
    await analyzeDatabase(database.db);

    const path = `${base}/${current.id}/group-analysis`;
    const first = await c.timedGet(implementer, path);
    const analysis = (await (await app.request(path, { headers: { cookie: implementer.cookie } })).json()) as GroupAnalysis;
    const shown = analysis.units.filter((u) => u.figure).length;
    const withPrevious = analysis.units.filter((u) => u.previous).length;
    console.log(
      `  analysis: ${analysis.units.length} units (${shown} shown, ${analysis.units.length - shown} suppressed, ${withPrevious} with last year's figure), total n=${analysis.total?.respondents ?? 0}, ${(first.bytes / 1024).toFixed(0)} KiB, first request ${first.ms.toFixed(0)} ms`,
    );
    const hr = await c.loginAs('hrOfficer');
    const samples: number[] = [];
    for (let i = 0; i < opts.requests; i++) samples.push((await c.timedGet(i % 2 === 0 ? implementer : hr, path)).ms);
    summarise(`group analysis, all units (${opts.requests})`, samples);
    const p95 = percentile([...samples].sort((a, b) => a - b), 95);
    // Where one campaign's share goes (the endpoint does this for this 年度 and last 年度, then writes the JSON).
    const read: number[] = [];
    const analyse: number[] = [];
    for (let i = 0; i < 5; i++) {
      let started = performance.now();
      const units = await listUnitsOn(database.db, municipalityId, current.closesOn);
      const entries: GroupEntry[] = (await listGroupEntries(database.db, current.id)).map((e) => ({ unitId: e.unitId, sex: e.sex === 'male' || e.sex === 'female' ? e.sex : null, scores: e.scores as GroupEntryScores }));
      read.push(performance.now() - started);
      started = performance.now();
      analyseGroups(frozenTree(entries, new Map(units.map((u) => [u.unitId, u.name]))), entries, current.minGroupSize);
      analyse.push(performance.now() - started);
    }
    summarise('  of which: read units + entries', read);
    summarise('  of which: suppression + figures (pure)', analyse);
    console.log(`  target ≤ 2000 ms: ${p95 <= 2000 ? 'met' : 'NOT met'} (p95 ${p95.toFixed(0)} ms)`);
    console.log(`  peak RSS ${rssMb()} MB`);
  } finally {
    await database.close();
  }
}

/** What person `u` sends for `area` in round `r`: most items of the area (a varying subset), values varying by round. */
function sectionOf(u: number, r: number, area: StressArea): Record<string, AnswerValue> {
  return Object.fromEntries(
    stressItems.filter((i) => i.area === area && (i.no + u + r) % 5 !== 0).map((i) => [String(i.no), (((u * 7 + i.no * 3 + r) % 4) + 1) as AnswerValue]),
  );
}

export async function runAutosaveBench(opts: { staffCount: number; engine: Engine; respondents: number; rounds: number; thinkMs: number }) {
  const cityStaff = Math.min(opts.staffCount, 2000); // staff accounts exist only in a demo city of ≤ 2,000
  console.log(`\n[stress check: autosave] ${opts.respondents} respondents (city of ${cityStaff} staff) on ${opts.engine}`);
  const database = await freshDatabase(opts.engine);
  if (!database) return;
  try {
    let t = performance.now();
    await ensureDemoCity(database, { staffCount: cityStaff, seed, today: seedDay });
    console.log(`  seeded demo city in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const app = createApp({ database, config: loadConfig({ NODE_ENV: 'test' }), clock: () => new Date(`${seedDay}T10:00:00+09:00`) }, { webRoot: '/nonexistent' });
    const c = client(app);
    const implementer = await c.loginAs('stressImplementer');
    const campaign = await createOpenCampaign(c, implementer, { name: 'ストレスチェック(自動保存ベンチ)', fiscalYear: 2025, opensOn: '2025-09-24', closesOn: '2025-10-31' });

    const rows = await queryRows<{ login_id: string; staff_id: number }>(
      database.db,
      sql`select login_id, staff_id from accounts where staff_id is not null and login_id not in ('A0001','A0002','A0003','A0004','A0005','A0006','A0007','A0008','A0009')
          order by login_id limit ${opts.respondents}`,
    );
    if (rows.length < opts.respondents) console.log(`  only ${rows.length} staff accounts in the city`);
    t = performance.now();
    const people: Array<{ staffId: number; session: Session }> = [];
    for (let i = 0; i < rows.length; i += 10) {
      const part = rows.slice(i, i + 10);
      people.push(...(await Promise.all(part.map(async (r) => ({ staffId: Number(r.staff_id), session: await c.login(r.login_id, demoStaffPassword) })))));
    }
    console.log(`  ${people.length} people signed in with the published demo staff password in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const expected = people.map(() => new Map<string, AnswerValue>());
    const errors: string[] = [];
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const save = async (u: number, r: number, area: StressArea, samples: number[]) => {
      const answers = sectionOf(u, r, area);
      const started = performance.now();
      const res = await app.request(`${base}/${campaign.id}/mine/answers/${area}`, {
        method: 'PUT',
        headers: { cookie: people[u]!.session.cookie, 'x-csrf-token': people[u]!.session.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ answers }),
      });
      await res.arrayBuffer();
      samples.push(performance.now() - started);
      if (res.status !== 200) {
        errors.push(`${res.status}`);
        return;
      }
      for (const [no, v] of Object.entries(answers)) expected[u]!.set(no, v); // acknowledged: must be stored
    };

    /** CPU time since `from` (user + system): the work done, whatever else the machine was running. */
    const cpuSeconds = (from: NodeJS.CpuUsage) => {
      const d = process.cpuUsage(from);
      return ((d.user + d.system) / 1e6).toFixed(2);
    };
    /** How the saves and session lookups were grouped (ADR 0022) since the last call. */
    const batchFigures = () => {
      const parts = [...batcherStats].map(([name, b]) => `${name} ${b.items} in ${b.batches} batches (mean ${(b.items / Math.max(1, b.batches)).toFixed(1)}, largest ${b.largest}, ${(b.ms / Math.max(1, b.batches)).toFixed(1)} ms each)`);
      resetBatcherStats();
      return parts.join(', ');
    };

    // Warm-up: a server that has been running has its code compiled and its statements planned; without this the
    // first rounds measure the JIT (V8 optimises the batch path only after it has run a few times at this size). 30
    // saves one after the other, then one concurrent round of everyone — reported apart as the cold start.
    for (let u = 0; u < Math.min(30, people.length); u++) await save(u, 0, 'A', []);
    const cold: number[] = [];
    await Promise.all(people.map((_, u) => save(u, 0, 'A', cold)));
    summarise(`cold start: ${people.length} saves at once`, cold);
    resetBatcherStats();

    // Burst: everyone starts at the same instant and saves section after section with no pause (300 in flight).
    const burst: number[] = [];
    const profiler = await startProfiler();
    let cpu = process.cpuUsage();
    t = performance.now();
    await Promise.all(
      people.map(async (_, u) => {
        for (let r = 0; r < opts.rounds; r++) for (const area of stressAreas) await save(u, r, area, burst);
      }),
    );
    const burstSeconds = (performance.now() - t) / 1000;
    await profiler?.stop();
    summarise(`burst: ${people.length} × 4 sections × ${opts.rounds}`, burst);
    console.log(`    ${(burst.length / burstSeconds).toFixed(0)} saves/s, ${burstSeconds.toFixed(1)} s (CPU of this process ${cpuSeconds(cpu)} s); ${batchFigures()}`);

    // Paced: each person saves a section, thinks ~thinkMs (deterministic jitter ±50%), saves the next; in the last
    // round the four sections go at once (concurrent merges into the same row must not lose each other).
    const paced: number[] = [];
    cpu = process.cpuUsage();
    const rng = createPrng(seed).fork('think');
    const waits = people.map(() => Array.from({ length: opts.rounds * 4 + 1 }, () => opts.thinkMs * (0.5 + rng.next())));
    t = performance.now();
    await Promise.all(
      people.map(async (_, u) => {
        let k = 0;
        await sleep(waits[u]![k++]! * rng.next()); // staggered start
        for (let r = opts.rounds; r < opts.rounds * 2; r++) {
          if (r === opts.rounds * 2 - 1) {
            await Promise.all(stressAreas.map((area) => save(u, r, area, paced)));
            continue;
          }
          for (const area of stressAreas) {
            await save(u, r, area, paced);
            await sleep(waits[u]![k++]!);
          }
        }
      }),
    );
    const pacedSeconds = (performance.now() - t) / 1000;
    summarise(`paced (~${opts.thinkMs} ms between saves)`, paced);
    console.log(`    ${(paced.length / pacedSeconds).toFixed(0)} saves/s, ${pacedSeconds.toFixed(1)} s (CPU of this process ${cpuSeconds(cpu)} s); ${batchFigures()}`);

    // Reconcile: every acknowledged answer is stored with the value sent last, nothing else.
    const stored = new Map(
      (await queryRows<{ staff_id: number; answers: Record<string, number> }>(database.db, sql`select staff_id, answers from stress_check_responses where campaign_id = ${campaign.id}`)).map((r) => [
        Number(r.staff_id),
        typeof r.answers === 'string' ? (JSON.parse(r.answers) as Record<string, number>) : r.answers,
      ]),
    );
    let lost = 0;
    let wrong = 0;
    let extra = 0;
    let expectedTotal = 0;
    let peopleMatching = 0;
    people.forEach((p, u) => {
      const got = stored.get(p.staffId) ?? {};
      const want = expected[u]!;
      expectedTotal += want.size;
      let ok = Object.keys(got).length === want.size;
      for (const [no, v] of want) {
        if (!(no in got)) lost++;
        else if (got[no] !== v) wrong++;
        else continue;
        ok = false;
      }
      for (const no of Object.keys(got)) {
        if (want.has(no)) continue;
        extra++;
        ok = false;
      }
      if (ok) peopleMatching++;
    });
    const all = [...burst, ...paced].sort((a, b) => a - b);
    console.log(
      `  reconcile: ${peopleMatching}/${people.length} people match exactly; ${expectedTotal} answers expected, ${lost} lost, ${wrong} with a stale value, ${extra} unexpected; ${errors.length} errors${errors.length ? ` (${[...new Set(errors)].join(', ')})` : ''}`,
    );
    console.log(`  all saves: n=${all.length} p50 ${percentile(all, 50).toFixed(1)} ms  p95 ${percentile(all, 95).toFixed(1)} ms  max ${all[all.length - 1]!.toFixed(1)} ms`);
    const p95Burst = percentile([...burst].sort((a, b) => a - b), 95);
    const p95Paced = percentile([...paced].sort((a, b) => a - b), 95);
    console.log(`  target p95 ≤ 250 ms, 0 lost: burst ${p95Burst <= 250 ? 'met' : 'NOT met'} (${p95Burst.toFixed(0)} ms), paced ${p95Paced <= 250 ? 'met' : 'NOT met'} (${p95Paced.toFixed(0)} ms), lost ${lost + wrong === 0 ? '0' : lost + wrong}`);
    console.log(`  peak RSS ${rssMb()} MB`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      staff: { type: 'string', default: '40000' },
      engine: { type: 'string', default: 'pglite' },
      requests: { type: 'string', default: '20' },
      respondents: { type: 'string', default: '300' },
      rounds: { type: 'string', default: '3' },
      think: { type: 'string', default: '1000' },
      part: { type: 'string', default: 'all' },
    },
  });
  const engine = values.engine as Engine;
  if (values.part !== 'autosave') await runGroupAnalysisBench({ staffCount: Number(values.staff), engine, requests: Number(values.requests) });
  if (values.part !== 'analysis') {
    await runAutosaveBench({ staffCount: Number(values.staff), engine, respondents: Number(values.respondents), rounds: Number(values.rounds), thinkMs: Number(values.think) });
  }
  const { stopThrowaway } = await import('./bench-support.js');
  await stopThrowaway();
}

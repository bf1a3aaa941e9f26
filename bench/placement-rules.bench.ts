/**
 * 配置ルールの確認 (issue 5) at N staff (default 40,000) on an engine: the placement facts load that the rules page,
 * the transfer plans and the optimiser share (src/server/placement/facts.service.ts) over the demo city and its demo
 * placement inputs (wishes, 定数, expertise fields: demo-placement.ts), split into its reads (SQL and
 * decoding, each timed alone) and the pure build (buildPlacementFacts), then the whole route GET /api/placement/rules
 * as the page calls it while HR changes the filters (date, rule, unit, page — each change is one request that loads
 * the facts once). Prints p50/p95/max, response size and peak RSS.
 */
import { parseArgs } from 'node:util';
import { addDays } from '../src/domain/common/fiscal-year.js';
import { buildPlacementFacts, movableEmploymentTypes, placementFiscalYear } from '../src/domain/placement/placement-facts.js';
import { freshDatabase, rssMb, summarise, type Engine } from './bench-support.js';

const today = '2025-10-01';
const effectiveDate = '2026-04-01';

export async function runPlacementRulesBench(opts: { staffCount: number; engine: Engine; rounds: number }) {
  console.log(`\n[placement rules: facts load and GET /api/placement/rules] ${opts.staffCount} staff on ${opts.engine}`);
  const [
    { createApp },
    { loadConfig },
    { ensureDemoCity },
    { demoAccounts },
    { demoPlacementSeeder },
    { analyzeDatabase, queryRows },
    repo,
    org,
    { getOrgSettings },
    { getPlacementSettings },
    { loadPlacementFactsWith },
  ] = await Promise.all([
    import('../src/server/app.js'),
    import('../src/server/config.js'),
    import('../src/server/db/seeds/ensure-demo.js'),
    import('../src/server/db/seeds/demo-accounts.js'),
    import('../src/server/db/seeds/demo-placement.js'),
    import('../src/server/db/client.js'),
    import('../src/server/placement/facts.repository.js'),
    import('../src/server/org/org.repository.js'),
    import('../src/server/org/settings.service.js'),
    import('../src/server/placement/placement-settings.service.js'),
    import('../src/server/placement/facts.service.js'),
  ]);
  const database = await freshDatabase(opts.engine);
  if (!database) return;
  try {
    const t0 = performance.now();
    const counts = await ensureDemoCity(database, { staffCount: opts.staffCount, seed: 20250401, today });
    console.log(`  seeded demo city: ${counts?.staff} staff, ${counts?.assignments} assignments in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // The placement inputs the demo has (transfer wishes, 定数, expertise fields), so that R4 and R5 and the quotas read real rows.
    const inputs = await demoPlacementSeeder.seed(database, { today, seed: 20250401, config: loadConfig({ NODE_ENV: 'test' }) });
    await analyzeDatabase(database.db);
    console.log(`  placement inputs: ${Object.entries(inputs).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    const exec = database.db;
    const { sql } = await import('drizzle-orm');
    const municipalityId = Number((await queryRows<{ id: number }>(exec, sql`select id from municipalities order by id limit 1`))[0]!.id);
    const eve = addDays(effectiveDate, -1);
    const fiscalYear = placementFiscalYear(effectiveDate);

    // The reads one by one (each is SQL plus decoding), then the pure build, then the whole load.
    const timed = async <T>(samples: Map<string, number[]>, label: string, f: () => Promise<T> | T): Promise<T> => {
      const t = performance.now();
      const r = await f();
      const list = samples.get(label) ?? [];
      list.push(performance.now() - t);
      samples.set(label, list);
      return r;
    };
    const parts = new Map<string, number[]>();
    let sizes = '';
    for (let i = 0; i < opts.rounds + 1; i++) {
      const s = i === 0 ? new Map<string, number[]>() : parts; // first round: warm-up
      const orgSettings = await timed(s, 'read org settings', () => getOrgSettings(exec, municipalityId));
      const placementSettings = await timed(s, 'read placement settings', () => getPlacementSettings(exec, municipalityId));
      const versions = await timed(s, 'read unit versions', () => org.listUnitVersions(exec, municipalityId));
      const events = await timed(s, 'read unit events', () => org.listUnitEvents(exec, municipalityId));
      const positions = await timed(s, 'read positions', () => org.listPositions(exec, municipalityId));
      const staff = await timed(s, 'read movable staff', () => repo.listMovableStaff(exec, municipalityId, eve, movableEmploymentTypes));
      const assignments = await timed(s, 'read their assignments', () =>
        repo.listAssignmentsOfMovableStaff(exec, municipalityId, eve, movableEmploymentTypes, effectiveDate),
      );
      const expertise = await timed(s, 'read expertise fields', () => repo.listExpertiseFields(exec, municipalityId));
      const wishes = await timed(s, 'read wishes', () => repo.listWishesOfYear(exec, municipalityId, fiscalYear));
      const quotas = await timed(s, 'read quotas in force', () => repo.listQuotasInForce(exec, municipalityId, fiscalYear));
      const facts = await timed(s, 'build facts (pure JS)', () =>
        buildPlacementFacts({ effectiveDate, orgSettings, placementSettings, versions, events, positions, staff, assignments, expertise, wishes, quotas }),
      );
      await timed(s, 'whole load (loadPlacementFactsWith)', () => loadPlacementFactsWith(exec, municipalityId, effectiveDate));
      sizes = `${staff.length} staff rows, ${assignments.length} assignment rows, ${versions.length} unit versions, ${expertise.length} expertise, ${wishes.length} wishes, ${quotas.length} quotas → ${facts.people.length} people, ${facts.units.length} units`;
    }
    console.log(`  ${sizes}`);
    for (const [label, samples] of parts) summarise(label, samples);

    const now = new Date(`${today}T10:00:00+09:00`);
    const app = createApp({ database, config: loadConfig({ NODE_ENV: 'test' }), clock: () => now }, { webRoot: '/nonexistent' });
    const admin = demoAccounts.find((a) => a.key === 'hrAdmin')!;
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginId: admin.employeeNumber, password: admin.password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const get = async (path: string) => {
      const started = performance.now();
      const res = await app.request(path, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      const bytes = (await res.arrayBuffer()).byteLength;
      return { ms: performance.now() - started, bytes };
    };
    const first = (await (await app.request('/api/placement/rules', { headers: { cookie } })).json()) as { units: Array<{ unitId: number }> };
    const unitIds = first.units.map((u) => u.unitId);
    // What HR does on the page: open it, pick a rule, page through, pick a unit, clear, change the date.
    const clicks = [
      '',
      'rule=R1',
      'rule=R1&page=2',
      'rule=R2',
      'rule=R4',
      `unitId=${unitIds[3]}`,
      `rule=R1&unitId=${unitIds[3]}`,
      'rule=R5',
      'page=3',
      'date=2027-04-01',
    ];
    const samples: number[] = [];
    let largest = 0;
    for (let i = 0; i < opts.rounds * clicks.length; i++) {
      const { ms, bytes } = await get(`/api/placement/rules?${clicks[i % clicks.length]}`);
      samples.push(ms);
      largest = Math.max(largest, bytes);
    }
    summarise('GET /api/placement/rules (filters)', samples);
    console.log(`  largest response ${(largest / 1024).toFixed(0)} KB; peak RSS ${rssMb()} MB`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { staff: { type: 'string', default: '40000' }, engine: { type: 'string', default: 'pglite' }, rounds: { type: 'string', default: '5' } },
  });
  await runPlacementRulesBench({ staffCount: Number(values.staff), engine: values.engine as Engine, rounds: Number(values.rounds) });
  const { stopThrowaway } = await import('./bench-support.js');
  await stopThrowaway();
}

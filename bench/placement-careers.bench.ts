/**
 * 経歴の見える化: the city heat map (tenure bands, ① due for a move, frontline coverage, mean years per unit) at the
 * placement bench sizes — S 600 staff / 60 units, M 6,000 / 400, L 40,000 / 2,000 — on generated careers (about 12
 * assignment rows a person, renames, mergers, dispatches, 会計年度任用). Pure: the aggregation the route runs after
 * its set-based queries (src/domain/placement/career-map.ts). With --engine, also the whole route
 * GET /api/placement/careers/city over the demo city of --staff people (queries + aggregation + JSON), like the
 * directory bench. Prints p50/p95/max and peak RSS.
 */
import { parseArgs } from 'node:util';
import { createPrng, type Prng } from '../src/server/db/seeds/prng.js';
import { addDays, toIsoDate } from '../src/domain/common/fiscal-year.js';
import type { Assignment, EmploymentType, UnitEvent, UnitKind, UnitVersion } from '../src/domain/org/org-model.js';
import { defaultOrgSettings } from '../src/domain/org/org-settings.js';
import { cityCareerMap, type CareerMapPerson, type CityCareerInput } from '../src/domain/placement/career-map.js';
import { freshDatabase, rssMb, summarise, type Engine } from './bench-support.js';

const today = '2025-10-01';
const fy = 2025;
export const careerBenchSizes = [
  { label: 'S', staff: 600, units: 60 },
  { label: 'M', staff: 6_000, units: 400 },
  { label: 'L', staff: 40_000, units: 2_000 },
] as const;

/** A generated city: 部 → 課 → 係 with some renames and mergers, and careers of stints of 2–5 years. */
export function buildCareerCity(staffCount: number, unitCount: number, seed = 20250401): CityCareerInput {
  const rng = createPrng(seed);
  const versions: UnitVersion[] = [];
  const events: UnitEvent[] = [];
  const unit = (unitId: number, kind: UnitKind, parentUnitId: number | null, isFrontline: boolean) =>
    versions.push({ unitId, code: `U${String(unitId).padStart(5, '0')}`, name: `所属${unitId}${kind === 'department' ? '部' : kind === 'division' ? '課' : '係'}`, kind, parentUnitId, isFrontline, expertiseField: null, authorisedHeadcount: null, startsOn: '1990-04-01', endsOn: null });
  const departments = Math.max(2, Math.round(unitCount / 50));
  const divisions = departments * 7;
  let id = 1;
  const divisionIds: number[] = [];
  for (let d = 0; d < departments; d++) unit(id++, 'department', null, false);
  for (let c = 0; c < divisions; c++) {
    divisionIds.push(id);
    unit(id++, 'division', 1 + (c % departments), false);
  }
  const leaves: number[] = [];
  while (id <= unitCount) {
    leaves.push(id);
    unit(id++, 'section', divisionIds[(id - 1) % divisionIds.length]!, rng.chance(0.3));
  }
  // 5 % renamed on an April 1 of the last ten years; 1 % merged into a sibling section.
  for (const leaf of leaves) {
    const v = versions[leaf - 1]!;
    if (rng.chance(0.05)) {
      const on = `${fy - rng.int(1, 10)}-04-01`;
      v.endsOn = addDays(on, -1);
      versions.push({ ...v, name: `${v.name}(新)`, startsOn: on, endsOn: null });
    }
  }
  const absorbed = new Map<number, { into: number; on: string }>();
  for (const leaf of leaves) {
    if (!rng.chance(0.01) || leaf === leaves[0]) continue;
    const into = leaves[0]!;
    const on = `${fy - rng.int(1, 6)}-04-01`;
    for (const v of versions) if (v.unitId === leaf && (v.endsOn === null || v.endsOn >= on)) v.endsOn = addDays(on, -1);
    events.push({ unitId: leaf, kind: 'merged', occurredOn: on, relatedUnitId: into, note: null });
    absorbed.set(leaf, { into, on });
  }
  const liveLeaves = leaves.filter((l) => !absorbed.has(l));

  const people: CareerMapPerson[] = [];
  const assignments: Assignment[] = [];
  let assignmentId = 1;
  const post = (staffId: number, unitId: number, startsOn: string, endsOn: string | null, kind: Assignment['kind'] = 'regular', dispatchTo: string | null = null) =>
    assignments.push({ id: assignmentId++, staffId, unitId, positionId: 1 + (assignmentId % 8), kind, dispatchTo, startsOn, endsOn });
  const leafOn = (r: Prng, start: string) => {
    const pool = start >= `${fy - 6}-04-01` ? liveLeaves : leaves;
    const leaf = r.pick(pool);
    const merged = absorbed.get(leaf);
    return merged && merged.on <= start ? merged.into : leaf;
  };
  for (let staffId = 1; staffId <= staffCount; staffId++) {
    const r = rng.fork(staffId);
    const employmentType = r.weighted<EmploymentType>([['regular', 78], ['fiscal_full', 8], ['fiscal_part', 10], ['reappointed', 2], ['extended', 2]]);
    const fiscal = employmentType === 'fiscal_full' || employmentType === 'fiscal_part';
    const years = fiscal ? r.int(0, 5) : r.int(0, 38);
    const midYear = r.chance(0.1);
    const hireDate = midYear ? toIsoDate(fy - years, r.int(5, 12), 1) : `${fy - years}-04-01`;
    people.push({ staffId, employmentType, hireDate, careerPhaseOverride: null, careerPhaseOverrideReason: null });
    // Stints of 2–5 years, each split in two rows now and then (a promotion keeps the unit).
    let start = hireDate;
    for (;;) {
      const unitId = leafOn(r, start);
      const length = r.int(2, 5);
      const endYear = Number(start.slice(0, 4)) + (start.slice(5) >= '04-01' ? length : length - 1);
      const end = `${endYear}-03-31`;
      const open = end >= today;
      if (r.chance(0.5) && !open) {
        const split = `${endYear - 1}-04-01`;
        if (split > start) {
          post(staffId, unitId, start, addDays(split, -1));
          post(staffId, unitId, split, end);
        } else post(staffId, unitId, start, end);
      } else post(staffId, unitId, start, open ? null : end);
      if (open) {
        if (r.chance(0.03)) post(staffId, unitId, `${fy}-04-01`, `${fy + 1}-03-31`, 'dispatch', '群馬県');
        break;
      }
      start = addDays(end, 1);
    }
  }
  return { date: today, versions, events, people, assignments, settings: defaultOrgSettings };
}

export function runPureBench(rounds: number, maxStaff = Infinity) {
  for (const size of careerBenchSizes.filter((s) => s.staff <= maxStaff)) {
    const city = buildCareerCity(size.staff, size.units);
    console.log(`\n[placement careers: city heat map, pure] ${size.label}: ${size.staff} staff, ${size.units} units, ${city.assignments.length} assignment rows`);
    const samples: number[] = [];
    let rows = 0;
    let due = 0;
    for (let i = 0; i < rounds + 2; i++) {
      const t = performance.now();
      const map = cityCareerMap(city);
      const ms = performance.now() - t;
      if (i >= 2) samples.push(ms); // two warm-up rounds
      rows = map.departments.reduce((n, d) => n + d.rows.length, 0);
      due = map.totals.rotationDue;
    }
    summarise(`city heat map ${size.label}`, samples);
    console.log(`  ${rows} unit rows, ${due} ① due for a move; peak RSS ${rssMb()} MB`);
  }
}

/** The whole route over the demo city (queries + aggregation + JSON) on an engine. */
export async function runRouteBench(opts: { staffCount: number; engine: Engine; requests: number }) {
  console.log(`\n[placement careers: GET /api/placement/careers/city] ${opts.staffCount} staff on ${opts.engine}`);
  const [{ createApp }, { loadConfig }, { ensureDemoCity }, { demoAccounts }] = await Promise.all([
    import('../src/server/app.js'),
    import('../src/server/config.js'),
    import('../src/server/db/seeds/ensure-demo.js'),
    import('../src/server/db/seeds/demo-accounts.js'),
  ]);
  const database = await freshDatabase(opts.engine);
  if (!database) return;
  try {
    const t = performance.now();
    const counts = await ensureDemoCity(database, { staffCount: opts.staffCount, seed: 20250401, today });
    console.log(`  seeded demo city: ${counts?.staff} staff, ${counts?.assignments} assignments in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const now = new Date(`${today}T10:00:00+09:00`);
    const app = createApp({ database, config: loadConfig({ NODE_ENV: 'test' }), clock: () => now }, { webRoot: '/nonexistent' });
    const admin = demoAccounts.find((a) => a.key === 'hrAdmin')!;
    const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ loginId: admin.employeeNumber, password: admin.password }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const samples: number[] = [];
    let size = 0;
    for (let i = 0; i < opts.requests + 2; i++) {
      const started = performance.now();
      const res = await app.request(`/api/placement/careers/city?asOf=${i % 2 === 0 ? today : '2025-04-01'}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`city: ${res.status} ${await res.text()}`);
      size = (await res.arrayBuffer()).byteLength;
      if (i >= 2) samples.push(performance.now() - started);
    }
    summarise('city heat map (HTTP)', samples);
    console.log(`  response ${(size / 1024).toFixed(0)} KB; peak RSS ${rssMb()} MB`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { staff: { type: 'string', default: '40000' }, engine: { type: 'string' }, rounds: { type: 'string', default: '10' }, requests: { type: 'string', default: '10' } },
  });
  if (values.engine === undefined) runPureBench(Number(values.rounds), Number(values.staff));
  else {
    await runRouteBench({ staffCount: Number(values.staff), engine: values.engine as Engine, requests: Number(values.requests) });
    const { stopThrowaway } = await import('./bench-support.js');
    await stopThrowaway();
  }
}

/**
 * The training reports at N staff (default 40,000): seed the demo city, import the policy catalog and plan two
 * sessions of every course in the 年度 through the HTTP app, then give about 4 % of the staff a seat on each session
 * (≈ 2.8 enrolments per person: 60 % completed, 15 % attended, 10 % absent, 15 % enrolled; deterministic by id), a
 * third of the sessions their own hours, and a fifth of the staff a confirmed self-development record — bulk SQL.
 * Then measure through the whole HTTP stack: completion by course and position level (the must-attend lists of every
 * session computed as the plan does), hours per person (whole city and one unit), the Excel of the hours (every person)
 * and one person's history. Prints p50/p95/max per engine. Target: p95 of the reports ≤ 2 s at 40,000 staff.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { analyzeDatabase, queryRows } from '../src/server/db/client.js';
import { ensureDemoCity } from '../src/server/db/seeds/ensure-demo.js';
import { demoAccounts } from '../src/server/db/seeds/demo-accounts.js';
import { freshDatabase, rssMb, summarise, type Engine } from './bench-support.js';

const seedDay = '2025-10-01';
const fiscalYear = 2025;

export async function runTrainingReportsBench(opts: { staffCount: number; engine: Engine; requests: number }) {
  console.log(`\n[training reports] ${opts.staffCount} staff on ${opts.engine}`);
  const database = await freshDatabase(opts.engine);
  if (!database) return;
  try {
    let t = performance.now();
    const counts = await ensureDemoCity(database, { staffCount: opts.staffCount, seed: 20250401, today: seedDay });
    console.log(`  seeded demo city: ${counts?.staff} staff in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const now = new Date(`${seedDay}T10:00:00+09:00`);
    const app = createApp({ database, config: loadConfig({ NODE_ENV: 'test' }), clock: () => now }, { webRoot: '/nonexistent' });
    const admin = demoAccounts.find((a) => a.key === 'hrAdmin')!;
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginId: admin.employeeNumber, password: admin.password }),
    });
    const session = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken: ((await login.json()) as { csrfToken: string }).csrfToken };
    const post = async <T>(path: string, body: unknown): Promise<T> => {
      const res = await app.request(path, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const get = async (path: string) => {
      const started = performance.now();
      const res = await app.request(path, { headers: { cookie: session.cookie } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      return performance.now() - started;
    };
    const getJson = async <T>(path: string) => (await (await app.request(path, { headers: { cookie: session.cookie } })).json()) as T;

    await post('/api/training/courses/import-policy-catalog', {});
    const courses = (await getJson<{ items: Array<{ id: number; isActive: boolean }> }>('/api/training/courses')).items.filter((c) => c.isActive);
    t = performance.now();
    let n = 0;
    for (const course of courses) {
      for (const month of [6, 11]) {
        const day = String(1 + (n % 27)).padStart(2, '0');
        const startsOn = `${fiscalYear}-${String(month).padStart(2, '0')}-${day}`;
        const endsOn = n % 3 === 0 ? `${fiscalYear}-${String(month).padStart(2, '0')}-${String(Number(day) + 1).padStart(2, '0')}` : startsOn;
        await post('/api/training/sessions', { courseId: course.id, fiscalYear, startsOn, endsOn, place: '研修室', capacity: null, lecturer: '', note: '', ...(n % 3 === 1 ? { hours: 3.5 } : {}) });
        n += 1;
      }
    }
    console.log(`  planned ${n} sessions of ${courses.length} courses in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    t = performance.now();
    const bucket = sql.raw('((s.id * 31 + t.id * 17) % 100)');
    const status = sql.raw('((s.id * 7 + t.id * 13) % 100)');
    await queryRows(
      database.db,
      sql`insert into training_enrolments (municipality_id, session_id, staff_id, route, status)
          select t.municipality_id, t.id, s.id, 'designation',
                 case when ${status} < 60 then 'completed' when ${status} < 75 then 'attended' when ${status} < 85 then 'absent' else 'enrolled' end
          from training_sessions t join staff s on s.municipality_id = t.municipality_id and s.hire_date <= t.starts_on
          where t.fiscal_year = ${fiscalYear} and ${bucket} < 4`,
    );
    await queryRows(
      database.db,
      sql`insert into self_development_records (municipality_id, staff_id, kind, title, started_on, hours, status)
          select s.municipality_id, s.id, 'e-learning', '情報セキュリティ基礎', ${`${fiscalYear}-07-01`}, 1 + s.id % 10, 'confirmed'
          from staff s where s.id % 5 = 0`,
    );
    const enrolments = Number((await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from training_enrolments`))[0]!.n);
    console.log(`  ${enrolments} enrolments and the self-development records (bulk SQL) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await analyzeDatabase(database.db);

    const hours = await getJson<{ units: Array<{ id: number }> }>(`/api/training/reports/hours?fiscalYear=${fiscalYear}`);
    const unitIds = hours.units.map((u) => u.id);
    const staffIds = (await queryRows<{ id: number }>(database.db, sql`select id from staff order by id limit 200`)).map((r) => Number(r.id));

    for (let i = 0; i < 3; i++) await get(`/api/training/reports/completion?fiscalYear=${fiscalYear}`); // warm-up
    const completion: number[] = [];
    for (let i = 0; i < opts.requests; i++) completion.push(await get(`/api/training/reports/completion?fiscalYear=${fiscalYear}`));
    summarise('completion (courses × levels)', completion);

    const hoursAll: number[] = [];
    for (let i = 0; i < opts.requests; i++) hoursAll.push(await get(`/api/training/reports/hours?fiscalYear=${fiscalYear}&page=${1 + (i % 5)}`));
    summarise('hours per person (whole city)', hoursAll);

    const hoursUnit: number[] = [];
    for (let i = 0; i < opts.requests; i++) hoursUnit.push(await get(`/api/training/reports/hours?fiscalYear=${fiscalYear}&unitId=${unitIds[(i * 7) % unitIds.length]}`));
    summarise('hours per person (one unit)', hoursUnit);

    const hoursExcel: number[] = [];
    for (let i = 0; i < Math.max(3, Math.floor(opts.requests / 4)); i++) hoursExcel.push(await get(`/api/training/reports/hours/export?fiscalYear=${fiscalYear}`));
    summarise('hours Excel (every person)', hoursExcel);

    const history: number[] = [];
    for (let i = 0; i < opts.requests * 3; i++) history.push(await get(`/api/training/reports/history/${staffIds[i % staffIds.length]}?from=${fiscalYear - 2}&to=${fiscalYear}`));
    summarise("one person's history", history);
    console.log(`  peak RSS ${rssMb()} MB`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { staff: { type: 'string', default: '40000' }, engine: { type: 'string', default: 'pglite' }, requests: { type: 'string', default: '20' } },
  });
  await runTrainingReportsBench({ staffCount: Number(values.staff), engine: values.engine as Engine, requests: Number(values.requests) });
  const { stopThrowaway } = await import('./bench-support.js');
  await stopThrowaway();
}

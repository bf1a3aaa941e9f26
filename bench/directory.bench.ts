/**
 * Directory search and profile load at N staff (default 40,000), through the whole HTTP stack in-process
 * (routing, session, access guard, SQL). Prints p50/p95/max per engine. Target on 2 cores: p95 ≤ 50 ms.
 */
import { parseArgs } from 'node:util';
import { createApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { ensureDemoCity } from '../src/server/db/seeds/ensure-demo.js';
import { demoAccounts } from '../src/server/db/seeds/demo-accounts.js';
import { freshDatabase, rssMb, summarise, type Engine } from './bench-support.js';

const today = '2025-10-01';

export async function runDirectoryBench(opts: { staffCount: number; engine: Engine; requests: number }) {
  console.log(`\n[directory/profile] ${opts.staffCount} staff on ${opts.engine}`);
  const database = await freshDatabase(opts.engine);
  if (!database) return;
  try {
    let t = performance.now();
    const counts = await ensureDemoCity(database, { staffCount: opts.staffCount, seed: 20250401, today });
    console.log(`  seeded demo city: ${counts?.staff} staff, ${counts?.assignments} assignments in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const now = new Date(`${today}T10:00:00+09:00`);
    const app = createApp({ database, config: loadConfig({ NODE_ENV: 'test' }), clock: () => now }, { webRoot: '/nonexistent' });
    const admin = demoAccounts.find((a) => a.key === 'hrAdmin')!;
    const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ loginId: admin.employeeNumber, password: admin.password }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const get = async (p: string) => {
      const started = performance.now();
      const res = await app.request(p, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      return performance.now() - started;
    };
    const first = (await (await app.request('/api/staff?pageSize=200', { headers: { cookie } })).json()) as { total: number; items: { id: number; name: string; kana: string; employeeNumber: string; unitId: number }[] };
    const units = (await (await app.request('/api/org/units', { headers: { cookie } })).json()) as { units: { id: number }[] };
    const probes = first.items;
    const queries: string[] = [];
    for (let i = 0; i < opts.requests; i++) {
      const p = probes[(i * 7) % probes.length]!;
      const u = units.units[(i * 13) % units.units.length]!;
      const variants = [
        `q=${encodeURIComponent(p.name.slice(0, 1))}`,
        `q=${encodeURIComponent(p.kana.slice(0, 3))}`,
        `q=${encodeURIComponent(p.employeeNumber.slice(0, 4))}`,
        `unitId=${u.id}&includeSubunits=true`,
        `employmentType=regular&page=${1 + (i % 20)}`,
        `q=${encodeURIComponent(p.kana.slice(0, 2))}&employmentType=regular`,
      ];
      queries.push(`/api/staff?${variants[i % variants.length]}&pageSize=50`);
    }
    for (const q of queries.slice(0, 20)) await get(q); // warm-up
    const dir: number[] = [];
    for (const q of queries) dir.push(await get(q));
    summarise('directory search (50/page)', dir);
    const prof: number[] = [];
    for (let i = 0; i < opts.requests; i++) prof.push(await get(`/api/staff/${probes[(i * 11) % probes.length]!.id}`));
    summarise('profile load', prof);
    t = performance.now();
    console.log(`  directory total ${first.total} staff; peak RSS ${rssMb()} MB`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { staff: { type: 'string', default: '40000' }, engine: { type: 'string', default: 'pglite' }, requests: { type: 'string', default: '300' } } });
  await runDirectoryBench({ staffCount: Number(values.staff), engine: values.engine as Engine, requests: Number(values.requests) });
  const { stopThrowaway } = await import('./bench-support.js');
  await stopThrowaway();
}

/**
 * The recruitment pipeline at 5,000 applicants (issue 7): one campaign with its applicants spread over the stages
 * (deterministic by receipt number), the waiting applicants of the group discussion grouped into sittings of 6 through
 * the HTTP app and scored on the full rubric by 2 raters; then, through the whole HTTP stack, the pipeline list
 * (filters, pages, search by reading and receipt number), the stage proposals (discussion and document review) and
 * the calibration view. Prints p50/p95/max per engine. Target (issue 7): pipeline views p95 ≤ 100 ms. The demo city
 * is small (300 staff): the figures are about applicants, and `--staff` is accepted for run-all but not used.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { analyzeDatabase, queryRows } from '../src/server/db/client.js';
import { ensureDemoCity } from '../src/server/db/seeds/ensure-demo.js';
import { demoAccounts } from '../src/server/db/seeds/demo-accounts.js';
import { recruitmentScores } from '../src/server/db/schema/recruitment.js';
import { fixtureStages, insertFixtureApplicants, insertFixtureCampaign } from '../src/server/recruitment/pipeline-fixtures.repository.js';
import { raterTotal } from '../src/domain/recruitment/scoring.js';
import { freshDatabase, rssMb, summarise, type Engine } from './bench-support.js';

const seedDay = '2025-10-01';

export async function runRecruitmentPipelineBench(opts: { applicants: number; engine: Engine; requests: number }) {
  console.log(`\n[recruitment pipeline] ${opts.applicants} applicants on ${opts.engine}`);
  const database = await freshDatabase(opts.engine);
  if (!database) return;
  try {
    let t = performance.now();
    await ensureDemoCity(database, { staffCount: 300, seed: 20250401, today: seedDay });
    const municipalityId = Number((await queryRows<{ id: number }>(database.db, sql`select id from municipalities order by id limit 1`))[0]!.id);
    const stages = fixtureStages.map((s) => (s.passRule.kind === 'top-n' ? { ...s, passRule: { kind: 'top-n' as const, count: 100 } } : s));
    const campaignId = await insertFixtureCampaign(database.db, municipalityId, { stages });
    await insertFixtureApplicants(database.db, municipalityId, campaignId, opts.applicants, { prefix: 'R8' });
    // Spread over the way: 30% waiting at 書類選考, 15% failed there, 20% waiting at the written test, 10% failed
    // there, 17% waiting at the discussion, 5% at the interview, 3% offered or accepted.
    const bucket = sql.raw(`(cast(substring(receipt_number from 4) as int) * 37 % 100)`);
    await database.db.execute(sql`
      update recruitment_applicants set
        stage_index = case when ${bucket} < 45 then 0 when ${bucket} < 75 then 1 when ${bucket} < 92 then 2 when ${bucket} < 97 then 3 else 4 end,
        stage_outcome = case when ${bucket} >= 30 and ${bucket} < 45 then 'failed' when ${bucket} >= 65 and ${bucket} < 75 then 'failed' else 'waiting' end,
        status = case when ${bucket} < 30 then 'applied' when ${bucket} < 45 then 'rejected' when ${bucket} >= 65 and ${bucket} < 75 then 'rejected'
                      when ${bucket} >= 97 then (case when ${bucket} = 99 then 'accepted' else 'offered' end) else 'in-progress' end
      where campaign_id = ${campaignId}`);
    console.log(`  seeded city and ${opts.applicants} applicants in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const app = createApp({ database, config: loadConfig({ NODE_ENV: 'test' }), clock: () => new Date(`${seedDay}T10:00:00+09:00`) }, { webRoot: '/nonexistent' });
    const admin = demoAccounts.find((a) => a.key === 'hrAdmin')!;
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginId: admin.employeeNumber, password: admin.password }),
    });
    const session = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken: ((await login.json()) as { csrfToken: string }).csrfToken };
    const send = async (method: string, path: string, body: unknown, status: number) => {
      const res = await app.request(path, { method, headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
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

    t = performance.now();
    const base = `/api/recruitment/pipeline/campaigns/${campaignId}`;
    const sittings = (await send('POST', `${base}/sittings/groups`, { stageIndex: 2, groupSize: 6, startsAt: '2025-10-20T09:00:00+09:00', intervalMinutes: 45, room: '大会議室' }, 201)) as Array<{ id: number; version: number; applicants: Array<{ id: number }> }>;
    const raters = (await queryRows<{ id: number }>(database.db, sql`select staff_id as id from accounts where login_id in ('A0003', 'A0004') order by login_id`)).map((r) => Number(r.id));
    for (const s of sittings) await send('PUT', `/api/recruitment/pipeline/sittings/${s.id}/raters`, { staffIds: raters, version: s.version }, 200);
    const rubric = stages[2]!.rubric!;
    const rows = sittings.flatMap((s) =>
      s.applicants.flatMap((a) =>
        raters.map((raterStaffId, r) => {
          const scores = Object.fromEntries(rubric.items.map((item, k) => [item.id, 1 + ((a.id * 7 + k * 3 + r * 2) % rubric.scaleMax)]));
          return { municipalityId, applicantId: a.id, stageIndex: 2, raterStaffId, scores, total: raterTotal(rubric, scores) };
        }),
      ),
    );
    for (let i = 0; i < rows.length; i += 1000) await database.db.insert(recruitmentScores).values(rows.slice(i, i + 1000));
    await analyzeDatabase(database.db);
    console.log(`  ${sittings.length} discussion sittings with 2 raters, ${rows.length} rubric scores in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const listProbes = [
      `${base}?page=1&pageSize=50`,
      `${base}?stageIndex=0&outcome=waiting&page=3&pageSize=50`,
      `${base}?stageIndex=1&page=2&pageSize=100`,
      `${base}?status=rejected&page=5&pageSize=50`,
      `${base}?q=${encodeURIComponent('さいよう')}&page=2&pageSize=50`,
      `${base}?q=R8-0012`,
      `${base}?stageIndex=2&outcome=passed&pageSize=200`,
    ];
    for (let i = 0; i < 10; i++) await get(listProbes[i % listProbes.length]!);
    const list: number[] = [];
    for (let i = 0; i < opts.requests; i++) list.push(await get(listProbes[i % listProbes.length]!));
    summarise('pipeline list (filters, search)', list);

    const proposals: number[] = [];
    for (let i = 0; i < opts.requests; i++) proposals.push(await get(`${base}/stages/${i % 3 === 0 ? 0 : 2}/results`));
    summarise('stage proposals (書類 / 集団討論)', proposals);

    const calibration: number[] = [];
    for (let i = 0; i < opts.requests; i++) calibration.push(await get(`${base}/stages/2/calibration`));
    summarise('calibration (集団討論)', calibration);
    console.log(`  peak RSS ${rssMb()} MB`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      staff: { type: 'string', default: '40000' },
      applicants: { type: 'string', default: '5000' },
      engine: { type: 'string', default: 'pglite' },
      requests: { type: 'string', default: '200' },
    },
  });
  await runRecruitmentPipelineBench({ applicants: Number(values.applicants), engine: values.engine as Engine, requests: Number(values.requests) });
  const { stopThrowaway } = await import('./bench-support.js');
  await stopThrowaway();
}

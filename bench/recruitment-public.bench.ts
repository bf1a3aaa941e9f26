/**
 * The public application form under load (issue 7): 100 candidates apply at the same moment through the real HTTP
 * stack (a started node server, fetch over TCP), each with a 60 KB PDF attachment; 20 of them press the button
 * twice (the same submission key sent again concurrently). Target: 0 errors, 0 duplicates — every acknowledged
 * application stored once, every repeat answered with the first receipt. Prints p50/p95/max latency per engine, and
 * of the same request one at a time (PGlite has one connection, so the burst queues behind it).
 * The per-address rate limit is raised for the run (all requests come from 127.0.0.1).
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { queryRows } from '../src/server/db/client.js';
import { ensureDemoCity } from '../src/server/db/seeds/ensure-demo.js';
import { insertCampaign, updateCampaignIfUnchanged } from '../src/server/recruitment/campaigns.repository.js';
import { insertSettingIfAbsent } from '../src/server/common/settings-documents.repository.js';
import { defaultEligibilityFor, defaultStagesFor } from '../src/domain/recruitment/intake.js';
import { freshDatabase, rssMb, summarise, type Engine } from './bench-support.js';

const seedDay = '2025-10-01';

export async function runRecruitmentPublicBench(opts: { engine: Engine; applicants: number; repeats: number }) {
  console.log(`\n[recruitment public form] ${opts.applicants} concurrent applications (+${opts.repeats} double submits) on ${opts.engine}`);
  const database = await freshDatabase(opts.engine);
  if (!database) return;
  const at = new Date(`${seedDay}T10:00:00+09:00`);
  try {
    await ensureDemoCity(database, { staffCount: 120, seed: 20250401, today: seedDay });
    const municipalityId = Number((await queryRows<{ id: number }>(database.db, sql`select id from municipalities order by id limit 1`))[0]!.id);
    await insertSettingIfAbsent(database.db, municipalityId, 'recruitment-intake', { attachmentMaxMb: 5, retentionMonths: 12, rateLimitBurst: 10_000, rateLimitPerHour: 100_000 });
    const row = await insertCampaign(
      database.db,
      municipalityId,
      {
        fiscalYear: 2025,
        category: 'general-admin',
        profession: '',
        title: 'ベンチ用 大卒程度',
        postsToFill: 10,
        eligibility: defaultEligibilityFor('general-admin', '2026-04-01'),
        stages: defaultStagesFor('general-admin', 10),
        applicationOpensOn: '2025-09-01',
        applicationClosesOn: '2025-10-31',
        schedule: [],
        description: '',
        faq: [],
      },
      at,
    );
    await updateCampaignIfUnchanged(database.db, municipalityId, row.id, row.version, { status: 'open' }, at);

    const app = createApp({ database, config: loadConfig({ NODE_ENV: 'test' }), clock: () => at }, { webRoot: '/nonexistent' });
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(60 * 1024, 0x20), Buffer.from('\n%%EOF\n')]).toString('base64');
    const bodies = Array.from({ length: opts.applicants }, (_, i) => ({
      submissionKey: randomUUID(),
      familyName: '負荷',
      givenName: `試験${i}`,
      familyNameKana: 'フカ',
      givenNameKana: 'シケン',
      birthDate: '2001-06-15',
      email: `bench-${i}@example.invalid`,
      phone: '',
      education: '架空大学',
      workExperienceYears: null,
      qualifications: [],
      motivation: '(ベンチマーク用の架空データ)',
      source: 'web',
      attachments: [{ fileName: 'resume.pdf', contentBase64: pdf }],
    }));
    const sends = [...bodies, ...bodies.slice(0, opts.repeats)];
    const latencies: number[] = [];
    let errors = 0;
    const receiptsByKey = new Map<string, Set<string>>();
    const started = performance.now();
    await Promise.all(
      sends.map(async (body) => {
        const t = performance.now();
        const res = await fetch(`${base}/api/public/recruitment/campaigns/${row.id}/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        latencies.push(performance.now() - t);
        if (res.status !== 201) {
          errors++;
          if (errors <= 3) console.log(`  error ${res.status}: ${(await res.text()).slice(0, 200)}`);
          return;
        }
        const { receiptNumber } = (await res.json()) as { receiptNumber: string };
        const set = receiptsByKey.get(body.submissionKey) ?? new Set<string>();
        set.add(receiptNumber);
        receiptsByKey.set(body.submissionKey, set);
      }),
    );
    const wall = performance.now() - started;
    // The same request one at a time: the service time each application costs (the burst above queues on it).
    const single: number[] = [];
    for (let i = 0; i < 20; i++) {
      const body = { ...bodies[0]!, submissionKey: randomUUID(), email: `bench-seq-${i}@example.invalid` };
      const t = performance.now();
      const res = await fetch(`${base}/api/public/recruitment/campaigns/${row.id}/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      single.push(performance.now() - t);
      if (res.status !== 201) errors++;
    }
    server.close();
    const stored = Number((await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from recruitment_applicants where campaign_id = ${row.id}`))[0]!.n);
    const attachments = Number((await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from recruitment_attachments`))[0]!.n);
    const splitReceipts = [...receiptsByKey.values()].filter((s) => s.size > 1).length;
    const duplicates = stored - (receiptsByKey.size + single.length) + splitReceipts + (attachments - stored);
    summarise('POST application, 120 at once', latencies);
    summarise('POST application, one at a time', single);
    console.log(`  ${sends.length} sends in ${wall.toFixed(0)} ms — errors ${errors}, duplicates ${duplicates} (stored ${stored} applications, ${attachments} attachments for ${bodies.length} + ${single.length} candidates), rss ${rssMb()} MB`);
    if (errors !== 0 || duplicates !== 0 || stored !== bodies.length + single.length) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { engine: { type: 'string', default: 'pglite' }, staff: { type: 'string' }, applicants: { type: 'string', default: '100' } } });
  await runRecruitmentPublicBench({ engine: values.engine as Engine, applicants: Number(values.applicants), repeats: 20 });
}

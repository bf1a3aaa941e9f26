/** Boot: validate config, open the database (PGlite by default), migrate, seed the demo city once, serve. */
import { serve } from '@hono/node-server';
import { loadConfig } from './config.js';
import { openDatabase, vacuumDatabase } from './db/client.js';
import { createApp } from './app.js';
import { ensureDemoCity } from './db/seeds/ensure-demo.js';
import { demoAccounts } from './db/seeds/demo-accounts.js';
import { seedDemoEvaluations } from './db/seeds/demo-evaluations.js';
import { seedDemoAreas } from './db/seeds/demo-areas.js';
import { evaluationPeriodLabels, type EvaluationPeriod } from '../domain/evaluation/evaluation-calendar.js';
import { tokyoDate } from './http/context.js';
import { scheduleRetentionJobs } from './retention-jobs.js';

async function main() {
  const config = loadConfig();
  const database = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.JINZAI_DATA_DIR });
  await database.migrate();
  // PGlite has no autovacuum: vacuum and fresh statistics at every start keep its tables lean and its plans sane.
  if (database.engine === 'pglite') await vacuumDatabase(database);
  const clock = () => new Date();
  if (config.JINZAI_SEED_DEMO) {
    const seeded = await ensureDemoCity(database, { staffCount: config.JINZAI_DEMO_STAFF, seed: config.JINZAI_DEMO_SEED, today: tokyoDate(clock()) });
    if (seeded) console.log(`デモ自治体を作成しました (職員 ${seeded.staff} 人, 配属 ${seeded.assignments} 件)`);
    if (seeded) for (const line of await seedDemoAreas(database, { today: tokyoDate(clock()), seed: config.JINZAI_DEMO_SEED, config })) console.log(`デモデータ ${line}`);
    if (seeded && config.JINZAI_DEMO_EVALUATIONS) {
      const sheets = await seedDemoEvaluations(database, { today: tokyoDate(clock()), seed: config.JINZAI_DEMO_SEED, config });
      if (database.engine === 'pglite') await vacuumDatabase(database);
      if (sheets) console.log(`デモの人事評価を作成しました (${Object.entries(sheets).map(([period, n]) => `${evaluationPeriodLabels[period as EvaluationPeriod]} ${n} 件`).join(', ')})`);
    }
  }
  const app = createApp({ database, config, clock });
  // Retention (security.md): applicant data anonymised, old stress checks deleted — at start-up and every 24 hours.
  const stopRetention = config.NODE_ENV === 'test' ? () => {} : scheduleRetentionJobs(database, clock, tokyoDate);
  const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, (info) => {
    const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${info.port}/`;
    console.log(`\nJinzai is running: ${url}`);
    console.log(`database: ${database.engine === 'pglite' ? `embedded PGlite (${config.JINZAI_DATA_DIR})` : 'PostgreSQL (DATABASE_URL)'}`);
    if (config.JINZAI_SEED_DEMO) {
      console.log('\nデモ用ログイン (架空のデータです) — 職員番号 / パスワード / 役割:');
      for (const a of demoAccounts) console.log(`  ${a.employeeNumber}  ${a.password}  ${a.roleLabel}`);
    }
    console.log(`\nAPI: ${url}api/docs`);
  });
  const shutdown = () => {
    stopRetention();
    server.close();
    void database.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

/**
 * `npm run bench`: every benchmark, printing figures (not tests). Sizes from the foundation issue:
 * import 40,000 staff + ~580,000 assignment rows from CP932 CSV on PGlite and PostgreSQL; directory search and
 * profile load p95 at 40,000 staff; the evaluation progress dashboard over 3 cycles (120,000 sheets); the stress check
 * (issue 6: group analysis over 40,000 respondents, 300 respondents autosaving at once). Each run
 * is its own process, so its peak RSS is its own; PostgreSQL is DATABASE_URL or a throwaway cluster started once here. `--staff N` shrinks the runs; `--only import,directory`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { postgresAdminUrl, stopThrowaway, type Engine } from './bench-support.js';

const { values } = parseArgs({ options: { staff: { type: 'string', default: '40000' }, only: { type: 'string' } } });
const only = values.only?.split(',');
const benches = ['import', 'directory', 'evaluation-progress', 'training-reports', 'placement-rules', 'recruitment-pipeline', 'recruitment-public', 'stress-check'].filter((b) => !only || only.includes(b));
console.log(`Jinzai benchmarks — ${new Date().toISOString()} — node ${process.version}, ${values.staff} staff`);
try {
  // Pure benches (domain rules, no database): once, not per engine.
  for (const bench of ['training-targets', 'training-recommendations', 'placement-careers', 'placement-optimiser', 'workplace-fellows'].filter((b) => !only || only.includes(b))) {
    spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL(`./${bench}.bench.ts`, import.meta.url)), '--staff', values.staff], { stdio: 'inherit' });
  }
  const pgUrl = await postgresAdminUrl();
  for (const engine of ['pglite', 'postgres'] as Engine[]) {
    if (engine === 'postgres' && !pgUrl) continue;
    for (const bench of benches) {
      const script = fileURLToPath(new URL(`./${bench}.bench.ts`, import.meta.url));
      spawnSync(process.execPath, [...process.execArgv, script, '--staff', values.staff, '--engine', engine], {
        stdio: 'inherit',
        env: { ...process.env, ...(pgUrl ? { DATABASE_URL: pgUrl } : {}) },
      });
    }
  }
} finally {
  await stopThrowaway();
}

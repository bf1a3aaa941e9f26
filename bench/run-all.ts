/**
 * `npm run bench`: every benchmark, printing figures (not tests). Sizes from the foundation issue:
 * import 40,000 staff + ~600,000 assignments from CP932 CSV on PGlite and PostgreSQL; directory search and
 * profile load p95 at 40,000 staff. `--staff N` shrinks the runs for a quick look.
 */
import { parseArgs } from 'node:util';
import { runDirectoryBench } from './directory.bench.js';
import { runImportBench } from './import.bench.js';
import { stopThrowaway, type Engine } from './bench-support.js';

const { values } = parseArgs({ options: { staff: { type: 'string', default: '40000' }, only: { type: 'string' } } });
const staffCount = Number(values.staff);
const engines: Engine[] = ['pglite', 'postgres'];
const only = values.only?.split(',');
console.log(`Jinzai benchmarks — ${new Date().toISOString()} — node ${process.version}, ${staffCount} staff`);
try {
  for (const engine of engines) {
    if (!only || only.includes('import')) await runImportBench({ staffCount, engine });
    if (!only || only.includes('directory')) await runDirectoryBench({ staffCount, engine, requests: 300 });
  }
} finally {
  await stopThrowaway();
}

#!/usr/bin/env node
// `npm start`: install if needed, build the web client if it is missing or older than its sources, then run the server
// (embedded PGlite in ./data unless DATABASE_URL is set; demo municipality on first start).
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
if (!existsSync('node_modules/.package-lock.json')) {
  console.log('> installing dependencies (npm ci)');
  try {
    run('npm ci --no-audit --no-fund');
  } catch {
    run('npm install --no-audit --no-fund');
  }
}
function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}
const builtIndex = 'dist/web/index.html';
if (!existsSync(builtIndex) || statSync(builtIndex).mtimeMs < Math.max(newest('src/web'), newest('src/domain'))) {
  console.log('> building the web client (vite build)');
  run('npx vite build --logLevel warn');
}
const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));

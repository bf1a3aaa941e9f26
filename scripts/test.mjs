#!/usr/bin/env node
// `npm test`: everything CI checks, in order, on a fresh machine, by itself (node built-ins only).
//
//   1 install      npm ci when node_modules is missing or older than package-lock.json (npm install if ci fails)
//   2 typecheck    npm run typecheck
//   3 lint         npm run lint
//   4 unit         vitest run                       JINZAI_TEST_DB=pglite (embedded PGlite)
//   5 postgres     vitest run src/server            JINZAI_TEST_DB=postgres DATABASE_URL=<throwaway server>
//   6 build        vite build                       (dist/web)
//   7 e2e          vitest run --config vitest.e2e.config.ts  (Debian's /usr/bin/chromium)
//
// Steps 5 and 7 are SKIPPED (loudly, without failing the run) when PostgreSQL or Chromium cannot be
// had on this machine. The last line is `N passed, N failed, N skipped` summed over the vitest runs.
// Exit status: 0 when no step failed, 1 otherwise, 130 when interrupted.
//
// Knobs: JINZAI_STEP_TIMEOUT_MIN (default 30) kills a step that runs longer;
//        JINZAI_TEST_ONLY=unit,postgres,... runs only the named steps (install always runs).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PgUnavailableError, startThrowawayPostgres } from './pg-throwaway.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const resultsDir = path.join(root, '.tmp', 'test-results');
const stepTimeoutMs = Number(process.env.JINZAI_STEP_TIMEOUT_MIN || 30) * 60_000;
const only = (process.env.JINZAI_TEST_ONLY || '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

/** @type {Array<{ key: string, title: string, status: 'passed'|'failed'|'skipped'|'not run', note: string, seconds: number, counts?: { passed: number, failed: number, skipped: number } }>} */
const results = [];
const plan = [
  ['install', 'Install dependencies'],
  ['typecheck', 'Type check (npm run typecheck)'],
  ['lint', 'Lint (npm run lint)'],
  ['unit', 'Unit + integration tests on embedded PGlite'],
  ['postgres', 'Integration tests on a throwaway PostgreSQL'],
  ['build', 'Web build (vite build)'],
  ['e2e', 'Browser end-to-end tests (Chromium)'],
];

let interrupted = false;
/** @type {import('node:child_process').ChildProcess | null} */
let currentChild = null;
/** @type {null | (() => void)} */
let pgStopSync = null;

function say(line = '') {
  process.stdout.write(`${line}\n`);
}

function heading(key) {
  const index = plan.findIndex(([k]) => k === key);
  const title = plan[index][1];
  say('');
  say('='.repeat(100));
  say(`== [${index + 1}/${plan.length}] ${title}`);
  say('='.repeat(100));
}

function record(key, status, note = '', seconds = 0, counts) {
  const title = plan.find(([k]) => k === key)[1];
  results.push({ key, title, status, note, seconds, counts });
  if (status === 'skipped') say(`SKIPPED: ${title} — ${note}`);
  else if (status === 'failed') say(`FAILED: ${title}${note ? ` — ${note}` : ''}`);
}

function killTree(child, signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the child leads its own process group (detached)
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* gone */
    }
  }
}

/** Run a command with output streamed through; resolves with its exit code (never rejects). */
function run(cmd, args, { env = process.env } = {}) {
  say(`$ ${[cmd, ...args].join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    currentChild = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      say(`\n!! step exceeded ${stepTimeoutMs / 60_000} min (JINZAI_STEP_TIMEOUT_MIN): killing it`);
      killTree(child, 'SIGTERM');
      setTimeout(() => killTree(child, 'SIGKILL'), 10_000).unref();
    }, stepTimeoutMs);
    timer.unref();
    child.on('error', (err) => {
      say(`!! could not start ${cmd}: ${err.message}`);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      currentChild = null;
      if (timedOut) resolve(124);
      else resolve(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1));
    });
  });
}

function hasScript(name) {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    return Boolean(pkg.scripts && pkg.scripts[name]);
  } catch {
    return false;
  }
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** Counts from vitest's JSON report; a file that failed to load counts as one failure. */
function readCounts(jsonFile, exitCode) {
  let counts = { passed: 0, failed: 0, skipped: 0 };
  let note = '';
  try {
    const r = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
    const brokenFiles = (r.testResults || []).filter(
      (f) => f.status === 'failed' && !(f.assertionResults || []).some((a) => a.status === 'failed'),
    ).length;
    counts = {
      passed: r.numPassedTests || 0,
      failed: (r.numFailedTests || 0) + brokenFiles,
      skipped: (r.numPendingTests || 0) + (r.numTodoTests || 0),
    };
    if (brokenFiles) note = `${brokenFiles} test file(s) failed outside any test (import error or hook)`;
  } catch {
    note = 'vitest wrote no JSON report';
  }
  if (exitCode !== 0 && counts.failed === 0) {
    counts.failed = 1;
    note = note ? `${note}; ` : '';
    note += `vitest exited ${exitCode} without a failing test: counted as 1 failure`;
  }
  return { counts, note };
}

async function vitestStep(key, args, env) {
  fs.mkdirSync(resultsDir, { recursive: true });
  const jsonFile = path.join(resultsDir, `${key}.json`);
  fs.rmSync(jsonFile, { force: true });
  const started = Date.now();
  const code = await run(
    'npx',
    [
      '--no',
      '--',
      'vitest',
      'run',
      ...args,
      '--passWithNoTests',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${jsonFile}`,
    ],
    { env },
  );
  const seconds = (Date.now() - started) / 1000;
  const { counts, note } = readCounts(jsonFile, code);
  say(`-- ${key}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (exit ${code})`);
  record(key, code === 0 ? 'passed' : 'failed', code === 0 ? note : note || `exit ${code}`, seconds, counts);
  return code === 0;
}

async function commandStep(key, cmd, args, env) {
  const started = Date.now();
  const code = await run(cmd, args, { env });
  record(key, code === 0 ? 'passed' : 'failed', code === 0 ? '' : `exit ${code}`, (Date.now() - started) / 1000);
  return code === 0;
}

function wanted(key) {
  return only.length === 0 || only.includes(key);
}

function envWithout(names, extra = {}) {
  const env = { ...process.env, ...extra };
  for (const n of names) delete env[n];
  return env;
}

// ------------------------------------------------------------------------------------------ steps

async function stepInstall() {
  heading('install');
  const started = Date.now();
  const nm = path.join(root, 'node_modules');
  const lock = mtime(path.join(root, 'package-lock.json'));
  const installed = mtime(path.join(nm, '.package-lock.json'));
  let reason = '';
  if (!fs.existsSync(nm)) reason = 'node_modules is missing';
  else if (installed === null) reason = 'node_modules/.package-lock.json is missing';
  else if (lock !== null && lock > installed) reason = 'package-lock.json is newer than node_modules';
  if (!reason) {
    say('node_modules is up to date with package-lock.json: nothing to install');
    record('install', 'passed', 'up to date', (Date.now() - started) / 1000);
    return true;
  }
  say(`${reason}: installing`);
  let code = await run('npm', ['ci', '--no-audit', '--no-fund']);
  let note = 'npm ci';
  if (code !== 0 && !interrupted) {
    say('npm ci failed: falling back to npm install');
    code = await run('npm', ['install', '--no-audit', '--no-fund']);
    note = 'npm ci failed; npm install';
  }
  record('install', code === 0 ? 'passed' : 'failed', code === 0 ? note : `${note} exited ${code}`, (Date.now() - started) / 1000);
  return code === 0;
}

async function stepScript(key) {
  heading(key);
  if (!hasScript(key)) {
    record(key, 'skipped', `package.json has no "${key}" script`);
    return;
  }
  await commandStep(key, 'npm', ['run', '--silent', key]);
}

async function stepUnit() {
  heading('unit');
  await vitestStep('unit', [], envWithout(['DATABASE_URL'], { JINZAI_TEST_DB: 'pglite' }));
}

async function stepPostgres() {
  heading('postgres');
  const started = Date.now();
  let pg;
  try {
    pg = await startThrowawayPostgres({ log: (m) => say(`[pg] ${m}`) });
  } catch (err) {
    if (err instanceof PgUnavailableError) {
      say('');
      say('!'.repeat(100));
      say(`SKIPPED: PostgreSQL integration tests — ${err.message.split('\n')[0]}`);
      say('!'.repeat(100));
      if (err.message.includes('\n')) say(err.message);
      results.push({
        key: 'postgres',
        title: plan[4][1],
        status: 'skipped',
        note: err.message.split('\n')[0],
        seconds: (Date.now() - started) / 1000,
      });
      return;
    }
    record('postgres', 'failed', `could not start PostgreSQL: ${err?.message ?? err}`, (Date.now() - started) / 1000);
    return;
  }
  pgStopSync = pg.stopSync;
  try {
    await vitestStep(
      'postgres',
      ['src/server'],
      { ...process.env, JINZAI_TEST_DB: 'postgres', DATABASE_URL: pg.url },
    );
  } finally {
    await pg.stop();
    pgStopSync = null;
  }
}

async function stepBuild() {
  heading('build');
  return commandStep('build', 'npx', ['--no', '--', 'vite', 'build']);
}

async function stepE2e(buildOk) {
  heading('e2e');
  const started = Date.now();
  const chromium = await ensureChromium({ log: (m) => say(`[chromium] ${m}`) });
  if (!chromium.ok) {
    say('');
    say('!'.repeat(100));
    say(`SKIPPED: end-to-end tests — ${chromium.reason}`);
    say('!'.repeat(100));
    results.push({ key: 'e2e', title: plan[6][1], status: 'skipped', note: chromium.reason, seconds: (Date.now() - started) / 1000 });
    return;
  }
  if (!buildOk) {
    say('not running the browser tests: the web build failed');
    results.push({ key: 'e2e', title: plan[6][1], status: 'not run', note: 'web build failed', seconds: 0 });
    return;
  }
  await vitestStep(
    'e2e',
    ['--config', 'vitest.e2e.config.ts'],
    envWithout(['DATABASE_URL'], { JINZAI_CHROMIUM: chromium.path }),
  );
}

// ---------------------------------------------------------------------------------------- summary

function pad(s, n) {
  s = String(s);
  // Count East Asian wide characters as two columns so the table lines up.
  const width = [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, n - width));
}

function summary() {
  for (const [key, title] of plan) {
    if (!results.some((r) => r.key === key)) {
      const note = !wanted(key) ? 'not in JINZAI_TEST_ONLY' : interrupted ? 'interrupted' : 'install failed';
      results.push({ key, title, status: 'not run', note, seconds: 0 });
    }
  }
  results.sort((a, b) => plan.findIndex(([k]) => k === a.key) - plan.findIndex(([k]) => k === b.key));
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) {
    if (!r.counts) continue;
    total.passed += r.counts.passed;
    total.failed += r.counts.failed;
    total.skipped += r.counts.skipped;
  }
  say('');
  say('='.repeat(100));
  say('== Summary');
  say('='.repeat(100));
  say(`${pad('step', 48)}${pad('status', 9)}${pad('time', 9)}${pad('tests p/f/s', 14)}note`);
  say('-'.repeat(100));
  for (const r of results) {
    const tests = r.counts ? `${r.counts.passed}/${r.counts.failed}/${r.counts.skipped}` : '';
    const time = r.seconds ? `${r.seconds.toFixed(1)}s` : '';
    say(`${pad(r.title, 48)}${pad(r.status, 9)}${pad(time, 9)}${pad(tests, 14)}${r.note}`);
  }
  say('-'.repeat(100));
  const failedSteps = results.filter((r) => r.status === 'failed').map((r) => r.key);
  const skippedSteps = results.filter((r) => r.status === 'skipped').map((r) => r.key);
  if (skippedSteps.length) say(`Skipped steps (do not fail the run): ${skippedSteps.join(', ')}`);
  if (interrupted) say('RESULT: INTERRUPTED');
  else say(failedSteps.length ? `RESULT: FAILED (${failedSteps.join(', ')})` : 'RESULT: OK');
  say(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return failedSteps.length === 0;
}

// ------------------------------------------------------------------------------------------- main

function onSignal(signal) {
  if (interrupted) {
    // Second signal: stop waiting.
    killTree(currentChild, 'SIGKILL');
    if (pgStopSync) pgStopSync();
    process.exit(130);
  }
  interrupted = true;
  say(`\n!! ${signal}: stopping after cleanup (send again to force)`);
  killTree(currentChild, signal);
}
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));
process.on('exit', () => {
  if (pgStopSync) pgStopSync();
});

async function main() {
  say(`Jinzai test run — node ${process.version}, ${process.platform}, uid ${process.getuid?.() ?? '?'}, CI=${process.env.CI ?? ''}`);
  if (only.length) say(`JINZAI_TEST_ONLY=${only.join(',')}`);

  const installed = await stepInstall();
  if (installed && !interrupted) {
    const steps = [
      ['typecheck', () => stepScript('typecheck')],
      ['lint', () => stepScript('lint')],
      ['unit', stepUnit],
      ['postgres', stepPostgres],
    ];
    for (const [key, fn] of steps) {
      if (interrupted) break;
      if (wanted(key)) await fn();
    }
    let buildOk = true;
    if (!interrupted && (wanted('build') || wanted('e2e'))) buildOk = await stepBuild();
    if (!interrupted && wanted('e2e')) await stepE2e(buildOk);
  }
  const ok = summary();
  process.exit(interrupted ? 130 : ok ? 0 : 1);
}

main().catch((err) => {
  say(`!! test runner crashed: ${err?.stack ?? err}`);
  if (pgStopSync) pgStopSync();
  say('0 passed, 1 failed');
  process.exit(1);
});

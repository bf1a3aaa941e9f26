// Vitest globalSetup for the browser tests: starts the real app once for the whole run and gives
// tests its address through `inject('baseUrl')`.
//
//   npx tsx src/server/main.ts   with PORT=<free port> HOST=127.0.0.1 JINZAI_DATA_DIR=<fresh temp dir>
//                                JINZAI_DEMO_STAFF=120 JINZAI_SEED_DEMO=1 NODE_ENV=test (no DATABASE_URL)
//
// It waits for GET /readyz → 200 (120 s at most). The server's output goes to
// .tmp/test-results/e2e-server.log; on a failed start its tail is printed.
// JINZAI_E2E_SERVER_LOG=1 also streams it to the console.
// JINZAI_E2E_BASE_URL=http://127.0.0.1:3000 uses a server you already run instead of starting one.

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the app under test, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
  }
}

const READY_TIMEOUT_MS = 120_000;
const root = fileURLToPath(new URL('../..', import.meta.url));
const logFile = path.join(root, '.tmp', 'test-results', 'e2e-server.log');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function tail(text: string, lines = 80): string {
  return text.split('\n').slice(-lines).join('\n');
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // detached: the server leads its own process group
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

async function isReady(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.JINZAI_E2E_BASE_URL;
  if (external) {
    const baseUrl = external.replace(/\/+$/, '');
    if (!(await isReady(`${baseUrl}/readyz`))) throw new Error(`JINZAI_E2E_BASE_URL=${external}: GET /readyz did not answer 200`);
    project.provide('baseUrl', baseUrl);
    return async () => {};
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jinzai-e2e-data-'));
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.createWriteStream(logFile);
  const stream = process.env.JINZAI_E2E_SERVER_LOG === '1';

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    JINZAI_DATA_DIR: dataDir,
    JINZAI_DEMO_STAFF: '120',
    JINZAI_SEED_DEMO: '1',
    // Journeys open their own evaluation cycles.
    JINZAI_DEMO_EVALUATIONS: '0',
    NODE_ENV: 'test',
  };
  delete env.DATABASE_URL; // the e2e app runs on embedded PGlite in its fresh data dir

  const child = spawn('npx', ['--no', '--', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const collect = (chunk: Buffer, to: NodeJS.WriteStream) => {
    const text = chunk.toString();
    output = tail(output + text, 400);
    log.write(text);
    if (stream) to.write(text);
  };
  child.stdout?.on('data', (c: Buffer) => collect(c, process.stdout));
  child.stderr?.on('data', (c: Buffer) => collect(c, process.stderr));
  let exited: string | null = null;
  child.on('exit', (code, signal) => {
    exited = signal ? `signal ${signal}` : `exit code ${code}`;
  });
  child.on('error', (err) => {
    exited = `spawn error: ${err.message}`;
  });
  const killOnExit = () => {
    // vitest interrupted before teardown: don't leave the server or its data behind.
    killGroup(child, 'SIGKILL');
    if (process.env.JINZAI_E2E_KEEP !== '1') fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('exit', killOnExit);

  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    if (exited === null) {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => log.end(() => resolve()));
    if (process.env.JINZAI_E2E_KEEP !== '1') fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const started = Date.now();
  const readyUrl = `${baseUrl}/readyz`;
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(
        `e2e server (npx tsx src/server/main.ts) ended before it was ready (${exited}). Its output:\n${tail(output)}`,
      );
    }
    if (await isReady(readyUrl)) break;
    if (Date.now() - started > READY_TIMEOUT_MS) {
      await stop();
      throw new Error(
        `e2e server did not answer 200 on ${readyUrl} within ${READY_TIMEOUT_MS / 1000} s. Its output:\n${tail(output)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  process.stdout.write(`[e2e] app ready at ${baseUrl} after ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${path.relative(root, logFile)})\n`);

  project.provide('baseUrl', baseUrl);
  return stop;
}

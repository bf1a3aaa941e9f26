#!/usr/bin/env node
// A throwaway PostgreSQL server for tests (node built-ins only).
//
//   import { startThrowawayPostgres, PgUnavailableError } from './pg-throwaway.mjs';
//   const pg = await startThrowawayPostgres();   // throws PgUnavailableError when it cannot be had
//   ... use pg.url (postgres://postgres@127.0.0.1:PORT/postgres) ...
//   await pg.stop();                              // always; pg.stopSync() for 'exit' handlers
//
// CLI:
//   node scripts/pg-throwaway.mjs --selftest        start, `select version()` through psql, stop
//   node scripts/pg-throwaway.mjs -- CMD [ARGS...]  start, run CMD with DATABASE_URL set, stop
//
// Binaries: $JINZAI_PG_BIN if set, else the newest /usr/lib/postgresql/*/bin. When none are found
// and we run as root, `apt-get install -y postgresql` is tried once. initdb refuses to run as root,
// so as root the cluster belongs to the `postgres` system user (created if missing).
// Set JINZAI_PG_KEEP=1 to keep the data directory (and its server.log) after stopping.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export class PgUnavailableError extends Error {
  constructor(reason) {
    super(reason);
    this.name = 'PgUnavailableError';
  }
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function defaultLog(msg) {
  process.stdout.write(`[pg-throwaway] ${msg}\n`);
}

/** Run a command, streaming its output; resolves with its exit code (never rejects). */
function run(cmd, args, { env, cwd, quiet = false } = {}) {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(cmd, args, {
        cwd: cwd ?? os.tmpdir(),
        env: env ?? process.env,
        stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
      });
    } catch (err) {
      resolve({ code: 127, output: String(err) });
      return;
    }
    let output = '';
    if (quiet) {
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
    }
    child.on('error', (err) => resolve({ code: 127, output: output + String(err) }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

/** The newest PostgreSQL bin directory, or null. */
export function findPgBin() {
  const override = process.env.JINZAI_PG_BIN;
  if (override) return fs.existsSync(path.join(override, 'initdb')) ? override : null;
  const root = '/usr/lib/postgresql';
  let versions = [];
  try {
    versions = fs.readdirSync(root);
  } catch {
    return null;
  }
  const candidates = versions
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a) || b.localeCompare(a));
  return candidates.length ? path.join(root, candidates[0], 'bin') : null;
}

/** apt-get update, at most once per process (shared with ensure-chromium.mjs through the env). */
export async function aptUpdateOnce(log = defaultLog) {
  if (process.env.JINZAI_APT_UPDATED === '1') return true;
  log('apt-get update');
  const r = await run('apt-get', ['update'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.code === 0) process.env.JINZAI_APT_UPDATED = '1';
  return r.code === 0;
}

export async function aptInstall(packages, log = defaultLog) {
  if (!(await aptUpdateOnce(log))) return false;
  log(`apt-get install -y ${packages.join(' ')}`);
  const r = await run('apt-get', ['install', '-y', ...packages], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.code === 0;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function idOf(user, flag) {
  const r = spawnSync('id', [flag, user], { encoding: 'utf8' });
  return r.status === 0 ? Number.parseInt(r.stdout.trim(), 10) : null;
}

/** Command + args to run `bin args` as the cluster owner (postgres when we are root, else ourselves). */
function asOwner(bin, args) {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

function asOwnerSync(bin, args) {
  const [cmd, a] = asOwner(bin, args);
  return spawnSync(cmd, a, { cwd: os.tmpdir(), stdio: 'ignore', timeout: 60_000 });
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

/**
 * Start a fresh PostgreSQL cluster on a free port on 127.0.0.1.
 * @param {{ log?: (msg: string) => void, allowInstall?: boolean }} [opts]
 * @returns {Promise<{ url: string, port: number, host: string, dataDir: string, binDir: string,
 *   stop: () => Promise<void>, stopSync: () => void }>}
 * @throws {PgUnavailableError} when no server can be had here (the caller may skip its tests)
 */
export async function startThrowawayPostgres({ log = defaultLog, allowInstall = true } = {}) {
  let binDir = findPgBin();
  if (!binDir) {
    if (!isRoot()) {
      throw new PgUnavailableError(
        'no PostgreSQL binaries in /usr/lib/postgresql/*/bin and not root, so cannot apt-get install postgresql',
      );
    }
    if (!allowInstall) throw new PgUnavailableError('no PostgreSQL binaries in /usr/lib/postgresql/*/bin');
    log('no PostgreSQL binaries found; installing Debian package postgresql');
    const ok = await aptInstall(['postgresql'], log);
    binDir = findPgBin();
    if (!binDir) {
      throw new PgUnavailableError(
        ok ? 'apt-get installed postgresql but no /usr/lib/postgresql/*/bin/initdb appeared' : 'apt-get install -y postgresql failed',
      );
    }
  }
  log(`using ${binDir}`);

  if (isRoot() && idOf('postgres', '-u') === null) {
    log('creating system user postgres');
    const r = spawnSync(
      'useradd',
      ['--system', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', 'postgres'],
      { stdio: 'inherit' },
    );
    if (r.status !== 0 || idOf('postgres', '-u') === null) {
      throw new PgUnavailableError('running as root and could not create the postgres system user (initdb refuses root)');
    }
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jinzai-pg-'));
  const logFile = path.join(dataDir, 'server.log');
  const removeDir = () => {
    if (process.env.JINZAI_PG_KEEP === '1') {
      log(`keeping ${dataDir} (JINZAI_PG_KEEP=1)`);
      return;
    }
    try {
      fs.rmSync(dataDir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  };
  if (isRoot()) fs.chownSync(dataDir, idOf('postgres', '-u'), idOf('postgres', '-g'));
  fs.chmodSync(dataDir, 0o700);

  // initdb (C.UTF-8 first; plain C locale if this libc lacks it).
  const initdb = path.join(binDir, 'initdb');
  const baseInit = ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'];
  let init = await run(...asOwner(initdb, [...baseInit, '--locale=C.UTF-8']), { quiet: true });
  if (init.code !== 0) {
    log('initdb with --locale=C.UTF-8 failed; retrying with --no-locale');
    // initdb leaves a half-made cluster behind: empty the directory but keep it (ownership matters).
    for (const entry of fs.readdirSync(dataDir)) fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    init = await run(...asOwner(initdb, [...baseInit, '--no-locale']), { quiet: true });
  }
  if (init.code !== 0) {
    removeDir();
    throw new PgUnavailableError(`initdb failed (exit ${init.code}):\n${init.output.trim()}`);
  }

  const pgCtl = path.join(binDir, 'pg_ctl');
  let port = 0;
  let started = false;
  let lastError = '';
  for (let attempt = 1; attempt <= 3 && !started; attempt++) {
    port = await freePort();
    const serverOpts = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-k ${dataDir}`,
      // A throwaway cluster: durability is not wanted, speed is.
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=100',
    ].join(' ');
    const r = await run(...asOwner(pgCtl, ['-D', dataDir, '-l', logFile, '-w', '-t', '30', '-o', serverOpts, 'start']), {
      quiet: true,
    });
    if (r.code === 0) {
      started = true;
    } else {
      lastError = `${r.output.trim()}\n--- server.log ---\n${tail(logFile)}`;
      log(`pg_ctl start on port ${port} failed (attempt ${attempt}/3)`);
      asOwnerSync(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    }
  }
  if (!started) {
    removeDir();
    throw new PgUnavailableError(`pg_ctl start failed:\n${lastError}`);
  }

  const host = '127.0.0.1';
  const url = `postgres://postgres@${host}:${port}/postgres`;
  log(`PostgreSQL running at ${url} (data ${dataDir})`);

  let stopped = false;
  const killPostmaster = () => {
    // Last resort if pg_ctl could not stop it.
    try {
      const pid = Number.parseInt(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0], 10);
      if (pid > 0) process.kill(pid, 'SIGKILL');
    } catch {
      /* not running */
    }
  };
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    const r = asOwnerSync(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop']);
    if (r.status !== 0) killPostmaster();
    removeDir();
  };
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    log('stopping PostgreSQL');
    const r = await run(...asOwner(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop']), { quiet: true });
    if (r.code !== 0) {
      log(`pg_ctl stop failed (exit ${r.code}); killing the postmaster`);
      killPostmaster();
    }
    removeDir();
  };

  return { url, port, host, dataDir, binDir, stop, stopSync };
}

// ---------------------------------------------------------------------------------------------- CLI

async function main(argv) {
  const selftest = argv.includes('--selftest');
  const dashdash = argv.indexOf('--');
  const command = dashdash >= 0 ? argv.slice(dashdash + 1) : [];
  if (!selftest && command.length === 0) {
    process.stderr.write('usage: node scripts/pg-throwaway.mjs --selftest | -- CMD [ARGS...]\n');
    return 64;
  }

  let pg;
  try {
    pg = await startThrowawayPostgres();
  } catch (err) {
    if (err instanceof PgUnavailableError) {
      process.stdout.write(`SKIPPED: PostgreSQL — ${err.message}\n`);
      return 3;
    }
    throw err;
  }
  const onSignal = (sig) => {
    pg.stopSync();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', () => pg.stopSync());

  let code = 0;
  try {
    if (selftest) {
      const r = await run(
        path.join(pg.binDir, 'psql'),
        ['-X', '-h', pg.host, '-p', String(pg.port), '-U', 'postgres', '-d', 'postgres', '-Atc', 'select version()'],
        { quiet: true },
      );
      process.stdout.write(r.output);
      code = r.code === 0 && /PostgreSQL/.test(r.output) ? 0 : 1;
      process.stdout.write(code === 0 ? 'selftest: OK\n' : 'selftest: FAILED\n');
    } else {
      const [cmd, ...args] = command;
      const r = await run(cmd, args, {
        cwd: process.cwd(),
        env: { ...process.env, DATABASE_URL: pg.url, JINZAI_TEST_DB: 'postgres' },
      });
      code = r.code;
    }
  } finally {
    await pg.stop();
  }
  return code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`${err?.stack ?? err}\n`);
      process.exit(1);
    },
  );
}

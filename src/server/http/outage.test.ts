/**
 * security.md "Reliability": a database outage gives clean 503s and the app recovers by itself when the
 * database returns. The outage is a TCP proxy between the app and PostgreSQL that is cut and restored, so it
 * runs in the PostgreSQL pass (JINZAI_TEST_DB=postgres); PGlite is in-process and cannot go away.
 */
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openPostgres, type Database } from '../db/client.js';

const adminUrl = process.env.JINZAI_TEST_DB === 'postgres' ? process.env.DATABASE_URL : undefined;

function createCuttableProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  return {
    up: listen,
    down: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server?.close(() => resolve());
      }),
    url: () => {
      const u = new URL(target.toString());
      u.port = String(port);
      return u.toString();
    },
  };
}

describe.skipIf(!adminUrl)('database outage', () => {
  let name: string;
  let direct: Database;
  let proxied: Database;
  let proxy: ReturnType<typeof createCuttableProxy>;

  beforeAll(async () => {
    name = `jinzai_outage_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    direct = openPostgres(url.toString(), 1);
    await direct.migrate();
    proxy = createCuttableProxy(url);
    await proxy.up();
    proxied = openPostgres(proxy.url(), 2);
  });

  afterAll(async () => {
    await proxied?.close().catch(() => {});
    await direct?.close();
    await proxy?.down();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it('answers 503 while the database is away, and recovers by itself', async () => {
    const app = createApp({ database: proxied, config: loadConfig({ NODE_ENV: 'test' }), clock: () => new Date() }, { webRoot: '/nonexistent' });
    const login = () =>
      app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ loginId: 'X1', password: 'whatever-pass' }) });

    expect((await app.request('/readyz')).status).toBe(200);
    expect((await login()).status).toBe(401);

    await proxy.down();
    expect((await app.request('/readyz')).status).toBe(503);
    const down = await login();
    expect(down.status).toBe(503);
    expect(((await down.json()) as { error: { code: string } }).error.code).toBe('common.unavailable');
    expect((await app.request('/healthz')).status).toBe(200);

    await proxy.up();
    let ready = 0;
    for (let i = 0; i < 20 && ready !== 200; i++) {
      ready = (await app.request('/readyz')).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(ready).toBe(200);
    expect((await login()).status).toBe(401);
  });
});

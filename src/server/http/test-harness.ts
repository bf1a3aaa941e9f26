/** In-process app for route and service tests: a real test database, a movable clock, sign-in as a demo role. */
import { expect } from 'vitest';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { queryRows, type Database } from '../db/client.js';
import { createTestDatabase, testToday } from '../db/test-db.js';
import { demoAccounts } from '../db/seeds/demo-accounts.js';
import type { Deps, ServiceContext } from './context.js';
import { resolveSession, signIn } from '../access/auth.service.js';

export type DemoKey = (typeof demoAccounts)[number]['key'];
export type Session = { cookie: string; csrfToken: string };
/** A raw SQL statement, typed through queryRows so that this file stays free of the query builder. */
type RawQuery = Parameters<typeof queryRows>[1];

export type Harness = {
  app: ReturnType<typeof createApp>;
  database: Database;
  deps: Deps;
  /** moves the clock used by the app */
  setNow(instant: Date): void;
  loginAs(key: DemoKey): Promise<Session>;
  loginWith(loginId: string, password: string): Promise<Response>;
  call(session: Session | null, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** `call` that expects `status` (showing the body when it differs) and answers the JSON body (undefined for 204) */
  callJson<T>(session: Session | null, method: string, path: string, status: number, body?: unknown): Promise<T>;
  /** a service context for the given demo account, for service-level tests */
  contextOf(key: DemoKey): Promise<ServiceContext>;
  /** raw SQL for checks the API does not expose */
  queryRows<T extends Record<string, unknown> = Record<string, unknown>>(query: RawQuery): Promise<T[]>;
  /** the `n` of a raw `select count(*)::int as n …` */
  queryCount(query: RawQuery): Promise<number>;
  close(): Promise<void>;
};

export async function createHarness(opts: { withDemo?: boolean; env?: Record<string, string> } = {}): Promise<Harness> {
  const database = await createTestDatabase({ withDemo: opts.withDemo });
  let now = new Date(`${testToday}T10:00:00+09:00`);
  const config = loadConfig({ NODE_ENV: 'test', ...opts.env });
  const deps: Deps = { database, config, clock: () => now };
  const app = createApp(deps, { webRoot: '/nonexistent' });
  const call: Harness['call'] = async (session, method, path, body, headers = {}) =>
    app.request(path, {
      method,
      headers: {
        ...(body !== undefined && !(body instanceof Uint8Array) && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : body instanceof Uint8Array || typeof body === 'string' ? (body as BodyInit) : JSON.stringify(body),
    });
  const loginWith = (loginId: string, password: string) => call(null, 'POST', '/api/auth/login', { loginId, password });
  const accountOf = (key: DemoKey) => {
    const a = demoAccounts.find((d) => d.key === key);
    if (!a) throw new Error(`no demo account ${key}`);
    return a;
  };
  return {
    app,
    database,
    deps,
    setNow: (instant) => {
      now = instant;
    },
    loginWith,
    async loginAs(key) {
      const a = accountOf(key);
      const res = await loginWith(a.employeeNumber, a.password);
      if (res.status !== 200) throw new Error(`login as ${key} failed: ${res.status} ${await res.text()}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      return { cookie, csrfToken };
    },
    call,
    async callJson<T>(session: Session | null, method: string, path: string, status: number, body?: unknown): Promise<T> {
      const res = await call(session, method, path, body);
      expect(res.status, await res.clone().text()).toBe(status);
      return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
    },
    async contextOf(key) {
      const a = accountOf(key);
      const { token } = await signIn(deps, { loginId: a.employeeNumber, password: a.password }, { requestId: 'test', now, ip: 'test' });
      const actor = await resolveSession(deps, token, now);
      if (!actor) throw new Error('no actor');
      return { database, actor, now, today: testToday, requestId: 'test', config };
    },
    queryRows: (query) => queryRows(database.db, query),
    queryCount: async (query) => Number((await queryRows(database.db, query))[0]?.n),
    close: () => database.close(),
  };
}

// Journeys set up what is not under test through the API, as a demo person with their own cookie jar.

import { expect } from 'vitest';
import { request, type APIRequestContext } from 'playwright-core';
import { baseUrl, demoLogins, type DemoRole } from './browser';

export type ApiClient = { api: APIRequestContext; csrfToken: string };

/** A signed-in API client for a demo person. */
export async function apiClientFor(role: DemoRole): Promise<ApiClient> {
  const api = await request.newContext({ baseURL: baseUrl() });
  const login = demoLogins[role];
  const res = await api.post('/api/auth/login', { data: { loginId: login.employeeNumber, password: login.password } });
  expect(res.status(), `login ${role}`).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { api, csrfToken };
}

/** One request (the CSRF token on unsafe methods); fails the test unless the status is one of `expected`. */
export async function apiCall<T>(
  client: ApiClient,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  data?: unknown,
  expected: number[] = [200, 201],
): Promise<{ status: number; body: T }> {
  const res = await client.api.fetch(path, { method, data, headers: method === 'GET' ? {} : { 'x-csrf-token': client.csrfToken } });
  const body = (await res.json()) as T;
  expect(expected, `${method} ${path}: ${res.status()} ${JSON.stringify(body)}`).toContain(res.status());
  return { status: res.status(), body };
}

type CycleRef = { id: number; fiscalYear: number; period: string };
type SheetRef = { id: number; version: number; state: string; evaluatee: { employeeNumber: string } };

/** Opens the cycle, or finds it when a rerun against the same server opened it already. */
export async function openOrFindCycle(hr: ApiClient, fiscalYear: number, period: 'first-half' | 'second-half' | 'year'): Promise<CycleRef> {
  const opened = await apiCall<{ cycle: CycleRef }>(hr, 'POST', '/api/evaluation/cycles', { fiscalYear, period }, [201, 409]);
  if (opened.status === 201) return opened.body.cycle;
  const { body } = await apiCall<{ cycles: CycleRef[] }>(hr, 'GET', '/api/evaluation/cycles');
  return body.cycles.find((c) => c.fiscalYear === fiscalYear && c.period === period)!;
}

/** A person's sheet in a cycle, as HR lists it. */
export async function sheetInCycle(hr: ApiClient, cycleId: number, employeeNumber: string): Promise<SheetRef> {
  const { body } = await apiCall<{ items: SheetRef[] }>(hr, 'GET', `/api/evaluation/cycles/${cycleId}/sheets?q=${employeeNumber}`);
  const sheet = body.items.find((item) => item.evaluatee.employeeNumber === employeeNumber);
  if (!sheet) throw new Error(`${employeeNumber} has no sheet in cycle ${cycleId}`);
  return sheet;
}

/**
 * Walks every route the router has and checks it against the declared access rules and the access matrix:
 * a route without a declared rule fails here; every guarded route refuses anonymous callers, and every
 * permission route refuses a plain staff member asking about someone else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from './test-harness.js';
import { declaredAccess, routeKey } from './route-guard.js';
import { accessMatrix } from '../../domain/access/access-matrix.js';

let h: Harness;
let staff: Session;
beforeAll(async () => {
  h = await createHarness();
  staff = await h.loginAs('staff');
});
afterAll(() => h.close());

function apiRoutes() {
  const seen = new Map<string, { method: string; path: string }>();
  for (const r of h.app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue;
    seen.set(routeKey(r.method, r.path), { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

// A path parameter that names nobody's record: no relation can hold to it.
const concrete = (p: string) => p.replace(/:[A-Za-z]+/g, '999999');

describe('access matrix walk', () => {
  it('finds the routes', () => {
    expect(apiRoutes().length).toBeGreaterThan(15);
  });

  it('every API route has a declared access rule', () => {
    const missing = apiRoutes().filter((r) => !declaredAccess.has(routeKey(r.method, r.path)));
    expect(missing).toEqual([]);
  });

  it('every permission named by a route exists in the matrix, and every matrix permission is used', () => {
    const used = new Set<string>();
    for (const access of declaredAccess.values()) if (access.kind === 'permission') used.add(access.permission);
    for (const p of used) expect(Object.keys(accessMatrix)).toContain(p);
    expect([...Object.keys(accessMatrix)].filter((p) => !used.has(p) && p !== 'org.staff.read-protected')).toEqual([]);
  });

  it('every non-public route answers 401 without a session', async () => {
    for (const r of apiRoutes()) {
      const access = declaredAccess.get(routeKey(r.method, r.path));
      if (!access || access.kind === 'public') continue;
      const res = await h.call(null, r.method, concrete(r.path), r.method === 'GET' ? undefined : {});
      expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({ route: `${r.method} ${r.path}`, status: 401 });
    }
  });

  it('every permission route refuses a plain staff member asking about someone else', async () => {
    for (const r of apiRoutes()) {
      const access = declaredAccess.get(routeKey(r.method, r.path));
      if (!access || access.kind !== 'permission') continue;
      const rule = accessMatrix[access.permission];
      // Routes granted by "self" alone on list endpoints scope results instead; they are covered by their area tests.
      if (!r.path.includes(':') && rule.relations.includes('self' as never)) continue;
      const res = await h.call(staff, r.method, concrete(r.path), r.method === 'GET' ? undefined : {});
      expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({ route: `${r.method} ${r.path}`, status: 403 });
    }
  });
});

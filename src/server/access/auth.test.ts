import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness } from '../http/test-harness.js';
import { demoAccounts } from '../db/seeds/demo-accounts.js';
import { testToday } from '../db/test-db.js';
import { verifyAuditChain } from './audit.service.js';

let h: Harness;
const base = new Date(`${testToday}T10:00:00+09:00`);
const at = (minutes: number) => new Date(base.getTime() + minutes * 60_000);
const demo = (key: string) => demoAccounts.find((a) => a.key === key)!;

beforeAll(async () => {
  h = await createHarness({ env: { SIGN_IN_MAX_FAILURES_PER_HOUR: '3' } });
});
afterAll(() => h.close());

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and answers /me', async () => {
    h.setNow(base);
    const res = await h.loginWith(demo('staff').employeeNumber, demo('staff').password);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = { cookie: cookie.split(';')[0]!, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
    const me = await h.call(session, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { account: { loginId: string } }).account.loginId).toBe(demo('staff').employeeNumber);
  });

  it('gives the same answer for an unknown login and a wrong password (no enumeration)', async () => {
    const unknown = await h.loginWith('ZZ99999', 'whatever-password');
    const wrong = await h.loginWith(demo('evaluator').employeeNumber, 'wrong-password-x');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  it('throttles an account after the configured failures per hour, even with the right password', async () => {
    const who = demo('sysAdmin');
    for (let i = 0; i < 3; i++) expect((await h.loginWith(who.employeeNumber, `bad-${i}-password`)).status).toBe(401);
    const blocked = await h.loginWith(who.employeeNumber, who.password);
    expect(blocked.status).toBe(429);
    h.setNow(at(61));
    expect((await h.loginWith(who.employeeNumber, who.password)).status).toBe(200);
    h.setNow(base);
  });

  it('signs in again over an existing session without its token (switching user), ending the old session', async () => {
    h.setNow(base);
    const old = await h.loginAs('evaluator');
    const again = await h.call(null, 'POST', '/api/auth/login', { loginId: demo('staff').employeeNumber, password: demo('staff').password }, { cookie: old.cookie });
    expect(again.status).toBe(200);
    expect((await h.call(old, 'GET', '/api/auth/me')).status).toBe(401);
    // A foreign origin is still refused.
    const foreign = await h.call(null, 'POST', '/api/auth/login', { loginId: demo('staff').employeeNumber, password: demo('staff').password }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('refuses unknown fields in the body', async () => {
    const res = await h.call(null, 'POST', '/api/auth/login', { loginId: 'x', password: 'y', role: 'hr_admin' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('common.validation');
  });
});

describe('sessions', () => {
  it('sign-out ends the session', async () => {
    h.setNow(base);
    const s = await h.loginAs('staff');
    expect((await h.call(s, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await h.call(s, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('expires after 30 idle minutes', async () => {
    h.setNow(base);
    const s = await h.loginAs('staff');
    h.setNow(at(29));
    expect((await h.call(s, 'GET', '/api/auth/me')).status).toBe(200);
    h.setNow(at(29 + 31));
    expect((await h.call(s, 'GET', '/api/auth/me')).status).toBe(401);
    h.setNow(base);
  });

  it('expires after 12 hours however active', async () => {
    h.setNow(base);
    const s = await h.loginAs('staff');
    for (let m = 20; m < 12 * 60; m += 20) {
      h.setNow(at(m));
      expect((await h.call(s, 'GET', '/api/auth/me')).status).toBe(200);
    }
    h.setNow(at(12 * 60 + 1));
    expect((await h.call(s, 'GET', '/api/auth/me')).status).toBe(401);
    h.setNow(base);
  });

  it('disabling an account ends all its sessions at once', async () => {
    h.setNow(base);
    const admin = await h.loginAs('hrAdmin');
    const victim = await h.loginAs('caseHandler');
    const me = (await (await h.call(victim, 'GET', '/api/auth/me')).json()) as { account: { id: number } };
    expect((await h.call(admin, 'PUT', `/api/accounts/${me.account.id}/disabled`, { isDisabled: true })).status).toBe(204);
    expect((await h.call(victim, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await h.loginWith(demo('caseHandler').employeeNumber, demo('caseHandler').password)).status).toBe(401);
    expect((await h.call(admin, 'PUT', `/api/accounts/${me.account.id}/disabled`, { isDisabled: false })).status).toBe(204);
  });
});

describe('CSRF and headers', () => {
  it('refuses unsafe requests without the token, whatever the content type', async () => {
    const s = await h.loginAs('staff');
    const noToken = await h.app.request('/api/auth/me/preferences', {
      method: 'PATCH',
      headers: { cookie: s.cookie, 'content-type': 'text/plain' },
      body: JSON.stringify({ dateStyle: 'seireki' }),
    });
    expect(noToken.status).toBe(403);
    const crossSite = await h.call(s, 'PATCH', '/api/auth/me/preferences', { dateStyle: 'seireki' }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const foreignOrigin = await h.call(s, 'PATCH', '/api/auth/me/preferences', { dateStyle: 'seireki' }, { origin: 'http://evil.example', host: 'localhost' });
    expect(foreignOrigin.status).toBe(403);
    expect((await h.call(s, 'PATCH', '/api/auth/me/preferences', { dateStyle: 'seireki' })).status).toBe(204);
  });

  it('sends security headers and no-store on the API', async () => {
    const res = await h.call(null, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('serves a readable API page and the OpenAPI document', async () => {
    const doc = (await (await h.call(null, 'GET', '/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/auth/login');
    const page = await h.call(null, 'GET', '/api/docs');
    expect(await page.text()).toContain('/api/auth/login');
  });

  it('answers an unknown API path with the error shape', async () => {
    const res = await h.call(null, 'GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'common.not-found' } });
  });
});

describe('role grants', () => {
  async function accountIdOf(key: string) {
    const admin = await h.loginAs('hrAdmin');
    const list = (await (await h.call(admin, 'GET', `/api/accounts?q=${demo(key).employeeNumber}`)).json()) as { items: { id: number; loginId: string }[] };
    return { admin, id: list.items.find((i) => i.loginId === demo(key).employeeNumber)!.id };
  }

  it('refuses stress-check administration to someone with personnel authority (both ways round)', async () => {
    const { admin, id } = await accountIdOf('hrOfficer');
    const res = await h.call(admin, 'POST', `/api/accounts/${id}/roles`, { role: 'stress_implementer', startsOn: testToday, endsOn: null, reason: null });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'access.role-conflict-stress-check' });
    const implementer = await accountIdOf('stressImplementer');
    const back = await h.call(admin, 'POST', `/api/accounts/${implementer.id}/roles`, { role: 'hr_officer', startsOn: testToday, endsOn: null, reason: null });
    expect(back.status).toBe(422);
  });

  it('refuses stress-check administration to a supervisor', async () => {
    const { admin, id } = await accountIdOf('unitHead');
    const res = await h.call(admin, 'POST', `/api/accounts/${id}/roles`, { role: 'stress_implementer', startsOn: testToday, endsOn: null, reason: null });
    expect(res.status).toBe(422);
  });

  it('grants and revokes a role, and the grant takes effect for the holder', async () => {
    const { admin, id } = await accountIdOf('staff');
    const staffSession = await h.loginAs('staff');
    expect((await h.call(staffSession, 'GET', '/api/audit')).status).toBe(403);
    const granted = await h.call(admin, 'POST', `/api/accounts/${id}/roles`, { role: 'auditor', startsOn: testToday, endsOn: null, reason: '監査応援' });
    expect(granted.status).toBe(201);
    const { id: grantId } = (await granted.json()) as { id: number };
    expect((await h.call(staffSession, 'GET', '/api/audit')).status).toBe(200);
    expect((await h.call(admin, 'DELETE', `/api/accounts/${id}/roles/${grantId}`)).status).toBe(204);
    expect((await h.call(staffSession, 'GET', '/api/audit')).status).toBe(403);
  });
});

describe('audit log', () => {
  it('records sign-ins and denials and lets the auditor search them', async () => {
    h.setNow(base);
    expect((await h.loginWith(demo('evaluator').employeeNumber, 'not-the-password')).status).toBe(401);
    const auditor = await h.loginAs('auditor');
    const res = await h.call(auditor, 'GET', '/api/audit?action=auth.sign-in&outcome=failed');
    const body = (await res.json()) as { total: number; items: { action: string; outcome: string }[] };
    expect(res.status).toBe(200);
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((i) => i.action === 'auth.sign-in' && i.outcome === 'failed')).toBe(true);
    const denied = (await (await h.call(auditor, 'GET', '/api/audit?outcome=denied')).json()) as { total: number };
    expect(denied.total).toBeGreaterThan(0);
  });

  it('is append-only for the application', async () => {
    await expect(h.database.db.execute(sql`update audit_log set outcome = 'x'`)).rejects.toThrow();
    await expect(h.database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('verifies the chain and names the first broken link after tampering', async () => {
    const municipalityId = (await h.contextOf('hrAdmin')).actor.municipalityId;
    const intact = await verifyAuditChain(h.database.db, municipalityId);
    expect(intact.firstBreak).toBeNull();
    expect(intact.rows).toBeGreaterThan(5);
    // Tampering needs a superuser who switches the trigger off; the verifier must still see it.
    await h.database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await h.database.db.execute(sql`update audit_log set outcome = 'succeeded' where municipality_id = ${municipalityId} and seq = 3`);
    expect((await verifyAuditChain(h.database.db, municipalityId)).firstBreak).toEqual({ seq: 3, reason: 'hash-mismatch' });
    await h.database.db.execute(sql`delete from audit_log where municipality_id = ${municipalityId} and seq = 3`);
    expect((await verifyAuditChain(h.database.db, municipalityId)).firstBreak).toEqual({ seq: 3, reason: 'missing-row' });
    await h.database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
  });
});

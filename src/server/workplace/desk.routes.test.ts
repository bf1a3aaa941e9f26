/**
 * The desks through the HTTP layer (ADR 0020): public filing and following, the handlers' walls, audit rows for
 * every read, notifications without content, and that no administrator role reaches a case or a reporter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { demoStaffPassword } from '../db/seeds/demo-accounts.js';
import { followLimits } from './desk-public.service.js';
import { declaredAccess, routeKey } from '../http/route-guard.js';
import { accessMatrix } from '../../domain/access/access-matrix.js';
import type { CaseDetail, CaseInbox, FiledReceipt, ReporterCaseView, ReporterIdentity } from '../../domain/workplace/desk-api.js';

let h: Harness;
let handler: Session;
let hrAdmin: Session;
let sysAdmin: Session;
let auditor: Session;
let staff: Session;
let otherHandler: Session;
let handlerStaffId: number;
let otherStaffId: number;

const secretText = '課長から毎朝大声で叱責されています。証拠のメモがあります。';

async function staffIdOf(number: string): Promise<number> {
  const rows = await h.queryRows<{ id: number }>(sql`select id from staff where employee_number = ${number}`);
  return Number(rows[0]!.id);
}

beforeAll(async () => {
  h = await createHarness();
  [handler, hrAdmin, sysAdmin, auditor, staff] = [await h.loginAs('caseHandler'), await h.loginAs('hrAdmin'), await h.loginAs('sysAdmin'), await h.loginAs('auditor'), await h.loginAs('staff')];
  handlerStaffId = await staffIdOf('A0008');
  // A second handler: a demo staff account granted case_handler and designated, but not assigned to the case.
  const [acct] = await h.queryRows<{ id: number; login_id: string; staff_id: number }>(
    sql`select a.id, a.login_id, a.staff_id from accounts a where a.login_id = 'D00020'`,
  );
  otherStaffId = Number(acct!.staff_id);
  await h.callJson(hrAdmin, 'POST', `/api/accounts/${acct!.id}/roles`, 201, { role: 'case_handler', startsOn: '2025-04-01' }).catch(async () => {
    const res = await h.call(hrAdmin, 'POST', `/api/accounts/${acct!.id}/roles`, { role: 'case_handler', startsOn: '2025-04-01' });
    expect(res.status).toBeLessThan(300);
  });
  const res = await h.loginWith('D00020', demoStaffPassword);
  expect(res.status).toBe(200);
  otherHandler = { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
  for (const [number, desk] of [['A0008', 'harassment'], ['A0008', 'whistleblowing'], ['D00020', 'harassment']] as const) {
    await h.callJson(hrAdmin, 'POST', '/api/desks/designations', 201, { employeeNumber: number, desk, designatedOn: '2025-04-01', documentRef: '総務第45号' });
  }
});
afterAll(() => h.close());

let receipt: FiledReceipt;
let caseId: number;

describe('filing and following', () => {
  it('anyone files on the public page and gets a receipt code and a secret; only a hash is stored', async () => {
    receipt = await h.callJson<FiledReceipt>(null, 'POST', '/api/public/desks/reports', 201, { category: 'power', summary: secretText });
    expect(receipt.receiptCode).toMatch(/^HR-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(receipt.secret).toMatch(/^[A-Z2-9-]{24}$/);
    const [row] = await h.queryRows<{ id: number; secret_hash: string; is_anonymous: boolean }>(sql`select id, secret_hash, is_anonymous from desk_cases where receipt_code = ${receipt.receiptCode}`);
    caseId = Number(row!.id);
    expect(row!.secret_hash.startsWith('$argon2id$')).toBe(true);
    expect(row!.secret_hash).not.toContain(receipt.secret);
    expect(row!.is_anonymous).toBe(true);
    expect(await h.queryCount(sql`select count(*)::int as n from desk_reporter_identities where case_id = ${caseId}`)).toBe(0);
  });

  it('refuses hostile input', async () => {
    for (const body of [
      { category: 'power', summary: 'a\u0000b' },
      { category: 'power', summary: 'x'.repeat(4001) },
      { category: 'power', summary: 'ok', isAnonymous: false },
      { category: 'power', summary: 'ok', extra: 1 },
      { category: '<script>', summary: 'ok' },
    ]) {
      expect((await h.call(null, 'POST', '/api/public/desks/reports', body)).status).toBe(400);
    }
  });

  it('follows with the right secret; a wrong secret or code is a 404 that says neither', async () => {
    const view = await h.callJson<ReporterCaseView>(null, 'POST', '/api/public/desks/follow', 200, { receiptCode: receipt.receiptCode.toLowerCase(), secret: receipt.secret.replace(/-/g, ' ') });
    expect(view.status).toBe('received');
    expect(view.summary).toBe(secretText);
    const wrong = await h.call(null, 'POST', '/api/public/desks/follow', { receiptCode: receipt.receiptCode, secret: 'AAAA-AAAA-AAAA-AAAA-AAAA' });
    expect(wrong.status).toBe(404);
    expect(JSON.stringify(await wrong.json())).not.toContain('power');
    expect((await h.call(null, 'POST', '/api/public/desks/follow', { receiptCode: 'HR-ZZZZ-ZZZZ', secret: receipt.secret })).status).toBe(404);
  });

  it('a signed-in filer may stay anonymous or be known to the handlers; the audit log never names the filer', async () => {
    const anon = await h.callJson<FiledReceipt>(staff, 'POST', '/api/desks/reports', 201, { category: 'sexual', summary: '匿名で相談します。', isAnonymous: true });
    const known = await h.callJson<FiledReceipt>(staff, 'POST', '/api/desks/reports', 201, { category: 'maternity', summary: '名前を伝えて相談します。', isAnonymous: false });
    const staffId = await staffIdOf('A0005');
    const rows = await h.queryRows<{ receipt_code: string; staff_id: number | null }>(
      sql`select c.receipt_code, i.staff_id from desk_cases c left join desk_reporter_identities i on i.case_id = c.id where c.receipt_code in (${anon.receiptCode}, ${known.receiptCode})`,
    );
    expect(rows.find((r) => r.receipt_code === anon.receiptCode)!.staff_id).toBeNull();
    expect(Number(rows.find((r) => r.receipt_code === known.receiptCode)!.staff_id)).toBe(staffId);
    const filed = await h.queryRows<{ actor_account_id: number | null; actor_label: string }>(sql`select actor_account_id, actor_label from audit_log where action = 'workplace.desk-case.file'`);
    expect(filed.length).toBe(3);
    for (const r of filed) expect([r.actor_account_id, r.actor_label]).toEqual([null, 'desk-reporter']);
  });

  it('notifies the designated handlers with no content', async () => {
    const rows = await h.queryRows<{ title: string; body: string; link: string | null }>(sql`select title, body, link from notifications where kind = 'workplace.desk'`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.title).toBe('相談窓口に新しい連絡があります');
      expect(r.body).toBe('');
      expect(JSON.stringify(r)).not.toMatch(/叱責|匿名|名前|power|パワー/);
    }
  });
});

describe('handlers', () => {
  it('the intake queue shows an unassigned case without its contents', async () => {
    const inbox = await h.callJson<CaseInbox>(handler, 'GET', '/api/desks/cases', 200);
    const queued = inbox.unassigned.find((c) => c.id === caseId)!;
    expect(queued).toEqual({ id: caseId, desk: 'harassment', receivedAt: expect.any(String) });
    expect(JSON.stringify(inbox)).not.toContain(secretText);
    // Not yet assigned: not even the designated handler reads it.
    expect((await h.call(handler, 'GET', `/api/desks/cases/${caseId}`)).status).toBe(404);
  });

  it('a handler takes the case, reads it, replies and moves it to investigating', async () => {
    await h.callJson(handler, 'POST', `/api/desks/cases/${caseId}/handlers`, 200, { staffId: handlerStaffId });
    const detail = await h.callJson<CaseDetail>(handler, 'GET', `/api/desks/cases/${caseId}`, 200);
    expect(detail.summary).toBe(secretText);
    expect(detail.pseudonym).toMatch(/^相談者-/);
    await h.callJson<CaseDetail>(handler, 'POST', `/api/desks/cases/${caseId}/messages`, 200, { body: 'ご相談を受け付けました。詳しくお聞かせください。' });
    const moved = await h.callJson<CaseDetail>(handler, 'POST', `/api/desks/cases/${caseId}/status`, 200, { to: 'investigating', version: detail.version });
    expect(moved.status).toBe('investigating');
    expect((await h.call(handler, 'POST', `/api/desks/cases/${caseId}/status`, { to: 'closed', version: moved.version })).status).toBe(409);
    expect((await h.call(handler, 'POST', `/api/desks/cases/${caseId}/status`, { to: 'corrective-action', version: detail.version })).status).toBe(409);
  });

  it('the reporter sees the reply and answers; the handler is notified without content', async () => {
    const view = await h.callJson<ReporterCaseView>(null, 'POST', '/api/public/desks/follow', 200, { receiptCode: receipt.receiptCode, secret: receipt.secret });
    expect(view.status).toBe('investigating');
    expect(view.events.some((e) => e.from === 'desk' && e.body.includes('受け付けました'))).toBe(true);
    await h.callJson(null, 'POST', '/api/public/desks/messages', 200, { receiptCode: receipt.receiptCode, secret: receipt.secret, body: '追加で話したいことがあります。' });
    const rows = await h.queryRows<{ title: string; body: string; link: string }>(sql`select title, body, link from notifications where recipient_staff_id = ${handlerStaffId} and link = ${`/workplace/desks/cases/${caseId}`}`);
    expect(rows).toEqual([{ title: '相談窓口に新しい連絡があります', body: '', link: `/workplace/desks/cases/${caseId}` }]);
  });

  it('notes and cooperators are the handlers’ alone', async () => {
    await h.callJson(handler, 'POST', `/api/desks/cases/${caseId}/notes`, 200, { body: '関係者への聞き取りを予定。' });
    const detail = await h.callJson<CaseDetail>(handler, 'POST', `/api/desks/cases/${caseId}/cooperators`, 200, { employeeNumber: 'A0004', body: '目撃した同僚' });
    expect(detail.events.find((e) => e.kind === 'cooperator')!.cooperator!.employeeNumber).toBe('A0004');
    const view = await h.callJson<ReporterCaseView>(null, 'POST', '/api/public/desks/follow', 200, { receiptCode: receipt.receiptCode, secret: receipt.secret });
    expect(JSON.stringify(view)).not.toMatch(/聞き取り|目撃|A0004/);
  });

  it('an unassigned handler of the same desk cannot read the case, its reporter or write to it', async () => {
    for (const [method, path, body] of [
      ['GET', `/api/desks/cases/${caseId}`, undefined],
      ['GET', `/api/desks/cases/${caseId}/reporter`, undefined],
      ['POST', `/api/desks/cases/${caseId}/messages`, { body: 'x' }],
      ['POST', `/api/desks/cases/${caseId}/handlers`, { staffId: otherStaffId }],
    ] as const) {
      expect((await h.call(otherHandler, method, path, body)).status).toBe(404);
    }
    const inbox = await h.callJson<CaseInbox>(otherHandler, 'GET', '/api/desks/cases', 200);
    expect(inbox.assigned).toEqual([]);
    expect(inbox.unassigned.some((c) => c.id === caseId)).toBe(false);
  });

  it('the reporter identity is shown only to assigned handlers, audited on every read', async () => {
    const before = await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'workplace.desk-reporter.read' and outcome = 'allowed'`);
    const identity = await h.callJson<ReporterIdentity>(handler, 'GET', `/api/desks/cases/${caseId}/reporter`, 200);
    expect(identity.isAnonymous).toBe(true);
    await h.callJson(handler, 'GET', `/api/desks/cases/${caseId}/reporter`, 200);
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'workplace.desk-reporter.read' and outcome = 'allowed'`)).toBe(before + 2);
  });

  it('every read is audited with who and the case id, never the content', async () => {
    const rows = await h.queryRows<{ action: string; object_id: string | null; details: unknown; actor_label: string }>(sql`select action, object_id, details, actor_label from audit_log where action like 'workplace.desk%'`);
    expect(rows.some((r) => r.action === 'workplace.desk-case.read' && r.object_id === String(caseId) && r.actor_label === 'A0008')).toBe(true);
    expect(rows.some((r) => r.action === 'workplace.desk-case.follow' && r.object_id === String(caseId))).toBe(true);
    expect(rows.some((r) => r.action === 'workplace.desk-case.read' && r.actor_label === 'D00020')).toBe(true); // the denial
    expect(JSON.stringify(rows)).not.toMatch(/叱責|聞き取り|目撃|追加で/);
  });

  it('a read whose audit row cannot be written is refused', async () => {
    await h.queryRows(sql`create or replace function desk_test_refuse_audit() returns trigger language plpgsql as $$ begin if new.action = 'workplace.desk-case.read' then raise exception 'audit down'; end if; return new; end $$`);
    await h.queryRows(sql`create trigger desk_test_refuse_audit before insert on audit_log for each row execute function desk_test_refuse_audit()`);
    try {
      const res = await h.call(handler, 'GET', `/api/desks/cases/${caseId}`);
      expect(res.status).toBe(503);
      expect(await res.text()).not.toContain(secretText);
    } finally {
      await h.queryRows(sql`drop trigger desk_test_refuse_audit on audit_log`);
      await h.queryRows(sql`drop function desk_test_refuse_audit()`);
    }
  });
});

describe('administrator roles never read a case or an identity', () => {
  it('walk: every desk route that touches cases names a permission without any administrator role, and refuses them', async () => {
    const caseRoutes = [...new Map(h.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/desks/cases') || r.path === '/api/desks/handlers').map((r) => [routeKey(r.method, r.path), r])).values()];
    expect(caseRoutes.length).toBeGreaterThanOrEqual(9);
    for (const r of caseRoutes) {
      const access = declaredAccess.get(routeKey(r.method, r.path));
      expect(access?.kind).toBe('permission');
      if (access?.kind !== 'permission') continue;
      const roles: readonly string[] = accessMatrix[access.permission].roles;
      for (const admin of ['hr_admin', 'hr_officer', 'system_admin', 'auditor']) expect(roles).not.toContain(admin);
      const path = r.path.replace(/:id/g, String(caseId)).replace(/:staffId/g, String(handlerStaffId)) + (r.path === '/api/desks/handlers' ? '?desk=harassment' : '');
      for (const session of [hrAdmin, sysAdmin, auditor]) {
        const res = await h.call(session, r.method, path, r.method === 'GET' ? undefined : {});
        expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({ route: `${r.method} ${r.path}`, status: 403 });
      }
    }
  });

  it.each(['hrAdmin', 'sysAdmin', 'auditor', 'staff'] as const)('%s', async (key) => {
    const session = { hrAdmin, sysAdmin, auditor, staff }[key];
    for (const [method, path] of [
      ['GET', '/api/desks/cases'],
      ['GET', `/api/desks/cases/${caseId}`],
      ['GET', `/api/desks/cases/${caseId}/reporter`],
      ['POST', `/api/desks/cases/${caseId}/messages`],
      ['POST', `/api/desks/cases/${caseId}/status`],
      ['GET', '/api/desks/handlers?desk=harassment'],
    ] as const) {
      const res = await h.call(session, method, path, method === 'POST' ? { body: 'x', to: 'closed', version: 1 } : undefined);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect(await res.text()).not.toContain(secretText);
    }
  });

  it('a case_handler who also holds hr_admin is refused the contents', async () => {
    const [acct] = await h.queryRows<{ id: number }>(sql`select id from accounts where login_id = 'A0001'`);
    const grant = await h.call(sysAdmin, 'POST', `/api/accounts/${acct!.id}/roles`, { role: 'case_handler', startsOn: '2025-04-01' });
    expect(grant.status, await grant.clone().text()).toBeLessThan(300);
    const both = await h.loginAs('hrAdmin');
    const inbox = await h.callJson<CaseInbox>(both, 'GET', '/api/desks/cases', 200);
    expect(inbox).toEqual({ assigned: [], unassigned: [], desks: [] });
    expect((await h.call(both, 'GET', `/api/desks/cases/${caseId}`)).status).toBe(404);
    expect((await h.call(both, 'GET', `/api/desks/cases/${caseId}/reporter`)).status).toBe(404);
    expect((await h.call(hrAdmin, 'POST', '/api/desks/designations', { employeeNumber: 'A0001', desk: 'harassment', designatedOn: '2025-04-01', documentRef: 'x' })).status).toBe(422);
  });

  it('hr_admin manages designations; plain staff cannot', async () => {
    const list = await h.callJson<{ designations: Array<{ employeeNumber: string; isInForce: boolean }> }>(hrAdmin, 'GET', '/api/desks/designations', 200);
    expect(list.designations.filter((d) => d.employeeNumber === 'A0008').length).toBe(2);
    expect(JSON.stringify(list)).not.toContain(secretText);
    expect((await h.call(staff, 'GET', '/api/desks/designations')).status).toBe(403);
    expect((await h.call(sysAdmin, 'GET', '/api/desks/designations')).status).toBe(403);
  });
});

describe('designations and their end', () => {
  it('a handler designates colleagues only for a desk they are designated for', async () => {
    const other = await h.call(otherHandler, 'POST', '/api/desks/designations', { employeeNumber: 'D00021', desk: 'whistleblowing', designatedOn: '2025-04-01', documentRef: 'x' });
    expect(other.status).toBe(403);
    const res = await h.call(otherHandler, 'POST', '/api/desks/designations', { employeeNumber: 'D00021', desk: 'harassment', designatedOn: '2025-04-01', documentRef: '総務第46号' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { hasCaseHandlerRole: boolean }).hasCaseHandlerRole).toBe(false);
  });

  it('a known staff reporter is told of a reply by a notification without content', async () => {
    const known = await h.callJson<FiledReceipt>(staff, 'POST', '/api/desks/reports', 201, { category: 'other', summary: '通知の確認用の相談です。', isAnonymous: false });
    const [row] = await h.queryRows<{ id: number }>(sql`select id from desk_cases where receipt_code = ${known.receiptCode}`);
    const id = Number(row!.id);
    await h.callJson(handler, 'POST', `/api/desks/cases/${id}/handlers`, 200, { staffId: handlerStaffId });
    await h.callJson(handler, 'POST', `/api/desks/cases/${id}/messages`, 200, { body: '面談の日程を相談させてください。' });
    const staffId = await staffIdOf('A0005');
    const rows = await h.queryRows<{ title: string; body: string; link: string }>(sql`select title, body, link from notifications where recipient_staff_id = ${staffId} and kind = 'workplace.desk'`);
    expect(rows).toEqual([{ title: '相談窓口に新しい連絡があります', body: '', link: '/workplace/desks' }]);
    // The known reporter's identity is shown to the assigned handler
    const identity = await h.callJson<ReporterIdentity>(handler, 'GET', `/api/desks/cases/${id}/reporter`, 200);
    expect(identity.employeeNumber).toBe('A0005');
  });

  it('when the designation ends the handler loses the case, and it returns to the queue of the desk', async () => {
    const list = await h.callJson<{ designations: Array<{ id: number; employeeNumber: string; desk: string }> }>(hrAdmin, 'GET', '/api/desks/designations', 200);
    const mine = list.designations.find((d) => d.employeeNumber === 'A0008' && d.desk === 'harassment')!;
    await h.callJson(hrAdmin, 'POST', `/api/desks/designations/${mine.id}/end`, 200, { endsOn: '2025-09-30' });
    expect((await h.call(handler, 'GET', `/api/desks/cases/${caseId}`)).status).toBe(404);
    const queue = await h.callJson<CaseInbox>(otherHandler, 'GET', '/api/desks/cases', 200);
    expect(queue.unassigned.some((c) => c.id === caseId)).toBe(true);
    await h.callJson(otherHandler, 'POST', `/api/desks/cases/${caseId}/handlers`, 200, { staffId: otherStaffId });
    expect((await h.callJson<CaseDetail>(otherHandler, 'GET', `/api/desks/cases/${caseId}`, 200)).summary).toBe(secretText);
  });
});

describe('statistics', () => {
  it('counts per desk × category × status with small cells suppressed and no identity', async () => {
    const stats = await h.callJson<{ threshold: number; desks: Array<{ desk: string; total: number | null; rows: Array<{ category: string; total: number | null }> }> }>(hrAdmin, 'GET', '/api/desks/statistics?fiscalYear=2025', 200);
    expect(stats.threshold).toBe(5);
    const harassment = stats.desks.find((d) => d.desk === 'harassment')!;
    expect(harassment.rows.find((r) => r.category === 'power')!.total).toBeNull();
    expect(JSON.stringify(stats)).not.toMatch(/相談者-|A00|叱責/);
    expect((await h.call(staff, 'GET', '/api/desks/statistics')).status).toBe(403);
    expect((await h.call(sysAdmin, 'GET', '/api/desks/statistics')).status).toBe(403);
  });
});

describe('throttling', () => {
  it('throttles wrong secrets per receipt code: after the limit even the right secret gets 429', async () => {
    const code = receipt.receiptCode;
    // one wrong attempt was made above
    for (let i = 1; i < followLimits.perCode; i += 1) {
      expect((await h.call(null, 'POST', '/api/public/desks/follow', { receiptCode: code, secret: `WRONG-${i}` })).status).toBe(404);
    }
    expect((await h.call(null, 'POST', '/api/public/desks/follow', { receiptCode: code, secret: receipt.secret })).status).toBe(429);
    h.setNow(new Date('2025-10-01T12:00:00+09:00'));
    expect((await h.call(null, 'POST', '/api/public/desks/follow', { receiptCode: code, secret: receipt.secret })).status).toBe(200);
  });

  it('rate-limits filing per address', async () => {
    let last = 0;
    for (let i = 0; i < 8; i += 1) last = (await h.call(null, 'POST', '/api/public/desks/reports', { category: 'other', summary: `連投 ${i}` })).status;
    expect(last).toBe(429);
  });
});

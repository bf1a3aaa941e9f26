import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import type { CourseList, PlanSession } from '../../domain/training/training-api.js';
import type { ExternalParticipantView, JointParticipants, RosterImportResult } from '../../domain/training/joint-roster.js';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

let h: Harness;
let hrAdmin: Session;
let staff: Session;
let unitHead: Session;
let courseIds: Map<string, number>;
let ownName: string;
let jointSessionId: number;
let plainSessionId: number;

const auditCount = (action: string, outcome = 'succeeded') =>
  h.queryCount(sql`select count(*)::int as n from audit_log where action = ${action} and outcome = ${outcome}`);
const externalCount = (sessionId: number) => h.queryCount(sql`select count(*)::int as n from training_external_participants where session_id = ${sessionId}`);
const participants = (sessionId: number) => h.callJson<JointParticipants>(hrAdmin, 'GET', `/api/training/sessions/${sessionId}/external-participants`, 200);
const upload = (sessionId: number, bytes: Uint8Array, encoding = 'utf-8') =>
  h.call(hrAdmin, 'POST', `/api/training/sessions/${sessionId}/roster-import?encoding=${encoding}`, bytes, { 'content-type': 'application/octet-stream' });
const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
const header = '自治体,氏,名,氏カナ,名カナ,所属,職名,状態';

async function addSession(code: string): Promise<number> {
  const s = await h.callJson<PlanSession>(hrAdmin, 'POST', '/api/training/sessions', 201, {
    courseId: courseIds.get(code)!,
    fiscalYear: 2025,
    startsOn: '2025-11-10',
    endsOn: '2025-11-11',
    place: '藤岡市 研修室',
    capacity: null,
    lecturer: '',
    note: '',
  });
  return s.id;
}

beforeAll(async () => {
  h = await createHarness();
  hrAdmin = await h.loginAs('hrAdmin');
  staff = await h.loginAs('staff');
  unitHead = await h.loginAs('unitHead');
  await h.callJson(hrAdmin, 'POST', '/api/training/courses/import-policy-catalog', 200);
  const list = await h.callJson<CourseList>(hrAdmin, 'GET', '/api/training/courses', 200);
  courseIds = new Map(list.items.map((c) => [c.code, c.id]));
  jointSessionId = await addSession('GEN-MID');
  plainSessionId = await addSession('SP-HYOKA-SUP');
  const [m] = await h.queryRows<{ name: string }>(sql`select name from municipalities order by id limit 1`);
  ownName = m!.name;
});
afterAll(async () => {
  await h.close();
});

describe('external participants', () => {
  it('registers, edits, records attendance and cancels a participant of a co-host municipality', async () => {
    const list0 = await participants(jointSessionId);
    expect(list0.coHosts).toEqual(['藤岡市', '富岡市']);
    expect(list0.ownMunicipality).toBe(ownName);
    expect(list0.items).toEqual([]);

    const added = await h.callJson<ExternalParticipantView>(hrAdmin, 'POST', `/api/training/sessions/${jointSessionId}/external-participants`, 201, {
      fromMunicipality: '富岡市',
      familyName: '川口',
      givenName: '一郎',
      familyNameKana: 'カワグチ',
      givenNameKana: 'イチロウ',
      unitName: '企画課',
      positionName: '主査',
    });
    expect(added).toMatchObject({ status: 'registered', version: 1, fromMunicipality: '富岡市' });

    const body = { ...added, id: undefined, sessionId: undefined };
    delete body.id;
    delete body.sessionId;
    const attended = await h.callJson<ExternalParticipantView>(hrAdmin, 'PUT', `/api/training/external-participants/${added.id}`, 200, { ...body, status: 'attended', unitName: '企画政策課' });
    expect(attended).toMatchObject({ status: 'attended', unitName: '企画政策課', version: 2 });

    const stale = await h.call(hrAdmin, 'PUT', `/api/training/external-participants/${added.id}`, { ...body, status: 'cancelled' });
    expect(stale.status).toBe(409);
    const cancelled = await h.callJson<ExternalParticipantView>(hrAdmin, 'PUT', `/api/training/external-participants/${added.id}`, 200, { ...body, status: 'cancelled', version: 2 });
    expect(cancelled.status).toBe('cancelled');
    expect(await auditCount('training.external-participant-added')).toBe(1);
    expect(await auditCount('training.external-participant-updated')).toBe(2);
  });

  it('refuses a municipality that is not a co-host, a course without co-hosts and people without the permission', async () => {
    const person = { fromMunicipality: '高崎市', familyName: '山田', givenName: '花子' };
    const bad = await h.call(hrAdmin, 'POST', `/api/training/sessions/${jointSessionId}/external-participants`, person);
    expect(bad.status).toBe(400);
    const badBody = (await bad.json()) as ErrorBody;
    expect(badBody.error.details).toEqual([expect.objectContaining({ path: 'fromMunicipality', code: 'not-co-host' })]);

    const plain = await h.call(hrAdmin, 'POST', `/api/training/sessions/${plainSessionId}/external-participants`, { ...person, fromMunicipality: '富岡市' });
    expect(plain.status).toBe(422);
    expect(((await plain.json()) as ErrorBody).error.code).toBe('training.enrolment-not-allowed');

    for (const s of [staff, unitHead]) {
      expect((await h.call(s, 'GET', `/api/training/sessions/${jointSessionId}/external-participants`)).status).toBe(403);
      expect((await h.call(s, 'GET', `/api/training/sessions/${jointSessionId}/roster.csv`)).status).toBe(403);
    }
    expect((await h.call(hrAdmin, 'GET', '/api/training/sessions/999999/external-participants')).status).toBe(404);
  });
});

describe('roster CSV', () => {
  it('exports our attendees and the co-hosts participants, leaving the cancelled out', async () => {
    await h.callJson(hrAdmin, 'POST', `/api/training/sessions/${jointSessionId}/enrol-targets`, 201);
    const enrolled = await h.queryCount(sql`select count(*)::int as n from training_enrolments where session_id = ${jointSessionId} and status = 'enrolled'`);
    expect(enrolled).toBeGreaterThan(0);
    await h.callJson(hrAdmin, 'POST', `/api/training/sessions/${jointSessionId}/external-participants`, 201, {
      fromMunicipality: '藤岡市',
      familyName: '森',
      givenName: '花',
    });

    const res = await h.call(hrAdmin, 'GET', `/api/training/sessions/${jointSessionId}/roster.csv?encoding=utf-8-bom&replaceUnencodable=true`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.subarray(3)).trimEnd().split('\r\n');
    expect(lines[0]).toBe('"自治体","氏","名","氏カナ","名カナ","所属","職名","状態"');
    expect(lines.length).toBe(1 + enrolled + 1);
    expect(lines.filter((l) => l.startsWith(`"${ownName}",`)).length).toBe(enrolled);
    expect(lines.at(-1)).toBe('"藤岡市","森","花","","","","","受講予定"');
    expect(lines.some((l) => l.includes('川口'))).toBe(false);
    expect(await auditCount('training.joint-roster-exported')).toBe(1);

    const sjis = await h.call(hrAdmin, 'GET', `/api/training/sessions/${jointSessionId}/roster.csv?encoding=cp932&replaceUnencodable=true`);
    expect(sjis.status).toBe(200);
    expect(iconv.decode(Buffer.from(await sjis.arrayBuffer()), 'cp932').split('\r\n')[0]).toBe('"自治体","氏","名","氏カナ","名カナ","所属","職名","状態"');
  });

  it('imports the co-host file: upserts other municipalities, ignores ours, in one transaction', async () => {
    const before = await externalCount(jointSessionId);
    const res = await upload(
      jointSessionId,
      csv([
        header,
        '藤岡市,森,花,,,総務課,主事,出席',
        '富岡市,石井,次郎,イシイ,ジロウ,税務課,主任,',
        `${ownName},試験,太郎,シケン,タロウ,人事課,主任,受講予定`,
      ]),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()) as RosterImportResult).toEqual({ inserted: 1, updated: 1, ignoredOwnLines: [4] });
    expect(await externalCount(jointSessionId)).toBe(before + 1);
    const list = await participants(jointSessionId);
    expect(list.items.find((p) => p.familyName === '森')).toMatchObject({ status: 'attended', unitName: '総務課', positionName: '主事' });
    expect(list.items.find((p) => p.familyName === '石井')).toMatchObject({ status: 'registered', fromMunicipality: '富岡市' });
    expect(await auditCount('training.joint-roster-imported')).toBe(1);
  });

  it('reads Shift_JIS files as the co-host sends them', async () => {
    const bytes = iconv.encode(`${header}\r\n富岡市,髙橋,三郎,タカハシ,サブロウ,,,\r\n`, 'cp932');
    const res = await upload(jointSessionId, new Uint8Array(bytes), 'shift_jis');
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await participants(jointSessionId)).items.some((p) => p.familyName === '髙橋')).toBe(true);
  });

  it('refuses a file with errors by line and column and writes nothing', async () => {
    const before = await externalCount(jointSessionId);
    const res = await upload(jointSessionId, csv([header, '藤岡市,新井,四郎,,,,,', '高崎市,山田,,,,,,', '富岡市,木村,五郎,きむら,,,,休み']));
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('training.roster-invalid');
    expect((body.error.details as { line: number; column: string }[]).map((d) => [d.line, d.column])).toEqual([
      [3, '自治体'],
      [3, '名'],
      [4, '氏カナ'],
      [4, '状態'],
    ]);
    expect(await externalCount(jointSessionId)).toBe(before);
    expect(await auditCount('training.joint-roster-imported', 'failed')).toBe(1);

    const garbled = await upload(jointSessionId, new Uint8Array(iconv.encode(`${header}\r\n藤岡市,新井,四郎\r\n`, 'cp932')), 'utf-8');
    expect(garbled.status).toBe(422);
    expect(((await garbled.json()) as ErrorBody).error.details).toEqual([expect.objectContaining({ line: 1 })]);
    expect(await externalCount(jointSessionId)).toBe(before);
  });
});

describe('Shift_JIS roster', () => {
  it('lists what CP932 cannot hold, refuses it without consent and writes 〓 with it', async () => {
    const sessionId = await addSession('SP-MENTAL-SUP');
    await h.callJson(hrAdmin, 'POST', `/api/training/sessions/${sessionId}/external-participants`, 201, { fromMunicipality: '藤岡市', familyName: '\u{20BB7}岡', givenName: '花' });
    const report = await h.callJson<{ count: number; unencodable: { row: number; columnLabel: string; char: string }[] }>(
      hrAdmin,
      'GET',
      `/api/training/sessions/${sessionId}/roster-check?encoding=cp932`,
      200,
    );
    expect(report).toMatchObject({ count: 1, unencodable: [{ row: 2, columnLabel: '氏', char: '\u{20BB7}' }] });
    const refused = await h.call(hrAdmin, 'GET', `/api/training/sessions/${sessionId}/roster.csv?encoding=cp932`);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as ErrorBody).error.code).toBe('org.export-unencodable');
    const replaced = await h.call(hrAdmin, 'GET', `/api/training/sessions/${sessionId}/roster.csv?encoding=cp932&replaceUnencodable=true`);
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('x-unencodable-count')).toBe('1');
    expect(iconv.decode(Buffer.from(await replaced.arrayBuffer()), 'cp932')).toContain('"藤岡市","〓岡","花"');
  });
});

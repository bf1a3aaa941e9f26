import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { retentionCutoff, retentionEndsOn } from '../../domain/recruitment/intake.js';
import { anonymiseExpiredApplicants } from './retention.service.js';
import { buildApplication, insertOpenCampaign, setIntakeSettings } from './intake-test-fixtures.js';

let h: Harness;
let hr: Session;
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrOfficer');
  await setIntakeSettings(h, hr, { attachmentMaxMb: 5, retentionMonths: 12, rateLimitBurst: 1000, rateLimitPerHour: 1000 });
});
afterAll(() => h.close());

describe('retention periods', () => {
  it('ends the same day N months later (clamped to the month end) and is past only after it', () => {
    expect(retentionEndsOn('2025-10-01', 12)).toBe('2026-10-01');
    expect(retentionEndsOn('2024-01-31', 1)).toBe('2024-02-29');
    expect(retentionCutoff(12, '2026-10-02')).toBe('2025-10-01');
    expect(retentionCutoff(12, '2026-10-01')).toBe('2025-09-30');
  });
});

describe('anonymiseExpiredApplicants', () => {
  it('blanks unsuccessful and withdrawn applicants of a finished campaign past retention, deletes their attachments, keeps the hired, and audits counts', async () => {
    const id = await insertOpenCampaign(h, hr);
    const people = ['rejected', 'withdrawn', 'accepted'] as const;
    for (const status of people) {
      const res = await h.call(null, 'POST', `/api/public/recruitment/campaigns/${id}/applications`, buildApplication({ familyName: `保存${status}`, attachments: [{ fileName: 'a.pdf', contentBase64: pdf }] }));
      expect(res.status).toBe(201);
      await h.queryRows(sql`update recruitment_applicants set status = ${status} where family_name = ${`保存${status}`}`);
    }
    const intern = { submissionKey: 'retention-intern', kind: 'workplace-experience', studentName: '期限 花子', studentNameKana: 'キゲン ハナコ', school: '架空中学校', email: 'kigen@example.invalid', birthDate: null, localTie: 'residence', startsOn: '2025-09-29', endsOn: '2025-10-01' };
    expect((await h.call(null, 'POST', '/api/public/recruitment/internship-requests', intern)).status).toBe(201);
    await h.queryRows(sql`update internships set status = 'done' where email = 'kigen@example.invalid'`);

    // The campaign finishes on 2025-10-01 (the harness clock); nothing is due while it runs or before a year has passed.
    let v = (await h.callJson<{ version: number }>(hr, 'GET', `/api/recruitment/campaigns/${id}`, 200)).version;
    for (const status of ['closed', 'finished']) v = (await h.callJson<{ version: number }>(hr, 'POST', `/api/recruitment/campaigns/${id}/status`, 200, { status, version: v })).version;
    const early = await anonymiseExpiredApplicants(h.database, '2026-08-01', new Date('2026-08-01T03:00:00+09:00'));
    expect(early.reduce((n, r) => n + r.applicants, 0)).toBe(0);
    expect(early.reduce((n, r) => n + r.internships, 0)).toBe(0);
    expect((await anonymiseExpiredApplicants(h.database, '2026-10-01')).reduce((n, r) => n + r.applicants, 0)).toBe(0);

    const due = await anonymiseExpiredApplicants(h.database, '2026-10-02', new Date('2026-10-02T03:00:00+09:00'));
    expect(due.reduce((n, r) => n + r.applicants, 0)).toBe(2);
    expect(due.reduce((n, r) => n + r.attachments, 0)).toBe(2);
    expect(due.reduce((n, r) => n + r.internships, 0)).toBe(1);
    const rows = await h.queryRows<{ status: string; family_name: string; email: string; birth_date: string | null; anonymised: boolean; files: number }>(
      sql`select status, family_name, email, birth_date, anonymised_at is not null as anonymised, (select count(*)::int from recruitment_attachments t where t.applicant_id = a.id) as files from recruitment_applicants a where campaign_id = ${id} order by id`,
    );
    expect(rows.map((r) => [r.status, r.family_name, r.email, r.birth_date, r.anonymised, r.files])).toEqual([
      ['rejected', '', '', null, true, 0],
      ['withdrawn', '', '', null, true, 0],
      ['accepted', '保存accepted', expect.stringContaining('@'), '2002-05-10', false, 1],
    ]);
    const [intRow] = await h.queryRows<{ student_name: string; email: string }>(sql`select student_name, email from internships where anonymised_at is not null`);
    expect(intRow).toEqual({ student_name: '', email: '' });
    const audits = await h.queryRows<{ details: Record<string, unknown> }>(sql`select details from audit_log where action = 'recruitment.retention.anonymise'`);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ applicants: 2, attachments: 2, internships: 1 });
    expect(JSON.stringify(audits[0]!.details)).not.toContain('保存');
    // idempotent: a second run finds nothing
    expect((await anonymiseExpiredApplicants(h.database, '2026-10-03')).reduce((n, r) => n + r.applicants + r.internships, 0)).toBe(0);
  });
});

describe('internships (HR)', () => {
  it('assigns a host unit and dates, accepts, records feedback; stale versions refused', async () => {
    const req = { submissionKey: 'hr-intern-0001', kind: 'internship', studentName: '受入 次郎', studentNameKana: 'ウケイレ ジロウ', school: '架空高校', email: 'jiro@example.invalid', birthDate: '2007-01-01', localTie: 'hometown', startsOn: '2025-12-01', endsOn: '2025-12-05' };
    await h.call(null, 'POST', '/api/public/recruitment/internship-requests', req);
    const list = await h.callJson<{ internships: Array<{ id: number; version: number; email: string }> }>(hr, 'GET', '/api/recruitment/internships', 200);
    const it0 = list.internships.find((i) => i.email === 'jiro@example.invalid')!;
    const [unit] = await h.queryRows<{ unit_id: number }>(sql`select unit_id from org_unit_versions where ends_on is null order by unit_id limit 1`);
    const missingUnit = await h.call(hr, 'PUT', `/api/recruitment/internships/${it0.id}`, { version: it0.version, status: 'accepted', hostUnitId: null, startsOn: '2025-12-01', endsOn: '2025-12-05' });
    expect(missingUnit.status).toBe(400);
    const accepted = await h.callJson<{ version: number; status: string }>(hr, 'PUT', `/api/recruitment/internships/${it0.id}`, 200, { version: it0.version, status: 'accepted', hostUnitId: unit!.unit_id, startsOn: '2025-12-02', endsOn: '2025-12-04' });
    expect(accepted.status).toBe('accepted');
    const stale = await h.call(hr, 'PUT', `/api/recruitment/internships/${it0.id}`, { version: it0.version, status: 'done', hostUnitId: unit!.unit_id, startsOn: '2025-12-02', endsOn: '2025-12-04' });
    expect(stale.status).toBe(409);
    const done = await h.callJson<{ status: string; hostFeedback: string }>(hr, 'PUT', `/api/recruitment/internships/${it0.id}`, 200, { version: accepted.version, status: 'done', hostUnitId: unit!.unit_id, startsOn: '2025-12-02', endsOn: '2025-12-04', studentFeedback: '窓口の仕事がよく分かりました', hostFeedback: '意欲的でした' });
    expect(done).toMatchObject({ status: 'done', hostFeedback: '意欲的でした' });
    const audited = await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'recruitment.internships.manage' and outcome = 'allowed'`);
    expect(audited).toBeGreaterThan(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { csvDownload } from '../common/csv-download.js';
import { receiptNumberPattern } from '../../domain/recruitment/intake.js';
import { buildApplication, buildCampaignInput, insertOpenCampaign, setIntakeSettings } from './intake-test-fixtures.js';

let h: Harness;
let hr: Session;
let campaignId: number;
const apply = (body: unknown, id = campaignId) => h.call(null, 'POST', `/api/public/recruitment/campaigns/${id}/applications`, body);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const details = async (res: Response) => JSON.stringify(await res.json());

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrOfficer');
  await setIntakeSettings(h, hr, { attachmentMaxMb: 0.1, retentionMonths: 12, rateLimitBurst: 1000, rateLimitPerHour: 1000 });
  campaignId = await insertOpenCampaign(h, hr);
});
afterAll(() => h.close());

describe('public campaign pages', () => {
  it('list open campaigns only, with the birth-date bounds and FAQ, without staff-side fields', async () => {
    const draft = await h.callJson<{ id: number }>(hr, 'POST', '/api/recruitment/campaigns', 201, buildCampaignInput({ title: '準備中の試験' }));
    const list = await h.callJson<{ campaigns: Array<Record<string, unknown>> }>(null, 'GET', '/api/public/recruitment/campaigns', 200);
    expect(list.campaigns.map((c) => c.id)).toContain(campaignId);
    expect(list.campaigns.map((c) => c.id)).not.toContain(draft.id);
    const one = list.campaigns.find((c) => c.id === campaignId)!;
    expect(one).toMatchObject({ isAccepting: true, birthDateBounds: { bornOnOrAfter: '1995-04-02', bornOnOrBefore: '2004-04-01' } });
    expect(one).not.toHaveProperty('version');
    expect(JSON.stringify(one.stages)).not.toContain('weight');
    expect((await h.call(null, 'GET', `/api/public/recruitment/campaigns/${draft.id}`)).status).toBe(404);
  });
});

describe('public application', () => {
  it('accepts an application with a non-guessable receipt number; markup is stored as plain text', async () => {
    const body = buildApplication({ motivation: '<script>alert(1)</script> と <b>太字</b>', attachments: [{ fileName: '履歴書.pdf', contentBase64: pdf.toString('base64') }] });
    const res = await apply(body);
    expect(res.status, await res.clone().text()).toBe(201);
    const receipt = (await res.json()) as { receiptNumber: string };
    expect(receipt.receiptNumber).toMatch(receiptNumberPattern);
    const [row] = await h.queryRows<{ answers: { motivation: string }; channel: string; n: number }>(
      sql`select answers, channel, (select count(*)::int from recruitment_attachments t where t.applicant_id = a.id) as n from recruitment_applicants a where receipt_number = ${receipt.receiptNumber}`,
    );
    expect(row).toMatchObject({ channel: 'online', n: 1 });
    expect(row!.answers.motivation).toBe('<script>alert(1)</script> と <b>太字</b>');
  });

  it('refuses missing and malformed fields with Japanese messages, and unknown fields', async () => {
    const res = await apply(buildApplication({ familyName: '', familyNameKana: 'mihon', email: 'no-at-sign' }));
    expect(res.status).toBe(400);
    const text = await details(res);
    expect(text).toContain('姓を入力してください');
    expect(text).toContain('カタカナ');
    expect(text).toContain('メールアドレスの形式');
    expect((await apply({ ...buildApplication(), status: 'offered' })).status).toBe(400);
  });

  it('refuses oversized fields and control characters', async () => {
    const long = await apply(buildApplication({ motivation: 'あ'.repeat(2001) }));
    expect(long.status).toBe(400);
    expect(await details(long)).toContain('2000文字以内');
    const ctrl = await apply(buildApplication({ givenName: '太\u0000郎' }));
    expect(await details(ctrl)).toContain('制御文字');
    const bidi = await apply(buildApplication({ familyName: '見\u202E本' }));
    expect(bidi.status).toBe(400);
  });

  it('refuses an ineligible applicant with the reasons', async () => {
    const res = await apply(buildApplication({ birthDate: '1980-01-01' }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; details: { reasons: string[] } } };
    expect(body.error.code).toBe('recruitment.not-eligible');
    expect(body.error.details.reasons[0]).toContain('上限の30歳');
  });

  it('checks attachments by their bytes and size, not their names', async () => {
    const fake = await apply(buildApplication({ attachments: [{ fileName: 'resume.pdf', contentBase64: Buffer.from('MZ\x90\x00 not a pdf').toString('base64') }] }));
    expect(fake.status).toBe(400);
    expect(await details(fake)).toContain('PDF・JPEG・PNG');
    const renamed = await apply(buildApplication({ attachments: [{ fileName: 'photo.pdf', contentBase64: png.toString('base64') }] }));
    expect(await details(renamed)).toContain('拡張子');
    const big = await apply(buildApplication({ attachments: [{ fileName: 'big.pdf', contentBase64: Buffer.concat([pdf, Buffer.alloc(200 * 1024)]).toString('base64') }] }));
    expect(big.status).toBe(400);
    expect(await details(big)).toContain('0.1MB以下');
    const path = await apply(buildApplication({ attachments: [{ fileName: '../../etc/x.pdf', contentBase64: pdf.toString('base64') }] }));
    expect(path.status).toBe(400);
  });

  it('makes one application of a repeated submission, even sent concurrently', async () => {
    const body = buildApplication();
    const first = (await (await apply(body)).json()) as { receiptNumber: string };
    const again = (await (await apply(body)).json()) as { receiptNumber: string };
    expect(again.receiptNumber).toBe(first.receiptNumber);
    const concurrent = buildApplication();
    const answers = await Promise.all(Array.from({ length: 8 }, () => apply(concurrent)));
    const receipts = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as { receiptNumber: string }).receiptNumber)));
    expect(answers.every((r) => r.status === 201)).toBe(true);
    expect(receipts.size).toBe(1);
    expect(await h.queryCount(sql`select count(*)::int as n from recruitment_applicants where submission_key = ${concurrent.submissionKey as string}`)).toBe(1);
  });

  it('refuses applications outside the application period', async () => {
    const closed = await insertOpenCampaign(h, hr, { applicationOpensOn: '2025-11-01', applicationClosesOn: '2025-11-30' });
    expect((await apply(buildApplication(), closed)).status).toBe(409);
  });

  it('links a former intern who applies (same name, kana and birth date) to the internship', async () => {
    const intern = { submissionKey: 'intern-key-0001', kind: 'internship', studentName: '体験 一郎', studentNameKana: 'タイケン イチロウ', school: '架空市立大学', email: 'ichiro@example.invalid', birthDate: '2003-07-07', localTie: 'school', startsOn: '2024-08-05', endsOn: '2024-08-09' };
    expect((await h.call(null, 'POST', '/api/public/recruitment/internship-requests', intern)).status).toBe(201);
    expect((await h.call(null, 'POST', '/api/public/recruitment/internship-requests', intern)).status).toBe(201);
    expect(await h.queryCount(sql`select count(*)::int as n from internships where email = 'ichiro@example.invalid'`)).toBe(1);
    const res = await apply(buildApplication({ familyName: '体験', givenName: '一郎', familyNameKana: 'たいけん', givenNameKana: 'いちろう', birthDate: '2003-07-07', email: 'other@example.invalid', source: 'internship' }));
    expect(res.status).toBe(201);
    const [row] = await h.queryRows<{ internship_id: number | null }>(sql`select internship_id from recruitment_applicants where email = 'other@example.invalid'`);
    expect(row!.internship_id).not.toBeNull();
    const list = await h.callJson<{ internships: Array<{ id: number; laterApplications: number }> }>(hr, 'GET', '/api/recruitment/internships', 200);
    expect(list.internships.find((i) => i.id === row!.internship_id)?.laterApplications).toBe(1);
  });

  it('neutralises formula prefixes of applicant text on export', async () => {
    const hostile = ['=1+2', '+SUM(A1)', '-3', '@cmd', '\tx', '\rx', '＝1', '＋1', '－1', '＠x'];
    const file = csvDownload(['志望動機'], hostile.map((t) => [t]), { encoding: 'utf-8-bom', replaceUnencodable: false, asciiFileName: 'a.csv', fileName: 'a.csv' });
    const lines = file.bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n').slice(1, -1);
    expect(lines.every((l) => l.startsWith("'") || l.startsWith('"\''))).toBe(true);
  });

  it('rate-limits sends per address with a Japanese 429', async () => {
    await setIntakeSettings(h, hr, { attachmentMaxMb: 0.1, retentionMonths: 12, rateLimitBurst: 3, rateLimitPerHour: 3 });
    // the bucket of this address is already drained by the tests above down to the new burst
    const statuses: number[] = [];
    let message = '';
    for (let i = 0; i < 6; i++) {
      const res = await apply(buildApplication());
      statuses.push(res.status);
      if (res.status === 429) message = ((await res.json()) as { error: { message: string } }).error.message;
    }
    expect(statuses).toContain(429);
    expect(message).toContain('しばらく');
  });
});

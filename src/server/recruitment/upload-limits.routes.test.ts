/**
 * The recruitment routes that take files declare larger body limits than the default (ADR 0018): each accepts a
 * body above the default 256 KB and refuses one beyond its own limit with 413 and a Japanese message naming it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { defaultBodyLimitBytes } from '../http/route-guard.js';
import { eApplicationCsvMaxBytes, publicApplicationMaxBytes, scoreCsvMaxBytes } from '../../domain/recruitment/upload-limits.js';
import { buildApplication, insertOpenCampaign, setIntakeSettings } from './intake-test-fixtures.js';
import { insertFixtureCampaign } from './pipeline-fixtures.repository.js';

type ErrorBody = { error: { code: string; message: string; details?: { maxBytes?: number } } };

let h: Harness;
let hr: Session;
let openCampaignId: number;
let pipelineCampaignId: number;
const octets = { 'content-type': 'application/octet-stream' };
/** A CSV of `bytes` bytes: a header and lines padded to reach the size. */
const csvOf = (header: string, line: (i: number) => string, bytes: number) => {
  const lines = [header];
  let size = header.length + 1;
  for (let i = 1; size < bytes; i++) {
    const l = line(i);
    lines.push(l);
    size += Buffer.byteLength(l) + 1;
  }
  return new TextEncoder().encode(lines.join('\n'));
};
const padded = (bytes: number) => new Uint8Array(bytes).fill(0x41);

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrOfficer');
  await setIntakeSettings(h, hr, { attachmentMaxMb: 5, retentionMonths: 12, rateLimitBurst: 1000, rateLimitPerHour: 1000 });
  openCampaignId = await insertOpenCampaign(h, hr);
  const municipalityId = Number((await h.queryRows<{ id: number }>(sql`select municipality_id as id from accounts where login_id = 'A0001'`))[0]!.id);
  pipelineCampaignId = await insertFixtureCampaign(h.database.db, municipalityId);
});
afterAll(() => h.close());

describe('the public application (24 MB)', () => {
  const apply = (body: string) => h.call(null, 'POST', `/api/public/recruitment/campaigns/${openCampaignId}/applications`, body, { 'content-type': 'application/json' });

  it('accepts an application with a 1 MB attachment, far above the default limit', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024, 0x20)]);
    const body = JSON.stringify(buildApplication({ attachments: [{ fileName: '履歴書.pdf', contentBase64: pdf.toString('base64') }] }));
    expect(body.length).toBeGreaterThan(defaultBodyLimitBytes);
    const res = await apply(body);
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('refuses a body beyond 24 MB with 413 before validating it', async () => {
    const body = JSON.stringify(buildApplication({ motivation: 'x'.repeat(publicApplicationMaxBytes) }));
    const res = await apply(body);
    expect(res.status).toBe(413);
    expect((await res.json()) as ErrorBody).toEqual({
      error: { code: 'common.too-large', message: '送信されたデータが大きすぎます(上限 24MB)。', details: { maxBytes: publicApplicationMaxBytes } },
    });
  });
});

describe('the e-application CSV import (10 MB)', () => {
  const header = '受付番号,姓,名,姓(フリガナ),名(フリガナ),生年月日,メールアドレス,電話番号,最終学歴,職務経験年数,資格,志望動機,きっかけ';
  const post = (session: Session | null, bytes: Uint8Array) => h.call(session, 'POST', `/api/recruitment/campaigns/${openCampaignId}/e-application-imports?encoding=utf-8`, bytes, octets);

  it('previews a 1 MB file', async () => {
    const bytes = csvOf(header, (i) => `L-${i},試験,花子,シケン,ハナコ,平成14年6月1日,hanako-${i}@example.invalid,,架空大学,,,"${'市民の役に立ちたい。'.repeat(10)}",説明会`, 1024 * 1024);
    const res = await post(hr, bytes);
    expect(res.status, (await res.clone().text()).slice(0, 300)).toBe(200);
    const preview = (await res.json()) as { newCount: number; committed: boolean };
    expect(preview).toMatchObject({ committed: false });
    expect(preview.newCount).toBeGreaterThan(1000);
  });

  it('refuses a file beyond 10 MB with 413, and asks for sign-in before reading anything', async () => {
    const res = await post(hr, padded(eApplicationCsvMaxBytes + 1));
    expect(res.status).toBe(413);
    expect((await res.json()) as ErrorBody).toEqual({ error: { code: 'common.too-large', message: 'ファイルが大きすぎます(上限 10MB)。', details: { maxBytes: eApplicationCsvMaxBytes } } });
    expect((await post(null, padded(eApplicationCsvMaxBytes + 1))).status).toBe(401);
  });
});

describe('the test-centre score import (2 MB)', () => {
  const post = (bytes: Uint8Array) => h.call(hr, 'POST', `/api/recruitment/pipeline/campaigns/${pipelineCampaignId}/stages/1/scores/import?encoding=utf-8`, bytes, octets);

  it('reads a 1 MB file (every line checked: here, unknown receipt numbers)', async () => {
    const res = await post(csvOf('受付番号,得点', (i) => `UNKNOWN-${String(i).padStart(40, '0')},50`, 1024 * 1024));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ok: boolean }).ok).toBe(false);
  });

  it('refuses a file beyond 2 MB with 413', async () => {
    const res = await post(padded(scoreCsvMaxBytes + 1));
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error).toMatchObject({ code: 'common.too-large', message: 'ファイルが大きすぎます(上限 2MB)。' });
  });
});

describe('OpenAPI', () => {
  it('documents each upload route’s own limit', async () => {
    const doc = (await (await h.call(null, 'GET', '/api/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>> };
    expect(doc.paths['/api/public/recruitment/campaigns/{id}/applications']!.post!.responses['413']!.description).toContain('24MB');
    expect(doc.paths['/api/recruitment/campaigns/{id}/e-application-imports']!.post!.responses['413']!.description).toContain('10MB');
    expect(doc.paths['/api/recruitment/pipeline/campaigns/{id}/stages/{stageIndex}/scores/import']!.post!.responses['413']!.description).toContain('2MB');
  });
});

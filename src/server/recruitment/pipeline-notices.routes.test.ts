/** Notices with an SMTP relay configured: mailed through it (plain text from the template), recorded; settings. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { startSmtpTestServer, type SmtpTestServer } from '../common/smtp-test-server.js';
import { insertFixtureApplicants, insertFixtureCampaign } from './pipeline-fixtures.repository.js';
import { defaultPipelineSettings } from '../../domain/recruitment/pipeline-settings.js';

let smtp: SmtpTestServer;
let h: Harness;
let hr: Session;
let campaignId: number;
let ids: number[];

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  h = await createHarness({ env: { SMTP_URL: smtp.url, SMTP_FROM: 'saiyo@city.example.lg.jp' } });
  hr = await h.loginAs('hrAdmin');
  const m = Number((await h.queryRows<{ id: number }>(sql`select municipality_id as id from accounts where login_id = 'A0001'`))[0]!.id);
  campaignId = await insertFixtureCampaign(h.database.db, m);
  ids = await insertFixtureApplicants(h.database.db, m, campaignId, 2);
});
afterAll(async () => {
  await h.close();
  await smtp.close();
});

describe('notices and settings', () => {
  it('changes the templates and the spread threshold, version-checked', async () => {
    const current = await h.callJson<{ updatedAt: string | null }>(hr, 'GET', '/api/recruitment/pipeline/settings', 200);
    expect(current.updatedAt).toBeNull();
    const settings = { ...defaultPipelineSettings, spreadThreshold: 15, templates: { ...defaultPipelineSettings.templates, pass: { subject: '{試験名} 合格のお知らせ', body: '{氏名} 様 ({受付番号}) {段階}に合格しました。' } } };
    const saved = await h.callJson<{ updatedAt: string; settings: { spreadThreshold: number } }>(hr, 'PUT', '/api/recruitment/pipeline/settings', 200, { settings, updatedAt: null });
    expect(saved.settings.spreadThreshold).toBe(15);
    expect((await h.call(hr, 'PUT', '/api/recruitment/pipeline/settings', { settings, updatedAt: null })).status).toBe(409);
    expect((await h.call(hr, 'PUT', '/api/recruitment/pipeline/settings', { settings: { ...settings, spreadThreshold: 0 }, updatedAt: saved.updatedAt })).status).toBe(400);
  });

  it('mails through the configured relay only, and records each notice', async () => {
    const result = await h.callJson<{ mailed: number; print: number; failed: number }>(hr, 'POST', `/api/recruitment/pipeline/campaigns/${campaignId}/notices`, 200, { template: 'pass', applicantIds: ids, stageIndex: 0 });
    expect(result).toEqual({ mailed: 2, print: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to).flat().sort()).toEqual(['applicant1@example.invalid', 'applicant2@example.invalid']);
    const first = smtp.received.find((m) => m.to.includes('applicant1@example.invalid'))!;
    expect(first.subject).toContain('合格のお知らせ');
    expect(first.text).toContain(`(C${campaignId}-000001) 書類選考に合格しました。`);
    const rows = await h.queryRows<{ delivery: string; sent_at: string | null }>(sql`select delivery, sent_at from recruitment_notices where applicant_id in (${ids[0]}, ${ids[1]})`);
    expect(rows.every((r) => r.delivery === 'mail' && r.sent_at !== null)).toBe(true);
  });

  it('refuses applicants of another campaign', async () => {
    const res = await h.call(hr, 'POST', `/api/recruitment/pipeline/campaigns/${campaignId}/notices`, { template: 'fail', applicantIds: [ids[0]! + 100_000] });
    expect(res.status).toBe(400);
  });
});

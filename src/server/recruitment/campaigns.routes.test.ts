import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { buildCampaignInput, insertOpenCampaign, setIntakeSettings } from './intake-test-fixtures.js';

let h: Harness;
let hr: Session;

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrOfficer');
  await setIntakeSettings(h, hr, { attachmentMaxMb: 5, retentionMonths: 12, rateLimitBurst: 1000, rateLimitPerHour: 1000 });
});
afterAll(() => h.close());

describe('campaigns', () => {
  it('creates, edits with a version, refuses a stale version, and moves draft → open → closed → finished', async () => {
    const created = await h.callJson<{ id: number; version: number; status: string; birthDateBounds: { bornOnOrAfter: string } }>(hr, 'POST', '/api/recruitment/campaigns', 201, buildCampaignInput());
    expect(created.status).toBe('draft');
    expect(created.birthDateBounds.bornOnOrAfter).toBe('1995-04-02');
    const edited = await h.callJson<{ version: number; title: string }>(hr, 'PUT', `/api/recruitment/campaigns/${created.id}`, 200, { ...buildCampaignInput({ title: '変更後の試験名' }), version: created.version });
    expect(edited.title).toBe('変更後の試験名');
    const stale = await h.call(hr, 'PUT', `/api/recruitment/campaigns/${created.id}`, { ...buildCampaignInput(), version: created.version });
    expect(stale.status).toBe(409);
    let v = edited.version;
    for (const status of ['open', 'closed', 'finished']) v = (await h.callJson<{ version: number }>(hr, 'POST', `/api/recruitment/campaigns/${created.id}/status`, 200, { status, version: v })).version;
    const again = await h.call(hr, 'POST', `/api/recruitment/campaigns/${created.id}/status`, { status: 'open', version: v });
    expect(again.status).toBe(409);
    const list = await h.callJson<{ campaigns: Array<{ id: number }> }>(hr, 'GET', '/api/recruitment/campaigns?fiscalYear=2025', 200);
    expect(list.campaigns.some((c) => c.id === created.id)).toBe(true);
  });

  it('raises or removes the age limit, and refuses a 資格職 without its profession', async () => {
    const removed = buildCampaignInput({ category: 'mid-career', eligibility: { ...buildCampaignInput().eligibility, maxAge: null } });
    const row = await h.callJson<{ birthDateBounds: { bornOnOrAfter: string | null } }>(hr, 'POST', '/api/recruitment/campaigns', 201, removed);
    expect(row.birthDateBounds.bornOnOrAfter).toBeNull();
    const res = await h.call(hr, 'POST', '/api/recruitment/campaigns', buildCampaignInput({ category: 'licensed', profession: '' }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('職種');
  });

  it('gives category defaults with the rubrics of the settings document', async () => {
    const d = await h.callJson<{ stages: Array<{ kind: string; rubric: { items: Array<{ label: string }> } | null }> }>(hr, 'GET', '/api/recruitment/campaigns/defaults?category=general-admin&fiscalYear=2025&postsToFill=3', 200);
    expect(d.stages.find((s) => s.kind === 'group-discussion')?.rubric?.items.map((i) => i.label)).toContain('協調性');
  });

  it('is walled: staff and unit heads get 403, nobody signed in 401', async () => {
    const staff = await h.loginAs('staff');
    expect((await h.call(staff, 'GET', '/api/recruitment/campaigns')).status).toBe(403);
    expect((await h.call(await h.loginAs('unitHead'), 'POST', '/api/recruitment/campaigns', buildCampaignInput())).status).toBe(403);
    expect((await h.call(null, 'GET', '/api/recruitment/campaigns')).status).toBe(401);
    expect((await h.call(staff, 'GET', '/api/recruitment/internships')).status).toBe(403);
  });
});

describe('OpenAPI', () => {
  it('documents the intake and public routes', async () => {
    const doc = (await (await h.call(null, 'GET', '/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/recruitment/campaigns/{id}', '/api/public/recruitment/campaigns/{id}/applications', '/api/recruitment/campaigns/{id}/e-application-imports']));
  });
});

describe('e-application CSV import', () => {
  const header = '受付番号,姓,名,姓(フリガナ),名(フリガナ),生年月日,メールアドレス,電話番号,最終学歴,職務経験年数,資格,志望動機,きっかけ';
  const line = (no: string, extra: Partial<Record<'family' | 'birth' | 'motivation', string>> = {}) =>
    `${no},${extra.family ?? '試験'},花子,シケン,ハナコ,${extra.birth ?? '平成14年6月1日'},hanako-${no}@example.invalid,,架空大学,,,"${extra.motivation ?? '市民の役に立ちたい'}",説明会`;
  const post = (id: number, text: string, q: string) => h.call(hr, 'POST', `/api/recruitment/campaigns/${id}/e-application-imports?${q}`, new Uint8Array(iconv.encode(text, 'cp932')), { 'content-type': 'application/octet-stream' });

  it('previews per-line errors, commits nothing while any line is wrong, then commits all; duplicates make one application', async () => {
    const id = await insertOpenCampaign(h, hr);
    const bad = [header, line('A-001'), line('A-002', { birth: '不明' }), line('A-003', { family: '' })].join('\r\n');
    const preview = (await (await post(id, bad, 'encoding=shift_jis')).json()) as { problems: Array<{ line: number; column: string }>; sha256: string };
    expect(preview.problems.map((p) => [p.line, p.column])).toEqual([
      [3, '生年月日'],
      [4, '姓'],
    ]);
    const refused = await post(id, bad, `encoding=shift_jis&commit=true&sha256=${preview.sha256}`);
    expect(refused.status).toBe(422);
    expect(await h.queryCount(sql`select count(*)::int as n from recruitment_applicants where campaign_id = ${id}`)).toBe(0);

    const good = [header, line('A-001'), line('A-002', { motivation: '=HYPERLINK(""http://x"")' }), line('A-001')].join('\r\n');
    const p2 = (await (await post(id, good, 'encoding=shift_jis')).json()) as { sha256: string; newCount: number; duplicateCount: number };
    expect([p2.newCount, p2.duplicateCount]).toEqual([2, 1]);
    const done = (await (await post(id, good, `encoding=shift_jis&commit=true&sha256=${p2.sha256}`)).json()) as { committed: boolean; newCount: number };
    expect(done).toMatchObject({ committed: true, newCount: 2 });
    // the same file again: all duplicates, nothing new
    const again = (await (await post(id, good, `encoding=shift_jis&commit=true&sha256=${p2.sha256}`)).json()) as { newCount: number; duplicateCount: number };
    expect([again.newCount, again.duplicateCount]).toEqual([0, 3]);
    const rows = await h.queryRows<{ channel: string; source: string; birth_date: string }>(sql`select channel, source, birth_date::text from recruitment_applicants where campaign_id = ${id}`);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.channel === 'csv' && r.source === 'fair' && r.birth_date === '2002-06-01')).toBe(true);
  });

  it('refuses a commit whose file differs from the preview', async () => {
    const id = await insertOpenCampaign(h, hr);
    const res = await post(id, [header, line('B-1')].join('\n'), `encoding=shift_jis&commit=true&sha256=${'0'.repeat(64)}`);
    expect(res.status).toBe(409);
  });
});

// Journey (ストレスチェック, issue 6 item 2): the implementer opens a campaign through the API; staff A0005 answers
// all 57 items with the keyboard only (autosave announced), sees the result with the radar chart and the
// high-stress determination, requests a physician interview and refuses consent (nothing pre-ticked); the
// implementer sees the request on the campaign page; after more people answer (API) and the campaign closes, HR
// sees the group analysis and its 判定図 (and downloads it: no group under 10 in the file) — and no individual result
// or interview list. axe on every page.

import { describe, expect, it } from 'vitest';
import { request, type Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { apiCall, apiClientFor, type ApiClient } from '../support/api';
import { baseUrl, browserPerSuite, loginAs, type DemoRole } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';
import { demoStaffPassword } from '../../src/server/db/seeds/demo-accounts';

async function signInAs(page: Page, role: DemoRole): Promise<void> {
  await page.context().clearCookies();
  await loginAs(page, role);
  await heading1(page, 'ホーム');
}

const tokyoToday = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Campaign = { id: number; name: string; version: number };

/** A demo staff member's API client, or null for people without an account (e.g. some 会計年度任用職員). */
async function staffClient(employeeNumber: string): Promise<ApiClient | null> {
  const api = await request.newContext({ baseURL: baseUrl() });
  const res = await api.post('/api/auth/login', { data: { loginId: employeeNumber, password: demoStaffPassword } });
  if (res.status() !== 200) return null;
  return { api, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Someone else answers everything through the API (deterministic pattern). */
async function answerByApi(client: ApiClient, campaignId: number, seed: number): Promise<void> {
  const bounds = { A: [1, 17], B: [18, 46], C: [47, 55], D: [56, 57] } as const;
  for (const [area, [from, to]] of Object.entries(bounds)) {
    const answers: Record<string, number> = {};
    for (let no = from; no <= to; no += 1) answers[String(no)] = ((seed * 5 + no * 3) % 4) + 1;
    await apiCall(client, 'PUT', `/api/stress-check/campaigns/${campaignId}/mine/answers/${area}`, { answers });
  }
  await apiCall(client, 'POST', `/api/stress-check/campaigns/${campaignId}/mine/submit`);
}

describe('stress check: answer by keyboard, result, interview request, consent refused; implementer and HR views', () => {
  const browser = browserPerSuite();

  it('takes a staff member through the check and keeps HR to the group analysis', async () => {
    const { page } = browser();
    const implementer = await apiClientFor('stressImplementer');
    const today = tokyoToday();
    const fy = Number(today.slice(5, 7)) >= 4 ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
    const name = `e2eストレスチェック${Date.now() % 100000}`;
    const created = (await apiCall<Campaign>(implementer, 'POST', '/api/stress-check/campaigns', { name, fiscalYear: fy, opensOn: addDays(today, -1), closesOn: addDays(today, 30) })).body;
    const opened = (await apiCall<Campaign>(implementer, 'POST', `/api/stress-check/campaigns/${created.id}/open`, { version: created.version })).body;

    // A0005 answers with the keyboard only.
    await signInAs(page, 'staff');
    await mainMenu(page).getByRole('link', { name: 'ストレスチェック', exact: true }).click();
    await heading1(page, 'ストレスチェック');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: `${name}に回答する` }).click();
    await heading1(page, 'ストレスチェックの回答');
    await visible(page.getByRole('group', { name: /1\. 非常にたくさんの仕事をしなければならない/ }), 30_000);
    await expectNoAxeViolations(page);
    await page.locator('#item-1-1').focus();
    for (let no = 1; no <= 57; no += 1) {
      // Space picks the first option, three arrows move to the fourth (そうだ… → ちがう, …, 不満足); Tab to the next item.
      await page.keyboard.press('Space');
      for (let k = 0; k < 3; k += 1) await page.keyboard.press('ArrowRight');
      if (no === 17) await visible(page.getByRole('status').filter({ hasText: /回答を保存しました/ }), 30_000);
      await page.keyboard.press('Tab');
    }
    await expect(page.locator('#item-57-4').isChecked()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: '回答を提出して結果を見る' }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');

    await visible(page.getByRole('heading', { level: 1, name: 'ストレスチェックの結果' }), 30_000);
    await visible(page.getByText('あなたは高ストレス者に該当します。'));
    await visible(page.getByRole('img', { name: /ストレスプロフィール/ }));
    await visible(page.getByRole('table', { name: /尺度ごとの点数/ }));
    // consent: asked after the result, nothing chosen beforehand
    await expect(page.getByRole('radio', { name: '同意する' }).isChecked()).resolves.toBe(false);
    await expect(page.getByRole('radio', { name: '同意しない' }).isChecked()).resolves.toBe(false);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: '面接指導を申し出る' }).click();
    await visible(page.getByText(/面接指導を申し出ました/));
    await page.getByRole('radio', { name: '同意しない' }).check();
    await page.getByRole('button', { name: '同意について回答する' }).click();
    await visible(page.getByRole('status').filter({ hasText: /同意しないと回答しました/ }));
    await expectNoAxeViolations(page);

    // The implementer sees the request.
    await signInAs(page, 'stressImplementer');
    await mainMenu(page).getByRole('link', { name: 'ストレスチェックの実施', exact: true }).click();
    await heading1(page, 'ストレスチェックの実施');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name }).click();
    await heading1(page, name);
    const requests = page.getByRole('table', { name: /面接指導の申出/ });
    await visible(requests.getByRole('row').filter({ hasText: 'A0005' }));
    // …and opens A0005's individual result (an audited read): the determination and the scale scores.
    const row = page.getByRole('table', { name: '受検者の結果' }).getByRole('row').filter({ hasText: 'A0005' });
    await row.getByRole('button', { name: /結果を表示/ }).click();
    const detail = page.getByRole('region', { name: /さんの結果$/ });
    await visible(detail.getByText(/高ストレス者に該当/));
    await visible(detail.getByRole('table', { name: '尺度ごとの点数(レーダーチャートの値)' }));
    await expectNoAxeViolations(page);

    // Eleven more people answer, then the campaign closes: the group analysis becomes available.
    const hr = await apiClientFor('hrAdmin');
    const list = (await apiCall<{ items: Array<{ employeeNumber: string }> }>(hr, 'GET', '/api/staff?pageSize=100')).body.items;
    let answered = 0;
    for (const number of list.map((s) => s.employeeNumber).filter((n) => !/^A000\d$/.test(n))) {
      if (answered === 11) break;
      const client = await staffClient(number);
      if (!client) continue;
      await answerByApi(client, opened.id, answered);
      answered += 1;
    }
    expect(answered).toBe(11);
    await apiCall(implementer, 'POST', `/api/stress-check/campaigns/${opened.id}/close`, { version: opened.version });

    // HR sees the group analysis only.
    await signInAs(page, 'hrAdmin');
    await mainMenu(page).getByRole('link', { name: 'ストレスチェックの集団分析', exact: true }).click();
    await heading1(page, 'ストレスチェックの実施');
    await page.getByRole('link', { name }).click();
    await heading1(page, name);
    await visible(page.getByRole('heading', { name: '集団分析(仕事のストレス判定図)' }));
    await visible(page.getByRole('img', { name: '量-コントロール判定図' }));
    await visible(page.getByRole('table', { name: /集団分析/ }).getByRole('row').filter({ hasText: '全体' }));
    // The group analysis downloads as on screen: no figure of a group under 10 in the file.
    const groupExport = page.getByRole('region', { name: '集団分析の出力(Excel・CSV)' });
    await visible(groupExport.getByRole('link', { name: '集団分析をExcelでダウンロード' }));
    const groupHref = (await groupExport.getByRole('link', { name: '集団分析をCSVでダウンロード' }).getAttribute('href'))!;
    // (the browser's own session downloads it, as the link would)
    const groupCsv = await page.request.get(new URL(groupHref, page.url()).toString());
    expect(groupCsv.status()).toBe(200);
    const groupLines = (await groupCsv.body()).toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(groupLines[1]).toMatch(/^"全体","0","","表示","12"/);
    for (const line of groupLines.slice(1)) {
      const count = line.slice(1, -1).split('","')[4]!;
      if (count !== '') expect(Number(count)).toBeGreaterThanOrEqual(10);
    }
    await expect(page.getByRole('heading', { name: '面接指導の申出' }).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: /受検者の結果/ }).count()).resolves.toBe(0);
    await expect(page.getByText('A0005').count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
    // and the server refuses the individual result whatever the screen shows
    const staffId = (await apiCall<{ items: Array<{ id: number; employeeNumber: string }> }>(hr, 'GET', '/api/staff?q=A0005')).body.items[0]!.id;
    await apiCall(hr, 'GET', `/api/stress-check/campaigns/${opened.id}/results/${staffId}`, undefined, [403]);
  });
});

// Journey (ストレスチェック, the MHLW program's paper answers, withdrawal, exports and result sheet): the implementer
// opens a campaign (API), goes to 紙の回答の入力 from the campaign page, finds A0005, tries to submit with items
// missing (told which, nothing stored), types the 57 answers with the digit keys only, submits, and prints A0005's
// 個人結果票; the results list offers its CSV/Excel downloads (the CSV is fetched and is formula-safe). A0005 signs
// in, sees the result as usual, requests a physician interview and withdraws it, then prints their own sheet. The
// implementer sees the withdrawal. HR reaches none of it. axe on every page.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { apiCall, apiClientFor } from '../support/api';
import { browserPerSuite, loginAs, type DemoRole } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';

async function signInAs(page: Page, role: DemoRole): Promise<void> {
  await page.context().clearCookies();
  await loginAs(page, role);
  await heading1(page, 'ホーム');
}

const tokyoToday = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Campaign = { id: number; name: string; version: number };

describe('stress check: paper entry by the implementer, withdrawal of an interview request, result sheet, exports', () => {
  const browser = browserPerSuite();

  it('enters a paper questionnaire by keyboard, and the examinee sees, withdraws and prints', async () => {
    const { page } = browser();
    const implementer = await apiClientFor('stressImplementer');
    const today = tokyoToday();
    const fy = Number(today.slice(5, 7)) >= 4 ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
    const name = `e2e紙の回答${Date.now() % 100000}`;
    const created = (await apiCall<Campaign>(implementer, 'POST', '/api/stress-check/campaigns', { name, fiscalYear: fy, opensOn: addDays(today, -1), closesOn: addDays(today, 30) })).body;
    const opened = (await apiCall<Campaign>(implementer, 'POST', `/api/stress-check/campaigns/${created.id}/open`, { version: created.version })).body;

    // The implementer goes from the campaign page to paper entry.
    await signInAs(page, 'stressImplementer');
    await mainMenu(page).getByRole('link', { name: 'ストレスチェックの実施', exact: true }).click();
    await heading1(page, 'ストレスチェックの実施');
    await page.getByRole('link', { name }).click();
    await heading1(page, name);
    await page.getByRole('link', { name: '紙の回答を入力する(代理入力)' }).click();
    await heading1(page, '紙の回答の入力(代理入力)');
    await expectNoAxeViolations(page);

    await page.getByLabel('受検者(氏名・カナ・職員番号で検索)').fill('A0005');
    const candidate = page.getByRole('list', { name: '受検者の候補' }).getByRole('button', { name: /A0005/ });
    await visible(candidate);
    await candidate.click();
    await visible(page.getByRole('group', { name: /1\. 非常にたくさんの仕事をしなければならない/ }));
    await expectNoAxeViolations(page);

    // Items 1–56 by the digit keys alone (each press chooses and moves on); 57 is left out at first.
    await page.locator('#paper-1-1').focus();
    for (let no = 1; no <= 56; no += 1) await page.keyboard.press(String(((no - 1) % 4) + 1));
    await expect(page.locator('#paper-56-4').isChecked()).resolves.toBe(true);
    await expect(page.locator('#paper-57-1').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.getByRole('button', { name: /さんの紙の回答を提出する/ }).click();
    const missing = page.getByRole('alert').filter({ hasText: '未入力の設問が 1 問あります' });
    await visible(missing);
    await visible(missing.getByText('未入力: 57(D2)'));
    await expectNoAxeViolations(page);
    // Reach the missing item from the list and answer it with a digit.
    await missing.getByRole('button', { name: '設問 57(D2) へ移動' }).click();
    await page.keyboard.press('2');
    await expect(page.locator('#paper-57-2').isChecked()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /さんの紙の回答を提出する/ }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('status').filter({ hasText: /職員番号 A0005.*の紙の回答を提出しました/ }), 30_000);
    await expectNoAxeViolations(page);

    // A second entry for the same person is not offered.
    await page.getByLabel('受検者(氏名・カナ・職員番号で検索)').fill('A0005');
    await visible(page.getByRole('list', { name: '受検者の候補' }).getByText(/提出済み.*のため入力できません/));

    // The implementer prints A0005's result sheet.
    await page.getByRole('link', { name: /さんの個人結果票を印刷する/ }).click();
    await heading1(page, 'ストレスチェック 個人結果票');
    await visible(page.getByRole('table', { name: /^尺度ごとの点数/ }));
    await visible(page.getByText('A0005', { exact: true }));
    await expectNoAxeViolations(page);

    // The results list offers the downloads; the CSV is the implementer's and formula-safe.
    await page.getByRole('link', { name: '実施の画面に戻る' }).click();
    await heading1(page, name);
    const results = page.getByRole('region', { name: '受検者の結果の一覧の出力(Excel・CSV)' });
    await visible(results.getByRole('link', { name: '受検者の結果の一覧をCSVでダウンロード' }));
    await visible(results.getByRole('link', { name: '受検者の結果の一覧をExcelでダウンロード' }));
    await expectNoAxeViolations(page);
    const href = (await results.getByRole('link', { name: '受検者の結果の一覧をCSVでダウンロード' }).getAttribute('href'))!;
    // (the browser's own session downloads it, as the link would)
    const csv = await page.request.get(new URL(href, page.url()).toString());
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const text = (await csv.body()).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('"A0005"');
    for (const line of text.slice(1).split('\r\n').filter(Boolean)) for (const cell of line.slice(1, -1).split('","')) expect(cell).not.toMatch(/^[=+\-@]/);

    // A0005 sees the result as usual, requests an interview, withdraws it, and prints the sheet.
    await signInAs(page, 'staff');
    await mainMenu(page).getByRole('link', { name: 'ストレスチェック', exact: true }).click();
    await heading1(page, 'ストレスチェック');
    await page.getByRole('link', { name: `${name}の結果を見る` }).click();
    await heading1(page, 'ストレスチェックの結果');
    await visible(page.getByText(/高ストレス者に該当(します|しません)。/));
    await page.getByRole('button', { name: '面接指導を申し出る' }).click();
    await visible(page.getByText(/面接指導を申し出ました/));
    await page.getByRole('button', { name: '面接指導の申出を取り下げる' }).click();
    await visible(page.getByRole('status').filter({ hasText: '面接指導の申出を取り下げました。' }));
    await visible(page.getByRole('button', { name: 'もう一度面接指導を申し出る' }));
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: '個人結果票を印刷する' }).click();
    await heading1(page, 'ストレスチェック 個人結果票');
    await visible(page.getByRole('heading', { level: 2, name: '判定' }));
    await visible(page.getByRole('button', { name: '印刷' }));
    await expectNoAxeViolations(page);
    // In print, the app's chrome is gone and the sheet remains.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app-header').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: '印刷' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { level: 1, name: 'ストレスチェック 個人結果票' }).isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The implementer sees the withdrawal.
    await signInAs(page, 'stressImplementer');
    await page.goto(new URL(`/stress-check/campaigns/${opened.id}`, page.url()).toString());
    await heading1(page, name);
    const row = page.getByRole('table', { name: /面接指導の申出/ }).getByRole('row').filter({ hasText: 'A0005' });
    await visible(row.getByText('取下げ'));
    await visible(row.getByText('—(本人が申出を取り下げました)'));
    await expectNoAxeViolations(page);

    // HR reaches neither the paper entry, the result sheet nor the results export.
    const hr = await apiClientFor('hrAdmin');
    const staffId = (await apiCall<{ items: Array<{ id: number }> }>(hr, 'GET', '/api/staff?q=A0005')).body.items[0]!.id;
    await apiCall(hr, 'GET', `/api/stress-check/campaigns/${opened.id}/results/${staffId}/sheet`, undefined, [403]);
    await apiCall(hr, 'GET', `/api/stress-check/campaigns/${opened.id}/exports/results`, undefined, [403]);
    await apiCall(hr, 'POST', `/api/stress-check/campaigns/${opened.id}/paper-entry/${staffId}`, { answers: {} }, [403]);
  });
});

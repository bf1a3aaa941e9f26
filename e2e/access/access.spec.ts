// Journeys by role: a unit head sees their unit; a member of staff sees only their own page and is told
// they lack the right elsewhere; the auditor sees the sign-ins; granting the stress-check role to an HR
// officer is refused with the law's reason. axe runs on every page visited.

import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe';
import { baseUrl, browserPerSuite, demoLogins, loginAs } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';

async function menuLabels(page: Page): Promise<string[]> {
  await visible(mainMenu(page).getByRole('link'));
  return (await mainMenu(page).getByRole('link').allInnerTexts()).map((t) => t.trim());
}

describe('access by role', () => {
  const browser = browserPerSuite();

  beforeEach(async () => {
    // Each journey signs in afresh.
    await browser().context.clearCookies();
  });

  it('a unit head opens their unit page with its members and careers', async () => {
    const { page } = browser();
    await loginAs(page, 'unitHead');
    await heading1(page, 'ホーム');
    const labels = await menuLabels(page);
    expect(labels).toEqual(expect.arrayContaining(['マイページ', '所属の職員', '職員検索']));
    expect(labels).not.toContain('インポート');
    expect(labels).not.toContain('アカウント');
    await expectNoAxeViolations(page);

    await mainMenu(page).getByRole('link', { name: '所属の職員' }).click();
    await heading1(page, '市民課の職員と経歴');
    const members = page.getByRole('table', { name: /市民課の在籍職員と経歴/ });
    await visible(members.getByRole('link', { name: '小川 翔太' }));
    await visible(members.getByRole('link', { name: '中村 恵美' }));
    await expectNoAxeViolations(page);

    // The directory shows only the people of the units they head.
    await mainMenu(page).getByRole('link', { name: '職員検索' }).click();
    await heading1(page, '職員検索');
    await visible(page.getByRole('link', { name: '小川 翔太' }));
    for (const unit of await page.locator('table tbody tr td:nth-child(4)').allInnerTexts()) expect(unit).toContain('市民課');
    await expectNoAxeViolations(page);
  });

  it('a member of staff sees their own screens only (no HR, placement or administration) and is told they lack the right for the directory', async () => {
    const { page } = browser();
    await loginAs(page, 'staff');
    await heading1(page, 'ホーム');
    expect(await menuLabels(page)).toEqual([
      ...['マイページ', '求める能力', '人事評価', '評価スケジュール'],
      ...['研修', '受講履歴', '研修のおすすめ', '自己啓発', '自主研修グループ', '研修受講履歴(印刷)'],
      ...['デジタルスキル', 'DX推進体制', 'DX推進リーダー', 'DX推進アドバイザー', '自治体間交流', 'ナレッジベース', '職員コミュニティ'],
      ...['ストレスチェック', '自己申告', '相談・通報窓口', 'フェロー面談'],
    ]);
    // No HR, placement, recruitment-management or administration screens.
    expect(await mainMenu(page).getByRole('link', { name: /異動案|採用試験|アカウント|職員検索/ }).count()).toBe(0);
    await expectNoAxeViolations(page);

    await mainMenu(page).getByRole('link', { name: 'マイページ' }).click();
    await heading1(page, 'マイページ(小川 翔太)');
    await visible(page.getByRole('table', { name: /小川 翔太の経歴/ }));
    // Their own protected fields are theirs to see.
    await visible(page.getByRole('heading', { level: 2, name: '保護された情報' }));
    await expectNoAxeViolations(page);

    await page.goto(`${baseUrl()}/staff`);
    await heading1(page, '職員検索');
    await visible(page.getByRole('alert').filter({ hasText: '権限' }));
    await expectNoAxeViolations(page);

    // The server refuses too, whatever the screen shows.
    const denied = await page.request.get(`${baseUrl()}/api/staff?q=a`);
    expect(denied.status()).toBe(403);
  });

  it('the auditor sees the sign-ins in the audit log', async () => {
    const { page } = browser();
    await loginAs(page, 'auditor');
    await heading1(page, 'ホーム');
    expect(await menuLabels(page)).toContain('監査ログ');
    await expectNoAxeViolations(page);

    await mainMenu(page).getByRole('link', { name: '監査ログ' }).click();
    await heading1(page, '監査ログ');
    await page.getByLabel('操作', { exact: true }).selectOption('auth.sign-in');
    await page.getByRole('button', { name: '検索' }).click();
    // The previous results stay on screen (「更新中…」) until the filtered ones arrive.
    await page.waitForFunction(() => !document.querySelector('.result-count .hint'));
    const log = page.getByRole('table', { name: /監査ログ/ });
    await visible(log.getByRole('cell', { name: /^ログイン/ }));
    const actions = await log.locator('tbody tr td:nth-child(4)').allInnerTexts();
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect(action).toContain('auth.sign-in');
    // Their own sign-in a moment ago is there, as a success.
    await visible(log.getByRole('row').filter({ hasText: demoLogins.auditor.employeeNumber }).filter({ hasText: '成功' }));
    await expectNoAxeViolations(page);
  });

  it('refuses to make the HR officer a stress-check implementer, saying why', async () => {
    const { page } = browser();
    await loginAs(page, 'hrAdmin');
    await mainMenu(page).getByRole('link', { name: 'アカウント' }).click();
    await heading1(page, 'アカウント');
    await expectNoAxeViolations(page);

    const officer = demoLogins.hrOfficer.employeeNumber;
    await page.getByLabel('氏名・職員番号で絞り込み').fill(officer);
    await page.waitForFunction(() => !document.querySelector('.result-count .hint'));
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: officer, exact: true }) });
    await visible(row);
    await row.getByRole('button', { name: /管理/ }).click();
    await visible(page.getByRole('heading', { level: 2, name: new RegExp(`ログインID ${officer}`) }));

    await page.getByLabel('権限', { exact: true }).selectOption({ label: 'ストレスチェック実施者・実施事務従事者' });
    await page.getByLabel('理由', { exact: true }).fill('e2e: 人事担当への付与は法令で禁止されていることの確認');
    await page.getByRole('button', { name: '付与', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '法令上の制限により、この権限は付与できません。' });
    await visible(refusal);
    expect(await refusal.innerText()).toContain('ストレスチェック');
    await expectNoAxeViolations(page);

    // Nothing was granted.
    const grants = await row.locator('td').nth(2).innerText();
    expect(grants).not.toContain('ストレスチェック');
  });
});

// Journey: 職員課 (hrOfficer) opens 採用試験 from the menu, creates a 社会人経験者 campaign from the category's
// defaults, removes its upper age limit, saves, opens it for applications, and checks that the public page prints
// only the lower bound (「…以前に生まれた人」); then reviews the internship requests (the demo has three). axe on every page visited.

import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe';
import { baseUrl, browserPerSuite, loginAs } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';

describe('recruitment campaigns (HR)', () => {
  const browser = browserPerSuite();

  it('creates a campaign, removes the age limit, opens it, and sees it on the public page', async () => {
    const { page } = browser();
    await loginAs(page, 'hrOfficer');
    await mainMenu(page).getByRole('link', { name: '採用試験', exact: true }).click();
    await heading1(page, '採用試験');
    await visible(page.getByRole('heading', { name: '採用の設定' }));
    await expectNoAxeViolations(page);

    const title = `E2E社会人${Date.now() % 100000}`;
    await page.getByLabel('区分').selectOption('mid-career');
    await page.getByLabel('試験名(空欄なら自動)').fill(title);
    await page.getByLabel('採用予定人数').fill('2');
    await page.getByRole('button', { name: '作成する' }).click();
    await heading1(page, title);
    await visible(page.getByRole('heading', { name: '試験の段階と合格の決め方' }));
    await expectNoAxeViolations(page);

    await page.getByLabel('年齢の上限(歳、空欄で撤廃)').fill('');
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    await page.getByLabel('受付終了日').fill(new Date(Date.now() + 9 * 3600_000 + 20 * 86_400_000).toISOString().slice(0, 10));
    await page.getByLabel('受付開始日').fill(today);
    await page.getByRole('button', { name: '保存する' }).click();
    await visible(page.getByText('保存しました。'));
    await page.getByRole('button', { name: '受付を開始する(公開)' }).click();
    await visible(page.getByText('「受付中」にしました。'));
    await visible(page.getByRole('heading', { name: '電子申請サービスのCSV取込み' }));
    await expectNoAxeViolations(page);

    await page.goto(`${baseUrl()}/careers`);
    const card = page.getByRole('region', { name: title });
    await visible(card);
    // The lower limit (30) stays; with the upper one removed there is no 'born on or after' bound.
    const conditions = await card.innerText();
    expect(conditions).toContain('以前に生まれた人');
    expect(conditions).not.toContain('から');

    // Still signed in: back into the app, and to the internships from the menu.
    await page.goto(`${baseUrl()}/`);
    await mainMenu(page).getByRole('link', { name: 'インターン・職場体験', exact: true }).click();
    await heading1(page, 'インターン・職場体験');
    await visible(page.getByRole('table', { name: '申込みの一覧' }));
    await expectNoAxeViolations(page);
  });
});

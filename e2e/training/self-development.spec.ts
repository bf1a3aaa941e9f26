// Journey (自己啓発, issue 4 item 6): staff A0005 records an e-learning course on 自己啓発; the evaluator A0004 sees it
// under 確認待ち and confirms it; A0005 sees it 確認済み. The title carries a unique number because the server is
// shared by every spec. axe on every page.

import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { browserPerSuite, loginAs, type DemoRole } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';

async function signInAs(page: Page, role: DemoRole): Promise<void> {
  await page.context().clearCookies();
  await loginAs(page, role);
  await heading1(page, 'ホーム');
}

async function openSelfDevelopment(page: Page): Promise<void> {
  await mainMenu(page).getByRole('link', { name: '自己啓発', exact: true }).click();
  await heading1(page, '自己啓発');
}

describe('self-development: record, confirm', () => {
  const browser = browserPerSuite();

  it('A0005 records an e-learning course, A0004 confirms it, A0005 sees it confirmed', async () => {
    const { page } = browser();
    const title = `e-ラーニング 情報セキュリティ ${Date.now() % 100000}`;

    await signInAs(page, 'staff');
    await openSelfDevelopment(page);
    await expectNoAxeViolations(page);
    await page.getByLabel('種類').selectOption({ label: 'e-ラーニング' });
    await page.getByLabel('名称').fill(title);
    await page.getByLabel('開始日').fill('2025-10-10');
    await page.getByLabel('終了日').fill('2025-10-20');
    await page.getByLabel('時間数').fill('3');
    await page.getByRole('button', { name: '記録する' }).click();
    await visible(page.getByRole('status').filter({ hasText: `「${title}」を記録しました。` }));
    await visible(page.getByRole('table', { name: /自分の自己啓発の記録/ }).getByRole('row').filter({ hasText: title }).filter({ hasText: '確認待ち' }));
    await expectNoAxeViolations(page);

    await signInAs(page, 'evaluator');
    await openSelfDevelopment(page);
    const row = page.getByRole('table', { name: /確認待ちの記録/ }).getByRole('row').filter({ hasText: title });
    await visible(row);
    await expectNoAxeViolations(page);
    await row.getByRole('button', { name: /^確認/ }).click();
    await visible(page.getByRole('status').filter({ hasText: `「${title}」を確認しました。` }));
    await expectNoAxeViolations(page);

    await signInAs(page, 'staff');
    await openSelfDevelopment(page);
    await visible(page.getByRole('table', { name: /自分の自己啓発の記録/ }).getByRole('row').filter({ hasText: title }).filter({ hasText: '確認済み' }));
    await expectNoAxeViolations(page);
  });

  it('A0005 creates a 自主研修グループ, adds A0004 by 職員番号, records an activity and takes it as self-development', async () => {
    const { page } = browser();
    const name = `DX勉強会 ${Date.now() % 100000}`;
    await signInAs(page, 'staff');
    await mainMenu(page).getByRole('link', { name: '自主研修グループ', exact: true }).click();
    await heading1(page, '自主研修グループ');
    await expectNoAxeViolations(page);
    await page.getByLabel('グループ名').fill(name);
    await page.getByLabel('活動開始日').fill('2025-10-01');
    await page.getByRole('button', { name: '作成する' }).click();
    await visible(page.getByRole('status').filter({ hasText: `「${name}」を作成しました。` }));
    await page.getByLabel('職員番号').fill('A0004');
    await page.getByRole('button', { name: 'メンバーに追加' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'A0004をメンバーに追加しました。' }));
    await page.getByLabel('活動日').fill('2025-11-05');
    await page.getByLabel('内容').fill('RPA入門');
    await page.getByLabel('時間数').fill('2');
    await page.getByRole('button', { name: '活動を記録' }).click();
    const activity = page.getByRole('table', { name: `${name}の活動` }).getByRole('row').filter({ hasText: 'RPA入門' });
    await visible(activity);
    await activity.getByRole('button', { name: /自己啓発に記録/ }).click();
    await visible(activity.filter({ hasText: '記録済み' }));
    await expectNoAxeViolations(page);
    await openSelfDevelopment(page);
    await visible(page.getByRole('table', { name: /自分の自己啓発の記録/ }).getByRole('row').filter({ hasText: `${name}: RPA入門` }).filter({ hasText: '確認待ち' }));
  });
});

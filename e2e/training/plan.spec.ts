// Journey: the HR administrator imports the policy's training catalog (研修体系), builds this 年度's plan by adding a
// session of 初級職員研修 (3〜5年目) and sees its must-attend list with the reason computed for each person; a staff
// member browses the catalog. 初級, not 2年目 or 新規採用: the 120-person demo city has no regular 係員 hired in some
// years, while the demo login A0005 is a 係員 in the 4th year whatever today is, so the list is never empty. The server is shared by every spec, so the import may have happened already and the session
// is found by its own place name. axe runs on each page.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { baseUrl, browserPerSuite, loginAs } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';

const catalogTable = (page: Page) => page.getByRole('table', { name: /研修の一覧/ });

async function openCatalog(page: Page): Promise<void> {
  await heading1(page, 'ホーム');
  await mainMenu(page).getByRole('link', { name: '研修', exact: true }).click();
  await heading1(page, '研修');
}

describe('training plan (HR administrator)', () => {
  const browser = browserPerSuite();

  it('imports the policy catalog, adds a session of 初級職員研修 and sees who must attend and why', async () => {
    const { page } = browser();
    await loginAs(page, 'hrAdmin');
    await openCatalog(page);
    const importButton = page.getByRole('button', { name: '方針の研修体系を取り込む' });
    await visible(page.getByRole('button', { name: '研修を追加' }));
    if (await importButton.isVisible()) {
      await expectNoAxeViolations(page);
      await importButton.click();
      await visible(page.getByRole('status').filter({ hasText: /方針の研修体系から \d+ 件の研修を取り込みました。/ }));
    }
    await visible(catalogTable(page));
    const second = catalogTable(page).getByRole('row').filter({ hasText: '2年目職員研修' }).first();
    expect(await second.innerText()).toContain('一般研修');
    expect(await second.innerText()).toContain('係員・2年目職員');
    await expectNoAxeViolations(page);

    // The course form with its target-rule editor.
    await page.getByRole('button', { name: '研修を追加' }).click();
    await visible(page.getByRole('group', { name: '在籍年数' }));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '取消し' }).click();

    const { currentFiscalYear: fy } = (await (await page.request.get(`${baseUrl()}/api/training/plans/2025`)).json()) as { currentFiscalYear: number };
    await mainMenu(page).getByRole('link', { name: '研修計画', exact: true }).click();
    await heading1(page, '研修計画');
    await visible(page.getByRole('heading', { name: '研修の日程を追加' }));
    const place = `第${Date.now() % 100000}会議室`;
    await page.getByRole('combobox', { name: '研修', exact: true }).selectOption({ label: '初級職員研修(一般研修)' });
    await page.getByLabel('開始日').fill(`${fy}-10-20`);
    await page.getByLabel('終了日').fill(`${fy}-10-21`);
    await page.getByLabel('会場').fill(place);
    await page.getByLabel('定員(人)').fill('30');
    await page.getByLabel('講師').fill('職員課');
    await page.getByRole('button', { name: '日程を追加' }).click();
    await visible(page.getByRole('status').filter({ hasText: '初級職員研修の日程を追加しました。' }));

    const row = page.getByRole('table', { name: /研修の日程/ }).getByRole('row').filter({ hasText: place });
    await visible(row);
    expect(await row.innerText()).toMatch(/\d+ 人/);
    await visible(page.getByRole('table', { name: /在籍年数の区分/ }));
    await expectNoAxeViolations(page);
    await row.getByRole('button', { name: /受講対象者/ }).click();
    const targets = page.getByRole('table', { name: /初級職員研修の受講対象者/ });
    await visible(targets);
    const reasons = await targets.locator('td.training-reason').allInnerTexts();
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(/^係員・[345]年目\(\d{4}年\d+月採用\)・(正規|任期付)$/);
    const demoStaff = targets.getByRole('row').filter({ hasText: 'A0005' });
    expect(await demoStaff.innerText()).toMatch(new RegExp(`係員・4年目\\(${fy - 3}年\\d+月採用\\)・正規`));
    await expectNoAxeViolations(page);
  });
});

describe('training catalog (staff)', () => {
  const browser = browserPerSuite();

  it('lets a staff member browse the catalog, without the HR buttons', async () => {
    const { page } = browser();
    await loginAs(page, 'staff');
    await openCatalog(page);
    await visible(catalogTable(page));
    await visible(catalogTable(page).getByRole('row').filter({ hasText: '新規採用職員研修' }));
    expect(await page.getByRole('button', { name: '研修を追加' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '方針の研修体系を取り込む' }).count()).toBe(0);
    expect(await mainMenu(page).getByRole('link', { name: '研修計画', exact: true }).count()).toBe(0);
    await page.getByLabel('区分').selectOption({ label: '派遣研修' });
    await visible(page.getByRole('table', { name: /研修の一覧\(派遣研修\)/ }));
    await expectNoAxeViolations(page);
  });
});

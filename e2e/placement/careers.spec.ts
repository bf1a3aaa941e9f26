// Journey: 経歴の見える化 (policy III-2-(1)). The HR administrator opens the city heat maps from the menu (tenure
// bands, ① due for a move, frontline coverage, mean years — numbers in every cell, legends beside), opens a unit's
// members × 年度 matrix from its row, changes the number of 年度, and checks the print view (A4 landscape, app
// chrome gone). A unit head sees only the units they head and no city map. axe runs on each page.

import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe';
import { browserPerSuite, loginAs } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';

describe('career visualisation (HR administrator)', () => {
  const browser = browserPerSuite();

  it('shows the city heat maps, a unit timeline and a print view without the app chrome', async () => {
    const { page } = browser();
    await loginAs(page, 'hrAdmin');
    await heading1(page, 'ホーム');
    await mainMenu(page).getByRole('link', { name: '経歴の見える化', exact: true }).click();
    await heading1(page, '経歴の見える化');

    const heat = page.getByRole('table', { name: /所属別の在課年数・現場経験/ });
    await visible(heat);
    await visible(heat.getByRole('rowheader', { name: '市民部' }));
    const counterRow = heat.getByRole('row').filter({ has: page.getByRole('link', { name: '窓口係', exact: true }) });
    // Numbers are printed in the cells: members, six bands, ① due, coverage (%), mean years.
    expect(await counterRow.innerText()).toMatch(/\d+(\.\d)?年/);
    expect(await counterRow.innerText()).toMatch(/%/);
    await visible(page.getByText(/在課年数ごとの人数・\(c\) 平均在課年数の色/));
    await visible(page.getByRole('columnheader', { name: '5年以上' }));
    await expectNoAxeViolations(page);

    // A unit's timeline from its row.
    await counterRow.getByRole('link', { name: '窓口係', exact: true }).click();
    await heading1(page, '窓口係の職員の経歴');
    const matrix = page.getByRole('table', { name: /窓口係の在籍職員の経歴/ });
    await visible(matrix);
    const yearHeaders = matrix.getByRole('columnheader', { name: /年度$/ });
    expect(await yearHeaders.count()).toBe(10);
    const staffRow = matrix.getByRole('row').filter({ hasText: 'A0005' });
    await visible(staffRow);
    // The phase's reason is there for screen readers (and as a tooltip); the current unit is marked.
    expect(await staffRow.innerText()).toContain('①');
    expect(await staffRow.locator('.career-phase').getAttribute('title')).toMatch(/ジョブローテーション期間/);
    expect(await staffRow.locator('.career-cell--current').count()).toBeGreaterThan(0);
    expect(await staffRow.innerText()).toContain('市民・窓口');
    await expectNoAxeViolations(page);

    await page.getByLabel('表示する年度数').selectOption('5');
    await expect.poll(() => yearHeaders.count(), { timeout: 15_000 }).toBe(5);
    await expectNoAxeViolations(page);

    // The print view: the app's header, menu, toolbar and buttons are gone; the matrix stays.
    await visible(page.getByRole('button', { name: '印刷' }));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await mainMenu(page).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '印刷' }).isVisible()).toBe(false);
    expect(await page.getByLabel('表示する年度数').isVisible()).toBe(false);
    expect(await matrix.isVisible()).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.careers-page')!).getPropertyValue('page'))).toBe('careers-landscape');
    await page.emulateMedia({ media: 'screen' });

    // The city map prints too.
    await page.getByRole('link', { name: '経歴の見える化に戻る' }).click();
    await heading1(page, '経歴の見える化');
    await visible(heat);
    await page.emulateMedia({ media: 'print' });
    expect(await mainMenu(page).isVisible()).toBe(false);
    expect(await heat.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('career visualisation (unit head)', () => {
  const browser = browserPerSuite();

  it('lists only the units the head heads, without the city map', async () => {
    const { page } = browser();
    await loginAs(page, 'unitHead');
    await heading1(page, 'ホーム');
    await mainMenu(page).getByRole('link', { name: '経歴の見える化', exact: true }).click();
    await heading1(page, '経歴の見える化');
    const picker = page.getByLabel('所属', { exact: true });
    await visible(picker);
    const options = await picker.locator('option').allInnerTexts();
    expect(options.length).toBeGreaterThan(0);
    expect(options.every((o) => o.includes('市民課'))).toBe(true);
    expect(await page.getByRole('table', { name: /所属別の在課年数/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '経歴を表示' }).click();
    await visible(page.getByRole('table', { name: /在籍職員の経歴/ }));
    await expectNoAxeViolations(page);
  });
});

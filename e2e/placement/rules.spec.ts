// Journey: an HR officer opens 配置ルールの確認, filters R1 and sees a transfer candidate with the facts (在籍開始,
// 在課年数) and what clears the flag; filters R4, notes someone without wishes, enters their 第1希望 on
// 異動希望・専門分野 and sees that person leave the R4 list. axe runs on each state.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { browserPerSuite, loginAs } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';

const flagsTable = (page: Page) => page.getByRole('table', { name: /配置ルールの該当者/ });

async function openRules(page: Page): Promise<void> {
  await heading1(page, 'ホーム');
  await mainMenu(page).getByRole('link', { name: '配置ルール', exact: true }).click();
  await heading1(page, '配置ルールの確認');
  await visible(flagsTable(page));
}

describe('placement rules (HR officer)', () => {
  const browser = browserPerSuite();

  it('filters R1 and shows the facts; a wish entered for an R4 person clears their flag', async () => {
    const { page } = browser();
    await loginAs(page, 'hrOfficer');
    await openRules(page);
    await expectNoAxeViolations(page);

    await page.getByRole('combobox', { name: 'ルール' }).selectOption('R1');
    await visible(page.getByRole('table', { name: /R1 在課3年以上/ }));
    const firstR1 = flagsTable(page).getByRole('row').nth(1);
    await visible(firstR1);
    const text = await firstR1.innerText();
    expect(text).toContain('在課年数');
    expect(text).toContain('在籍開始');
    expect(text).toMatch(/異動させると解消/);
    await expectNoAxeViolations(page);

    await page.getByRole('combobox', { name: 'ルール' }).selectOption('R4');
    await visible(page.getByRole('table', { name: /R4 異動希望の未提出/ }));
    const firstR4 = flagsTable(page).getByRole('row').nth(1);
    await visible(firstR4);
    const employeeNumber = /職員番号 (\S+)/.exec(await firstR4.innerText())?.[1];
    expect(employeeNumber).toBeTruthy();

    await mainMenu(page).getByRole('link', { name: '異動希望・専門分野', exact: true }).click();
    await heading1(page, '異動希望・専門分野');
    await page.getByLabel('職員(氏名・カナ・職員番号で検索)').fill(employeeNumber!);
    await page.getByRole('list', { name: '職員の候補' }).getByRole('button').first().click();
    const unit = page.getByRole('combobox', { name: '第1希望の所属' });
    await visible(unit);
    await unit.selectOption({ index: 2 });
    await page.getByRole('textbox', { name: '第1希望の理由' }).fill('福祉の現場を経験したい(テスト)');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '異動希望を保存する' }).click();
    await visible(page.getByRole('status').filter({ hasText: '異動希望を保存しました。' }));
    await expect.poll(() => page.getByRole('textbox', { name: '第1希望の理由' }).inputValue()).toBe('福祉の現場を経験したい(テスト)');
    await expectNoAxeViolations(page);

    await mainMenu(page).getByRole('link', { name: '配置ルール', exact: true }).click();
    await heading1(page, '配置ルールの確認');
    await page.getByRole('combobox', { name: 'ルール' }).selectOption('R4');
    await visible(page.getByRole('table', { name: /R4 異動希望の未提出/ }));
    await expect.poll(async () => (await flagsTable(page).innerText()).includes(`職員番号 ${employeeNumber!}`)).toBe(false);
  });
});

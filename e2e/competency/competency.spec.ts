// Journey: the HR administrator opens 求める能力, sees the policy's table (● for 部長級 × 倫理), switches to next
// 年度, sees a server validation message next to its field, ticks 係員 × 判断, saves, reloads and sees it; this
// 年度 is unchanged. The saved version is withdrawn at the end (the server is shared by every spec). axe runs on
// each state.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { baseUrl, browserPerSuite, loginAs } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';
import { formatFiscalYear } from '../../src/domain/common/wareki';

const matrix = (page: Page) => page.getByRole('table', { name: /職位ごとの能力評価項目/ });
/** The cell of a level's row under the n-th item (0: 倫理, 11: 判断 in the policy's order). */
const cell = (page: Page, level: string, index: number) => matrix(page).getByRole('row', { name: new RegExp(`^${level}`) }).getByRole('cell').nth(index);
const ethics = 0;
const judgement = 11;

describe('competency framework (HR administrator)', () => {
  const browser = browserPerSuite();

  it('shows the policy table, edits next year, and leaves this year alone', async () => {
    const { page } = browser();
    await loginAs(page, 'hrAdmin');
    await heading1(page, 'ホーム');
    const { currentFiscalYear } = (await (await page.request.get(`${baseUrl()}/api/competency/frameworks`)).json()) as { currentFiscalYear: number };
    const next = currentFiscalYear + 1;
    const nextLabel = formatFiscalYear(next, 'wareki');

    await mainMenu(page).getByRole('link', { name: '求める能力', exact: true }).click();
    await heading1(page, '求める能力');
    await visible(matrix(page));
    expect(await cell(page, '部長級', ethics).innerText()).toContain('●');
    expect(await cell(page, '係員', judgement).innerText()).not.toContain('●');
    await visible(page.getByText('方針の初期値', { exact: true }));
    await expectNoAxeViolations(page);

    await page.getByRole('combobox', { name: '年度' }).selectOption(String(next));
    await visible(page.getByRole('heading', { level: 2, name: `${nextLabel}の評価項目` }));
    await page.getByRole('button', { name: 'この年度の評価項目を編集' }).click();
    const staffCell = page.getByRole('checkbox', { name: '係員 — 判断' });
    await visible(staffCell);
    await expectNoAxeViolations(page);

    // A blank text: the server's Japanese message appears next to the field.
    const staffText = page.getByLabel('係員に求める能力');
    const original = await staffText.inputValue();
    await staffText.fill('');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await visible(page.getByText('求める能力を入力してください').first());
    expect(await staffText.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);

    await staffText.fill(original);
    await staffCell.check();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await visible(page.getByRole('status').filter({ hasText: `${nextLabel}の評価項目を保存しました。` }));

    await page.reload();
    await heading1(page, '求める能力');
    await visible(page.getByRole('heading', { level: 2, name: `${nextLabel}の評価項目` }));
    await visible(page.getByText('保存済み', { exact: true }));
    expect(await cell(page, '係員', judgement).innerText()).toContain('●');
    await expectNoAxeViolations(page);

    // This 年度 still follows the policy.
    await page.getByRole('combobox', { name: '年度' }).selectOption(String(currentFiscalYear));
    await visible(page.getByRole('heading', { level: 2, name: `${formatFiscalYear(currentFiscalYear, 'wareki')}の評価項目` }));
    expect(await cell(page, '係員', judgement).innerText()).not.toContain('●');

    // Clean up: next year inherits again.
    await page.getByRole('combobox', { name: '年度' }).selectOption(String(next));
    await visible(page.getByRole('heading', { level: 2, name: `${nextLabel}の評価項目` }));
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '保存した内容を取り消す' }).click();
    await visible(page.getByRole('status').filter({ hasText: `${nextLabel}の評価項目を取り消しました。` }));
    await visible(page.getByText('方針の初期値', { exact: true }));
  });
});

// Journey: a staff member opens 評価スケジュール and sees the policy's deadlines for this 年度; the HR administrator
// moves the 前期 goal deadline to 5月15日, saves, reloads and sees it, then goes back to the policy's schedule (the
// server is shared by every spec). axe runs on each state.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { baseUrl, browserPerSuite, loginAs } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';
import { formatDate } from '../../src/domain/common/wareki';

const schedule = (page: Page) => page.getByRole('table', { name: /人事評価実施スケジュール/ });
const goalRow = (page: Page) => schedule(page).getByRole('row').filter({ hasText: '目標の提出' }).first();

async function openCalendar(page: Page): Promise<number> {
  await heading1(page, 'ホーム');
  const { currentFiscalYear } = (await (await page.request.get(`${baseUrl()}/api/evaluation/calendar`)).json()) as { currentFiscalYear: number };
  await mainMenu(page).getByRole('link', { name: '評価スケジュール', exact: true }).click();
  await heading1(page, '評価スケジュール');
  await visible(schedule(page));
  return currentFiscalYear;
}

describe('evaluation calendar (staff)', () => {
  const browser = browserPerSuite();

  it('shows staff the schedule of this 年度', async () => {
    const { page } = browser();
    await loginAs(page, 'staff');
    const fy = await openCalendar(page);
    expect(await goalRow(page).innerText()).toContain(formatDate(`${fy}-05-10`, 'wareki'));
    await visible(schedule(page).getByRole('cell', { name: '期末面談' }).first());
    expect(await page.getByRole('button', { name: '期限を編集' }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});

describe('evaluation calendar (HR administrator)', () => {
  const browser = browserPerSuite();

  it('lets the HR administrator move a deadline and reset the schedule', async () => {
    const { page } = browser();
    await loginAs(page, 'hrAdmin');
    const fy = await openCalendar(page);
    await visible(page.getByText('方針の初期値', { exact: true }));
    await page.getByRole('button', { name: '期限を編集' }).click();
    const day = page.getByRole('combobox', { name: '前期業績評価の目標の提出の期限(日)' });
    await visible(day);
    await expectNoAxeViolations(page);
    await day.selectOption('15');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await visible(page.getByRole('status').filter({ hasText: '評価スケジュールを保存しました。' }));

    await page.reload();
    await heading1(page, '評価スケジュール');
    await visible(page.getByText('変更済み', { exact: true }));
    expect(await goalRow(page).innerText()).toContain(formatDate(`${fy}-05-15`, 'wareki'));
    await expectNoAxeViolations(page);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '方針の初期値に戻す' }).click();
    await visible(page.getByRole('status').filter({ hasText: '評価スケジュールを方針の初期値に戻しました。' }));
    await visible(page.getByText('方針の初期値', { exact: true }));
    expect(await goalRow(page).innerText()).toContain(formatDate(`${fy}-05-10`, 'wareki'));
    await expectNoAxeViolations(page);
  });
});

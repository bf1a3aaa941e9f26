// Journey: the HR administrator opens 設定, changes the rotation period's years, saves, sees the success
// message and the saved value after a reload, sees a server validation message next to its field, and puts
// the settings back to the policy defaults (the server is shared by every spec). axe runs on each state.

import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe';
import { baseUrl, browserPerSuite, loginAs } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';

describe('organisation settings (HR administrator)', () => {
  const browser = browserPerSuite();

  it('changes the rotation years, saves, sees the message, and resets to the defaults', async () => {
    const { page } = browser();
    await loginAs(page, 'hrAdmin');
    await heading1(page, 'ホーム');

    await mainMenu(page).getByRole('link', { name: '設定', exact: true }).click();
    await heading1(page, '設定');
    const positions = page.getByRole('table', { name: /職位/ });
    await visible(positions.getByRole('rowheader', { name: '係長' }));
    const rotationYears = page.getByRole('group', { name: '①ジョブローテーション期間' }).getByLabel('入庁N年');
    await visible(rotationYears);
    expect(await rotationYears.inputValue()).toBe('10');
    await expectNoAxeViolations(page);

    // A value the rules refuse: the server's Japanese message appears next to the field.
    await rotationYears.fill('25');
    await page.getByRole('button', { name: '設定を保存' }).click();
    await visible(page.getByText('中核職員期間の終了年数はジョブローテーション期間の年数より大きくしてください').first());
    expect(await page.getByRole('group', { name: '②中核職員' }).getByLabel('入庁N年まで').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);

    await rotationYears.fill('8');
    await page.getByRole('button', { name: '設定を保存' }).click();
    await visible(page.getByRole('status').filter({ hasText: '設定を保存しました。' }));
    expect(await page.getByText('中核職員期間の終了年数は').count()).toBe(0);
    await expectNoAxeViolations(page);

    await page.reload();
    await heading1(page, '設定');
    await visible(rotationYears);
    expect(await rotationYears.inputValue()).toBe('8');

    // Back to the policy's defaults, after the confirmation.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '初期値に戻す' }).click();
    await visible(page.getByRole('status').filter({ hasText: '設定を初期値に戻しました。' }));
    await page.waitForFunction(() => {
      const input = [...document.querySelectorAll('label')].find((l) => l.textContent === '入庁N年');
      const field = input ? document.getElementById(input.htmlFor) : null;
      return field instanceof HTMLInputElement && field.value === '10';
    });
    const settings = (await (await page.request.get(`${baseUrl()}/api/settings/org`)).json()) as { isDefault: boolean };
    expect(settings.isDefault).toBe(true);
    await expectNoAxeViolations(page);
  });
});

// Journey: HR opens a staff member's profile, records a childcare leave (first with an end before the start, which
// the server refuses next to the field), then records the return by correcting the end date. axe on each state.

import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe';
import { baseUrl, browserPerSuite, loginAs } from '../support/browser';
import { heading1, visible } from '../support/locators';

describe('休業・休職 on the staff record (HR)', () => {
  const browser = browserPerSuite();

  it('records a leave and its end', async () => {
    const { page } = browser();
    await loginAs(page, 'hrAdmin');
    await heading1(page, 'ホーム');
    const found = (await (await page.request.get(`${baseUrl()}/api/staff?q=A0009`)).json()) as { items: Array<{ id: number; name: string }> };
    const person = found.items[0]!;
    await page.goto(`${baseUrl()}/staff/${person.id}`);
    await heading1(page, /の職員情報/);
    const panel = page.getByRole('region', { name: '保護された情報' });
    await visible(panel.getByText('記録はありません。'));

    await panel.getByRole('button', { name: '休業・休職を登録' }).click();
    const form = page.getByRole('form', { name: '休業・休職の登録' });
    await form.getByLabel('種類').selectOption({ label: '育児休業' });
    await form.getByLabel('開始日').fill('2025-04-01');
    await form.getByLabel('終了日(最終日。休業中は空欄)').fill('2025-03-01');
    await form.getByRole('button', { name: '登録する' }).click();
    await visible(form.getByText('終了日は開始日以降にしてください').first());
    await expectNoAxeViolations(page);

    await form.getByLabel('終了日(最終日。休業中は空欄)').fill('');
    await form.getByRole('button', { name: '登録する' }).click();
    await visible(panel.getByRole('status').filter({ hasText: '登録しました。' }));
    const row = panel.getByRole('row', { name: /育児休業/ });
    await visible(row.getByText('(休業中)'));
    await expectNoAxeViolations(page);

    await row.getByRole('button', { name: /訂正/ }).click();
    const correction = page.getByRole('form', { name: '休業・休職の訂正' });
    await correction.getByLabel('終了日(最終日。休業中は空欄)').fill('2025-09-30');
    await correction.getByRole('button', { name: '訂正する' }).click();
    await visible(panel.getByRole('status').filter({ hasText: '訂正しました。' }));
    expect(await panel.getByText('(休業中)').count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});

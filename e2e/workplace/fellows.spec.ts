// Journey (フェロー制度, issue 6 item 4): HR registers a fellow (A0006, 総務部) in the pool, runs the matching and
// confirms the proposal for A0005 (市民部); A0005 plans a meeting, records it as held and answers the feedback; HR
// sees the programme's health and, on demand, the pair's meetings with the feedback. The pool shows, per fellow, both
// low-commitment sources (HR's flag and the self-declaration's indicator), and the settings offer both. The junior rule is widened
// through the API first (A0005 is in their 4th year, the default is the first two), and a pair A0005 kept from an
// earlier run is ended, so the journey can run again. axe on every page.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { apiCall, apiClientFor } from '../support/api';
import { browserPerSuite, loginAs, type DemoRole } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';

type Settings = { settings: Record<string, unknown> & { juniorHiredWithinYears: number }; updatedAt: string | null };
type Pool = { items: { employeeNumber: string; isInForce: boolean }[] };
type Pairs = { today: string; items: { id: number; status: string; junior: { employeeNumber: string } }[] };

async function signInAs(page: Page, role: DemoRole): Promise<void> {
  await page.context().clearCookies();
  await loginAs(page, role);
  await heading1(page, 'ホーム');
}

async function open(page: Page, link: string, heading: string): Promise<void> {
  await mainMenu(page).getByRole('link', { name: link, exact: true }).click();
  await heading1(page, heading);
}

describe('fellow programme: pool, matching, a meeting with feedback, health', () => {
  const browser = browserPerSuite();

  it('HR pairs A0005 with a fellow; A0005 records a meeting and feedback; HR sees the health', async () => {
    const hr = await apiClientFor('hrAdmin');
    const { body: settings } = await apiCall<Settings>(hr, 'GET', '/api/workplace/fellows/settings');
    if (settings.settings.juniorHiredWithinYears < 5) {
      await apiCall(hr, 'PUT', '/api/workplace/fellows/settings', { updatedAt: settings.updatedAt, settings: { ...settings.settings, juniorHiredWithinYears: 5 } });
    }
    const { body: pairs } = await apiCall<Pairs>(hr, 'GET', '/api/workplace/fellows/pairs?status=active');
    for (const p of pairs.items.filter((x) => x.junior.employeeNumber === 'A0005')) {
      await apiCall(hr, 'POST', `/api/workplace/fellows/pairs/${p.id}/end`, { endsOn: pairs.today });
    }
    const { body: pool } = await apiCall<Pool>(hr, 'GET', '/api/workplace/fellows/pool');
    const hasFellow = pool.items.some((f) => f.employeeNumber === 'A0006' && f.isInForce);

    const { page } = browser();
    await signInAs(page, 'hrAdmin');
    await open(page, 'フェローのプール', 'フェローのプール');
    await visible(page.getByRole('table', { name: /フェロー \d+ 人/ }));
    await visible(page.getByRole('table', { name: /フェロー \d+ 人/ }).getByText(/^自己申告書の指標:/).first());
    const sources = page.getByRole('group', { name: '組織コミットメントが著しく低いフェローを除く情報源' });
    await expect(sources.getByRole('checkbox', { name: '自己申告書の指標' }).isEnabled()).resolves.toBe(true);
    await expectNoAxeViolations(page);
    if (!hasFellow) {
      await page.getByLabel(/フェローにする職員/).fill('A0006');
      await page.getByRole('list', { name: 'フェローにする職員の候補' }).getByRole('button', { name: /A0006/ }).click();
      await page.getByLabel('受入れ人数').fill('10');
      await page.getByRole('button', { name: '登録する' }).click();
      await visible(page.getByRole('status').filter({ hasText: 'さんをフェローに登録しました。' }));
      await visible(page.getByRole('table', { name: /フェロー \d+ 人/ }).getByRole('row').filter({ hasText: 'A0006' }));
      await expectNoAxeViolations(page);
    }

    await open(page, 'フェローの組合せ', '組合せの提案');
    await page.getByRole('button', { name: '提案を表示' }).click();
    const proposals = page.getByRole('table', { name: /の提案 \d+ 組/ });
    await visible(proposals);
    await expectNoAxeViolations(page);
    const mine = proposals.getByRole('checkbox', { name: /\(A0005\)とフェロー/ });
    await visible(mine);
    for (const box of await proposals.getByRole('checkbox').all()) {
      const label = (await box.getAttribute('aria-label')) ?? '';
      if (!label.includes('(A0005)')) await box.uncheck();
    }
    await expect(mine.isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: '選んだ 1 組を確定する' }).click();
    await visible(page.getByRole('status').filter({ hasText: '1 組の組合せを確定し、双方に通知しました。' }));

    await signInAs(page, 'staff');
    await open(page, 'フェロー面談', 'フェロー面談');
    const active = page.locator('section').filter({ has: page.getByRole('button', { name: '面談を予定する' }) });
    await visible(active);
    await expectNoAxeViolations(page);
    await active.getByRole('button', { name: '面談を予定する' }).click();
    await visible(page.getByRole('status').filter({ hasText: '面談を予定しました。' }));
    await active.getByRole('button', { name: /^実施した/ }).first().click();
    await visible(page.getByRole('status').filter({ hasText: 'を実施済みにしました。感想を答えてください。' }));
    await active.getByLabel('役に立った(1〜5)').first().selectOption('4');
    await active.getByLabel('話しやすさ(1〜5)').first().selectOption('5');
    await active.getByLabel('ひとこと(任意)').first().fill('他の部の仕事の話が聞けた');
    await active.getByRole('button', { name: /^感想を送る/ }).first().click();
    await visible(page.getByRole('status').filter({ hasText: 'の感想を送りました。' }));
    await expectNoAxeViolations(page);

    await signInAs(page, 'hrAdmin');
    await open(page, 'フェロー制度の状況', 'フェロー制度の状況');
    await visible(page.getByRole('heading', { name: '制度の状況' }));
    const feedback = page.getByRole('table', { name: '面談の感想の平均(1〜5)' });
    await visible(feedback);
    const juniorRow = feedback.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '対象職員' }) });
    const answers = Number(await juniorRow.getByRole('cell').first().textContent());
    expect(answers).toBeGreaterThan(0);
    await expect(page.getByText('他の部の仕事の話が聞けた').count()).resolves.toBe(0);
    const row = page.getByRole('table', { name: /^組合せ \d+ 組/ }).getByRole('row').filter({ hasText: 'A0005' }).filter({ hasText: '実施中' });
    await visible(row);
    await expectNoAxeViolations(page);
    // HR sees everything of a pair, comments included, on demand
    await row.getByRole('button', { name: /^面談の記録/ }).click();
    await visible(page.getByRole('table', { name: /の面談 \d+ 件/ }).getByText(/他の部の仕事の話が聞けた/));
    await expectNoAxeViolations(page);
  });
});

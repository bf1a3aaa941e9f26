// Journey: HR finds a person by kana, reads their career, looks at a unit's careers, goes back in time
// in the organisation to before a rename, and signs out. axe runs on every page the journey visits.

import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe';
import { baseUrl, browserPerSuite, loginAs } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('organisation and careers (HR)', () => {
  const browser = browserPerSuite();

  it('signs in as HR, finds a person by kana, sees their career, a unit career view, the org before a rename, and signs out', async () => {
    const { page } = browser();

    await page.goto(`${baseUrl()}/login`);
    await heading1(page, 'ログイン');
    await expectNoAxeViolations(page);

    await loginAs(page, 'hrAdmin');
    await heading1(page, 'ホーム');
    await expectNoAxeViolations(page);

    // The directory: hiragana finds the katakana reading オガワ.
    await mainMenu(page).getByRole('link', { name: '職員検索' }).click();
    await heading1(page, '職員検索');
    await visible(page.getByText(/^[\d,]+ 件/));
    await expectNoAxeViolations(page);

    await page.getByLabel('氏名・カナ・職員番号').fill('おがわ');
    await page.waitForURL((url) => url.searchParams.get('q') === 'おがわ');
    // The previous page stays on screen (「更新中…」) until the new results arrive.
    await page.waitForFunction(() => !document.querySelector('.result-count .hint'));
    const person = await visible(page.getByRole('link', { name: '小川 翔太' }));
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const kana of await page.locator('table tbody tr td:nth-child(3)').allInnerTexts()) expect(kana).toMatch(/オガワ/);
    await expectNoAxeViolations(page);

    // The profile with the career, newest first, names as they were.
    await person.first().click();
    await heading1(page, /小川 翔太の職員情報/);
    const career = page.getByRole('table', { name: /小川 翔太の経歴/ });
    await visible(career);
    expect(await career.locator('tbody tr').count()).toBeGreaterThan(0);
    await visible(career.getByRole('rowheader', { name: /窓口係/ }));
    await visible(page.getByRole('heading', { level: 2, name: '現在の配属' }));
    await visible(page.getByText('現場経験'));
    await expectNoAxeViolations(page);

    // The organisation today, then the unit page of 市民課 with each member's career at a glance.
    await mainMenu(page).getByRole('link', { name: '組織' }).click();
    await heading1(page, '組織');
    await visible(page.getByRole('link', { name: '市民課', exact: true }));
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: '市民課', exact: true }).click();
    await heading1(page, '市民課の職員と経歴');
    const members = page.getByRole('table', { name: /市民課の在籍職員と経歴/ });
    await visible(members);
    await visible(members.getByRole('link', { name: '小川 翔太' }));
    await visible(members.getByRole('list', { name: '小川 翔太の経歴' }));
    await visible(page.getByRole('button', { name: '印刷' }));
    await expectNoAxeViolations(page);

    // The organisation the day before 生活環境課 became 環境政策課.
    const events = (await (await page.request.get(`${baseUrl()}/api/org/events`)).json()) as {
      events: { kind: string; unitName: string; occurredOn: string }[];
    };
    const rename = events.events.find((e) => e.kind === 'renamed' && e.unitName === '環境政策課');
    expect(rename, 'the demo city renames 生活環境課 to 環境政策課').toBeDefined();
    await mainMenu(page).getByRole('link', { name: '組織' }).click();
    await heading1(page, '組織');
    const tree = page.getByRole('list', { name: /時点の組織$/ });
    await visible(tree.getByRole('link', { name: '環境政策課', exact: true }));
    expect(await tree.getByText('生活環境課', { exact: true }).count()).toBe(0);

    await page.getByLabel('基準日').fill(addDays(rename!.occurredOn, -1));
    await visible(tree.getByRole('link', { name: '生活環境課', exact: true }));
    expect(await tree.getByText('環境政策課', { exact: true }).count()).toBe(0);
    await visible(page.getByRole('table', { name: /組織改編の履歴/ }).getByText('名称変更'));
    await expectNoAxeViolations(page);

    // Sign out: back to the login page, and the app stays closed.
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await heading1(page, 'ログイン');
    await page.goto(`${baseUrl()}/staff`);
    await page.waitForURL((url) => url.pathname === '/login');
    await expectNoAxeViolations(page);
  });
});

describe('stale saves (HR)', () => {
  const browser = browserPerSuite();

  it('refuses a save over someone else’s newer change and offers to reload the latest version', async () => {
    const { page } = browser();
    await loginAs(page, 'hrAdmin');
    const { csrfToken } = (await (await page.request.get(`${baseUrl()}/api/auth/me`)).json()) as { csrfToken: string };
    const found = (await (await page.request.get(`${baseUrl()}/api/staff?q=D00020&pageSize=1`)).json()) as { items: { id: number }[] };
    const id = found.items[0]!.id;

    await page.goto(`${baseUrl()}/staff/${id}`);
    await page.getByRole('button', { name: '編集' }).click();
    await page.getByLabel('職種').fill('UIからの変更');

    // Meanwhile someone else saves the same record (same session, straight through the API).
    const current = (await (await page.request.get(`${baseUrl()}/api/staff/${id}`)).json()) as { staff: { version: number } };
    const other = await page.request.patch(`${baseUrl()}/api/staff/${id}`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { version: current.staff.version, jobCategory: '別の人の変更' },
    });
    expect(other.status()).toBe(200);

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await visible(page.getByRole('alert').filter({ hasText: '他の人が先に更新しました' }));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '最新の内容を読み込む' }).click();
    await expect.poll(() => page.getByLabel('職種').inputValue()).toBe('別の人の変更');

    await page.getByLabel('職種').fill('UIからの変更');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await visible(page.getByText('保存しました。'));
  });
});

// Journey: 職員課 (HR administrator) opens 進捗管理, chooses a cycle whose deadlines have all passed, sees the sheets
// counted by unit and state and the deadlines with their overdue counts, opens the overdue list of 目標の提出 and
// sends reminders; the staff member (A0005) then sees the unread count in the header and the reminder on お知らせ,
// and marks it read. axe runs on every page visited.
//
// The server is shared by every spec: the cycle used here is a past one nobody has opened yet (opened through the
// API, as the cycles spec covers opening in the browser), so that every deadline has passed whatever today is.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { baseUrl, browserPerSuite, loginAs } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';
import { formatFiscalYear } from '../../src/domain/common/wareki';

type Period = 'first-half' | 'second-half' | 'year';
const periodLabels: Record<Period, string> = { 'first-half': '前期業績評価', 'second-half': '後期業績評価', year: '能力評価' };

/** The cycle the HR journey reminded about (used by the staff journey). */
let reminded: { label: string } | undefined;

async function getJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${baseUrl()}${path}`);
  expect(res.status(), `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

/** Opens a performance cycle of an earlier 年度 that nobody opened yet, through the API; answers its id and title. */
async function openPastCycle(page: Page): Promise<{ id: number; period: Period; title: string }> {
  const { currentFiscalYear } = await getJson<{ currentFiscalYear: number }>(page, '/api/evaluation/calendar');
  const { cycles } = await getJson<{ cycles: { fiscalYear: number; period: Period }[] }>(page, '/api/evaluation/cycles');
  const candidates: Array<[number, Period]> = [
    [currentFiscalYear - 1, 'second-half'],
    [currentFiscalYear - 1, 'first-half'],
    [currentFiscalYear - 2, 'second-half'],
    [currentFiscalYear - 2, 'first-half'],
  ];
  const free = candidates.find(([fy, p]) => !cycles.some((c) => c.fiscalYear === fy && c.period === p));
  if (!free) throw new Error('every candidate cycle is already open on the shared server');
  const [fiscalYear, period] = free;
  const { csrfToken } = await getJson<{ csrfToken: string }>(page, '/api/auth/me');
  const res = await page.request.post(`${baseUrl()}/api/evaluation/cycles`, { data: { fiscalYear, period }, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status(), await res.text()).toBe(201);
  const { cycle } = (await res.json()) as { cycle: { id: number } };
  return { id: cycle.id, period, title: `${formatFiscalYear(fiscalYear, 'wareki')} ${periodLabels[period]}` };
}

describe('evaluation progress (HR)', () => {
  const browser = browserPerSuite();

  it('shows the counts by unit and state, lists the sheets past a deadline and sends reminders', async () => {
    const { page } = browser();
    await loginAs(page, 'hrAdmin');
    await heading1(page, 'ホーム');
    const cycle = await openPastCycle(page);

    await mainMenu(page).getByRole('link', { name: '進捗管理', exact: true }).click();
    await heading1(page, '進捗管理');
    await page.getByLabel('評価期間', { exact: true }).selectOption(String(cycle.id));
    await visible(page.getByText(`${cycle.title}: 評価シート`));
    await expectNoAxeViolations(page);

    // The deadlines: every one has passed, nothing is done yet.
    const deadlines = page.getByRole('table', { name: new RegExp(`${periodLabels[cycle.period]}の期限`) });
    const goals = deadlines.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `${periodLabels[cycle.period]}の目標の提出` }) });
    await visible(goals);
    const sheets = Number(/評価シート ([\d,]+) 件/.exec(await page.getByText(`${cycle.title}: 評価シート`).innerText())?.[1]?.replace(/,/g, '') ?? '0');
    expect(sheets).toBeGreaterThan(50);
    const goalCells = await goals.getByRole('cell').allInnerTexts();
    expect(goalCells).toContain('被評価者');
    expect(goalCells).toContain(sheets.toLocaleString('ja-JP'));

    // Units × states: the total row counts every sheet as 目標設定中.
    const units = page.getByRole('table', { name: /所属別・状態別の評価シートの件数/ });
    await visible(units.getByRole('columnheader', { name: '目標設定中' }));
    await visible(units.getByRole('rowheader', { name: '市民部 › 市民課 › 窓口係' }));
    const totalRow = units.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '合計', exact: true }) });
    expect((await totalRow.getByRole('cell').allInnerTexts())[0]).toBe(sheets.toLocaleString('ja-JP'));

    // The overdue list of 目標の提出, and the reminders.
    await goals.getByRole('button', { name: /目標の提出の期限超過の一覧を表示/ }).click();
    const overdue = page.getByRole('table', { name: /「.*目標の提出」の期限を過ぎた評価シート/ });
    await visible(overdue);
    await visible(page.getByText(`${sheets.toLocaleString('ja-JP')} 件`, { exact: true }));
    await visible(page.getByRole('navigation', { name: '期限超過の一覧のページ' }));
    await expectNoAxeViolations(page);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '督促を送る' }).click();
    const status = page.getByRole('status').filter({ hasText: 'にお知らせを送りました' });
    await visible(status, 30_000);
    expect(await status.innerText()).toContain(`${sheets.toLocaleString('ja-JP')} 人にお知らせを送りました(対象の評価シート ${sheets.toLocaleString('ja-JP')} 件)。`);
    reminded = { label: `【督促】${periodLabels[cycle.period]}の目標の提出` };
    await expectNoAxeViolations(page);
  });
});

describe('notifications (staff)', () => {
  const browser = browserPerSuite();

  it('shows the reminder in the header and on お知らせ, and marks it read', async () => {
    if (!reminded) throw new Error('the HR journey did not send reminders');
    const { page } = browser();
    await loginAs(page, 'staff');
    await heading1(page, 'ホーム');
    const bell = page.getByRole('banner').getByRole('link', { name: /^お知らせ\s*\d+\s*件の未読$/ });
    await visible(bell);
    const unreadBefore = Number(/(\d+)件の未読/.exec(await bell.innerText().then((t) => t.replace(/\s+/g, '')))?.[1] ?? '0');
    expect(unreadBefore).toBeGreaterThan(0);
    await bell.click();
    await heading1(page, 'お知らせ');
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(reminded.label) }) }).first();
    await visible(item);
    expect(await item.innerText()).toContain('未読');
    expect(await item.innerText()).toContain('期限');
    await expectNoAxeViolations(page);

    await item.getByRole('button', { name: /既読にする/ }).click();
    await visible(page.getByRole('status').filter({ hasText: `「${reminded.label}」を既読にしました。` }));
    await expect.poll(async () => (await item.innerText()).includes('未読')).toBe(false);
    await expect
      .poll(async () => {
        const text = (await page.getByRole('banner').getByRole('link', { name: /^お知らせ/ }).innerText()).replace(/\s+/g, '');
        return Number(/お知らせ(\d+)/.exec(text)?.[1] ?? '0');
      })
      .toBe(unreadBefore - 1);
    await expectNoAxeViolations(page);
  });

  it('is not offered to staff and refused if they go there', async () => {
    const { page } = browser();
    await page.goto(`${baseUrl()}/`);
    await heading1(page, 'ホーム');
    expect(await mainMenu(page).getByRole('link', { name: '進捗管理', exact: true }).count()).toBe(0);
    await page.goto(`${baseUrl()}/evaluation/progress`);
    await heading1(page, '進捗管理');
    await visible(page.getByRole('alert').filter({ hasText: 'この画面を表示する権限がありません' }));
  });
});

// Journey: 職員課 opens an evaluation cycle in the browser and sees how many sheets it created, re-syncs it and
// reassigns the evaluator of one sheet with a reason; the unit head (A0003) adds and edits a team goal, and a save
// over someone else's newer change is refused with an offer to reload; the staff member (A0005) sees their sheet
// with its next deadline on /evaluation and on the home page; the evaluator (A0004) sees A0005 in the queue; the HR
// administrator renames a grade and goes back to the defaults. axe runs on every page visited.
//
// The server is shared by every spec: the cycle opened here is one nobody has opened yet (next 年度's 前期 first).

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { baseUrl, browserPerSuite, loginAs } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';
import { formatFiscalYear } from '../../src/domain/common/wareki';
import { demoPeople } from '../../src/server/db/seeds/demo-accounts';

type Period = 'first-half' | 'second-half' | 'year';
const periodLabels: Record<Period, string> = { 'first-half': '前期業績評価', 'second-half': '後期業績評価', year: '能力評価' };
const staffName = `${demoPeople.staff.familyName} ${demoPeople.staff.givenName}`;

/** The cycle this spec opens (set by the first journey, used by the later ones). */
let opened: { fiscalYear: number; period: Period; title: string } | undefined;

function cycleOpened(): { fiscalYear: number; period: Period; title: string } {
  if (!opened) throw new Error('the HR journey did not open a cycle');
  return opened;
}

async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${baseUrl()}${path}`);
  expect(res.status(), `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

async function openFromMenu(page: Page, label: string, heading: string): Promise<void> {
  await mainMenu(page).getByRole('link', { name: label, exact: true }).click();
  await heading1(page, heading);
}

describe('evaluation cycles (HR)', () => {
  const browser = browserPerSuite();

  it('opens a cycle, shows the created count, re-syncs it and reassigns one sheet', async () => {
    const { page } = browser();
    await loginAs(page, 'hrAdmin');
    await heading1(page, 'ホーム');
    const { currentFiscalYear } = await api<{ currentFiscalYear: number }>(page, '/api/evaluation/calendar');
    const { cycles } = await api<{ cycles: { fiscalYear: number; period: Period }[] }>(page, '/api/evaluation/cycles');
    const candidates: Array<[number, Period]> = [
      [currentFiscalYear + 1, 'first-half'],
      [currentFiscalYear + 1, 'second-half'],
      [currentFiscalYear - 1, 'first-half'],
      [currentFiscalYear - 1, 'second-half'],
    ];
    const free = candidates.find(([fy, p]) => !cycles.some((c) => c.fiscalYear === fy && c.period === p));
    if (!free) throw new Error('every candidate cycle is already open on the shared server');
    const [fiscalYear, period] = free;
    const title = `${formatFiscalYear(fiscalYear, 'wareki')} ${periodLabels[period]}`;

    await openFromMenu(page, '評価の運用', '評価の運用');
    await expectNoAxeViolations(page);
    await page.getByLabel('年度', { exact: true }).selectOption(String(fiscalYear));
    await page.getByRole('radio', { name: new RegExp(`^${periodLabels[period]}`) }).check();
    await expect.poll(() => page.getByRole('checkbox', { name: /会計年度任用職員も評価する/ }).isVisible()).toBe(true);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '評価期間を開始' }).click();
    const status = page.getByRole('status').filter({ hasText: `${title}を開始しました。` });
    await visible(status, 60_000);
    const created = Number(/評価シートを ([\d,]+) 件作成しました/.exec(await status.innerText())?.[1]?.replace(/,/g, '') ?? '0');
    expect(created).toBeGreaterThan(50);
    opened = { fiscalYear, period, title };
    await expectNoAxeViolations(page);

    // The new cycle is listed with its count; its sheets open below.
    const cycleRow = page.getByRole('table', { name: /開始した評価期間/ }).getByRole('row').filter({ hasText: title });
    // Soft: a wrong count in the list should not hide what the rest of the journey finds.
    expect.soft(await cycleRow.innerText()).toContain(`${created.toLocaleString('ja-JP')} 件`);
    await cycleRow.getByRole('button', { name: /シート一覧/ }).click();
    const sheets = page.getByRole('table', { name: new RegExp(`${title}の評価シート`) });
    await visible(sheets);
    await visible(page.getByText(`${created.toLocaleString('ja-JP')} 件`, { exact: true }));
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: /^異動を反映/ }).click();
    await visible(page.getByRole('status').filter({ hasText: '異動を反映しました。' }), 60_000);

    // Find the demo staff member's sheet by name and give it another evaluator.
    await page.getByRole('searchbox', { name: '氏名・カナ・職員番号' }).fill(demoPeople.staff.familyNameKana);
    await page.getByRole('button', { name: '検索', exact: true }).click();
    const row = sheets.getByRole('row').filter({ hasText: staffName });
    await visible(row);
    await row.getByRole('button', { name: /担当を変更/ }).click();
    await heading1(page, '評価の運用');
    await visible(page.getByRole('heading', { name: new RegExp(`担当の変更: ${staffName}`) }));
    await page.getByLabel('新しい評価者(氏名・カナ・職員番号で検索)').fill('A0002');
    const hrOfficerName = `${demoPeople.hrOfficer.familyName} ${demoPeople.hrOfficer.givenName}`;
    await page.getByRole('list', { name: '新しい評価者の候補' }).getByRole('button', { name: new RegExp(hrOfficerName) }).click();
    await page.getByLabel('理由').fill('係長の長期休暇のため(テスト)');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '担当を変更する' }).click();
    await visible(page.getByRole('status').filter({ hasText: `${staffName}さんの評価シートの担当を変更しました(評価者: ${hrOfficerName}` }));
    await expect.poll(() => row.innerText()).toContain(hrOfficerName);
    await expectNoAxeViolations(page);
  });
});

describe('team goals (unit head)', () => {
  const browser = browserPerSuite();

  it('adds a team goal, edits it, and a stale save offers to reload', async () => {
    const { page } = browser();
    const { title } = cycleOpened();
    await loginAs(page, 'unitHead');
    await heading1(page, 'ホーム');
    await openFromMenu(page, 'チーム目標', 'チーム目標');
    await page.getByLabel('評価期間').selectOption({ label: title });
    await visible(page.getByRole('heading', { level: 2, name: `市民課のチーム目標(${title})` }));
    await expectNoAxeViolations(page);

    // The unit head downloads the unit's sheets of the cycle as Excel.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'この所属の評価シートをExcelで出力' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    await page.getByRole('button', { name: 'チーム目標を追加' }).click();
    await page.getByRole('textbox', { name: /^チーム目標/ }).fill('窓口の待ち時間を短くする');
    await page.getByLabel(/^説明/).fill('繁忙期の平均待ち時間を15分以内にする');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '追加', exact: true }).click();
    await visible(page.getByRole('status').filter({ hasText: 'チーム目標「窓口の待ち時間を短くする」を追加しました。' }));
    const goals = page.getByRole('table', { name: /市民課のチーム目標/ });
    await visible(goals.getByRole('rowheader', { name: '窓口の待ち時間を短くする' }));
    await expectNoAxeViolations(page);

    await goals.getByRole('button', { name: /編集/ }).first().click();
    await page.getByRole('textbox', { name: /^チーム目標/ }).fill('窓口の待ち時間を10分短くする');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await visible(goals.getByRole('rowheader', { name: '窓口の待ち時間を10分短くする' }));

    // Someone else saves the same goal meanwhile (same session, straight through the API): the UI save is refused.
    await goals.getByRole('button', { name: /編集/ }).first().click();
    await page.getByRole('textbox', { name: /^チーム目標/ }).fill('UIからの変更');
    const { csrfToken } = await api<{ csrfToken: string }>(page, '/api/auth/me');
    const url = new URL(page.url());
    const list = await api<{ unitId: number; goals: { id: number; title: string; description: string; sortOrder: number; version: number }[] }>(
      page,
      `/api/evaluation/team-goals?${new URLSearchParams({ cycleId: url.searchParams.get('cycle') ?? '', unitId: url.searchParams.get('unit') ?? '' }).toString()}`,
    );
    const goal = list.goals.find((g) => g.title === '窓口の待ち時間を10分短くする');
    if (!goal) throw new Error('the team goal saved in the UI is not in the list');
    const other = await page.request.put(`${baseUrl()}/api/evaluation/units/${list.unitId}/team-goals/${goal.id}`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { title: '別の人の変更', description: goal.description, sortOrder: goal.sortOrder, version: goal.version },
    });
    expect(other.status()).toBe(200);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await visible(page.getByRole('alert').filter({ hasText: '他の人が先に更新しました' }));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '最新のチーム目標を読み込む' }).click();
    await visible(goals.getByRole('rowheader', { name: '別の人の変更' }));
  });
});

describe('my evaluation (staff and evaluator)', () => {
  const browser = browserPerSuite();

  it('shows the staff member their sheet with its next deadline, here and on the home page', async () => {
    const { page } = browser();
    const { title } = cycleOpened();
    await loginAs(page, 'staff');
    await heading1(page, 'ホーム');
    const card = page.getByRole('region', { name: '次の期限' });
    await visible(card.getByText(/まで/));
    await expectNoAxeViolations(page);

    await openFromMenu(page, '人事評価', '人事評価');
    const mine = page.getByRole('table', { name: /自分の評価シート/ });
    const row = mine.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await visible(row);
    const text = await row.innerText();
    expect(text).toContain('目標設定中');
    expect(text).toMatch(/目標の提出 .+まで/);
    expect(await row.getByRole('link', { name: title }).getAttribute('href')).toMatch(/^\/evaluation\/sheets\/\d+$/);
    await expectNoAxeViolations(page);
  });

  it('shows the confirmer the sheets they confirm', async () => {
    const { page } = browser();
    const { title } = cycleOpened();
    await page.context().clearCookies();
    await loginAs(page, 'unitHead');
    await heading1(page, 'ホーム');
    await openFromMenu(page, '人事評価', '人事評価');
    const queue = page.getByRole('table', { name: /担当する評価シート/ });
    const row = queue.getByRole('row').filter({ hasText: staffName }).filter({ hasText: title });
    await visible(row);
    expect(await row.innerText()).toContain('確認者');
    await expectNoAxeViolations(page);
  });
});

describe('evaluation settings (HR administrator)', () => {
  const browser = browserPerSuite();

  it('renames a grade, saves, reloads and goes back to the defaults', async () => {
    const { page } = browser();
    await loginAs(page, 'hrAdmin');
    await heading1(page, 'ホーム');
    await openFromMenu(page, '評価の設定', '評価の設定');
    const label = page.getByRole('textbox', { name: '2段目の説明' });
    await visible(label);
    expect(await label.inputValue()).toBe('優秀');
    await expectNoAxeViolations(page);
    await label.fill('大変よくできた');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await visible(page.getByRole('status').filter({ hasText: '評価の設定を保存しました。' }));

    await page.reload();
    await heading1(page, '評価の設定');
    await visible(page.getByText('変更済み', { exact: true }));
    expect(await page.getByRole('textbox', { name: '2段目の説明' }).inputValue()).toBe('大変よくできた');
    await expectNoAxeViolations(page);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '初期値に戻す' }).click();
    await visible(page.getByRole('status').filter({ hasText: '評価の設定を初期値に戻しました。' }));
    await expect.poll(() => page.getByRole('textbox', { name: '2段目の説明' }).inputValue()).toBe('優秀');
    await expectNoAxeViolations(page);
  });
});

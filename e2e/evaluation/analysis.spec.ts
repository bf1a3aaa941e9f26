// Journey: 職員課 (A0001) looks at the grade analysis of a cycle with a confirmed grade, downloads the payroll CSV of
// its 年度 and prints a sheet. The grade is set up through the API: the cycle of two 年度 ago (no other spec opens it;
// the demo relations start today, so HR assigns A0004 and A0003 to A0005's sheet), then goals, interviews,
// self-evaluation, rating A, the confirmer's adjustment to B and confirmation by the three people themselves.
// axe runs on the analysis page and the print page; the print page is checked under print media.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { apiCall, apiClientFor, openOrFindCycle, sheetInCycle, type ApiClient } from '../support/api';
import { baseUrl, browserPerSuite, loginAs } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';
import { formatFiscalYear } from '../../src/domain/common/wareki';

type Period = 'first-half' | 'second-half' | 'year';
type Cycle = { id: number; fiscalYear: number; period: Period };
type Client = ApiClient;
const clientFor = apiClientFor;
const call = apiCall;



async function act(client: Client, sheetId: number, action: Record<string, unknown>): Promise<void> {
  const { body: view } = await call<{ version: number }>(client, 'GET', `/api/evaluation/sheets/${sheetId}`);
  await call(client, 'POST', `/api/evaluation/sheets/${sheetId}/actions`, { version: view.version, requestKey: crypto.randomUUID(), action });
}

async function staffIdOf(hr: Client, employeeNumber: string): Promise<number> {
  const { body } = await call<{ items: Array<{ id: number; employeeNumber: string }> }>(hr, 'GET', `/api/staff?q=${employeeNumber}`);
  const found = body.items.find((item) => item.employeeNumber === employeeNumber);
  if (!found) throw new Error(`no staff ${employeeNumber}`);
  return found.id;
}

/** Opens (or finds, on a rerun against the same server) the cycle and confirms A0005's sheet in it; answers the sheet id. */
async function confirmOneSheet(fiscalYear: number): Promise<{ cycle: Cycle; sheetId: number }> {
  const hr = await clientFor('hrAdmin');
  const cycle = (await openOrFindCycle(hr, fiscalYear, 'second-half')) as Cycle;
  const sheet = await sheetInCycle(hr, cycle.id, 'A0005');
  if (sheet.state === 'confirmer-confirmed') return { cycle, sheetId: sheet.id };
  expect(sheet.state, 'the set-up starts from a new sheet').toBe('draft');

  await call(hr, 'PUT', `/api/evaluation/sheets/${sheet.id}/assignees`, {
    version: sheet.version,
    evaluatorStaffId: await staffIdOf(hr, 'A0004'),
    confirmerStaffId: await staffIdOf(hr, 'A0003'),
    reason: '過年度の評価を記録するため',
  });
  const [staff, evaluator, confirmer] = [await clientFor('staff'), await clientFor('evaluator'), await clientFor('unitHead')];
  const heldOn = `${fiscalYear}-10-15`;
  await act(staff, sheet.id, {
    type: 'save-goals',
    goals: [
      { id: 'g1', teamGoalId: null, title: '窓口の平均待ち時間を短くする', target: '平均15分以内', dueOn: null, weight: 60, difficulty: 'high' },
      { id: 'g2', teamGoalId: null, title: '届出の案内を改善する', target: '案内文を5種類見直す', dueOn: null, weight: 40, difficulty: 'standard' },
    ],
  });
  await act(staff, sheet.id, { type: 'submit-goals' });
  await act(evaluator, sheet.id, { type: 'record-opening-interview', interview: { heldOn, notes: '目標の水準を確認した。' } });
  await act(evaluator, sheet.id, { type: 'agree-goals', comment: '妥当な目標です。' });
  await act(staff, sheet.id, {
    type: 'save-self-evaluation',
    assessment: { entries: { g1: { grade: 'A', comment: '平均16分になった。' }, g2: { grade: 'B', comment: '' } }, overallGrade: 'A', comment: 'おおむね達成した。' },
  });
  await act(staff, sheet.id, { type: 'submit-self-evaluation' });
  await act(evaluator, sheet.id, { type: 'record-closing-interview', interview: { heldOn, notes: '半年を振り返った。' } });
  await act(evaluator, sheet.id, {
    type: 'save-rating',
    assessment: { entries: { g1: { grade: 'A', comment: '' }, g2: { grade: 'B', comment: '' } }, overallGrade: 'A', comment: '着実に取り組んだ。' },
  });
  await act(evaluator, sheet.id, { type: 'submit-rating' });
  await act(confirmer, sheet.id, { type: 'save-adjustment', adjustment: { overallGrade: 'B', reason: '課内の均衡を考慮した。' } });
  await act(confirmer, sheet.id, { type: 'confirm' });
  for (const client of [hr, staff, evaluator, confirmer]) await client.api.dispose();
  return { cycle, sheetId: sheet.id };
}

const distribution = (page: Page) => page.getByRole('table', { name: /評語の分布/ });

describe('evaluation analysis (HR)', () => {
  const browser = browserPerSuite();

  it('shows the distribution and leniency, downloads the payroll CSV and prints a sheet without the app chrome', async () => {
    const { page } = browser();
    await loginAs(page, 'hrAdmin');
    await heading1(page, 'ホーム');
    const { currentFiscalYear } = (await (await page.request.get(`${baseUrl()}/api/evaluation/calendar`)).json()) as { currentFiscalYear: number };
    const fiscalYear = currentFiscalYear - 2;
    const { cycle, sheetId } = await confirmOneSheet(fiscalYear);
    const cycleTitle = `${formatFiscalYear(fiscalYear, 'wareki')} 後期業績評価`;

    // The analysis page from the menu; the cycle is chosen, then the grouping.
    await mainMenu(page).getByRole('link', { name: '評価の分析', exact: true }).click();
    await heading1(page, '評価の分析');
    await page.getByLabel('評価期間', { exact: true }).selectOption({ label: cycleTitle });
    await visible(distribution(page));
    expect(await distribution(page).locator('caption').innerText()).toContain(cycleTitle);
    const overall = distribution(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: '全体' }) });
    // S A B C D 計: B holds the one confirmed grade (the evaluator's A adjusted to B)
    expect((await overall.getByRole('cell').allInnerTexts()).slice(0, 6).map((t) => t.split('(')[0]!.trim())).toEqual(['0', '0', '1', '0', '0', '1']);
    await visible(overall.getByRole('img', { name: /全体の分布: .*B 100\.0%/ }));
    const leniency = page.getByRole('table', { name: /評価者ごとの甘辛/ });
    await visible(leniency.getByRole('rowheader'));
    expect(await leniency.getByRole('row').nth(1).innerText()).toContain('4.00');
    await expectNoAxeViolations(page);

    await page.getByLabel('集計の単位').selectOption({ label: '評価者別' });
    await visible(distribution(page).getByRole('columnheader', { name: '評価者' }));
    expect(page.url()).toContain(`cycle=${cycle.id}`);
    expect(page.url()).toContain('by=evaluator');
    await expectNoAxeViolations(page);

    // The payroll CSV of the 年度 (UTF-8 with BOM).
    await page.getByLabel('年度', { exact: true }).selectOption({ label: formatFiscalYear(fiscalYear, 'wareki') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `${formatFiscalYear(fiscalYear, 'wareki')}の評語をCSVでダウンロード` }).click(),
    ]);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [headerLine, ...lines] = text.slice(1).split('\r\n');
    expect(headerLine).toBe('"職員番号","氏名","所属","職位","年度","評価期間","最終評語","点数","確定日","状態"');
    expect(lines.find((line) => line.startsWith('"A0005"'))).toContain(`"${fiscalYear}","後期業績評価","B","3"`);

    // The print page: A4 form on screen, the app's header, menu and buttons gone in print.
    await page.goto(`${baseUrl()}/evaluation/sheets/${sheetId}/print`);
    await heading1(page, `${cycleTitle}シート`);
    await visible(page.getByRole('table', { name: '個人目標と評価' }));
    await visible(page.getByRole('button', { name: '印刷' }));
    expect(await page.getByRole('table', { name: '総合評価' }).innerText()).toContain('最終評語');
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await mainMenu(page).isVisible()).toBe(false);
    expect(await page.locator('.app-footer').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '印刷' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1, name: `${cycleTitle}シート` }).isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: '確認欄' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });
});

// Journey: push-type recommendations (the ability → training loop). Set up through the API: the policy catalog
// imported, the ability evaluation of last 年度 opened (no other spec opens it; this 年度's is the sheet journey's,
// and next 年度's cannot have its feedback interview yet; the demo relations start today, so HR assigns A0004 and
// A0003 to A0005's sheet) and A0005's sheet rated by A0004 with 業務遂行 D and コミュニケーション C, confirmed by
// A0003 and fed back — the most recently confirmed ability sheet of A0005, whatever the sheet journey did. Then in
// the browser: A0005 sees the recommended courses with the reason, A0004 picks A0005 and pushes 新規採用職員研修
// with a note, A0005 sees the push, and 職員課 sees the loop table. axe runs on each page.

import { describe, expect, it, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { apiCall, apiClientFor, openOrFindCycle, sheetInCycle, type ApiClient } from '../support/api';
import { browserPerSuite, loginAs } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';
import { formatFiscalYear } from '../../src/domain/common/wareki';

type Client = ApiClient;
const clientFor = apiClientFor;
const call = apiCall;



async function act(client: Client, sheetId: number, action: Record<string, unknown>): Promise<void> {
  const { body: view } = await call<{ version: number }>(client, 'GET', `/api/evaluation/sheets/${sheetId}`);
  await call(client, 'POST', `/api/evaluation/sheets/${sheetId}/actions`, { version: view.version, requestKey: crypto.randomUUID(), action });
}

let fiscalYear = 0;

async function staffIdOf(hr: Client, employeeNumber: string): Promise<number> {
  const { body } = await call<{ items: Array<{ id: number; employeeNumber: string }> }>(hr, 'GET', `/api/staff?q=${employeeNumber}`);
  const found = body.items.find((item) => item.employeeNumber === employeeNumber);
  if (!found) throw new Error(`no staff ${employeeNumber}`);
  return found.id;
}

/** Opens last 年度's ability evaluation (or finds it) and drives A0005's sheet to the feedback with two items below standard. */
async function rateA0005BelowStandard(): Promise<void> {
  const hr = await clientFor('hrAdmin');
  await call(hr, 'POST', '/api/training/courses/import-policy-catalog');
  const { body: calendar } = await call<{ currentFiscalYear: number }>(hr, 'GET', '/api/evaluation/calendar');
  fiscalYear = calendar.currentFiscalYear - 1;
  const cycle = await openOrFindCycle(hr, fiscalYear, 'year');
  const sheet = await sheetInCycle(hr, cycle.id, 'A0005');
  if (sheet.state === 'feedback-given') return;
  expect(sheet.state, 'the set-up starts from a new sheet').toBe('draft');
  await call(hr, 'PUT', `/api/evaluation/sheets/${sheet.id}/assignees`, {
    version: sheet.version,
    evaluatorStaffId: await staffIdOf(hr, 'A0004'),
    confirmerStaffId: await staffIdOf(hr, 'A0003'),
    reason: '過年度の能力評価を記録するため',
  });
  await hr.api.dispose();
  const [staff, evaluator, confirmer] = [await clientFor('staff'), await clientFor('evaluator'), await clientFor('unitHead')];
  const { body: view } = await call<{ sheet: { items: Array<{ id: string }> } }>(staff, 'GET', `/api/evaluation/sheets/${sheet.id}`);
  const itemIds = view.sheet.items.map((i) => i.id);
  const gradeOf = (id: string) => (id === 'task-execution' ? 'D' : id === 'communication' ? 'C' : 'B');
  await act(staff, sheet.id, {
    type: 'save-self-evaluation',
    assessment: { entries: Object.fromEntries(itemIds.map((id) => [id, { grade: 'B', comment: '' }])), overallGrade: 'B', comment: '' },
  });
  await act(staff, sheet.id, { type: 'submit-self-evaluation' });
  await act(evaluator, sheet.id, {
    type: 'save-rating',
    assessment: { entries: Object.fromEntries(itemIds.map((id) => [id, { grade: gradeOf(id), comment: '' }])), overallGrade: 'C', comment: '窓口での対応に課題がある。' },
  });
  await act(evaluator, sheet.id, { type: 'submit-rating' });
  await act(confirmer, sheet.id, { type: 'confirm' });
  await act(evaluator, sheet.id, { type: 'record-feedback', interview: { heldOn: `${fiscalYear}-10-15`, notes: '能力評価の結果を伝えた。' } });
  for (const client of [staff, evaluator, confirmer]) await client.api.dispose();
}

const myCourses = (page: Page) => page.getByRole('table', { name: /あなたへのおすすめの研修/ });
const note = '面談で、窓口での説明の基本を学び直すことにしました。';

async function openRecommendations(page: Page): Promise<void> {
  await heading1(page, 'ホーム');
  await mainMenu(page).getByRole('link', { name: '研修のおすすめ', exact: true }).click();
  await heading1(page, '研修のおすすめ');
}

// The set-up is shared; each person signs in with their own browser (one describe each, run in order).
beforeAll(rateA0005BelowStandard);

describe('recommendations (A0005)', () => {
  const browser = browserPerSuite();

  it('shows A0005 the courses for the items rated below standard, with the reason', async () => {
    const { page } = browser();
    await loginAs(page, 'staff');
    await openRecommendations(page);
    await visible(page.getByRole('table', { name: /あなたの標準を下回った評価項目/ }));
    const items = await page.getByRole('table', { name: /あなたの標準を下回った評価項目/ }).innerText();
    expect(items).toContain('業務遂行');
    expect(items).toContain('コミュニケーション');
    const row = myCourses(page).getByRole('row').filter({ hasText: '新規採用職員研修' });
    expect(await row.innerText()).toContain('業務遂行、コミュニケーションが標準を下回ったため');
    expect(await row.innerText()).toContain('なし');
    await expectNoAxeViolations(page);
  });

});

describe('pushing a course (evaluator A0004)', () => {
  const browser = browserPerSuite();

  it('lets the evaluator A0004 pick A0005 and push a course with a note from the interview', async () => {
    const { page } = browser();
    await loginAs(page, 'evaluator');
    await openRecommendations(page);
    const person = page.getByRole('combobox', { name: '職員', exact: true });
    await visible(person);
    const option = person.locator('option').filter({ hasText: 'A0005' });
    await person.selectOption(await option.getAttribute('value'));
    const table = page.getByRole('table', { name: /さんへのおすすめの研修/ });
    await visible(table);
    await expectNoAxeViolations(page);
    await page.getByRole('combobox', { name: '勧める研修' }).selectOption({ label: '新規採用職員研修' });
    await page.getByLabel('面談のメモ(本人に表示されます)').fill(note);
    await page.getByRole('button', { name: '受講を勧める' }).click();
    await visible(page.getByRole('status').filter({ hasText: /「新規採用職員研修」の受講を勧めました。/ }));
    const row = table.getByRole('row').filter({ hasText: '新規採用職員研修' });
    await expect.poll(() => row.innerText()).toContain(note);
    await expectNoAxeViolations(page);
  });

});

describe('the push seen by A0005', () => {
  const browser = browserPerSuite();

  it('shows A0005 the push with the note and who pushed', async () => {
    const { page } = browser();
    await loginAs(page, 'staff');
    await openRecommendations(page);
    const row = myCourses(page).getByRole('row').filter({ hasText: '新規採用職員研修' });
    await visible(row);
    const text = await row.innerText();
    expect(text).toContain(note);
    expect(text).toMatch(/さん\(/);
    await expectNoAxeViolations(page);
  });

});

describe('the ability → training loop (HR)', () => {
  const browser = browserPerSuite();

  it('shows 職員課 the loop per position level', async () => {
    const { page } = browser();
    await loginAs(page, 'hrAdmin');
    await heading1(page, 'ホーム');
    await mainMenu(page).getByRole('link', { name: '能力と研修の循環', exact: true }).click();
    await heading1(page, '能力と研修の循環');
    await page.getByLabel('年度', { exact: true }).selectOption(String(fiscalYear));
    const table = page.getByRole('table', { name: new RegExp(`${formatFiscalYear(fiscalYear, 'wareki')} 係員の評価項目ごとの集計`) });
    await visible(table);
    const row = table.getByRole('row').filter({ hasText: 'コミュニケーション' });
    expect(await row.innerText()).toMatch(/[1-9]\d* 人/);
    await expectNoAxeViolations(page);
  });
});

// Journey: 職員課 (A0001) opens 研修の報告・統計 from the menu, reads the completion by course and position level of
// this 年度, downloads it as Excel, and opens A0005's training history (研修受講履歴) as the A4 print view. Set up
// through the API: the policy catalog imported (idempotent), a two-day session of 初級職員研修 (3〜5年目; A0005 is a
// 4th-year 係員 whatever today is) at the start of this 年度 with a place of its own, and A0005 designated and
// marked completed — so the completion row and the history line exist on every rerun. axe runs on each page; the
// print view is checked under print media.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe';
import { apiCall, apiClientFor } from '../support/api';
import { baseUrl, browserPerSuite, loginAs } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';

type Course = { id: number; code: string };
type Enrolment = { id: number; version: number };

async function completeJuniorCourseForA0005(fiscalYear: number): Promise<{ staffId: number; place: string }> {
  const hr = await apiClientFor('hrAdmin');
  await apiCall(hr, 'POST', '/api/training/courses/import-policy-catalog');
  const { body: courses } = await apiCall<{ items: Course[] }>(hr, 'GET', '/api/training/courses');
  const junior = courses.items.find((c) => c.code === 'GEN-JUNIOR')!;
  const { body: found } = await apiCall<{ items: Array<{ id: number; employeeNumber: string }> }>(hr, 'GET', '/api/staff?q=A0005');
  const staffId = found.items.find((s) => s.employeeNumber === 'A0005')!.id;
  const place = `報告研修室${Date.now() % 100000}`;
  const { body: session } = await apiCall<{ id: number }>(hr, 'POST', '/api/training/sessions', {
    courseId: junior.id,
    fiscalYear,
    startsOn: `${fiscalYear}-04-15`,
    endsOn: `${fiscalYear}-04-16`,
    place,
    capacity: null,
    lecturer: '職員課',
    note: '',
  });
  const { body: added } = await apiCall<{ added: Enrolment[] }>(hr, 'POST', `/api/training/sessions/${session.id}/enrolments`, {
    route: 'designation',
    staffIds: [staffId],
    note: '',
  });
  const enrolment = added.added[0]!;
  await apiCall(hr, 'POST', `/api/training/enrolments/${enrolment.id}/attendance`, { version: enrolment.version, status: 'completed', certificate: null });
  await hr.api.dispose();
  return { staffId, place };
}

describe('training reports (HR)', () => {
  const browser = browserPerSuite();

  it('reads and downloads the completion report, and prints a person’s training history', async () => {
    const { page } = browser();
    await loginAs(page, 'hrAdmin');
    await heading1(page, 'ホーム');
    const { currentFiscalYear: fy } = (await (await page.request.get(`${baseUrl()}/api/training/plans/2025`)).json()) as { currentFiscalYear: number };
    const { staffId } = await completeJuniorCourseForA0005(fy);

    await mainMenu(page).getByRole('link', { name: '研修の報告・統計', exact: true }).click();
    await heading1(page, '研修の報告・統計');
    await visible(page.getByRole('heading', { name: '研修時間の数え方' }));
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: '職位別・研修別の修了状況' }).click();
    await heading1(page, '職位別・研修別の修了状況');
    const table = page.getByRole('table', { name: /職位別・研修別の修了状況/ });
    await visible(table);
    const row = table.getByRole('row').filter({ hasText: '初級職員研修' }).first();
    await visible(row);
    expect(await row.innerText()).toContain('一般研修');
    expect(await row.innerText()).toMatch(/修了 [1-9]/);
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Excel.*修了状況/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // The hours per person: the distribution, A0005 among the people (two days × 7.75 h at least).
    await page.getByRole('link', { name: '研修の報告・統計に戻る' }).click();
    await heading1(page, '研修の報告・統計');
    await page.getByRole('link', { name: '年間研修時間', exact: true }).click();
    await heading1(page, '年間研修時間');
    await visible(page.getByRole('table', { name: /職位別の研修時間/ }));
    await visible(page.getByRole('table', { name: /職員ごとの研修時間/ }));
    await expectNoAxeViolations(page);

    // The history of A0005 as an A4 form; the app's chrome and the tools gone in print.
    await page.goto(`${baseUrl()}/training/reports/history/${staffId}`);
    await heading1(page, '研修受講履歴');
    const trainings = page.getByRole('table', { name: /^研修\(/ });
    await visible(trainings);
    expect(await trainings.innerText()).toContain('初級職員研修');
    expect(await trainings.innerText()).toContain('15.5');
    await visible(page.getByRole('button', { name: '印刷' }));
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await mainMenu(page).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '印刷' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1, name: '研修受講履歴' }).isVisible()).toBe(true);
    expect(await trainings.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });
});

// Journey (受講, issue 4 item 3): HR adds a session of データリテラシー研修 (by 所属推薦 or 希望) with capacity 1; staff
// A0005 applies (希望) from 受講履歴; the evaluator A0004 approves it → 受講決定; the HR officer A0002 applies and is
// approved through the API → キャンセル待ち 1番目; HR marks A0005 出席 on the session's roster; A0005 writes the
// 受講報告 and the survey. The session starts late in the current 年度 so that it is open for application whatever
// today is (the server is shared by every spec, so the session is found by its own place name). axe on every page.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { apiCall, apiClientFor, type ApiClient } from '../support/api';
import { browserPerSuite, loginAs, type DemoRole } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';

type Client = ApiClient;
const clientFor = apiClientFor;
async function call<T>(client: Client, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown, expected?: number[]): Promise<T> {
  return (await apiCall<T>(client, method, path, data, expected)).body;
}



async function signInAs(page: Page, role: DemoRole): Promise<void> {
  await page.context().clearCookies();
  await loginAs(page, role);
  await heading1(page, 'ホーム');
}

describe('training enrolment: apply, approve, wait, attend, report', () => {
  const browser = browserPerSuite();

  it('takes an application through approval, the waiting list, attendance and the report', async () => {
    const { page } = browser();
    const hr = await clientFor('hrAdmin');
    await call(hr, 'POST', '/api/training/courses/import-policy-catalog');
    const { currentFiscalYear: fy } = await call<{ currentFiscalYear: number }>(hr, 'GET', '/api/training/plans/2025');
    const place = `第${Date.now() % 100000}研修室`;
    const startsOn = `${fy + 1}-03-25`;

    // HR adds the session in the plan.
    await signInAs(page, 'hrAdmin');
    await mainMenu(page).getByRole('link', { name: '研修計画', exact: true }).click();
    await heading1(page, '研修計画');
    await page.getByRole('combobox', { name: '研修', exact: true }).selectOption({ label: 'データリテラシー研修(特別研修)' });
    await page.getByLabel('開始日').fill(startsOn);
    await page.getByLabel('終了日').fill(startsOn);
    await page.getByLabel('会場').fill(place);
    await page.getByLabel('定員(人)').fill('1');
    await page.getByRole('button', { name: '日程を追加' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'データリテラシー研修の日程を追加しました。' }));
    const plan = await call<{ sessions: Array<{ id: number; place: string }> }>(hr, 'GET', `/api/training/plans/${fy}`);
    const sessionId = plan.sessions.find((s) => s.place === place)!.id;

    // A0005 applies from 受講履歴.
    await signInAs(page, 'staff');
    await mainMenu(page).getByRole('link', { name: '受講履歴', exact: true }).click();
    await heading1(page, '受講履歴');
    const open = page.getByRole('table', { name: /申し込める研修/ }).getByRole('row').filter({ hasText: place });
    await visible(open);
    await expectNoAxeViolations(page);
    await open.getByRole('button', { name: /申し込む/ }).click();
    await visible(page.getByRole('status').filter({ hasText: 'データリテラシー研修に申し込みました。' }));
    const mine = page.getByRole('table', { name: /受講履歴/ }).getByRole('row').filter({ hasText: '承認待ち' }).filter({ hasText: 'データリテラシー研修' });
    await visible(mine);
    await expectNoAxeViolations(page);

    // The evaluator approves: the one seat is A0005's.
    await signInAs(page, 'evaluator');
    // A 係長 reaches the approvals from 受講履歴, which says how many wait.
    await mainMenu(page).getByRole('link', { name: '受講履歴', exact: true }).click();
    await heading1(page, '受講履歴');
    await page.getByRole('link', { name: /承認を待つ研修の申込みが \d+ 件あります/ }).click();
    await heading1(page, '研修の申込みの承認');
    const pending = page.getByRole('table', { name: /承認を待つ申込み/ }).getByRole('row').filter({ hasText: 'A0005' }).filter({ hasText: 'データリテラシー研修' });
    await visible(pending);
    await expectNoAxeViolations(page);
    await pending.first().getByRole('button', { name: /^承認/ }).click();
    await visible(page.getByRole('status').filter({ hasText: /データリテラシー研修を承認しました\(受講決定\)/ }));
    await expectNoAxeViolations(page);

    // Another applicant, approved by HR: the session is full, so they wait.
    const officer = await clientFor('hrOfficer');
    const applied = await call<{ staffId: number; version: number }>(officer, 'POST', `/api/training/sessions/${sessionId}/apply`, { note: '' });
    const waiting = await call<{ status: string; waitlistPosition: number }>(hr, 'POST', `/api/training/sessions/${sessionId}/applicants/${applied.staffId}/approve`, { version: applied.version, note: '' });
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    // HR records A0005's attendance on the session's roster.
    await signInAs(page, 'hrAdmin');
    await mainMenu(page).getByRole('link', { name: '研修計画', exact: true }).click();
    await heading1(page, '研修計画');
    await page.getByRole('table', { name: /研修の日程/ }).getByRole('row').filter({ hasText: place }).getByRole('link', { name: 'データリテラシー研修' }).click();
    await heading1(page, '研修の受講者');
    const roster = page.getByRole('table', { name: /データリテラシー研修の受講者/ });
    const a0005 = roster.getByRole('row').filter({ hasText: 'A0005' });
    await visible(a0005);
    expect(await a0005.innerText()).toContain('受講決定');
    expect(await roster.getByRole('row').filter({ hasText: 'A0002' }).innerText()).toContain('キャンセル待ち(1番目)');
    await expectNoAxeViolations(page);
    await a0005.getByRole('combobox').selectOption({ label: '出席' });
    await a0005.getByRole('button', { name: /記録/ }).click();
    await visible(page.getByRole('status').filter({ hasText: /を「出席」にしました。/ }));
    expect(await roster.getByRole('row').filter({ hasText: 'A0005' }).innerText()).toContain('出席');
    await expectNoAxeViolations(page);

    // A0005 writes the report and the survey.
    await signInAs(page, 'staff');
    await mainMenu(page).getByRole('link', { name: '受講履歴', exact: true }).click();
    await heading1(page, '受講履歴');
    const attended = page.getByRole('table', { name: /受講履歴/ }).getByRole('row').filter({ hasText: '出席' }).filter({ hasText: 'データリテラシー研修' }).first();
    await attended.getByRole('button', { name: /受講報告を書く/ }).click();
    await visible(page.getByRole('heading', { name: 'データリテラシー研修の受講報告' }));
    await page.getByRole('button', { name: '受講報告を保存' }).click();
    await visible(page.getByRole('alert').filter({ hasText: '受講報告を入力してください' }));
    await expectNoAxeViolations(page);
    await page.getByLabel(/^受講報告\(/).fill('窓口の統計を集計する方法を学んだ。来月の集計から使う。');
    await page.getByRole('group', { name: /満足度/ }).getByLabel('4').check();
    await page.getByRole('group', { name: /業務への役立ち度/ }).getByLabel('5').check();
    await page.getByLabel('感想・要望').fill('演習の時間がもっと欲しい');
    await page.getByRole('button', { name: '受講報告を保存' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'データリテラシー研修の受講報告を保存しました。' }));
    const reported = page.getByRole('table', { name: /受講履歴/ }).getByRole('row').filter({ hasText: '提出済み' }).filter({ hasText: 'データリテラシー研修' });
    await visible(reported);
    await expectNoAxeViolations(page);
    await hr.api.dispose();
    await officer.api.dispose();
  });
});

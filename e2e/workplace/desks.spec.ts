// Journey: an anonymous person files a harassment consultation on the public page (no sign-in) and receives a
// receipt code and secret; the designated handler (A0008) takes the case, reads it, replies and moves it to
// 調査中; the reporter follows with the code and secret and sees the reply. axe runs on every page visited.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { baseUrl, browserPerSuite, loginAs, openBrowser } from '../support/browser';
import { apiCall, apiClientFor } from '../support/api';
import { heading1, visible } from '../support/locators';

const summary = `E2E相談 ${Date.now()}: 係長から毎日大声で叱責されています。`;
const reply = 'ご相談を受け付けました。担当の相談員です。お話を伺います。';

async function fileOnPublicPage(page: Page): Promise<{ code: string; secret: string }> {
  await page.goto(`${baseUrl()}/desk`);
  await heading1(page, '相談・通報窓口');
  await expectNoAxeViolations(page);
  await page.getByLabel('区分(必須)').selectOption('power');
  await page.getByLabel('内容(必須)').fill(summary);
  await page.getByRole('button', { name: '送信する' }).click();
  await visible(page.getByRole('heading', { name: '受け付けました' }));
  await expectNoAxeViolations(page);
  const code = (await page.getByTestId('receipt-code').innerText()).trim();
  const secret = (await page.getByTestId('receipt-secret').innerText()).trim();
  expect(code).toMatch(/^HR-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  return { code, secret };
}

describe('consultation desk', () => {
  const browser = browserPerSuite();

  it('files anonymously, the handler replies and moves the case on, the reporter follows', async () => {
    // The handler must be designated (the employer's written designation); hr_admin records it through the API.
    const hr = await apiClientFor('hrAdmin');
    await apiCall(hr, 'POST', '/api/desks/designations', { employeeNumber: 'A0008', desk: 'harassment', designatedOn: '2025-04-01', documentRef: '総務第1号(E2E)' }, [201]);

    const reporter = await openBrowser();
    let receipt: { code: string; secret: string };
    try {
      receipt = await fileOnPublicPage(reporter.page);
    } finally {
      await reporter.close();
    }

    const { page } = browser();
    await loginAs(page, 'caseHandler');
    await page.goto(`${baseUrl()}/workplace/desks/cases`);
    await heading1(page, '担当する案件');
    await expectNoAxeViolations(page);
    // The newest unassigned case is ours (the queue is in order of arrival); contents are not shown before taking it.
    expect(await page.getByText(summary).count()).toBe(0);
    const take = page.getByRole('button', { name: /^案件 \d+ を担当する$/ }).last();
    const caseId = Number((await take.innerText()).match(/案件 (\d+)/)![1]);
    await take.click();
    await page.getByRole('link', { name: new RegExp(`^案件 ${caseId}[^0-9]`) }).click();
    await heading1(page, new RegExp(`^案件 ${caseId}`));
    await visible(page.getByText(summary));
    await expectNoAxeViolations(page);

    await page.getByLabel('メッセージ', { exact: true }).fill(reply);
    await page.getByRole('button', { name: '送る', exact: true }).click();
    await visible(page.getByRole('status').filter({ hasText: 'メッセージを送りました。' }));
    await page.getByRole('button', { name: '「調査中」にする' }).click();
    await visible(page.getByRole('status').filter({ hasText: '状況を「調査中」にしました。' }));
    expect(await page.getByTestId('case-status').innerText()).toBe('調査中');
    await page.getByRole('button', { name: '相談者を表示する(閲覧を記録)' }).click();
    await visible(page.getByText('匿名の相談・通報です'));
    await expectNoAxeViolations(page);

    await page.goto(`${baseUrl()}/workplace/desks`);
    await heading1(page, '相談・通報窓口');
    await expectNoAxeViolations(page);
    await page.goto(`${baseUrl()}/workplace/desks/designations`);
    await heading1(page, '窓口の対応者の指定');
    await visible(page.getByRole('table', { name: '対応者の指定' }));
    await expectNoAxeViolations(page);

    await page.goto(`${baseUrl()}/workplace/desks/statistics`);
    await heading1(page, '相談・通報の件数');
    await visible(page.getByRole('table', { name: /ハラスメント相談窓口/ }));
    await expectNoAxeViolations(page);

    const follower = await openBrowser();
    try {
      const p = follower.page;
      await p.goto(`${baseUrl()}/desk`);
      await heading1(p, '相談・通報窓口');
      await p.getByLabel('受付番号').fill(receipt.code);
      await p.getByLabel('確認用パスワード').fill(receipt.secret);
      await p.getByRole('button', { name: '確認する' }).click();
      await visible(p.getByText(reply));
      expect(await p.getByTestId('reporter-status').innerText()).toBe('調査中');
      await expectNoAxeViolations(p);
      await p.getByLabel('窓口へのメッセージ').fill('ありがとうございます。来週お話しできます。');
      await p.getByRole('button', { name: '送る', exact: true }).click();
      await visible(p.getByRole('status').filter({ hasText: 'メッセージを送りました。' }));
      await visible(p.getByText('来週お話しできます。'));
    } finally {
      await follower.close();
    }
  });
});

describe('consultation desk (HR administrator)', () => {
  const browser = browserPerSuite();

  it('sees the designations and the suppressed counts, never a case', async () => {
    const { page } = browser();
    await loginAs(page, 'hrAdmin');
    await page.goto(`${baseUrl()}/workplace/desks/cases`);
    await heading1(page, '担当する案件');
    await visible(page.getByText('この画面を表示する権限がありません。'));
    await expectNoAxeViolations(page);
    expect(await page.getByText(summary).count()).toBe(0);
    const res = await page.request.get(`${baseUrl()}/api/desks/cases`);
    expect(res.status()).toBe(403);
    await page.goto(`${baseUrl()}/workplace/desks/statistics`);
    await heading1(page, '相談・通報の件数');
    await visible(page.getByRole('table', { name: /公益通報窓口/ }));
    expect(await page.getByText(/相談者-/).count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});

// Journey (合同研修, issue 4 item 4): HR adds a session of 中級職員研修 (co-hosted with 藤岡市・富岡市; the policy catalog
// is imported through the API first), opens 合同研修の参加者 from the session's page, registers a participant from
// 富岡市, edits them and records their attendance, downloads the roster CSV (UTF-8 with BOM; checks the header and the participant) and uploads the co-host's
// file with one 藤岡市 row, which is then listed. The server is shared by every spec, so names carry a unique suffix.
// axe on every page.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { apiCall, apiClientFor, type ApiClient } from '../support/api';
import { baseUrl, browserPerSuite, loginAs, type DemoRole } from '../support/browser';
import { heading1, visible } from '../support/locators';

type Client = ApiClient;
const clientFor = apiClientFor;
async function call<T>(client: Client, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown, expected?: number[]): Promise<T> {
  return (await apiCall<T>(client, method, path, data, expected)).body;
}



async function heading2(page: Page, name: string): Promise<void> {
  await visible(page.getByRole('heading', { level: 2, name }));
}

async function signInAs(page: Page, role: DemoRole): Promise<void> {
  await page.context().clearCookies();
  await loginAs(page, role);
  await heading1(page, 'ホーム');
}

describe('joint training: participants of co-host municipalities and the roster CSV', () => {
  const browser = browserPerSuite();

  it('registers a 富岡市 participant, downloads the roster and imports the co-host file', async () => {
    const { page } = browser();
    const hr = await clientFor('hrAdmin');
    await call(hr, 'POST', '/api/training/courses/import-policy-catalog');
    const courses = await call<{ items: Array<{ id: number; code: string }> }>(hr, 'GET', '/api/training/courses');
    const { currentFiscalYear: fy } = await call<{ currentFiscalYear: number }>(hr, 'GET', '/api/training/plans/2025');
    const suffix = String(Date.now() % 100000);
    const session = await call<{ id: number }>(hr, 'POST', '/api/training/sessions', {
      courseId: courses.items.find((c) => c.code === 'GEN-MID')!.id,
      fiscalYear: fy,
      startsOn: `${fy + 1}-02-10`,
      endsOn: `${fy + 1}-02-10`,
      place: `藤岡市 第${suffix}研修室`,
      capacity: null,
      lecturer: '',
      note: '',
    });

    // From the session's page to its joint-training participants.
    await signInAs(page, 'hrAdmin');
    await page.goto(`${baseUrl()}/training/sessions/${session.id}`);
    await heading1(page, '研修の受講者');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: '合同研修の参加者(他自治体)' }).click();
    await heading1(page, '合同研修の参加者(他自治体)');
    await visible(page.getByText('他の自治体の参加者はまだいません。'));
    await expectNoAxeViolations(page);

    // Register one participant from 富岡市.
    const family = `川口${suffix}`;
    await page.getByLabel('自治体', { exact: true }).selectOption('富岡市');
    await page.getByLabel('氏(必須)').fill(family);
    await page.getByLabel('名(必須)').fill('一郎');
    await page.getByLabel('氏(カナ)').fill('カワグチ');
    await page.getByLabel('名(カナ)').fill('イチロウ');
    await page.getByLabel('所属', { exact: true }).fill('企画課');
    await page.getByRole('button', { name: '登録する' }).click();
    await visible(page.getByRole('status').filter({ hasText: `富岡市の${family} 一郎を登録しました。` }));
    const list = page.getByRole('table', { name: /他自治体の参加者/ });
    await visible(list.getByRole('row').filter({ hasText: family }));
    await expectNoAxeViolations(page);

    // Edit the participant's 職名 and record attendance.
    await list.getByRole('button', { name: new RegExp(`^編集.*${family} 一郎`) }).click();
    await heading2(page, `${family} 一郎を編集`);
    await page.getByLabel('職名', { exact: true }).fill('主査');
    await page.getByRole('button', { name: '変更する' }).click();
    await visible(page.getByRole('status').filter({ hasText: `${family} 一郎を変更しました。` }));
    await page.getByLabel(`${family} 一郎の状態`).selectOption({ label: '出席' });
    await list.getByRole('button', { name: new RegExp(`^記録.*${family} 一郎の状態`) }).click();
    await visible(page.getByRole('status').filter({ hasText: `${family} 一郎を「出席」にしました。` }));
    await expectNoAxeViolations(page);

    // Download the roster (UTF-8 with BOM).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '名簿をダウンロード' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = fs.readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('"自治体","氏","名","氏カナ","名カナ","所属","職名","状態"');
    expect(text).toContain(`"富岡市","${family}","一郎","カワグチ","イチロウ","企画課","主査","出席"`);

    // Upload the co-host's file: one 藤岡市 row.
    const fujioka = `森${suffix}`;
    const csv = `自治体,氏,名,氏カナ,名カナ,所属,職名,状態\r\n藤岡市,${fujioka},花,モリ,ハナ,総務課,主事,\r\n`;
    await page.getByLabel('CSV ファイル').setInputFiles({ name: 'fujioka.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: '取り込む' }).click();
    await visible(page.getByRole('status').filter({ hasText: '名簿を取り込みました: 追加 1 人、更新 0 人。' }));
    await visible(list.getByRole('row').filter({ hasText: fujioka }).filter({ hasText: '藤岡市' }));
    await expectNoAxeViolations(page);

    // A file with an error is refused by line and column.
    await page.getByLabel('CSV ファイル').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('自治体,氏,名\r\n高崎市,山田,花子\r\n', 'utf8') });
    await page.getByRole('button', { name: '取り込む' }).click();
    const errors = page.getByRole('table', { name: /名簿の誤り/ });
    await visible(errors.getByRole('row').filter({ hasText: '2 行目' }).filter({ hasText: '高崎市' }));
    await expectNoAxeViolations(page);
  });
});

// Journey: HR imports a staff CSV with one bad line (the error is reported by line and nothing is
// written), imports the corrected file (committed, the new person is in the directory), and exports
// CSV — UTF-8 with BOM, and Shift_JIS after accepting 〓 for characters it cannot hold.

import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe';
import { browserPerSuite, loginAs } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';

/** The directory's total for a search ('' = everyone), as the page shows it. */
async function directoryCount(page: Page, q = ''): Promise<number> {
  await mainMenu(page).getByRole('link', { name: '職員検索' }).click();
  await heading1(page, '職員検索');
  await visible(page.getByText(/^[\d,]+ 件/));
  if (q) {
    // Wait for the search with this q to be answered: the URL changes before the query does (debounced input).
    const answered = page.waitForResponse((r) => r.url().includes('/api/staff?') && new URL(r.url()).searchParams.get('q') === q);
    await page.getByLabel('氏名・カナ・職員番号').fill(q);
    await page.waitForURL((url) => url.searchParams.get('q') === q);
    await answered;
  }
  // Cached results show at once while fresh ones load (「更新中…」): wait for the fresh count.
  await page.waitForFunction(() => !document.querySelector('.result-count .hint'));
  const text = await page.locator('.result-count').innerText();
  const match = /([\d,]+) 件/.exec(text);
  if (!match?.[1]) throw new Error(`no result count in "${text}"`);
  return Number(match[1].replaceAll(',', ''));
}

const header = '職員番号,氏,名,氏カナ,名カナ,生年月日,採用日,雇用形態,職種,性別';

async function uploadStaffCsv(page: Page, fileName: string, csv: string): Promise<void> {
  await mainMenu(page).getByRole('link', { name: 'インポート' }).click();
  await heading1(page, 'インポート');
  await page.getByRole('radio', { name: '職員マスタ' }).check();
  await page.getByLabel('文字コード').selectOption('utf-8');
  await page.getByLabel('CSV ファイル').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'アップロードして検査' }).click();
  await visible(page.getByRole('heading', { level: 2, name: '2. 検査結果' }));
}

describe('staff import and export (HR)', () => {
  const browser = browserPerSuite();

  it('refuses a file with one bad line, imports the corrected file, and exports CSV', async () => {
    const { page } = browser();
    // Unique per run, so the journey also works against a long-lived server (JINZAI_E2E_BASE_URL).
    const suffix = Date.now().toString(36).toUpperCase().slice(-6);
    const goodNumber = `E2E${suffix}A`;
    const otherNumber = `E2E${suffix}B`;
    const goodLine = `${goodNumber},試験,花子,シケン,ハナコ,1995-05-10,2025-04-01,正規,事務,女性`;
    const badLine = `${otherNumber},試験,次郎,シケン,ジロウ,1996-02-30,2025-04-01,正規,事務,男性`;
    const fixedLine = `${otherNumber},試験,次郎,シケン,ジロウ,1996-02-28,2025-04-01,正規,事務,男性`;

    await loginAs(page, 'hrAdmin');
    const before = await directoryCount(page);
    expect(before).toBeGreaterThan(0);

    // 1. One bad line: every error listed with its line; no 取り込む button; nothing written.
    await uploadStaffCsv(page, 'staff-bad.csv', `${header}\n${goodLine}\n${badLine}\n`);
    const errors = page.getByRole('table', { name: /エラー一覧/ });
    await visible(errors);
    await visible(errors.getByRole('rowheader', { name: '3 行目' }));
    await visible(errors.getByRole('cell', { name: '生年月日' }));
    await visible(page.getByRole('alert').filter({ hasText: '何も登録されていません' }));
    expect(await page.getByRole('button', { name: '取り込む' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    expect(await directoryCount(page)).toBe(before);
    expect(await directoryCount(page, goodNumber)).toBe(0);

    // 2. The corrected file: preview without errors, commit with streamed progress, then the result.
    await uploadStaffCsv(page, 'staff-fixed.csv', `${header}\n${goodLine}\n${fixedLine}\n`);
    await visible(page.getByText('誤りは見つかりませんでした。'));
    await visible(page.getByRole('table', { name: /データの先頭 2 行/ }).getByRole('cell', { name: goodNumber }));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '取り込む' }).click();
    await visible(page.getByRole('status').filter({ hasText: '取り込みが完了しました' }), 60_000);
    await visible(page.getByText('新規 2 件'));
    await expectNoAxeViolations(page);

    expect(await directoryCount(page)).toBe(before + 2);
    expect(await directoryCount(page, goodNumber)).toBe(1);
    await visible(page.getByRole('link', { name: '試験 花子' }));
    await expectNoAxeViolations(page);

    // 3. Export: UTF-8 with BOM downloads straight away and holds the new person.
    await mainMenu(page).getByRole('link', { name: 'エクスポート' }).click();
    await heading1(page, 'エクスポート');
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '職員をCSV(UTF-8 BOM付き)でダウンロード' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(goodNumber);

    // Shift_JIS: 𠮷 (in the demo city's 𠮷田) cannot be written; the report comes first, then the choice.
    await page.getByRole('radio', { name: 'CSV(Shift_JIS)' }).check();
    await page.getByRole('button', { name: 'Shift_JIS で出力できるか確認' }).click();
    const report = page.getByRole('table', { name: 'Shift_JIS で表せない文字' });
    await visible(report);
    await visible(report.getByRole('cell', { name: '𠮷' }));
    expect(await page.getByRole('link', { name: /Shift_JIS.*ダウンロード/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.getByLabel('上記の文字が「〓」に置き換わることを確認しました').check();
    const [sjis] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '職員をCSV(Shift_JIS)でダウンロード' }).click(),
    ]);
    expect(sjis.suggestedFilename()).toMatch(/\.csv$/);
    const sjisBytes = fs.readFileSync(await sjis.path());
    expect(new TextDecoder('shift_jis').decode(sjisBytes)).toContain('〓田');
  });
});

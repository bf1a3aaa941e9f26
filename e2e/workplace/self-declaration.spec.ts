// Journey (自己申告書, issue 6 item 1): HR opens a campaign on the admin page; staff A0005 fills in the form (the
// draft autosaves) and submits it with a transfer wish, a health note and an answer to the commitment question (the
// fellow programme's indicator); the evaluator A0004 opens it from their team list and sees only the fields the form
// allows (no health note, no message to HR, no commitment question); HR opens it in full. The admin page shows the
// form's commitment indicator.
// axe runs on every page visited.
//
// The demo seeds this 年度's campaign (one per 年度), so the journey opens one for the latest 年度 without a
// campaign, from that 年度's last day (31 March) to a month from today: its period includes today, so staff can
// write, and a rerun against the same server takes the 年度 before.

import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe';
import { browserPerSuite, loginAs } from '../support/browser';
import { apiCall, apiClientFor } from '../support/api';
import { heading1, mainMenu, visible } from '../support/locators';
import { addDays, fiscalYearOf } from '../../src/domain/common/fiscal-year';
import { todayInJapan } from '../../src/web/app/dates';
import type { CampaignList } from '../../src/domain/workplace/self-declaration-api';

const healthNote = 'E2E架空の健康メモ';
const hrMessage = 'E2E架空の人事への連絡';

describe('self-declaration journey', () => {
  const browser = browserPerSuite();

  it('HR opens, staff submits with a wish, the evaluator sees the allowed fields only, HR sees all', async () => {
    const { page } = browser();
    const today = todayInJapan();
    const hr = await apiClientFor('hrAdmin');
    const { body } = await apiCall<CampaignList>(hr, 'GET', '/api/workplace/self-declaration/campaigns');
    const taken = new Set(body.campaigns.map((c) => c.fiscalYear));
    let fy = fiscalYearOf(today) - 1;
    while (taken.has(fy)) fy -= 1;
    const title = `自己申告E2E ${Date.now()}`;

    // HR opens the campaign.
    await loginAs(page, 'hrAdmin');
    await mainMenu(page).getByRole('link', { name: '自己申告の管理', exact: true }).click();
    await heading1(page, '自己申告の管理');
    await visible(page.getByRole('table', { name: /自己申告書の項目/ }));
    const indicator = page.getByRole('group', { name: '組織コミットメントの指標' });
    await expect(indicator.getByLabel('指標にする項目').inputValue()).resolves.toBe('continueWorking');
    await expect(indicator.getByRole('checkbox', { name: '働き続けたくない(退職・転職を考えている)' }).isChecked()).resolves.toBe(true);
    await expectNoAxeViolations(page);
    await page.getByLabel('名称').fill(title);
    await page.getByLabel('受付開始日').fill(`${fy + 1}-03-31`);
    await page.getByLabel('締切日').fill(addDays(today, 30));
    await page.getByRole('button', { name: '開始する' }).click();
    await visible(page.getByRole('status').filter({ hasText: `「${title}」を開始しました。` }));
    await page.context().clearCookies();

    // Staff fills in and submits.
    await loginAs(page, 'staff');
    await mainMenu(page).getByRole('link', { name: '自己申告', exact: true }).click();
    await heading1(page, '自己申告');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: title }).click();
    await heading1(page, `自己申告書(${title})`);
    await page.getByRole('group', { name: /現在の仕事への満足度/ }).getByRole('radio', { name: '4 やや満足' }).check();
    await visible(page.getByRole('status').filter({ hasText: '一時保存しました。' }));
    await page.getByRole('group', { name: /仕事の量/ }).getByRole('radio', { name: '5 多い' }).check();
    await page.getByRole('radio', { name: /スペシャリスト/ }).check();
    await page.getByRole('group', { name: /今後もこの市で働き続けたいと思いますか/ }).getByRole('radio', { name: 'どちらかといえば働き続けたい', exact: true }).check();
    await page.getByRole('radio', { name: '異動を希望する' }).check();
    const unitSelect = page.getByRole('combobox', { name: '第1希望の所属' });
    await visible(unitSelect.locator('option').nth(1), 15_000).catch(() => undefined);
    const wished = (await unitSelect.locator('option').nth(1).innerText()).trim();
    await unitSelect.selectOption({ index: 1 });
    await page.getByLabel('第1希望の理由').fill('E2E架空の理由');
    await page.getByLabel(/健康面で気になること/).fill(healthNote);
    await page.getByLabel(/人事担当への連絡事項/).fill(hrMessage);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '提出する' }).click();
    await visible(page.getByRole('status').filter({ hasText: '提出しました。異動の希望(1件)を人事担当に伝えました。' }));
    await expectNoAxeViolations(page);
    await page.context().clearCookies();

    // The evaluator sees the allowed fields only.
    await loginAs(page, 'evaluator');
    await mainMenu(page).getByRole('link', { name: '自己申告', exact: true }).click();
    await heading1(page, '自己申告');
    const teamCampaign = page.getByLabel('担当する職員の自己申告書を表示する自己申告');
    // The demo's campaign of this 年度 and ours: the chooser is there once the campaigns have loaded.
    await visible(teamCampaign);
    await teamCampaign.selectOption({ label: title });
    const team = page.getByRole('table', { name: /担当する職員/ });
    await visible(team);
    await expectNoAxeViolations(page);
    await team.getByRole('row').filter({ hasText: 'A0005' }).getByRole('link').click();
    await heading1(page, /職員の自己申告書/);
    await visible(page.getByText('4(やや満足)'));
    const seen = await page.locator('main').innerText();
    expect(seen).toContain(wished.split(' › ').pop()!);
    expect(seen).not.toContain(healthNote);
    expect(seen).not.toContain(hrMessage);
    expect(seen).not.toContain('健康面で気になること');
    expect(seen).not.toContain('働き続け');
    await expectNoAxeViolations(page);
    await page.context().clearCookies();

    // HR sees everything.
    await loginAs(page, 'hrOfficer');
    await mainMenu(page).getByRole('link', { name: '自己申告の管理', exact: true }).click();
    await heading1(page, '自己申告の管理');
    await page.getByLabel('表示する自己申告').selectOption({ label: title });
    const list = page.getByRole('table', { name: /該当/ });
    await visible(list.getByRole('row').filter({ hasText: 'A0005' }));
    await expectNoAxeViolations(page);
    await list.getByRole('row').filter({ hasText: 'A0005' }).getByRole('link').click();
    await heading1(page, /職員の自己申告書/);
    await visible(page.getByText(healthNote));
    await visible(page.getByText(hrMessage));
    await visible(page.getByText('どちらかといえば働き続けたい', { exact: true }));
    await expectNoAxeViolations(page);
  });
});

// Journey (issue 7): an application arrives through the public API; the HR administrator takes the applicant through
// 書類選考 (pass), a 集団討論 sitting scored by two raters (the evaluator A0004 and the unit head A0003, each signed in
// on their own), a 個人面接 — for which HR moves the applicant to a sitting added by hand and changes its date, time
// and room — and an offer that is accepted. The 評定 menu entry is there for raters only. axe runs on every page
// visited. The campaign is made through the API (its screens are another slice); the pipeline goes through screens.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { apiCall, apiClientFor } from '../support/api';
import { baseUrl, browserPerSuite, loginAs } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';
import { defaultDiscussionRubric, defaultInterviewRubric } from '../../src/domain/recruitment/recruitment-model';

const stamp = Date.now().toString(36);
const title = `E2E選考 ${stamp}`;
const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
const fiscalYear = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0);

async function createCampaignAndApplication(): Promise<number> {
  const hr = await apiClientFor('hrAdmin');
  const { body: campaign } = await apiCall<{ id: number; version: number }>(hr, 'POST', '/api/recruitment/campaigns', {
    fiscalYear,
    category: 'general-admin',
    profession: '',
    title,
    postsToFill: 1,
    eligibility: { ageReferenceDate: `${fiscalYear + 1}-04-01`, minAge: null, maxAge: null, requiredQualifications: [], acceptsExpectedQualification: true, minWorkExperienceYears: null },
    stages: [
      { kind: 'documents', name: '書類選考', source: 'own', passRule: { kind: 'manual' }, rubric: null, ratersPerApplicant: 1 },
      { kind: 'group-discussion', name: '集団討論', source: 'own', passRule: { kind: 'top-n', count: 1 }, rubric: defaultDiscussionRubric, ratersPerApplicant: 2 },
      { kind: 'interview', name: '個人面接', source: 'own', passRule: { kind: 'top-n', count: 1 }, rubric: defaultInterviewRubric, ratersPerApplicant: 1 },
    ],
    applicationOpensOn: today,
    applicationClosesOn: today,
    schedule: [],
    description: 'E2E の採用試験',
    faq: [],
  });
  await apiCall(hr, 'POST', `/api/recruitment/campaigns/${campaign.id}/status`, { status: 'open', version: campaign.version });
  const anon = await (await import('playwright-core')).request.newContext({ baseURL: baseUrl() });
  const res = await anon.post(`/api/public/recruitment/campaigns/${campaign.id}/applications`, {
    data: {
      submissionKey: `e2e-${stamp}-0001`,
      familyName: '架空',
      givenName: '応募子',
      familyNameKana: 'カクウ',
      givenNameKana: 'オウボコ',
      birthDate: '2001-05-05',
      email: `e2e-${stamp}@example.invalid`,
      phone: '',
      education: '架空大学 <b>法学部</b>',
      workExperienceYears: 0,
      qualifications: [],
      motivation: '市民の暮らしを支えたい。\n=1+1 のような入力もそのまま表示されるはず。',
      source: 'fair',
      attachments: [],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return campaign.id;
}

async function openStage(page: Page, campaignId: number, stageName: string) {
  await page.goto(`${baseUrl()}/recruitment/pipeline/${campaignId}`);
  await heading1(page, new RegExp(title));
  await page.getByRole('link', { name: new RegExp(stageName) }).click();
  await heading1(page, new RegExp(stageName));
}

async function decideAll(page: Page, how: 'proposal' | 'pass') {
  const results = page.getByRole('table', { name: /選考待ちの応募者と、合格基準による提案/ });
  await visible(results);
  await page.getByRole('checkbox', { name: /架空 応募子.*を選ぶ/ }).check();
  if (how === 'proposal') {
    await page.getByRole('button', { name: /選んだ人を提案どおりに判定/ }).click();
  } else {
    await page.getByLabel('判定の理由(個別に判定するとき)').fill('書類審査の結果、基準を満たす');
    await page.getByRole('button', { name: '選んだ人を合格' }).click();
  }
  await visible(page.getByRole('status').filter({ hasText: '1 人を判定しました。' }));
}

async function groupAndAssign(page: Page, raters: string[]) {
  const form = page.getByRole('form', { name: 'グループ分け' });
  await form.getByLabel('1回(1グループ)の人数').fill('6');
  await form.getByLabel('最初の回の開始日時').fill(`${today}T10:00`);
  await form.getByLabel('会場').fill('第1会議室');
  await form.getByRole('button', { name: '選考待ちの応募者をグループに分ける' }).click();
  await visible(page.getByRole('status').filter({ hasText: '1 回を作成しました。' }));
  for (const number of raters) {
    const picker = page.getByRole('searchbox', { name: /に加える評定者/ }).first();
    await picker.fill(number);
    await page.getByRole('button', { name: new RegExp(`職員番号 ${number}`) }).first().click();
    await page.getByRole('button', { name: '評定者に加える' }).first().click();
    await visible(page.getByRole('button', { name: /を外す/ }).nth(raters.indexOf(number)));
  }
}

/** The sitting's block on the stage page, by its heading (group label, date and time, room). */
const sittingBlock = (page: Page, name: RegExp) => page.locator('.scoring-applicant').filter({ has: page.getByRole('heading', { level: 3, name }) });

/**
 * 個人面接: groups the applicant into グループＡ, adds a one-person sitting by hand, moves the applicant there, changes
 * its date, time and room in the browser, and gives it one rater.
 */
async function moveAndReschedule(page: Page, rater: string) {
  const form = page.getByRole('form', { name: 'グループ分け' });
  await form.getByLabel('1回(1グループ)の人数').fill('6');
  await form.getByLabel('最初の回の開始日時').fill(`${today}T10:00`);
  await form.getByLabel('会場').fill('第1会議室');
  await form.getByRole('button', { name: '選考待ちの応募者をグループに分ける' }).click();
  await visible(page.getByRole('status').filter({ hasText: '1 回を作成しました。' }));

  const adding = page.locator('details').filter({ hasText: '回を1つ追加する' });
  await adding.getByText('回を1つ追加する').click();
  await adding.getByLabel('開始日時').fill(`${today}T15:00`);
  await adding.getByLabel('会場').fill('第2会議室');
  await adding.getByLabel('グループ名').fill('個別面接');
  await adding.getByLabel('定員').fill('1');
  await adding.getByRole('button', { name: '回を追加' }).click();
  await visible(page.getByRole('status').filter({ hasText: '回を追加しました。' }));
  await visible(page.getByRole('heading', { level: 3, name: /^個別面接 .*第2会議室$/ }));

  // Move the applicant from グループＡ to the new sitting.
  const moving = page.getByRole('form', { name: /^グループＡ .*から別の回へ移す$/ });
  await moving.getByLabel('別の回へ移す応募者').selectOption({ index: 1 });
  await moving.getByLabel('移動先の回').selectOption({ index: 1 });
  await expectNoAxeViolations(page);
  await moving.getByRole('button', { name: '移す' }).click();
  await visible(page.getByRole('status').filter({ hasText: /架空 応募子.*を個別面接 .*へ移しました。/ }));
  await visible(sittingBlock(page, /^個別面接 /).getByRole('row').filter({ hasText: '架空 応募子' }));

  // Change the new sitting's time and room.
  const block = sittingBlock(page, /^個別面接 /);
  await block.getByText(/の日時・会場・定員を変更する$/).click();
  const details = block.getByRole('form', { name: /^個別面接 .*の日時・会場・定員$/ });
  await details.getByLabel('開始日時').fill(`${today}T16:30`);
  await details.getByLabel('会場').fill('第3会議室');
  await details.getByRole('button', { name: '変更を保存' }).click();
  await visible(block.getByRole('status').filter({ hasText: '試験の回を変更しました。' }));
  await visible(page.getByRole('heading', { level: 3, name: /^個別面接 .*16:30:00 第3会議室$/ }));
  await expectNoAxeViolations(page);

  const picker = block.getByRole('searchbox', { name: /に加える評定者/ });
  await picker.fill(rater);
  await block.getByRole('button', { name: new RegExp(`職員番号 ${rater}`) }).first().click();
  await block.getByRole('button', { name: '評定者に加える' }).click();
  await visible(block.getByRole('button', { name: /を外す/ }));
}

async function score(page: Page, role: 'evaluator' | 'unitHead', stageName: string, value: string) {
  await loginAs(page, role);
  await mainMenu(page).getByRole('link', { name: '評定(面接官)' }).click();
  await heading1(page, '評定(面接官・評定者)');
  await expectNoAxeViolations(page);
  await page.getByRole('table', { name: '担当する試験の回' }).getByRole('row').filter({ hasText: title }).filter({ hasText: stageName }).getByRole('link').first().click();
  await visible(page.getByRole('group', { name: /架空 応募子.*の評定/ }));
  for (const select of await page.getByRole('group', { name: /架空 応募子.*の評定/ }).getByRole('combobox').all()) await select.selectOption(value);
  await page.getByRole('button', { name: /架空 応募子.*の評定を保存/ }).click();
  await visible(page.getByRole('status').filter({ hasText: '保存しました' }));
  // The rater sees no birth date or e-mail of the applicant.
  expect(await page.locator('main').innerText()).not.toContain('example.invalid');
  await expectNoAxeViolations(page);
  await page.context().clearCookies();
}

describe('recruitment pipeline journey', () => {
  const browser = browserPerSuite();

  it('takes an applicant from application to an accepted offer', async () => {
    const campaignId = await createCampaignAndApplication();
    const { page } = browser();

    await loginAs(page, 'hrAdmin');
    // HR rates no sitting: no 評定 entry in the menu.
    expect(await mainMenu(page).getByRole('link', { name: '評定(面接官)' }).count()).toBe(0);
    await mainMenu(page).getByRole('link', { name: '選考状況' }).click();
    await heading1(page, '選考状況');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: title }).click();
    await heading1(page, new RegExp(title));
    await visible(page.getByRole('table', { name: '応募者の一覧' }));
    await expectNoAxeViolations(page);

    // The applicant's page: what they wrote is shown as text.
    await page.getByRole('table', { name: '応募者の一覧' }).getByRole('link').first().click();
    await heading1(page, /応募者 R/);
    await visible(page.getByText('架空大学 <b>法学部</b>'));
    await expectNoAxeViolations(page);

    // 書類選考: HR decides by hand with a reason.
    await openStage(page, campaignId, '書類選考');
    await expectNoAxeViolations(page);
    await decideAll(page, 'pass');

    // 集団討論: one group with two raters.
    await openStage(page, campaignId, '集団討論');
    await groupAndAssign(page, ['A0004', 'A0003']);
    await expectNoAxeViolations(page);
    await page.context().clearCookies();

    await score(page, 'evaluator', '集団討論', '4');
    await score(page, 'unitHead', '集団討論', '3');

    await loginAs(page, 'hrAdmin');
    await openStage(page, campaignId, '集団討論');
    await visible(page.getByRole('table', { name: '評定者ごとの甘辛' }));
    await expectNoAxeViolations(page);
    await decideAll(page, 'proposal');
    await page.getByRole('button', { name: /合格通知/ }).first().click();
    await visible(page.getByRole('status').filter({ hasText: '印刷用 1 件' }));

    // 個人面接: moved to a sitting added by hand, rescheduled; one rater (the evaluator).
    await openStage(page, campaignId, '個人面接');
    await moveAndReschedule(page, 'A0004');
    await page.context().clearCookies();
    await score(page, 'evaluator', '個人面接', '5');
    await loginAs(page, 'hrAdmin');
    await openStage(page, campaignId, '個人面接');
    await decideAll(page, 'proposal');

    // Offer and acceptance on the applicant's page.
    await page.goto(`${baseUrl()}/recruitment/pipeline/${campaignId}`);
    await heading1(page, new RegExp(title));
    await page.getByRole('table', { name: '応募者の一覧' }).getByRole('link').first().click();
    await heading1(page, /応募者 R/);
    await page.getByLabel('理由').fill('最終合格');
    await page.getByRole('button', { name: '内定を出す' }).click();
    await visible(page.getByRole('button', { name: '内定承諾を記録' }));
    await page.getByLabel('理由').fill('承諾書を受領');
    await page.getByRole('button', { name: '内定承諾を記録' }).click();
    await visible(page.getByText('この応募者の選考は終了しています。'));
    await expectNoAxeViolations(page);

    await mainMenu(page).getByRole('link', { name: '採用の分析' }).click();
    await heading1(page, '採用の分析');
    await visible(page.getByRole('table', { name: new RegExp(title) }));
    await expectNoAxeViolations(page);
  });
});

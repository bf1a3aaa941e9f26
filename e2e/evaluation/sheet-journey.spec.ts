// Journey: one whole performance half-year on the sheet screen with the evaluatee (A0005), the evaluator (A0004),
// the confirmer (A0003) and 職員課 (A0001) — goals, opening interview and agreement, a goal revision approved by the
// confirmer, self-evaluation, closing interview and rating, the confirmer's adjustment and internal notes,
// feedback, disclosure, a complaint handled by HR with a revised grade, and the lock — then one ability
// evaluation (self-rating of every item, rating, confirmation, feedback). axe runs on every sheet state visited.
//
// The server runs on the real clock, so the journey uses the half year running today (interviews are dated today,
// which lies between the period's start and today) and the 年度's ability cycle; cycles.spec.ts opens other 年度.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { baseUrl, loginAs, openBrowser, type DemoRole, type OpenBrowser } from '../support/browser';
import { heading1, visible } from '../support/locators';
import { fiscalYearOf } from '../../src/domain/common/fiscal-year';

type Period = 'first-half' | 'second-half' | 'year';
type Cycle = { id: number; fiscalYear: number; period: Period };
type Person = 'hr' | 'staff' | 'evaluator' | 'confirmer';

const roles: Record<Person, DemoRole> = { hr: 'hrAdmin', staff: 'staff', evaluator: 'evaluator', confirmer: 'unitHead' };
const todayInTokyo = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
const fiscalYear = fiscalYearOf(todayInTokyo);
const month = Number(todayInTokyo.slice(5, 7));
const half: Period = month >= 4 && month <= 9 ? 'first-half' : 'second-half';

/** One signed-in browser per person, so that switching people costs no sign-in. */
const browsers = new Map<Person, OpenBrowser>();

function pageOf(person: Person): Page {
  const browser = browsers.get(person);
  if (!browser) throw new Error(`no browser for ${person}`);
  return browser.page;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${baseUrl()}${path}`);
  expect(res.status(), `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

async function postJson<T>(page: Page, path: string, data: unknown): Promise<{ status: number; body: T }> {
  const { csrfToken } = await getJson<{ csrfToken: string }>(page, '/api/auth/me');
  const res = await page.request.post(`${baseUrl()}${path}`, { headers: { 'x-csrf-token': csrfToken }, data });
  return { status: res.status(), body: (await res.json()) as T };
}

/** Opens the cycle as 職員課 (or finds it when a rerun against the same server already opened it). */
async function openCycle(period: Period): Promise<Cycle> {
  const page = pageOf('hr');
  const opened = await postJson<{ cycle: Cycle }>(page, '/api/evaluation/cycles', { fiscalYear, period });
  if (opened.status === 201) return opened.body.cycle;
  expect(opened.status, JSON.stringify(opened.body)).toBe(409);
  const { cycles } = await getJson<{ cycles: Cycle[] }>(page, '/api/evaluation/cycles');
  const found = cycles.find((c) => c.fiscalYear === fiscalYear && c.period === period);
  if (!found) throw new Error(`cycle ${fiscalYear} ${period} answered 409 but is not listed`);
  return found;
}

async function mySheetId(cycle: Cycle): Promise<number> {
  const { items } = await getJson<{ items: Array<{ id: number; cycleId: number; state: string }> }>(pageOf('staff'), '/api/evaluation/my-sheets');
  const sheet = items.find((i) => i.cycleId === cycle.id);
  if (!sheet) throw new Error(`A0005 has no sheet in cycle ${cycle.id}`);
  expect(sheet.state, 'the journey starts from a new sheet (rerun against a used server?)').toBe('draft');
  return sheet.id;
}

/** Shows the sheet to `person` (fresh from the server) and waits for its state. */
async function openSheet(person: Person, sheetId: number, state: string): Promise<Page> {
  const page = pageOf(person);
  await page.goto(`${baseUrl()}/evaluation/sheets/${sheetId}`);
  await heading1(page, '評価シート');
  await expectState(page, state);
  return page;
}

async function expectState(page: Page, state: string): Promise<void> {
  await expect.poll(() => page.locator('.sheet-state').innerText(), { timeout: 15_000 }).toBe(state);
}

/** Clicks an action button and waits for the screen to say it was done. */
async function act(page: Page, button: string, done: string = button): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await visible(page.getByRole('status').filter({ hasText: `「${done}」を行いました。` }));
}

/** A form control by the start of its label (labels of required fields end in 必須). */
/** Rows of the history table for one action. */
const historyRows = (page: Page, action: string) =>
  page.getByRole('table', { name: /評価シートの履歴/ }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: action, exact: true }) });

const field = (page: Page, name: string) => page.getByLabel(new RegExp(`^${name.replace(/[()]/g, '\\$&')}(必須)?$`));

describe('evaluation sheet journey', () => {
  beforeAll(async () => {
    for (const person of Object.keys(roles) as Person[]) {
      const browser = await openBrowser();
      browsers.set(person, browser);
      await loginAs(browser.page, roles[person]);
    }
  });
  afterAll(async () => {
    for (const browser of browsers.values()) await browser.close();
  });

  it('runs a performance half-year from goals to the lock, with a revision and a complaint', async () => {
    const cycle = await openCycle(half);
    const sheetId = await mySheetId(cycle);

    // The unit head sets a team goal of 市民課, so that the staff member can link a goal to it.
    const confirmer = pageOf('confirmer');
    const me = await getJson<{ account: { headedUnitIds: number[] } }>(confirmer, '/api/auth/me');
    const unitId = me.account.headedUnitIds[0];
    const teamGoal = await postJson<{ id: number }>(confirmer, `/api/evaluation/units/${unitId}/team-goals`, {
      cycleId: cycle.id,
      title: '窓口サービスの向上',
      description: '待ち時間を短くし、案内を分かりやすくする',
      sortOrder: 0,
    });
    expect(teamGoal.status).toBe(201);

    // 職員課 enters a training the staff member took (until the training module records participation).
    let page = await openSheet('hr', sheetId, '目標設定中');
    await page.getByRole('button', { name: '記録を追加' }).click();
    await field(page, '記録1の区分').selectOption({ label: '研修' });
    await field(page, '記録1の名称').fill('窓口接遇研修');
    await field(page, '記録1の開始日').fill(cycle.period === 'first-half' ? `${cycle.fiscalYear}-04-01` : `${cycle.fiscalYear}-10-01`);
    await field(page, '記録1の時間数').fill('3');
    await expectNoAxeViolations(page);
    await act(page, '研修・自己啓発の保存');

    // 被評価者: sees HR's record, adds self-directed learning; goals linked to the team goal, then submitted.
    page = await openSheet('staff', sheetId, '目標設定中');
    await visible(page.getByRole('table', { name: '職員課が登録した研修' }).getByText('職員課登録'));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '記録を追加' }).click();
    await field(page, '記録1の名称').fill('行政法の通信教育');
    await field(page, '記録1の開始日').fill(todayInTokyo);
    await act(page, '研修・自己啓発の保存');
    await field(page, '目標1の内容').fill('窓口の平均待ち時間を短くする');
    await field(page, '目標1の目標水準・指標').fill('繁忙期の平均待ち時間を20分から15分にする');
    await field(page, '目標1の期限').fill(cycleEnd(cycle));
    await field(page, '目標1のウエイト(%)').fill('60');
    await field(page, '目標1の難易度').selectOption({ label: '高' });
    await field(page, '目標1のチーム目標').selectOption({ label: '窓口サービスの向上' });
    await page.getByRole('button', { name: '目標を追加' }).click();
    await field(page, '目標2の内容').fill('届出の案内を改善する');
    await field(page, '目標2の目標水準・指標').fill('案内文を5種類見直す');
    // Weights that do not add up to 100: the goals are saved, the submission is refused beside the form.
    await field(page, '目標2のウエイト(%)').fill('30');
    await page.getByRole('button', { name: '目標の提出', exact: true }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'ウエイトの合計が90です。合計を100にしてください' }));
    await expectState(page, '目標設定中');
    await expectNoAxeViolations(page);
    await field(page, '目標2のウエイト(%)').fill('40');
    await visible(page.getByText('ウエイトの合計: 100%'));
    // A double click submits once.
    await page.getByRole('button', { name: '目標の提出', exact: true }).dblclick();
    await visible(page.getByRole('status').filter({ hasText: '「目標の提出」を行いました。' }));
    await expectState(page, '目標提出済み');
    expect(await historyRows(page, '目標の提出').count()).toBe(1);
    await visible(page.getByRole('table', { name: '個人目標' }).getByRole('cell', { name: '窓口サービスの向上' }));

    // 評価者: the opening interview, then agreement with a comment.
    page = await openSheet('evaluator', sheetId, '目標提出済み');
    await expectNoAxeViolations(page);
    await field(page, '面談の記録').fill('目標の水準と進め方を確認した。');
    await act(page, '期首面談の記録');
    await field(page, '目標へのコメント').fill('妥当な目標です。月次で進捗を共有してください。');
    await act(page, '目標の合意');
    await expectState(page, '目標合意済み');

    // 被評価者: a revision after an unexpected event (weights change).
    page = await openSheet('staff', sheetId, '目標合意済み');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '目標の見直しを申請する' }).click();
    await field(page, '見直しの理由').fill('窓口システムの更新が延期になったため');
    await field(page, '目標1のウエイト(%)').fill('50');
    await field(page, '目標2のウエイト(%)').fill('50');
    await expectNoAxeViolations(page);
    await act(page, '目標見直しの申請');
    await expectState(page, '目標見直し申請中');

    // 評価者: the revision interview.
    page = await openSheet('evaluator', sheetId, '目標見直し申請中');
    await field(page, '面談の記録').fill('見直し後のウエイトで合意した。');
    await act(page, '見直し面談の記録');
    await expectState(page, '目標見直し承認待ち');

    // 確認者: approves the revision.
    page = await openSheet('confirmer', sheetId, '目標見直し承認待ち');
    await expectNoAxeViolations(page);
    await field(page, 'コメント(却下する場合は必須)').fill('承認します。');
    await act(page, '目標見直しの承認');
    await expectState(page, '目標合意済み');
    await visible(page.getByRole('heading', { name: 'これまでの見直し' }));

    // 被評価者: the self-evaluation of each goal and overall.
    page = await openSheet('staff', sheetId, '目標合意済み');
    expect(await page.getByRole('table', { name: '個人目標' }).innerText()).toContain('50%');
    await field(page, '目標1の自己評価(評語)').selectOption('A');
    await field(page, '目標1の自己評価コメント').fill('待ち時間は平均16分になった。');
    await field(page, '目標2の自己評価(評語)').selectOption('B');
    await field(page, '総合評価').selectOption('A');
    await field(page, '総合コメント').fill('おおむね目標を達成した。');
    await expectNoAxeViolations(page);
    await act(page, '自己評価の提出');
    await expectState(page, '自己評価済み');

    // 評価者: the closing interview, the rating per goal (with the suggested overall grade) and overall.
    page = await openSheet('evaluator', sheetId, '自己評価済み');
    await field(page, '面談の記録').fill('半年の取組を振り返った。');
    await act(page, '期末面談の記録');
    await field(page, '目標1の評価(評語)').selectOption('A');
    await field(page, '目標2の評価(評語)').selectOption('A');
    await visible(page.getByText('評語から計算した総合評価の目安'));
    expect(await page.locator('.sheet-hint-grade').innerText()).toContain('A(優秀)');
    await page.getByRole('combobox', { name: /^総合評価/ }).selectOption('A');
    await page.getByRole('textbox', { name: /^評価コメント/ }).fill('窓口の改善に着実に取り組んだ。');
    await expectNoAxeViolations(page);
    await act(page, '評価の確定');
    await expectState(page, '評価者評価済み');

    // 確認者: internal notes, an adjustment with its reason, and confirmation.
    // Meanwhile the same confirmer saves notes in another tab: the stale save offers to reload.
    page = await openSheet('confirmer', sheetId, '評価者評価済み');
    await field(page, '確認者メモ').fill('古い版からの保存');
    const current = await getJson<{ version: number }>(page, `/api/evaluation/sheets/${sheetId}`);
    const other = await postJson(page, `/api/evaluation/sheets/${sheetId}/actions`, {
      version: current.version,
      requestKey: `e2e-other-tab-${Date.now()}`,
      action: { type: 'save-confirmer-notes', notes: '別のタブで保存したメモ' },
    });
    expect(other.status).toBe(200);
    await page.getByRole('button', { name: '確認者メモの保存', exact: true }).click();
    await visible(page.getByRole('alert').filter({ hasText: '他の人が先に更新しました' }));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '最新の評価シートを読み込む' }).click();
    await expect.poll(() => field(page, '確認者メモ').inputValue()).toBe('別のタブで保存したメモ');
    await field(page, '確認者メモ').fill('他係との均衡を確認済み。');
    await act(page, '確認者メモの保存');
    await field(page, '調整後の総合評価').selectOption('S');
    await field(page, '調整の理由(調整する場合は必須)').fill('課全体の成果への貢献が大きいため');
    await expectNoAxeViolations(page);
    await act(page, '評価の確認');
    await expectState(page, '確認者確認済み');

    // 評価者: the feedback interview.
    page = await openSheet('evaluator', sheetId, '確認者確認済み');
    await expectNoAxeViolations(page);
    expect(await page.getByRole('main').innerText()).not.toContain('他係との均衡を確認済み。');
    await field(page, '面談の記録').fill('結果と来期の課題を伝えた。');
    await act(page, 'フィードバック面談の記録');
    await expectState(page, 'フィードバック済み');

    // 職員課: discloses the result (the complaint period starts).
    page = await openSheet('hr', sheetId, 'フィードバック済み');
    await expectNoAxeViolations(page);
    await act(page, '評価結果の開示');
    await expectState(page, '結果開示済み');

    // 被評価者: sees the final grade (not the confirmer's notes) and consults a complaint.
    page = await openSheet('staff', sheetId, '結果開示済み');
    await visible(page.getByText('S(特に優秀)').first());
    expect(await page.getByRole('main').innerText()).not.toContain('他係との均衡を確認済み。');
    await expectNoAxeViolations(page);
    await field(page, '相談内容').fill('調整の理由について説明を受けたい。');
    await act(page, '苦情相談');
    await expectState(page, '苦情相談中');

    // 職員課: handles the complaint with a revised grade, then closes the sheet at once.
    page = await openSheet('hr', sheetId, '苦情相談中');
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: '評価を修正' }).check();
    await page.getByRole('combobox', { name: /^修正後の評語/ }).selectOption('A');
    await page.getByRole('textbox', { name: /^処理の内容/ }).fill('面談で説明し、確認者と協議のうえ A に修正した。');
    await act(page, '苦情処理');
    await expectState(page, '苦情処理済み');
    await act(page, '評価の完了');
    await expectState(page, '完了');
    await expectNoAxeViolations(page);

    // 被評価者: the locked sheet with the revised grade; nothing to do any more.
    page = await openSheet('staff', sheetId, '完了');
    await visible(page.getByText('この評価シートは完了しています。内容は変更できません。'));
    expect(await page.locator('.sheet-grade--final').innerText()).toBe('A(優秀)');
    expect(await page.getByRole('main').getByRole('button').count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it('runs an ability evaluation: self-rating of every item, rating, confirmation and feedback', async () => {
    const cycle = await openCycle('year');
    const sheetId = await mySheetId(cycle);

    let page = await openSheet('staff', sheetId, '自己評価中');
    await visible(page.getByRole('table', { name: '能力評価項目' }));
    const selfGrades = page.getByRole('combobox', { name: /の自己評価\(評語\)$/ });
    const count = await selfGrades.count();
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i += 1) await selfGrades.nth(i).selectOption('B');
    await field(page, '倫理の自己評価コメント').fill('法令と服務規律を守って業務に当たった。');
    await expectNoAxeViolations(page);
    await act(page, '自己評価の提出');
    await expectState(page, '自己評価済み');

    page = await openSheet('evaluator', sheetId, '自己評価済み');
    const grades = page.getByRole('combobox', { name: /の評価\(評語\)$/ });
    expect(await grades.count()).toBe(count);
    for (let i = 0; i < count; i += 1) await grades.nth(i).selectOption(i === 0 ? 'A' : 'B');
    await page.getByRole('combobox', { name: /^総合評価/ }).selectOption('B');
    await page.getByRole('textbox', { name: /^評価コメント/ }).fill('職務に必要な能力を十分に発揮している。');
    await expectNoAxeViolations(page);
    await act(page, '評価の確定');
    await expectState(page, '評価者評価済み');

    page = await openSheet('confirmer', sheetId, '評価者評価済み');
    await expectNoAxeViolations(page);
    await act(page, '評価の確認');
    await expectState(page, '確認者確認済み');

    page = await openSheet('evaluator', sheetId, '確認者確認済み');
    await field(page, '面談の記録').fill('能力評価の結果を伝えた。');
    await act(page, 'フィードバック面談の記録');
    await expectState(page, 'フィードバック済み');
    await expectNoAxeViolations(page);

    page = await openSheet('staff', sheetId, 'フィードバック済み');
    expect(await page.locator('.sheet-grade--final').innerText()).toBe('B(標準)');
    await expectNoAxeViolations(page);
  });
});

/** The last day of the half year (a goal's deadline). */
function cycleEnd(cycle: Cycle): string {
  return cycle.period === 'first-half' ? `${cycle.fiscalYear}-09-30` : `${cycle.fiscalYear + 1}-03-31`;
}

// Journey (issue 5): the HR administrator builds a transfer plan (異動案) for the next April 1 — adds a move of a person
// past the rotation period with fewer than 5 years in the unit (R3) without a special reason and sees the violation,
// records the special reason and sees it cleared; runs the optimiser and waits for it, pins a move and re-solves;
// then compares two plans side by side, approves one, applies it and undoes the apply (適用の取り消し, after a
// confirmation step on the page). The people come from the rules page's API
// (R3 and R1 cases as of the date); the server is shared by every spec, so each plan has its own name. axe runs on
// each page and state.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { browserPerSuite, loginAs } from '../support/browser';
import { apiCall, apiClientFor, type ApiClient } from '../support/api';
import { heading1, mainMenu, visible } from '../support/locators';

type RuleItem = { staffId: number; employeeNumber: string; name: string; unitId: number; severity: string };
type RuleFlags = { effectiveDate: string; items: RuleItem[] };
type Choices = { units: Array<{ unitId: number; name: string; isFrontline: boolean }> };
type PlanView = { id: number; name: string; version: number; status: string };
type PlanDetail = { plan: PlanView };

const stamp = () => `${Date.now() % 1_000_000}`;
const movesTable = (page: Page) => page.getByRole('table', { name: /^異動\(\d+人\)/ });
const rowOf = (page: Page, name: string) => movesTable(page).getByRole('row').filter({ hasText: name }).first();

async function rulePeople(hr: ApiClient, rule: 'R1' | 'R3'): Promise<RuleItem[]> {
  const { body } = await apiCall<RuleFlags>(hr, 'GET', `/api/placement/rules?rule=${rule}`);
  return body.items;
}

/** A person's career (posts with their dates) as the profile shows it. */
async function careerOf(hr: ApiClient, staffId: number): Promise<unknown[]> {
  const { body } = await apiCall<{ career: unknown[] }>(hr, 'GET', `/api/staff/${staffId}`);
  return body.career;
}

async function openPlans(page: Page): Promise<void> {
  await heading1(page, 'ホーム');
  await mainMenu(page).getByRole('link', { name: '異動案', exact: true }).click();
  await heading1(page, '異動案');
}

/** A frontline unit other than `unitId` (so that a rotation-period person without frontline experience may go there too). */
function otherFrontline(choices: Choices, unitId: number, skip: number[] = []): number {
  const unit = choices.units.find((u) => u.isFrontline && u.unitId !== unitId && !skip.includes(u.unitId)) ?? choices.units.find((u) => u.unitId !== unitId);
  if (!unit) throw new Error('no other unit');
  return unit.unitId;
}

describe('transfer plans (HR administrator)', () => {
  const browser = browserPerSuite();

  it('builds a plan, sees an R3 violation, fixes it, runs the optimiser, pins a move and re-solves', async () => {
    const { page } = browser();
    const hr = await apiClientFor('hrAdmin');
    const [r3] = await rulePeople(hr, 'R3');
    expect(r3, 'the demo city has an R3 case').toBeTruthy();

    await loginAs(page, 'hrAdmin');
    await openPlans(page);
    await expectNoAxeViolations(page);
    const planName = `E2E 異動案 ${stamp()}`;
    await page.getByLabel('案の名前').fill(planName);
    await page.getByRole('button', { name: '作成する' }).click();
    await heading1(page, `異動案「${planName}」`);
    const planId = Number(new URL(page.url()).pathname.split('/').at(-1));
    const { body: choices } = await apiCall<Choices>(hr, 'GET', `/api/placement/plans/${planId}/choices`);
    await expectNoAxeViolations(page);

    // A move that breaks R3: no special reason.
    await page.getByLabel('異動する職員(氏名・カナ・職員番号で検索)').fill(r3!.employeeNumber);
    await page.getByRole('button', { name: new RegExp(`職員番号 ${r3!.employeeNumber}`) }).click();
    await page.getByLabel('異動先', { exact: true }).selectOption(String(otherFrontline(choices, r3!.unitId)));
    await page.getByLabel('理由', { exact: true }).fill('人材育成のため');
    await page.getByRole('button', { name: '異動を追加' }).click();
    await visible(page.getByRole('status').filter({ hasText: `${r3!.name}さんの異動を追加しました。` }));
    await visible(rowOf(page, r3!.name).getByText(/違反: R3/));
    await visible(page.getByRole('heading', { name: /^違反\([1-9]\d*件\)$/ }));
    await visible(page.getByText(/解消するには:/));
    await expectNoAxeViolations(page);

    // Fixed by recording the special reason.
    await page.getByRole('button', { name: `${r3!.name}さんの異動を変更` }).click();
    await page.getByLabel(/特別な理由/).fill('新設の窓口の立ち上げに経験者が必要なため');
    await page.getByRole('button', { name: '変更を保存' }).click();
    await visible(page.getByRole('status').filter({ hasText: `${r3!.name}さんの異動を変更しました。` }));
    await visible(rowOf(page, r3!.name).getByText('特別な理由: 新設の窓口の立ち上げに経験者が必要なため'));
    await expect.poll(async () => (await rowOf(page, r3!.name).innerText()).includes('違反: R3'), { timeout: 15_000 }).toBe(false);
    await expectNoAxeViolations(page);

    // The optimiser: run, wait, read objective / bound / gap.
    await page.getByRole('button', { name: '最適化を実行' }).click();
    await visible(page.getByRole('progressbar', { name: /進捗/ }));
    await visible(page.getByRole('status').filter({ hasText: '最適化が完了しました。' }), 90_000);
    await visible(page.getByText('目的関数値'));
    await visible(page.getByText('ギャップ'));
    await expectNoAxeViolations(page);

    // Pin the manual move, then re-solve: the pinned person stays where the plan sends them.
    await page.getByRole('button', { name: `${r3!.name}さんの異動先を固定` }).click();
    await visible(page.getByRole('status').filter({ hasText: `${r3!.name}さんを「固定(この異動先に必ず)」に指定しました。` }));
    await visible(page.getByRole('listitem').filter({ hasText: `${r3!.name}: 固定` }));
    await page.getByRole('button', { name: '再計算' }).click();
    await visible(page.getByRole('status').filter({ hasText: '最適化が完了しました。' }), 90_000);
    await expectNoAxeViolations(page);

    // Adopt the proposal: the optimiser's moves join the plan, the pinned manual move stays.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'この案を採用' }).click();
    await visible(page.getByRole('status').filter({ hasText: '最適化の提案をこの案に採用しました。' }));
    await visible(rowOf(page, r3!.name));
    await expectNoAxeViolations(page);
  });

});

describe('transfer plans: compare, approve, apply, undo the apply (HR administrator)', () => {
  const browser = browserPerSuite();

  it('compares two plans side by side, approves one, applies it and undoes the apply', async () => {
    const { page } = browser();
    const hr = await apiClientFor('hrAdmin');
    const r1 = await rulePeople(hr, 'R1');
    expect(r1.length, 'the demo city has two R1 candidates').toBeGreaterThanOrEqual(2);
    const [p1, p2] = r1;
    const nameA = `E2E 比較A ${stamp()}`;
    const { body: a } = await apiCall<PlanView>(hr, 'POST', '/api/placement/plans', { name: nameA });
    const { body: choices } = await apiCall<Choices>(hr, 'GET', `/api/placement/plans/${a.id}/choices`);
    const toA = otherFrontline(choices, p1!.unitId);
    const { body: withMove } = await apiCall<PlanDetail>(hr, 'POST', `/api/placement/plans/${a.id}/moves`, {
      version: a.version,
      staffId: p1!.staffId,
      toUnitId: toA,
      toPositionId: null,
      reason: 'ジョブローテーション',
      specialReason: null,
    });
    const nameB = `E2E 比較B ${stamp()}`;
    const { body: b } = await apiCall<PlanView>(hr, 'POST', `/api/placement/plans/${a.id}/copy`, { name: nameB });
    await apiCall<PlanDetail>(hr, 'POST', `/api/placement/plans/${b.id}/moves`, {
      version: b.version,
      staffId: p2!.staffId,
      toUnitId: otherFrontline(choices, p2!.unitId),
      toPositionId: null,
      reason: 'ジョブローテーション',
      specialReason: null,
    });
    expect(withMove.plan.version).toBe(2);
    const careerBefore = await careerOf(hr, p1!.staffId);

    await loginAs(page, 'hrAdmin');
    await openPlans(page);
    await page.getByLabel('案A').selectOption(String(a.id));
    await page.getByLabel('案B').selectOption(String(b.id));
    await page.getByRole('link', { name: '比較する' }).click();
    await heading1(page, '異動案の比較');
    const differences = page.getByRole('table', { name: /異動が異なる職員/ });
    await visible(differences);
    expect(await differences.getByRole('row').filter({ hasText: p2!.name }).count()).toBe(1);
    expect(await differences.getByRole('row').filter({ hasText: p1!.name }).count()).toBe(0);
    await visible(page.getByRole('heading', { name: `案A「${nameA}」の評価` }));
    await visible(page.getByRole('heading', { name: `案B「${nameB}」の評価` }));
    await expectNoAxeViolations(page);

    // Approve and apply plan A.
    await page.getByRole('link', { name: nameA }).click();
    await heading1(page, `異動案「${nameA}」`);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '承認する' }).click();
    await visible(page.getByRole('status').filter({ hasText: '異動案を承認しました。' }));
    await visible(page.getByText('承認済み', { exact: true }));
    await expectNoAxeViolations(page);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '発令する(配属を切り替える)' }).click();
    await visible(page.getByRole('status').filter({ hasText: '異動案を発令(適用)しました。' }));
    await visible(page.getByText('発令済み', { exact: true }));
    await expectNoAxeViolations(page);
    expect(await careerOf(hr, p1!.staffId)).not.toEqual(careerBefore);

    // Undo the apply: the effective date is ahead and nobody touched the people since, so the server offers it;
    // the page asks first, and "やめる" changes nothing.
    const confirmation = page.getByRole('group', { name: '適用の取り消しの確認' });
    await page.getByRole('button', { name: '適用を取り消す' }).click();
    await visible(confirmation);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('適用の取り消しの確認');
    await expectNoAxeViolations(page);
    await confirmation.getByRole('button', { name: 'やめる' }).click();
    await expect.poll(() => confirmation.count()).toBe(0);
    await visible(page.getByText('発令済み', { exact: true }));
    await page.getByRole('button', { name: '適用を取り消す' }).click();
    await confirmation.getByRole('button', { name: '取り消しを確定する' }).click();
    await visible(page.getByRole('status').filter({ hasText: '適用を取り消しました。' }));
    await visible(page.getByText('承認済み', { exact: true }));
    await visible(page.getByRole('button', { name: '発令する(配属を切り替える)' }));
    await expectNoAxeViolations(page);
    const { body: undone } = await apiCall<PlanDetail & { canUndoApply: boolean }>(hr, 'GET', `/api/placement/plans/${a.id}`);
    expect(undone).toMatchObject({ plan: { status: 'approved' }, canUndoApply: false });
    // p1's career is as it was before the apply: no post from the effective date, the old one open again.
    expect(await careerOf(hr, p1!.staffId)).toEqual(careerBefore);
  });
});

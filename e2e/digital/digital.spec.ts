// Journey (デジタル人材, issue 4 item 7): staff A0005 fills the digital-skill self-assessment and submits it; their
// evaluator A0004 confirms it under 確認待ち; A0005 sees it 確認済み. HR opens the DX推進リーダー coverage, sees 市民課
// without a leader (the demo city leaves it uncovered), appoints A0004, and the gap closes. axe on every page.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { browserPerSuite, loginAs, type DemoRole } from '../support/browser';
import { heading1, mainMenu, visible } from '../support/locators';

const areaLabels = ['データリテラシー', '業務の自動化(RPA・AI-OCR)', 'プログラミングの基礎', '情報セキュリティ', 'AIの活用と倫理', 'システム調達・プロジェクト管理'];

async function signInAs(page: Page, role: DemoRole): Promise<void> {
  await page.context().clearCookies();
  await loginAs(page, role);
  await heading1(page, 'ホーム');
}

async function openAssessment(page: Page): Promise<void> {
  await mainMenu(page).getByRole('link', { name: 'デジタルスキル', exact: true }).click();
  await heading1(page, 'デジタルスキルの自己評価');
}

describe('digital talent: self-assessment and DX推進リーダー coverage', () => {
  const browser = browserPerSuite();

  it('A0005 submits a self-assessment and A0004 confirms it', async () => {
    const { page } = browser();
    await signInAs(page, 'staff');
    await openAssessment(page);
    const mine = page.getByRole('table', { name: /の自己評価\(下書き\)/ });
    await visible(mine);
    await expectNoAxeViolations(page);
    for (const [i, label] of areaLabels.entries()) {
      await page.getByLabel(`${label}の段階`).selectOption({ index: (i % 4) + 1 });
    }
    await page.getByLabel('業務の自動化(RPA・AI-OCR)のメモ').fill('RPAで照合作業を自動化した');
    await page.getByRole('button', { name: '提出する' }).click();
    await visible(page.getByRole('status').filter({ hasText: '自己評価を提出しました。' }));
    await visible(page.getByRole('table', { name: /の自己評価\(確認待ち\)/ }));
    await expectNoAxeViolations(page);

    await signInAs(page, 'evaluator');
    await openAssessment(page);
    const row = page.getByRole('table', { name: /確認待ちの自己評価/ }).getByRole('row').filter({ hasText: 'A0005' });
    await visible(row);
    await expectNoAxeViolations(page);
    await row.getByRole('button', { name: /^確認/ }).click();
    await visible(page.getByRole('status').filter({ hasText: 'の自己評価を確認しました。' }));
    await expectNoAxeViolations(page);

    await signInAs(page, 'staff');
    await openAssessment(page);
    await visible(page.getByRole('table', { name: /の自己評価\(確認済み\)/ }));
  });

  it('HR sees 市民課 without a DX推進リーダー, appoints A0004, and the gap closes', async () => {
    const { page } = browser();
    await signInAs(page, 'hrAdmin');
    await mainMenu(page).getByRole('link', { name: 'DX推進リーダー', exact: true }).click();
    await heading1(page, 'DX推進リーダー');
    const coverage = page.getByRole('table', { name: /課ごとのDX推進リーダー/ });
    const shimin = coverage.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^市民課/ }) });
    await visible(shimin.filter({ hasText: '未配置' }));
    const caption = (await coverage.locator('caption').textContent()) ?? '';
    const gapsBefore = Number(/未配置 (\d+) 課/.exec(caption)?.[1]);
    expect(gapsBefore).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    await shimin.getByRole('button', { name: /リーダーを指名/ }).click();
    await page.getByLabel(/リーダーにする職員/).fill('A0004');
    await page.getByRole('list', { name: 'リーダーにする職員の候補' }).getByRole('button', { name: /A0004/ }).click();
    await page.getByRole('button', { name: '指名する' }).click();
    await visible(page.getByRole('status').filter({ hasText: '市民課のDX推進リーダーに' }));
    await visible(shimin.filter({ hasText: '配置済み' }));
    await visible(page.getByRole('table', { name: new RegExp(`未配置 ${gapsBefore - 1} 課`) }));
    await expectNoAxeViolations(page);

    // the rest of the structure reads without errors and passes axe
    for (const [link, heading] of [
      ['DX推進体制', 'DX推進体制'],
      ['DX推進アドバイザー', 'DX推進アドバイザー'],
      ['自治体間交流', '自治体間のデジタル人材の交流'],
      ['デジタルスキルの集計', 'デジタルスキルの集計'],
      ['デジタルスキルの枠組み', 'デジタルスキルの枠組み'],
    ] as const) {
      await mainMenu(page).getByRole('link', { name: link, exact: true }).click();
      await heading1(page, heading);
      await expectNoAxeViolations(page);
    }
    await visible(page.getByRole('heading', { name: '分野' }));
  });
});

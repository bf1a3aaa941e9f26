// Journey: a candidate opens the public recruitment page (no sign-in) and applies to a campaign using ONLY the
// keyboard — Tab to move, typing, Space for the consent box, Enter to follow links and submit. A wrong entry
// (romaji in the kana field, a malformed e-mail address) is refused: the error summary takes the focus and is
// announced (role=alert), the fields are marked aria-invalid and point at their messages; after fixing them the
// candidate gets a receipt number, and the URL carries no personal data. The campaign is set up through the API as
// HR. axe runs on every public page visited (the list, the campaign with and without errors, the receipt, the
// internship form).

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { apiCall, apiClientFor } from '../support/api';
import { baseUrl, browserPerSuite } from '../support/browser';
import { heading1, visible } from '../support/locators';

function tokyoToday(offsetDays = 0): string {
  return new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

async function openCampaignAsHr(title: string): Promise<number> {
  const hr = await apiClientFor('hrAdmin');
  const today = tokyoToday();
  const [y, m] = today.split('-').map(Number) as [number, number];
  const fiscalYear = m >= 4 ? y : y - 1;
  const { body: defaults } = await apiCall<{ eligibility: unknown; stages: unknown }>(hr, 'GET', `/api/recruitment/campaigns/defaults?category=general-admin&fiscalYear=${fiscalYear}&postsToFill=3`);
  const { body: created } = await apiCall<{ id: number; version: number }>(hr, 'POST', '/api/recruitment/campaigns', {
    fiscalYear,
    category: 'general-admin',
    profession: '',
    title,
    postsToFill: 3,
    eligibility: defaults.eligibility,
    stages: defaults.stages,
    applicationOpensOn: tokyoToday(-1),
    applicationClosesOn: tokyoToday(30),
    schedule: [{ label: '第1次試験', date: tokyoToday(40), note: '市役所' }],
    description: '架空のE2E用の採用試験です。',
    faq: [{ question: '既卒でも受験できますか?', answer: 'できます。' }],
  });
  await apiCall(hr, 'POST', `/api/recruitment/campaigns/${created.id}/status`, { status: 'open', version: created.version });
  await hr.api.dispose();
  return fiscalYear;
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const activeText = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');

/** Presses Tab until the focused element satisfies `isTarget` (keyboard only; fails after `max` presses). */
async function tabUntil(page: Page, isTarget: () => Promise<boolean>, what: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await isTarget()) return;
  }
  throw new Error(`Tab never reached ${what}`);
}
const tabToField = (page: Page, id: string) => tabUntil(page, async () => (await activeId(page)) === id, `#${id}`);

describe('public recruitment page (keyboard only)', () => {
  const browser = browserPerSuite();

  it('applies with the keyboard alone, sees errors announced, fixes them and gets a receipt number', async () => {
    const { page } = browser();
    const title = `E2E採用試験${Date.now() % 100000}`;
    const fiscalYear = await openCampaignAsHr(title);

    await page.goto(`${baseUrl()}/careers`);
    await heading1(page, '職員採用試験のご案内');
    await visible(page.getByRole('heading', { level: 2, name: title }));
    await expectNoAxeViolations(page);

    // Tab to the campaign's link and follow it with Enter.
    await tabUntil(page, async () => (await activeText(page)).includes(`${title}の詳細・申込み`), 'the campaign link');
    await page.keyboard.press('Enter');
    await heading1(page, title);
    await visible(page.getByRole('heading', { name: '申込みフォーム' }));
    await expectNoAxeViolations(page);

    // Fill the form; the kana is typed in romaji and the address is malformed on purpose.
    const age25 = `${fiscalYear + 1 - 25}-05-10`;
    await tabToField(page, 'f-familyName');
    await page.keyboard.type('見本');
    await page.keyboard.press('Tab');
    await page.keyboard.type('花子');
    await page.keyboard.press('Tab');
    await page.keyboard.type('mihon');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ハナコ');
    await tabToField(page, 'f-birthDate');
    await page.keyboard.type(age25);
    await page.keyboard.press('Tab');
    await page.keyboard.type('hanako-at-example');
    await tabToField(page, 'f-education');
    await page.keyboard.type('架空大学 文学部');
    await tabToField(page, 'f-motivation');
    await page.keyboard.type('<b>地域</b>の役に立ちたいと考えています。');
    await page.keyboard.press('Tab');
    expect(await activeId(page)).toBe('f-source');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#f-source').inputValue()).toBe('web');
    await tabToField(page, 'f-consent');
    await page.keyboard.press('Space');
    expect(await page.locator('#f-consent').isChecked()).toBe(true);
    await tabUntil(page, async () => (await activeText(page)) === '申し込む', 'the submit button');
    await page.keyboard.press('Enter');

    // The summary is announced and focused; the fields point at their messages.
    const alert = page.getByRole('alert');
    await visible(alert);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary') ?? false)).toBe(true);
    const summary = await alert.innerText();
    expect(summary).toContain('カタカナ');
    expect(summary).toContain('メールアドレスの形式');
    expect(await page.locator('#f-familyNameKana').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-familyNameKana').getAttribute('aria-describedby')).toContain('err-familyNameKana');
    expect(await page.locator('#err-familyNameKana').innerText()).toContain('カタカナ');
    await expectNoAxeViolations(page);

    // Fix them by keyboard: select all in the field and type again.
    await tabToField(page, 'f-familyNameKana');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('ミホン');
    await tabToField(page, 'f-email');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('hanako@example.invalid');
    await tabUntil(page, async () => (await activeText(page)) === '申し込む', 'the submit button');
    await page.keyboard.press('Enter');

    await heading1(page, '申込みを受け付けました');
    const receipt = await page.locator('.receipt-number').innerText();
    expect(receipt).toMatch(/^R\d{2}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(page.url()).toBe(`${baseUrl()}/careers/complete`);
    expect(page.url()).not.toMatch(/hanako|%E8%A6%8B|見本/);
    await expectNoAxeViolations(page);

    // The internship form is public too.
    await page.goto(`${baseUrl()}/careers/internship`);
    await heading1(page, 'インターンシップ・職場体験の申込み');
    await expectNoAxeViolations(page);
  });
});

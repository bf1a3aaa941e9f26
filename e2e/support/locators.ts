// What every journey looks for on a page: a visible element, the page's heading, the main menu.

import type { Locator, Page } from 'playwright-core';

/** Waits until the locator's first match is visible (Playwright's auto-wait, without its test runner). */
export async function visible(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
}

/** Waits for the page's level-1 heading (each page has one, and focus moves to it after navigation). */
export async function heading1(page: Page, name: string | RegExp): Promise<void> {
  await visible(page.getByRole('heading', { level: 1, name }));
}

/** The navigation of the signed-in layout. */
export function mainMenu(page: Page): Locator {
  return page.getByRole('navigation', { name: 'メインメニュー' });
}

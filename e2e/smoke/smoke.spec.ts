import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe';
import { baseUrl, type OpenBrowser, openBrowser } from '../support/browser';

describe('smoke', () => {
  let browser: OpenBrowser;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('serves the login page, titled Jinzai, without accessibility violations', async () => {
    const { page } = browser;
    const response = await page.goto(`${baseUrl()}/login`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('Jinzai');
    await expectNoAxeViolations(page);
  });
});

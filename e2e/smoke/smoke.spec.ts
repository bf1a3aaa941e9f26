import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe';
import { baseUrl, browserPerSuite } from '../support/browser';

describe('smoke', () => {
  const browser = browserPerSuite();

  it('serves the login page, titled Jinzai, without accessibility violations', async () => {
    const { page } = browser();
    const response = await page.goto(`${baseUrl()}/login`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('Jinzai');
    await expectNoAxeViolations(page);
  });
});

// Browser fixtures for the end-to-end tests: Debian's Chromium through playwright-core (never a
// downloaded browser build), and sign-in as one of the seeded demo accounts.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { demoAccounts } from '../../src/server/db/seeds/demo-accounts';

/** Debian's package; scripts/ensure-chromium.mjs installs it. JINZAI_CHROMIUM overrides. */
export const CHROMIUM_PATH = process.env.JINZAI_CHROMIUM || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface OpenBrowser {
  context: BrowserContext;
  /** The context's first tab; open more with `context.newPage()`. */
  page: Page;
  /** Closes the browser and deletes its throwaway profile. */
  close: () => Promise<void>;
}

/** Launches headless Chromium (ja-JP, Asia/Tokyo) with a fresh throwaway profile. */
export async function openBrowser(): Promise<OpenBrowser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jinzai-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      args: CHROMIUM_ARGS,
    });
  } catch (err) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One browser for the enclosing describe block: opened in its beforeAll, closed in its afterAll. Call it at the
 * top of the describe; the function it returns gives the open browser inside the tests and hooks.
 */
export function browserPerSuite(): () => OpenBrowser {
  let browser: OpenBrowser | undefined;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('browserPerSuite(): the browser opens in beforeAll; use it inside a test or hook');
    return browser;
  };
}

/** Base URL of the app under test (provided by e2e/support/server.ts). */
export function baseUrl(): string {
  return inject('baseUrl');
}

export interface DemoLogin {
  /** Key of the entry in src/server/db/seeds/demo-accounts.ts. */
  key: string;
  employeeNumber: string;
  password: string;
  roleLabel: string;
}

function account(key: string): DemoLogin {
  const found = demoAccounts.find((a) => a.key === key);
  if (!found) {
    const known = demoAccounts.map((a) => a.key).join(', ');
    throw new Error(`e2e/support/browser.ts: no demo account with key "${key}" in demo-accounts.ts (known: ${known})`);
  }
  return { key: found.key, employeeNumber: found.employeeNumber, password: found.password, roleLabel: found.roleLabel };
}

/** The role each test can sign in as → the seeded demo account it uses. The one place to change. */
export const demoLogins = {
  hrAdmin: account('hrAdmin'),
  hrOfficer: account('hrOfficer'),
  unitHead: account('unitHead'),
  evaluator: account('evaluator'),
  staff: account('staff'),
  auditor: account('auditor'),
  stressImplementer: account('stressImplementer'),
  caseHandler: account('caseHandler'),
  sysAdmin: account('sysAdmin'),
} as const satisfies Record<string, DemoLogin>;

export type DemoRole = keyof typeof demoLogins;

/**
 * Signs in through the login page as the demo account for `role` and waits until the URL leaves
 * /login. Throws with the page's visible alert text if sign-in does not succeed.
 */
export async function loginAs(page: Page, role: DemoRole, options: { baseUrl?: string } = {}): Promise<void> {
  const login = demoLogins[role];
  const base = options.baseUrl ?? baseUrl();
  await page.goto(`${base}/login`);
  await page.getByLabel('職員番号').fill(login.employeeNumber);
  await page.getByLabel('パスワード', { exact: true }).fill(login.password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  try {
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
  } catch (err) {
    const alerts = await page
      .getByRole('alert')
      .allInnerTexts()
      .catch(() => [] as string[]);
    throw new Error(
      `loginAs(${role}) as ${login.employeeNumber} (${login.roleLabel}) stayed on ${page.url()}` +
        (alerts.length ? `; alert: ${alerts.join(' / ')}` : '') +
        `\n${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

// Accessibility check for the end-to-end tests (WCAG 2.1 A and AA rules of axe-core).

import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface AxeOptions {
  /** CSS selectors to leave out of the scan (use sparingly, and say why at the call site). */
  exclude?: string[];
  /** axe rule ids to switch off (same warning). */
  disableRules?: string[];
}

/** Runs axe on the current page and throws a readable list of violations if there are any. */
export async function expectNoAxeViolations(page: Page, options: AxeOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const { violations } = await builder.analyze();
  if (violations.length === 0) return;
  const lines = violations.map((v) => {
    const targets = v.nodes
      .slice(0, 10)
      .map((n) => `      - ${n.target.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))).join(' ')}`)
      .join('\n');
    const more = v.nodes.length > 10 ? `\n      … and ${v.nodes.length - 10} more` : '';
    return `  • ${v.id} [${v.impact ?? 'unknown impact'}] ${v.help} (${v.helpUrl})\n${targets}${more}`;
  });
  throw new Error(`axe found ${violations.length} accessibility violation(s) on ${page.url()}:\n${lines.join('\n')}`);
}

import AxeBuilder from '@axe-core/playwright';
import { Page, expect } from '@playwright/test';
import { open } from './app';

/** The WCAG rule sets every page is checked against. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Violations people would actually run into: serious and critical ones. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** Opens each path and collects its serious violations, labelled by path. */
export async function auditPages(page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    await open(page, path);
    await expect(page.locator('main')).toBeVisible();
    for (const violation of await seriousViolations(page)) {
      found.push(`${path}: ${violation}`);
    }
  }
  return found;
}

/** The href of the first link matching `selector` on `path`. */
export async function firstLink(page: Page, path: string, selector: string): Promise<string> {
  await open(page, path);
  const href = await page.locator(selector).first().getAttribute('href');
  expect(href, `a link ${selector} on ${path}`).toBeTruthy();
  return href as string;
}

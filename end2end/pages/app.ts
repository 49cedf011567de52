import { expect, Page, test } from '@playwright/test';

/** A username no earlier run has used. */
export function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/** The password test accounts use (not on the common-password list). */
export const PASSWORD = 'copper kettle sings';

/**
 * Opens `path` and, when JavaScript is on, waits until the WebAssembly app
 * has hydrated (a click before that would be lost).
 */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitForHydration(page);
}

/**
 * Waits for `<body data-hydrated>` when JavaScript is enabled. When the app
 * never hydrates (a hydration panic, say), the failure quotes the page's
 * console errors and uncaught errors, so a CI log says why.
 */
export async function waitForHydration(page: Page): Promise<void> {
  if (test.info().project.use.javaScriptEnabled === false) {
    return;
  }
  try {
    await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  } catch (error) {
    const consoleErrors = (await page.consoleMessages({ filter: 'since-navigation' }))
      .filter((m) => m.type() === 'error')
      .map((m) => `console: ${m.text()}`);
    const pageErrors = (await page.pageErrors({ filter: 'since-navigation' })).map((e) => `uncaught: ${e}`);
    const why = [...consoleErrors, ...pageErrors].join('\n');
    throw new Error(`${page.url()} did not hydrate.\n${why || 'The page logged no errors.'}\n${error}`);
  }
}

import { Browser, Page, expect, test } from '@playwright/test';
import { open } from './app';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'guild-demo-2026';

/** The admin `cargo xtask test` creates with `server admin create-super-admin`. */
export const ADMIN = {
  username: process.env.GUILD_E2E_ADMIN ?? 'e2e_admin',
  password: process.env.GUILD_E2E_ADMIN_PASSWORD ?? 'e2e admin walks the board',
};

/** A separate browser session (own cookies) with the project's settings. */
export async function newActor(browser: Browser): Promise<Page> {
  const use = test.info().project.use;
  const context = await browser.newContext({ baseURL: use.baseURL, javaScriptEnabled: use.javaScriptEnabled });
  return context.newPage();
}

/** Logs `page` in and waits for the dashboard. */
export async function logIn(page: Page, identifier: string, password: string): Promise<void> {
  await open(page, '/login');
  await page.getByLabel('Email or username').fill(identifier);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

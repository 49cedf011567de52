import { expect, test } from '@playwright/test';
import { newActor } from '../pages/actors';
import { PASSWORD, open, uniqueName } from '../pages/app';
import { SignupPage } from '../pages/accounts';
import { SecurityPage, SessionsPage } from '../pages/security';
import { totp } from '../pages/totp';

async function signUp(page: import('@playwright/test').Page, username: string): Promise<void> {
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.fill({ email: `${username}@example.com`, username, displayName: 'Tess Twofactor' });
  await signup.submit();
  await expect(page).toHaveURL(/\/dashboard$/);
}

async function enterPassword(page: import('@playwright/test').Page, username: string): Promise<void> {
  await open(page, '/login');
  await page.getByLabel('Email or username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
}

test('a user turns on two-factor sign-in and logs in with a code', async ({ page, browser }) => {
  const username = uniqueName('tess');
  await signUp(page, username);
  const security = new SecurityPage(page);
  await security.goto();
  const { secret } = await security.enableTwoFactor();
  await security.goto();
  await expect(page.locator('[data-test="two-factor-state"]')).toHaveText('Two-factor sign-in is on. 10 recovery codes left.');

  const phone = await newActor(browser);
  await enterPassword(phone, username);
  await expect(phone).toHaveURL(/\/login\/code/);
  await expect(phone.getByRole('heading', { name: 'Enter your code' })).toBeVisible();
  // The code that turned it on was used; the next step's code is fresh.
  await phone.getByLabel('Authentication code').fill(totp(secret, Date.now(), 1));
  await phone.getByRole('button', { name: 'Verify' }).click();
  await expect(phone).toHaveURL(/\/dashboard$/);
});

test('a user revokes another session and that browser is logged out', async ({ page, browser }) => {
  const username = uniqueName('sid');
  await signUp(page, username);
  const other = await newActor(browser);
  await enterPassword(other, username);
  await expect(other).toHaveURL(/\/dashboard$/);

  const sessions = new SessionsPage(page);
  await sessions.goto();
  await expect(sessions.rows()).toHaveCount(2);
  await expect(page.locator('tr[data-current="true"]')).toContainText('This device');
  await sessions.revokeAnother();
  await expect(sessions.rows()).toHaveCount(1);

  await open(other, '/settings/sessions');
  await expect(other).toHaveURL(/\/login/);
});

import { expect, test } from '@playwright/test';
import { DashboardPage, Header, LoginPage, SignupPage } from '../pages/accounts';
import { uniqueName } from '../pages/app';

test('sign up and log in with JavaScript disabled', async ({ page }) => {
  const username = uniqueName('nojs');
  const signup = new SignupPage(page);
  const dashboard = new DashboardPage(page);
  const header = new Header(page);

  await signup.goto();
  await signup.fill({ email: `${username}@example.com`, username, displayName: 'No Script' });
  await signup.submit();
  await dashboard.expectMode('client');
  await expect(header.accountName()).toHaveText('No Script');

  await header.logOut();
  await expect(header.logInLink()).toBeVisible();

  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(`${username}@example.com`);
  await dashboard.expectMode('client');
});

test('field errors render on the server without JavaScript', async ({ page }) => {
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.fill({ email: 'broken', username: 'x', displayName: 'Still Here' });
  await signup.submit();
  await expect(signup.fieldError('email')).toBeVisible();
  await expect(signup.fieldError('username')).toBeVisible();
  await expect(page.getByLabel('Display name')).toHaveValue('Still Here');

  const login = new LoginPage(page);
  await login.goto();
  await login.logIn('nobody-here', 'not the password');
  await expect(login.formError()).toContainText('Incorrect email, username or password');
});

test('the dashboard sends visitors to log in', async ({ page }) => {
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login\?next=\/dashboard$/);
});

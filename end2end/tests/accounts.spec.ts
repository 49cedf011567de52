import { expect, test } from '@playwright/test';
import { DashboardPage, Header, LoginPage, SignupPage } from '../pages/accounts';
import { uniqueName } from '../pages/app';

test('sign up, see the dashboard, switch mode, log out and log in again', async ({ page }) => {
  const username = uniqueName('sam');
  const signup = new SignupPage(page);
  const header = new Header(page);
  const dashboard = new DashboardPage(page);

  await signup.goto();
  await signup.fill({ email: `${username}@example.com`, username, displayName: 'Sam Tester' });
  await signup.chooseSides(true, true);
  await signup.submit();

  await dashboard.expectMode('client');
  await expect(header.accountName()).toHaveText('Sam Tester');
  await expect(header.activeMode()).toHaveAttribute('data-mode', 'client');

  await header.switchTo('freelancer');
  await expect(header.activeMode()).toHaveAttribute('data-mode', 'freelancer');
  await dashboard.expectMode('freelancer');

  await header.logOut();
  await expect(page).toHaveURL(/\/$/);
  await expect(header.logInLink()).toBeVisible();

  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(username);
  await dashboard.expectMode('freelancer');
  await expect(header.accountName()).toHaveText('Sam Tester');
});

test('sign-up errors show next to their fields without losing input', async ({ page }) => {
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.fill({ email: 'not-an-email', username: 'ok_name', displayName: 'Kept Name', password: 'password' });
  await signup.submit();
  await expect(signup.fieldError('email')).toContainText('valid email');
  await expect(signup.fieldError('password')).toContainText('too common');
  await expect(page.getByLabel('Display name')).toHaveValue('Kept Name');
});

test('a wrong password is refused with one message', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn('nobody-here', 'not the password');
  await expect(login.formError()).toContainText('Incorrect email, username or password');
});

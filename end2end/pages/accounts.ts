import { expect, Page } from '@playwright/test';
import { open, PASSWORD, uniqueName, waitForHydration } from './app';

/** The sign-up page. */
export class SignupPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await open(this.page, '/signup');
  }

  async fill(fields: { email: string; username: string; displayName: string; password?: string }): Promise<void> {
    await this.page.getByLabel('Email').fill(fields.email);
    await this.page.getByLabel('Username').fill(fields.username);
    await this.page.getByLabel('Display name').fill(fields.displayName);
    await this.page.getByLabel('Password').fill(fields.password ?? PASSWORD);
  }

  async chooseSides(client: boolean, freelancer: boolean): Promise<void> {
    await this.page.getByLabel('Hire freelancers or learn from coaches').setChecked(client);
    await this.page.getByLabel('Work on gigs or teach as a coach').setChecked(freelancer);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Create account' }).click();
  }

  fieldError(field: string) {
    return this.page.locator(`.field__error[data-field="${field}"]`);
  }
}

/** The log-in page. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await open(this.page, '/login');
  }

  async logIn(identifier: string, password = PASSWORD): Promise<void> {
    await this.page.getByLabel('Email or username').fill(identifier);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Log in' }).click();
  }

  formError() {
    return this.page.locator('[data-test="form-error"]');
  }
}

/** The header: mode switcher and account menu. */
export class Header {
  constructor(private readonly page: Page) {}

  activeMode() {
    return this.page.locator('.mode-switch__side.is-active');
  }

  async switchTo(mode: 'client' | 'freelancer'): Promise<void> {
    await this.page.locator(`button.mode-switch__side[data-mode="${mode}"]`).click();
  }

  async logOut(): Promise<void> {
    await this.page.locator('.account-menu__toggle').click();
    await this.page.locator('[data-test="logout"]').click();
  }

  accountName() {
    return this.page.locator('.account-menu__name');
  }

  logInLink() {
    return this.page.locator('.site-header').getByRole('link', { name: 'Log in' });
  }
}

/** The dashboard. */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  async expectMode(mode: 'client' | 'freelancer'): Promise<void> {
    await expect(this.page).toHaveURL(/\/dashboard$/);
    await expect(this.page.locator(`.dashboard[data-mode="${mode}"]`)).toBeVisible();
  }

  async settle(): Promise<void> {
    await waitForHydration(this.page);
  }
}

/** Signs up a new hiring-side account (a fresh username) and lands on the dashboard. */
export async function signUpClient(page: Page, prefix: string, displayName: string): Promise<string> {
  const name = uniqueName(prefix);
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.fill({ email: `${name}@example.com`, username: name, displayName });
  await signup.chooseSides(true, false);
  await signup.submit();
  await expect(page).toHaveURL(/\/dashboard$/);
  return name;
}

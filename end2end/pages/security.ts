import { Page, expect } from '@playwright/test';
import { open } from './app';
import { totp } from './totp';

/** The account security page (/settings/security). */
export class SecurityPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await open(this.page, '/settings/security');
  }

  /** Turns two-factor sign-in on; returns the secret and the recovery codes. */
  async enableTwoFactor(): Promise<{ secret: string; codes: string[] }> {
    await this.page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await expect(this.page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
    const secret = (await this.page.locator('[data-test="totp-secret"]').textContent())!.trim();
    await this.page.getByLabel('Code from your app').fill(totp(secret));
    await this.page.getByRole('button', { name: 'Turn on' }).click();
    const list = this.page.getByRole('list', { name: 'Recovery codes' });
    await expect(list.getByRole('listitem')).toHaveCount(10);
    const codes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
    return { secret, codes };
  }
}

/** The sessions page (/settings/sessions). */
export class SessionsPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await open(this.page, '/settings/sessions');
  }

  rows() {
    return this.page.locator('tr[data-handle]');
  }

  /** Revokes the first session that is not this one. */
  async revokeAnother(): Promise<void> {
    const other = this.page.locator('tr[data-current="false"]').first();
    await other.getByRole('button', { name: /^Revoke the session on/ }).click();
  }
}

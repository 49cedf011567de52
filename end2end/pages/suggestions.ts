import { Page, expect } from '@playwright/test';
import { open, waitForHydration } from './app';

/** The "Describe what you need" box and the suggestions it leads to. */
export class NeedBox {
  constructor(private readonly page: Page) {}

  /** Opens the landing page, where the box is. */
  async gotoLanding(): Promise<void> {
    await open(this.page, '/');
  }

  /** Types `need` and asks for roles; waits for the answer. */
  async suggest(need: string): Promise<void> {
    await this.page.getByLabel('What do you need?').fill(need);
    await this.page.locator('[data-test="suggest"]').click();
    await expect(this.page).toHaveURL(/\/suggest\?need=/);
    await expect(this.page.locator('[data-test="suggestion"]')).toBeVisible();
    await waitForHydration(this.page);
  }

  /** The confidence bars of the suggested roles. */
  roleBars() {
    return this.page.locator('.role-bar');
  }

  /** The bar of one role, by its id in the taxonomy. */
  roleBar(roleId: string) {
    return this.page.locator(`.role-bar[data-role="${roleId}"]`);
  }
}

/** The "Suggested talent" panel a gig owner sees on their gig. */
export class SuggestedTalentPanel {
  constructor(private readonly page: Page) {}

  /** Suggestions that can still be invited. */
  invitable() {
    return this.page.locator('.suggested-talent .recommendation', { has: this.page.locator('[data-test="invite"]') });
  }

  /** One person's suggestion. */
  person(username: string) {
    return this.page.locator(`.suggested-talent .recommendation[data-username="${username}"]`);
  }

  /** Invites the first person not invited yet; returns their username. */
  async inviteFirst(): Promise<string> {
    const first = this.invitable().first();
    await expect(first).toBeVisible();
    const username = (await first.getAttribute('data-username')) ?? '';
    await first.locator('[data-test="invite"]').click();
    await expect(this.person(username).locator('[data-test="invited"]')).toBeVisible();
    return username;
  }
}

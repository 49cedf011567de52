import { expect, Locator, Page } from '@playwright/test';
import { open } from './app';

/** A conversation page (`/messages/:id`) or the team chat on a contract. */
export class Conversation {
  constructor(private readonly page: Page) {}

  /** The composer's textbox. */
  composer(): Locator {
    return this.page.getByRole('textbox', { name: 'Message', exact: true });
  }

  /** Types and sends `text`. */
  async send(text: string): Promise<void> {
    await this.composer().fill(text);
    await this.page.getByRole('button', { name: 'Send' }).click();
  }

  /** The message list. */
  messages(): Locator {
    return this.page.getByRole('list', { name: 'Messages' });
  }

  /** The message with `text` in the list. */
  message(text: string): Locator {
    return this.messages().locator('.chat-message__body').getByText(text, { exact: true });
  }

  /** The "Seen" line under my newest message. */
  seen(): Locator {
    return this.page.locator('[data-test="seen"]');
  }

  /** The typing line. */
  typing(): Locator {
    return this.page.locator('[data-test="typing"]');
  }

  /** The live connection's status region. */
  status(): Locator {
    return this.page.locator('.live-status[role="status"]');
  }

  /** Waits until the tab's socket is connected. */
  async connected(): Promise<void> {
    await expect(this.status()).toHaveAttribute('data-state', 'connected');
  }
}

/** Opens a freelancer's profile and starts (or reopens) the conversation. */
export async function messageFreelancer(page: Page, username: string, displayName: string): Promise<string> {
  await open(page, `/talent/${username}`);
  await page.getByRole('button', { name: `Message ${displayName}` }).click();
  await expect(page).toHaveURL(/\/messages\/\d+$/);
  return new URL(page.url()).pathname;
}

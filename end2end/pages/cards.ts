import { expect, Locator, Page } from '@playwright/test';
import { waitForHydration } from './app';

/** A card's own page (`/boards/:id/cards/:card`). */
export class CardPage {
  constructor(private readonly page: Page) {}

  /** Opens a card's page from its board through the card's "Details" link. */
  async openFrom(card: Locator): Promise<void> {
    await card.getByRole('link', { name: 'Details' }).click();
    await expect(this.page).toHaveURL(/\/boards\/\d+\/cards\/\d+$/);
    await waitForHydration(this.page);
  }

  /** Opens the card's edit form (if it is not open already). */
  async startEditing(): Promise<void> {
    const form = this.page.locator('details.card-edit', { has: this.page.locator('summary', { hasText: 'Edit card' }) });
    if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await this.page.getByText('Edit card', { exact: true }).click();
    }
    await expect(this.page.getByRole('button', { name: 'Save card' })).toBeVisible();
  }

  /** Saves a new description (Markdown). */
  async describe(markdown: string): Promise<void> {
    await this.startEditing();
    await this.page.getByRole('textbox', { name: 'Description' }).fill(markdown);
    await this.page.getByRole('button', { name: 'Save card' }).click();
  }

  /** The note that someone else changed the card while this viewer typed. */
  changedElsewhere(): Locator {
    return this.page.locator('[data-test="card-changed"]');
  }

  /** The rendered description. */
  description(): Locator {
    return this.page.locator('[data-test="card-description"]');
  }

  /** Creates a board label and puts it on this card. */
  async addLabel(name: string, colour: string): Promise<void> {
    await this.page.getByText('New label', { exact: true }).click();
    await this.page.getByLabel('Label name').fill(name);
    await this.page.getByLabel('Label colour').selectOption({ label: colour });
    await this.page.getByRole('button', { name: 'Add label' }).click();
    await expect(this.toggle('Labels', name)).toHaveAttribute('aria-pressed', 'true');
  }

  /** A toggle button (a label, an assignee or a checklist item) in a list. */
  toggle(list: 'Labels' | 'Assignees' | 'Checklist', name: string): Locator {
    return this.page
      .getByRole('list', { name: list, exact: true })
      .getByRole('button', { name, exact: true });
  }

  /** Adds a checklist item. */
  async addItem(text: string): Promise<void> {
    await this.page.getByLabel('New checklist item').fill(text);
    await this.page.getByRole('button', { name: 'Add item' }).click();
    await expect(this.toggle('Checklist', text)).toBeVisible();
  }

  /** The "n of m done" line. */
  progress(): Locator {
    return this.page.locator('[data-test="checklist-progress"]');
  }

  /** Writes a comment. */
  async comment(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Comment' }).fill(text);
    await this.page.getByRole('button', { name: 'Add comment' }).click();
    await expect(this.page.getByRole('list', { name: 'Comments' })).toContainText(text.replace(/`/g, ''));
  }

  /** Edits the viewer's own comment (the first that is theirs). */
  async editComment(text: string): Promise<void> {
    const comments = this.page.getByRole('list', { name: 'Comments' });
    await comments.locator('summary', { hasText: 'Edit comment' }).first().click();
    await comments.getByRole('textbox', { name: 'Edit comment' }).first().fill(text);
    await comments.getByRole('button', { name: 'Save comment' }).first().click();
    await expect(comments).toContainText(text);
  }

  /** The card's history. */
  activity(): Locator {
    return this.page.getByRole('list', { name: 'Activity' });
  }
}

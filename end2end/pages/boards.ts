import { expect, Locator, Page } from '@playwright/test';
import { open, waitForHydration } from './app';

/** `/boards` and one board (`/boards/:id`). */
export class BoardPage {
  constructor(private readonly page: Page) {}

  /** Creates a personal board from `/boards` and lands on it; returns its path. */
  async create(name: string): Promise<string> {
    await open(this.page, '/boards');
    await this.page.getByLabel('Board name').fill(name);
    await this.page.getByRole('button', { name: 'Create board' }).click();
    await expect(this.page).toHaveURL(/\/boards\/\d+$/);
    await waitForHydration(this.page);
    return new URL(this.page.url()).pathname;
  }

  /** A column's card list, found by the column's name. */
  column(name: string): Locator {
    return this.page.getByRole('list', { name, exact: true });
  }

  /** A card, found by its title, within a column or anywhere. */
  card(title: string, column?: string): Locator {
    const scope = column ? this.column(column) : this.page.locator('.board');
    return scope.getByRole('listitem', { name: title, exact: true });
  }

  /** The region that announces drag and keyboard moves. */
  announcer(): Locator {
    return this.page.locator('[data-test="board-announcer"]');
  }

  /** Adds a card to a column. */
  async addCard(column: string, title: string): Promise<void> {
    await this.page.getByLabel(`New card in ${column}`).fill(title);
    await this.page
      .locator('.board-column', { has: this.column(column) })
      .getByRole('button', { name: 'Add card' })
      .click();
    await expect(this.card(title, column)).toBeVisible();
  }

  /**
   * Adds many cards to a column at once through the board's own endpoint
   * (from the page, so the request is same-origin like a form's).
   */
  async addCards(column: string, titles: string[]): Promise<void> {
    const board = new URL(this.page.url()).pathname.split('/')[2];
    const columnId = await this.column(column).getAttribute('data-column-list');
    await this.page.evaluate(
      async ({ board, columnId, titles }) => {
        for (const title of titles) {
          const body = new URLSearchParams({ board_id: board, column_id: String(columnId), title });
          const answer = await fetch('/api/boards/card/add', { method: 'POST', body });
          if (!answer.ok) throw new Error(`adding ${title}: ${answer.status}`);
        }
      },
      { board, columnId, titles },
    );
  }

  /** Moves a card through its "Move" form to a column and position. */
  async moveWithForm(title: string, column: string, position: number): Promise<void> {
    await this.card(title).getByRole('button', { name: 'Move' }).click();
    await expect(this.page).toHaveURL(/\/cards\/\d+\/move\??$/);
    await waitForHydration(this.page);
    await this.page.getByLabel('Column').selectOption({ label: column });
    await this.page.getByLabel('Position').fill(String(position));
    await this.page.getByRole('button', { name: 'Move card' }).click();
    await expect(this.page).toHaveURL(/\/boards\/\d+(#card-\d+)?$/);
    await waitForHydration(this.page);
  }

  /** Invites someone to this (personal) board by username. */
  async invite(username: string, displayName: string): Promise<void> {
    await this.page.getByLabel('Invite by username').fill(username);
    await this.page.getByRole('button', { name: 'Invite', exact: true }).click();
    await expect(this.page.locator('[data-test="board-members"]')).toContainText(displayName);
  }
}

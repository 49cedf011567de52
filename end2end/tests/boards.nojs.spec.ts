import { expect, test } from '@playwright/test';
import { signUpClient } from '../pages/accounts';
import { BoardPage } from '../pages/boards';
import { CardPage } from '../pages/cards';

test('without JavaScript a card is added and moved with the Move form', async ({ page }) => {
  await signUpClient(page, 'board', 'Bea Board');

  const board = new BoardPage(page);
  await board.create('Shop launch');
  await board.addCard('To do', 'Logo drafts');
  await board.addCard('To do', 'Price list');
  await board.moveWithForm('Price list', 'Review', 1);
  await expect(board.card('Price list', 'Review')).toBeVisible();
  await expect(board.card('Price list', 'To do')).toHaveCount(0);
  await board.moveWithForm('Logo drafts', 'Review', 1);
  await expect(board.column('Review').getByRole('listitem')).toHaveText([/Logo drafts/, /Price list/]);
});

test('without JavaScript a card gets a label, a checklist and a comment', async ({ page }) => {
  await signUpClient(page, 'cardsnojs', 'Nia Forms');
  const board = new BoardPage(page);
  await board.create('Plain forms');
  await board.addCard('To do', 'Price list');
  const card = new CardPage(page);
  await card.openFrom(board.card('Price list', 'To do'));
  await card.addLabel('Content', 'Green');
  await card.addItem('Bread prices');
  await card.toggle('Checklist', 'Bread prices').click();
  await expect(card.toggle('Checklist', 'Bread prices')).toHaveAttribute('aria-pressed', 'true');
  await expect(card.progress()).toHaveText('1 of 1 done');
  await card.comment('Prices go up in `March`');
  await expect(page.getByRole('list', { name: 'Comments' }).locator('code')).toHaveText('March');
});

test('without JavaScript the board is searched and the search stays in the URL', async ({ page }) => {
  await signUpClient(page, 'search', 'Sid Search');
  const board = new BoardPage(page);
  await board.create('Search me');
  await board.addCard('To do', 'Logo drafts');
  await board.addCard('To do', 'Price list');
  await page.getByLabel('Search cards').fill('price');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/[?&]q=price/);
  await expect(board.card('Price list', 'To do')).toBeVisible();
  await expect(board.card('Logo drafts')).toHaveCount(0);
  await expect(page.locator('[data-test="filter-status"]')).toHaveText('Showing 1 matching card.');
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(board.card('Logo drafts', 'To do')).toBeVisible();
});

test('without JavaScript "Show more" brings the rest of a long column', async ({ page, baseURL }) => {
  await signUpClient(page, 'morenojs', 'Mo Pages');
  const board = new BoardPage(page);
  const path = await board.create('Long list');
  const column = await board.column('To do').getAttribute('data-column-list');
  for (let i = 1; i <= 40; i++) {
    const answer = await page.request.post('/api/boards/card/add', {
      form: { board_id: path.split('/')[2], column_id: String(column), title: `Task ${i}` },
      headers: { Origin: baseURL ?? '', Accept: 'application/json' },
    });
    expect(answer.ok()).toBeTruthy();
  }
  await page.goto(path);
  await expect(board.column('To do').getByRole('listitem')).toHaveCount(30);
  await page.getByRole('link', { name: 'Show more' }).click();
  await expect(page).toHaveURL(/show=\d+:130/);
  await expect(board.column('To do').getByRole('listitem')).toHaveCount(40);
  await expect(page.getByRole('link', { name: 'Show more' })).toHaveCount(0);
});

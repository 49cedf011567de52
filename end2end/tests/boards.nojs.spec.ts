import { expect, test } from '@playwright/test';
import { signUpClient } from '../pages/accounts';
import { BoardPage } from '../pages/boards';

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

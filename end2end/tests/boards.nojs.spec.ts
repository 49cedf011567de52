import { expect, test } from '@playwright/test';
import { uniqueName } from '../pages/app';
import { SignupPage } from '../pages/accounts';
import { BoardPage } from '../pages/boards';

test('without JavaScript a card is added and moved with the Move form', async ({ page }) => {
  const name = uniqueName('board');
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.fill({ email: `${name}@example.com`, username: name, displayName: 'Bea Board' });
  await signup.chooseSides(true, false);
  await signup.submit();
  await expect(page).toHaveURL(/\/dashboard$/);

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

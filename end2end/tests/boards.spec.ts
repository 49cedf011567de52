import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, logIn, newActor } from '../pages/actors';
import { open, uniqueName } from '../pages/app';
import { SignupPage } from '../pages/accounts';
import { BoardPage } from '../pages/boards';

test('a card moved by one member moves live on another member\'s board', async ({ page, browser }) => {
  const name = uniqueName('board');
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.fill({ email: `${name}@example.com`, username: name, displayName: 'Bea Board' });
  await signup.chooseSides(true, false);
  await signup.submit();
  await expect(page).toHaveURL(/\/dashboard$/);

  const board = new BoardPage(page);
  const path = await board.create('Shop launch');
  await board.addCard('To do', 'Logo drafts');
  await board.invite('diego', 'Diego Alvarez');

  const diego = await newActor(browser);
  await logIn(diego, 'diego', DEMO_PASSWORD);
  await open(diego, path);
  const theirs = new BoardPage(diego);
  await expect(theirs.card('Logo drafts', 'To do')).toBeVisible();
  await expect(diego.locator('.live-status[role="status"]')).toHaveAttribute('data-state', 'connected');

  await board.moveWithForm('Logo drafts', 'Review', 1);
  await expect(board.card('Logo drafts', 'Review')).toBeVisible();
  await expect(theirs.card('Logo drafts', 'Review')).toBeVisible();
  await expect(theirs.card('Logo drafts', 'To do')).toHaveCount(0);

  await board.addCard('In progress', 'Photos of the cakes');
  await expect(theirs.card('Photos of the cakes', 'In progress')).toBeVisible();
});

test('a contract page links to its team board', async ({ page }) => {
  await logIn(page, 'maya', DEMO_PASSWORD);
  await open(page, '/contracts');
  await page.locator('a[href^="/contracts/"]').first().click();
  await expect(page).toHaveURL(/\/contracts\/\d+$/);
  await page.getByRole('link', { name: 'Board', exact: true }).click();
  await expect(page).toHaveURL(/\/boards\/\d+$/);
  await expect(page.getByRole('list', { name: 'To do', exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Done', exact: true })).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, logIn, newActor } from '../pages/actors';
import { open, waitForHydration } from '../pages/app';
import { signUpClient } from '../pages/accounts';
import { BoardPage } from '../pages/boards';
import { CardPage } from '../pages/cards';

test('a card moved by one member moves live on another member\'s board', async ({ page, browser }) => {
  await signUpClient(page, 'board', 'Bea Board');

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
  // Each sees the other looking at the board.
  await expect(page.locator('[data-test="board-viewers"]')).toHaveText('Also looking at this board: Diego Alvarez');
  await expect(diego.locator('[data-test="board-viewers"]')).toHaveText('Also looking at this board: Bea Board');

  await board.moveWithForm('Logo drafts', 'Review', 1);
  await expect(board.card('Logo drafts', 'Review')).toBeVisible();
  await expect(theirs.card('Logo drafts', 'Review')).toBeVisible();
  await expect(theirs.card('Logo drafts', 'To do')).toHaveCount(0);

  await board.addCard('In progress', 'Photos of the cakes');
  await expect(theirs.card('Photos of the cakes', 'In progress')).toBeVisible();

  // Diego closes the board: Bea no longer sees him there.
  await diego.close();
  await expect(page.locator('[data-test="board-viewers"]')).toHaveText('');
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

test('a card is moved with the keyboard alone, each step announced', async ({ page }) => {
  await signUpClient(page, 'keys', 'Kim Keys');

  const board = new BoardPage(page);
  await board.create('Keyboard board');
  await board.addCard('To do', 'Logo drafts');
  await board.addCard('To do', 'Price list');

  const card = board.card('Logo drafts', 'To do');
  await card.focus();
  await page.keyboard.press('Space');
  await expect(board.announcer()).toContainText("Picked up card 'Logo drafts'");
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(board.announcer()).toContainText("Card 'Logo drafts' is over Review, position 1 of 1");
  await page.keyboard.press('Space');
  await expect(board.announcer()).toContainText("Card 'Logo drafts' moved to Review, position 1 of 1");
  await expect(board.card('Logo drafts', 'Review')).toHaveAttribute('data-version', '2');

  // Escape puts a card back where it was.
  await board.card('Price list', 'To do').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(board.card('Price list', 'To do')).toBeVisible();
  await expect(board.announcer()).toContainText('Move cancelled');

  // The move was stored: it survives a reload.
  await page.reload();
  await expect(board.card('Logo drafts', 'Review')).toBeVisible();
});

test('a long column shows its first cards and brings the rest as it is scrolled', async ({ page }) => {
  await signUpClient(page, 'scroll', 'Sam Scroll');

  const board = new BoardPage(page);
  await board.create('Long board');
  const titles = Array.from({ length: 45 }, (_, i) => `Task ${i + 1}`);
  await board.addCards('To do', titles);
  await page.reload();
  await waitForHydration(page);

  const list = board.column('To do');
  await expect(list.getByRole('listitem')).toHaveCount(30);
  await expect(page.getByText('15 more cards')).toBeVisible();
  await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(list.getByRole('listitem')).toHaveCount(45);
  await expect(board.card('Task 45', 'To do')).toBeAttached();
  await expect(page.getByRole('link', { name: 'Show more' })).toHaveCount(0);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: false, viewport: { width: 1100, height: 800 } });

  test('a long press picks a card up and a drag moves it', async ({ page }) => {
    await signUpClient(page, 'touch', 'Tia Touch');

    const board = new BoardPage(page);
    await board.create('Touch board');
    await board.addCard('To do', 'Logo drafts');

    const from = await board.card('Logo drafts', 'To do').locator('.card-title').boundingBox();
    const to = await board.column('In progress').boundingBox();
    if (!from || !to) throw new Error('the card and the column must be on screen');
    const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
    const end = { x: to.x + to.width / 2, y: to.y + 8 };
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [start] });
    await page.waitForTimeout(600);
    for (let step = 1; step <= 12; step++) {
      const x = start.x + ((end.x - start.x) * step) / 12;
      const y = start.y + ((end.y - start.y) * step) / 12;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
      await page.waitForTimeout(30);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });

    await expect(board.card('Logo drafts', 'In progress')).toBeVisible();
    // The server confirmed the move (the card's version went up).
    await expect(board.card('Logo drafts', 'In progress')).toHaveAttribute('data-version', '2');
    await page.reload();
    await expect(board.card('Logo drafts', 'In progress')).toBeVisible();
  });
});

test('a card gets a description, a label, a checklist, an assignee and a comment that notifies', async ({ page, browser }) => {
  await signUpClient(page, 'cards', 'Cara Cards');
  const board = new BoardPage(page);
  const path = await board.create('Bakery site');
  await board.addCard('To do', 'Home page');
  await board.invite('diego', 'Diego Alvarez');

  const card = new CardPage(page);
  await card.openFrom(board.card('Home page', 'To do'));
  await card.describe('Tell the **bakery story** first.\n\n<script>alert(1)</script>');
  await expect(card.description().locator('strong')).toHaveText('bakery story');
  await expect(card.description()).toContainText('<script>alert(1)</script>');

  await card.addLabel('Urgent', 'Red');
  await card.addItem('Hero photo');
  await card.addItem('Menu copy');
  await card.toggle('Checklist', 'Hero photo').click();
  await expect(card.toggle('Checklist', 'Hero photo')).toHaveAttribute('aria-pressed', 'true');
  await expect(card.progress()).toHaveText('1 of 2 done');
  await card.toggle('Assignees', 'Diego Alvarez').click();
  await expect(card.toggle('Assignees', 'Diego Alvarez')).toHaveAttribute('aria-pressed', 'true');
  await card.comment('@diego could you send the hero photo?');
  await card.editComment('@diego could you send two hero photos?');
  await expect(page.getByRole('list', { name: 'Comments' })).toContainText('edited');
  await expect(card.activity()).toContainText('Cara Cards added the label “Urgent”');
  await expect(card.activity()).toContainText('Cara Cards completed “Hero photo”');

  // The board shows the label, the checklist and the assignee on the card.
  await open(page, path);
  const onBoard = board.card('Home page', 'To do');
  await expect(onBoard.locator('.label-chip')).toHaveText('Urgent');
  await expect(onBoard).toContainText('☑ 1/2');
  await expect(onBoard).toContainText('Diego Alvarez');

  // Diego was notified of the mention and follows it to the card.
  const diego = await newActor(browser);
  await logIn(diego, 'diego', DEMO_PASSWORD);
  await open(diego, '/notifications');
  await diego.getByRole('link', { name: /Cara Cards mentioned you on “Home page”/ }).first().click();
  await expect(diego).toHaveURL(/\/boards\/\d+\/cards\/\d+$/);
  await expect(diego.getByRole('heading', { name: 'Home page', level: 1 })).toBeVisible();

  // Archived, it leaves the board; restored from the archive, it is back.
  await card.openFrom(onBoard);
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('button', { name: 'Restore' })).toBeVisible();
  await open(page, path);
  await expect(board.card('Home page')).toHaveCount(0);
  await page.getByRole('link', { name: 'Archived and trashed cards' }).click();
  await waitForHydration(page);
  await page.getByRole('listitem', { name: 'Home page' }).getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('Nothing is archived or in the trash.')).toBeVisible();
  await open(page, path);
  await expect(board.card('Home page', 'To do')).toBeVisible();
});

test('two people editing one card lose nothing: changes merge, and a clash keeps the text', async ({ page, browser }) => {
  await signUpClient(page, 'merge', 'Mo Merge');
  const board = new BoardPage(page);
  const path = await board.create('Shared card');
  await board.addCard('To do', 'Home page');
  await board.invite('diego', 'Diego Alvarez');
  const mine = new CardPage(page);
  await mine.openFrom(board.card('Home page', 'To do'));

  const diego = await newActor(browser);
  await logIn(diego, 'diego', DEMO_PASSWORD);
  await open(diego, path);
  const theirs = new CardPage(diego);
  await theirs.openFrom(new BoardPage(diego).card('Home page', 'To do'));
  await expect(diego.locator('.live-status[role="status"]')).toHaveAttribute('data-state', 'connected');

  // Diego is typing when Mo renames the card: his text stays, and he is told.
  await theirs.startEditing();
  await diego.getByRole('textbox', { name: 'Description', exact: true }).fill('Start with the menu.');
  await mine.startEditing();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Landing page');
  await page.getByRole('button', { name: 'Save card' }).click();
  await expect(page.getByRole('heading', { name: 'Landing page', level: 1 })).toBeVisible();
  await expect(theirs.changedElsewhere()).toContainText('Someone else changed this card while you were typing.');
  await expect(diego.getByRole('textbox', { name: 'Description', exact: true })).toHaveValue('Start with the menu.');

  // Different fields: his save merges with Mo's rename.
  await diego.getByRole('button', { name: 'Save card' }).click();
  await expect(theirs.description()).toHaveText('Start with the menu.');
  await expect(diego.getByRole('heading', { name: 'Landing page', level: 1 })).toBeVisible();
  await expect(mine.description()).toHaveText('Start with the menu.');

  // Both change the description: his save is refused with his text kept and
  // Mo's shown; saving again is his deliberate choice.
  await theirs.startEditing();
  await diego.getByRole('textbox', { name: 'Description', exact: true }).fill('Menu, then photos.');
  await mine.describe('Photos first.');
  await expect(mine.description()).toHaveText('Photos first.');
  await diego.getByRole('button', { name: 'Save card' }).click();
  await expect(diego.getByText('Changed by someone else too')).toBeVisible();
  await expect(theirs.description()).toHaveText('Photos first.');
  await expect(diego.getByRole('textbox', { name: 'Description', exact: true })).toHaveValue('Menu, then photos.');
  await diego.getByRole('button', { name: 'Save card' }).click();
  await expect(theirs.description()).toHaveText('Menu, then photos.');
  await expect(mine.description()).toHaveText('Menu, then photos.');
});

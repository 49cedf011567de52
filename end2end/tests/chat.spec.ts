import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, logIn, newActor } from '../pages/actors';
import { open, uniqueName, waitForHydration } from '../pages/app';
import { SignupPage } from '../pages/accounts';
import { Conversation, messageFreelancer } from '../pages/chat';

test('two people chat live: typing, messages without reload, Seen, and catching up after going offline', async ({ page, browser }) => {
  const client = uniqueName('baker');
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.fill({ email: `${client}@example.com`, username: client, displayName: 'Bea Baker' });
  await signup.chooseSides(true, false);
  await signup.submit();
  await expect(page).toHaveURL(/\/dashboard$/);

  const path = await messageFreelancer(page, 'diego', 'Diego Alvarez');
  await waitForHydration(page);
  const mine = new Conversation(page);
  await mine.connected();
  await mine.send('Hello Diego, can you build our bakery shop?');
  await expect(mine.message('Hello Diego, can you build our bakery shop?')).toBeVisible();

  // Diego sees the unread message in the header, then opens the conversation.
  const diego = await newActor(browser);
  await logIn(diego, 'diego', DEMO_PASSWORD);
  await expect(diego.getByRole('link', { name: /^Messages, \d+ unread$/ })).toBeVisible();
  await open(diego, path);
  const theirs = new Conversation(diego);
  await theirs.connected();
  await expect(theirs.message('Hello Diego, can you build our bakery shop?')).toBeVisible();
  await expect(mine.seen()).toHaveText('Seen');

  // Typing shows on the other side; the message arrives without a reload.
  await mine.composer().pressSequentially('Our deadline');
  await expect(theirs.typing()).toHaveText('Bea Baker is typing…');
  await mine.send('Our deadline is in March.');
  await expect(theirs.message('Our deadline is in March.')).toBeVisible();
  await expect(theirs.typing()).toHaveText('');

  // Diego goes offline, misses a message, and gets it when back online.
  await diego.context().setOffline(true);
  await expect(theirs.status()).toHaveText('Reconnecting…');
  await mine.send('Sent while you were offline');
  await expect(mine.message('Sent while you were offline')).toBeVisible();
  await diego.context().setOffline(false);
  await theirs.connected();
  await expect(theirs.message('Sent while you were offline')).toBeVisible();
  await expect(theirs.message('Sent while you were offline')).toHaveCount(1);

  // Code is shown as code with a copy button, and nothing is read as HTML.
  await theirs.send('Try `npm run build` or <b>bold</b> https://guild.example/docs');
  await expect(mine.messages().locator('code', { hasText: 'npm run build' })).toBeVisible();
  await expect(mine.messages().locator('.chat-message__body').getByText('<b>bold</b>', { exact: false })).toBeVisible();
  await expect(mine.messages().getByRole('link', { name: 'https://guild.example/docs' })).toHaveAttribute('rel', 'noopener nofollow ugc');
});

import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, logIn, newActor } from '../pages/actors';
import { open, uniqueName } from '../pages/app';
import { SignupPage } from '../pages/accounts';
import { Conversation, messageFreelancer } from '../pages/chat';

test('without JavaScript a message is sent as a form and arrives', async ({ page, browser }) => {
  const client = uniqueName('nojs');
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.fill({ email: `${client}@example.com`, username: client, displayName: 'Noah No-Script' });
  await signup.chooseSides(true, false);
  await signup.submit();
  await expect(page).toHaveURL(/\/dashboard$/);

  const path = await messageFreelancer(page, 'diego', 'Diego Alvarez');
  const chat = new Conversation(page);
  await chat.send('Sent from a plain form');
  await expect(page).toHaveURL(new RegExp(`${path}\\??$`));
  await expect(chat.message('Sent from a plain form')).toBeVisible();

  const diego = await newActor(browser);
  await logIn(diego, 'diego', DEMO_PASSWORD);
  await open(diego, '/messages');
  await expect(diego.getByRole('link', { name: /Noah No-Script, 1 unread/ })).toBeVisible();
  await open(diego, path);
  await expect(new Conversation(diego).message('Sent from a plain form')).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { ADMIN, DEMO_PASSWORD, logIn, newActor } from '../pages/actors';
import { open, uniqueName } from '../pages/app';
import { SignupPage } from '../pages/accounts';
import { Admin, GigPage, postLearningRequest } from '../pages/marketplace';

test('the bell updates live when the gig is approved and a proposal arrives', async ({ page, browser }) => {
  const student = uniqueName('bell');
  const title = `Algebra help ${student}`;
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.fill({ email: `${student}@example.com`, username: student, displayName: 'Bella Bell' });
  await signup.submit();
  await expect(page).toHaveURL(/\/dashboard$/);
  const gigId = await postLearningRequest(page, title);
  await open(page, '/dashboard');
  await expect(page.locator('.live-status')).toHaveAttribute('data-state', 'connected');
  const bell = page.getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications');

  const admin = await newActor(browser);
  await logIn(admin, ADMIN.username, ADMIN.password);
  await new Admin(admin).goto();
  await new Admin(admin).approveGig(title);
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');

  const coach = await newActor(browser);
  await logIn(coach, 'meera_pillai', DEMO_PASSWORD);
  const coachGig = new GigPage(coach);
  await coachGig.goto(gigId);
  await coachGig.propose({ letter: 'Patient algebra coaching with worked examples.', amount: '20', sessions: '2', days: '14' });
  await expect(bell).toHaveAccessibleName('Notifications, 2 unread');

  await bell.click();
  await expect(page).toHaveURL(/\/notifications\??$/);
  const list = page.getByRole('list', { name: 'Notifications' });
  await expect(list.getByRole('link', { name: `New proposal on ${title}` })).toBeVisible();
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(bell).toHaveAccessibleName('Notifications');
  await expect(page.getByText("Nothing new. You're all caught up.")).toBeVisible();
});

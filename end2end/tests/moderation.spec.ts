import { expect, test } from '@playwright/test';
import { ADMIN, logIn, newActor } from '../pages/actors';
import { open, uniqueName } from '../pages/app';
import { SignupPage } from '../pages/accounts';
import { Admin, postLearningRequest } from '../pages/marketplace';
import { ModerationQueue, ReportForm } from '../pages/moderation';

test('a reported gig is hidden by an admin and the reporter no longer sees it', async ({ page, browser }) => {
  const title = `Spammy algebra lessons ${uniqueName('')}`;
  const student = await newActor(browser);
  const studentName = uniqueName('poster');
  const signup = new SignupPage(student);
  await signup.goto();
  await signup.fill({ email: `${studentName}@example.com`, username: studentName, displayName: 'Pat Poster' });
  await signup.submit();
  await expect(student).toHaveURL(/\/dashboard$/);
  const gigId = await postLearningRequest(student, title);

  const admin = await newActor(browser);
  await logIn(admin, ADMIN.username, ADMIN.password);
  const console_ = new Admin(admin);
  await console_.goto();
  await console_.approveGig(title);

  const reporter = uniqueName('reporter');
  const reporterSignup = new SignupPage(page);
  await reporterSignup.goto();
  await reporterSignup.fill({ email: `${reporter}@example.com`, username: reporter, displayName: 'Rita Reporter' });
  await reporterSignup.submit();
  await expect(page).toHaveURL(/\/dashboard$/);
  await open(page, `/gigs/${gigId}`);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await new ReportForm(page).reportGig('Scam or payment outside Guild', 'Asks students to pay by bank transfer first.');

  const queue = new ModerationQueue(admin);
  await queue.goto();
  await expect(admin.locator('[data-test="queue-count"]')).not.toHaveText('0');
  const item = queue.item(title);
  await expect(item).toContainText('Scam or payment outside Guild');
  await expect(item).toContainText(`@${reporter}`);
  await queue.act(title, 'Hide', 'Payment outside Guild is not allowed');
  await expect(item).toHaveCount(0);
  await queue.goto('?view=hidden');
  await expect(queue.item(title).locator('.pill', { hasText: 'Hidden' })).toBeVisible();

  await open(page, `/gigs/${gigId}`);
  await expect(page.getByRole('heading', { name: title })).toHaveCount(0);
  await open(page, `/gigs?q=${encodeURIComponent('Spammy algebra')}`);
  await expect(page.getByText(title)).toHaveCount(0);

  await open(student, `/gigs/${gigId}`);
  await expect(student.getByRole('heading', { name: title })).toBeVisible();

  await open(admin, '/admin/audit?action=content.hide');
  await expect(admin.locator('tr[data-action="content.hide"]').filter({ hasText: 'Payment outside Guild is not allowed' })).toHaveCount(1);
});

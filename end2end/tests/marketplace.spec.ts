import { expect, test } from '@playwright/test';
import { ADMIN, DEMO_PASSWORD, logIn, newActor } from '../pages/actors';
import { open, uniqueName, waitForHydration } from '../pages/app';
import { SignupPage } from '../pages/accounts';
import { Admin, ContractPage, GigPage, Onboarding, TalentSearch, postLearningRequest } from '../pages/marketplace';

test('a coach completes the nine-step onboarding and an admin approves them', async ({ page, browser }) => {
  const username = uniqueName('coach');
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.fill({ email: `${username}@example.com`, username, displayName: 'Coach Carla' });
  await signup.chooseSides(false, true);
  await signup.submit();
  await expect(page).toHaveURL(/\/dashboard$/);

  const flow = new Onboarding(page);
  await flow.start('coaching');
  await flow.atStep(1, 9, 'Welcome & teaching mode');
  await page.getByLabel('Lessons and coaching only').check();
  await page.getByLabel('Online', { exact: true }).check();
  await page.getByLabel('Beginner').check();
  await flow.next();

  await flow.atStep(2, 9, 'Roles');
  await page.getByLabel('Math Tutor').check();
  await flow.next();

  await flow.atStep(3, 9, 'Skills');
  await page.getByLabel('Skills', { exact: true }).fill('Algebra, Geometry');
  await flow.next();

  await flow.atStep(4, 9, 'About you & experience');
  await page.getByLabel('Tagline').fill('Calm algebra coaching for anxious teenagers');
  await page.getByLabel('About you').fill('I have helped over a hundred students pass their maths exams with confidence.');
  await page.getByLabel('Country').selectOption('PT');
  await flow.next();

  await flow.atStep(5, 9, 'Education & certificates');
  await page.getByLabel('Degree or certificate').first().fill('MSc Mathematics');
  await flow.next();

  await flow.atStep(6, 9, 'Languages');
  await page.getByLabel('Language 1').selectOption('English');
  await page.getByLabel('Proficiency').first().selectOption('fluent');
  await flow.next();

  await flow.atStep(7, 9, 'Portfolio');
  await page.getByLabel('Title').first().fill('Sample lesson');
  await page.getByLabel('Link (https://…)').first().fill('javascript:alert(1)');
  await flow.next();
  await expect(page.locator('.field__error[data-field="portfolio[0][url]"]')).toBeVisible();
  await page.getByLabel('Link (https://…)').first().fill('https://www.youtube.com/watch?v=abc123');
  await flow.next();

  await flow.atStep(8, 9, 'Rate & availability');
  await page.getByLabel(/Hourly rate/).fill('30');
  await page.getByLabel('Availability').selectOption('evenings');
  await flow.next();

  await flow.atStep(9, 9, 'Review & submit');
  await page.locator('[data-test="submit-profile"]').click();
  await expect(page.locator('[data-test="profile-status"]')).toContainText('waiting for approval');

  const admin = await newActor(browser);
  await logIn(admin, ADMIN.username, ADMIN.password);
  const console_ = new Admin(admin);
  await console_.goto();
  await console_.approveProfile(username);

  await open(page, `/talent/${username}`);
  await expect(page.getByRole('heading', { name: 'Coach Carla' })).toBeVisible();
  await expect(page.locator('.portfolio-card')).toContainText('Sample lesson');
});

test('a student posts a learning request, a coach proposes, they finish and review each other', async ({ page, browser }) => {
  const student = uniqueName('student');
  const title = `Algebra before exams ${student}`;
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.fill({ email: `${student}@example.com`, username: student, displayName: 'Stella Student' });
  await signup.submit();
  await expect(page).toHaveURL(/\/dashboard$/);

  const gigId = await postLearningRequest(page, title);
  const gig = new GigPage(page);
  await expect(gig.status()).toHaveText('Pending approval');

  const admin = await newActor(browser);
  await logIn(admin, ADMIN.username, ADMIN.password);
  const console_ = new Admin(admin);
  await console_.goto();
  await console_.approveGig(title);

  const coach = await newActor(browser);
  await logIn(coach, 'meera_pillai', DEMO_PASSWORD);
  const coachGig = new GigPage(coach);
  await coachGig.goto(gigId);
  await coachGig.propose({ letter: 'I teach algebra with lots of worked examples and short quizzes.', amount: '20', sessions: '2', days: '14' });

  await gig.goto(gigId);
  await expect(gig.status()).toHaveText('Open');
  await gig.acceptFrom('meera_pillai');
  const contractId = page.url().split('/').pop()!;

  const coachContract = new ContractPage(coach);
  await coachContract.goto(contractId);
  await coachContract.deliverAll();

  const contract = new ContractPage(page);
  await contract.goto(contractId);
  await contract.approveAll();
  await expect(contract.status()).toHaveText('Completed');
  await contract.review(5, 'Meera made algebra finally make sense.');
  await expect(page.locator('[data-test="review-waiting"]')).toBeVisible();

  await coachContract.goto(contractId);
  await coachContract.review(5, 'A motivated student who did every exercise.');
  await expect(coach.locator('.review')).toHaveCount(2);
  await contract.goto(contractId);
  await expect(page.locator('.review')).toHaveCount(2);
});

test('a client filters talent by skill and rate and bookmarks one', async ({ page }) => {
  await logIn(page, 'maya@demo.guild', DEMO_PASSWORD);
  const search = new TalentSearch(page);
  await search.goto();
  await search.filter({ skills: 'Lightroom', minRate: '10', maxRate: '40' });
  const card = search.card('arjun_nair');
  await expect(card).toBeVisible();
  for (const rate of await search.rates().allTextContents()) {
    const value = Number(rate.replace(/[^0-9.]/g, ''));
    expect(value).toBeLessThanOrEqual(40);
  }
  await card.locator('[data-test="bookmark-talent"]').click();
  await expect(card.locator('[data-test="bookmark-talent"]')).toHaveText('★ Saved');
  await open(page, '/talent/saved');
  await expect(search.card('arjun_nair')).toBeVisible();
  await waitForHydration(page);
});

import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, logIn, newActor } from '../pages/actors';
import { open, uniqueName, waitForHydration } from '../pages/app';
import { NeedBox, SuggestedTalentPanel } from '../pages/suggestions';

test('a visitor describes a need on the landing page, sees roles and lands on filtered talent', async ({ page }) => {
  const box = new NeedBox(page);
  await box.gotoLanding();
  await box.suggest('my bakery needs a website where people can order cakes');
  const web = box.roleBar('web-developer');
  await expect(web).toBeVisible();
  await expect(web.locator('meter')).toHaveAttribute('value', /^\d+$/);
  expect(await box.roleBars().count()).toBeLessThanOrEqual(4);
  await expect(page.locator('.talent-card').first()).toBeVisible();

  await web.getByRole('link', { name: 'Web Developer' }).click();
  await expect(page).toHaveURL(/\/talent\?role=web-developer/);
  await expect(page.getByRole('heading', { level: 1, name: 'Web Developers' })).toBeVisible();
  const cards = page.locator('.talent-card');
  await expect(cards.first()).toBeVisible();
  for (const card of await cards.all()) {
    await expect(card.locator('.tag--role', { hasText: 'Web Developer' })).toBeVisible();
  }
});

test('a vague need offers the role categories instead of guessing', async ({ page }) => {
  const box = new NeedBox(page);
  await box.gotoLanding();
  await box.suggest('hello');
  await expect(page.locator('[data-test="not-confident"]')).toBeVisible();
  await expect(box.roleBars()).toHaveCount(0);
  await expect(page.locator('.category').first()).toBeVisible();
});

test('a client keeps suggestion history and turns one into a gig draft', async ({ page }) => {
  const need = `my son is failing algebra and has exams in June ${uniqueName('n')}`;
  await logIn(page, 'maya@demo.guild', DEMO_PASSWORD);
  const box = new NeedBox(page);
  await box.suggest(need);
  await expect(box.roleBar('math-tutor')).toBeVisible();

  await open(page, '/dashboard');
  const item = page.locator('.history__item', { hasText: need });
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: 'Use as gig draft' }).click();
  await expect(page).toHaveURL(/\/gigs\/[^/]+\/edit$/);
  await expect(page.getByLabel('Description')).toHaveValue(need);
  await expect(page.getByLabel('Math Tutor')).toBeChecked();
});

test('the post-a-gig form fills roles and skills from the description', async ({ page }) => {
  await logIn(page, 'maya@demo.guild', DEMO_PASSWORD);
  await open(page, '/gigs/new');
  await page.getByLabel('Title').fill('Logo and brand colours for our new coffee roastery');
  await page.getByLabel('Description').fill('We are opening a small coffee roastery and need a logo, a colour palette and packaging labels designed in Illustrator.');
  await page.locator('[data-test="suggest-roles"]').click();
  await expect(page.getByRole('status').filter({ hasText: 'Suggested:' })).toBeVisible();
  await expect(page.getByLabel('Graphic Designer')).toBeChecked();
});

test('a gig owner invites suggested talent, who sees the invitation among recommended gigs', async ({ page, browser }) => {
  const title = "Refresh my ceramics studio's website and add an online shop";
  await logIn(page, 'maya@demo.guild', DEMO_PASSWORD);
  await page.getByRole('link', { name: title }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await waitForHydration(page);
  const username = await new SuggestedTalentPanel(page).inviteFirst();

  const freelancer = await newActor(browser);
  await logIn(freelancer, `${username}@demo.guild`, DEMO_PASSWORD);
  const pick = freelancer.locator('.recommendation', { hasText: title });
  await expect(pick.locator('.pill', { hasText: 'Invited' })).toBeVisible();
  await expect(pick.locator('.recommendation__why')).toContainText('the client invited you');
});

import { test, expect } from '@playwright/test';
import { ADMIN, DEMO_PASSWORD, logIn } from '../pages/actors';
import { auditPages, firstLink } from '../pages/accessibility';
import { open } from '../pages/app';

// Every page, signed out and signed in on each side, has no serious or
// critical WCAG 2.1 A/AA violation (axe-core).

const PUBLIC = ['/', '/login', '/signup', '/gigs', '/talent', '/talent?role=web-developer', '/suggest?need=my+bakery+needs+a+website', '/no-such-page'];

test('public pages have no serious accessibility violations', async ({ page }) => {
  const gig = await firstLink(page, '/gigs', '.gig-card a[href^="/gigs/"]');
  const profile = await firstLink(page, '/talent', '.talent-card a[href^="/talent/"]');
  expect(await auditPages(page, [...PUBLIC, gig, profile])).toEqual([]);
});

test('a client\'s pages have no serious accessibility violations', async ({ page }) => {
  await logIn(page, 'maya@demo.guild', DEMO_PASSWORD);
  const contract = await firstLink(page, '/contracts', 'a[href^="/contracts/"]');
  const gig = await firstLink(page, '/dashboard', '.gig-card a[href^="/gigs/"]');
  const conversation = await firstLink(page, '/messages', '.conversation-list a');
  const board = await firstLink(page, '/boards', '.board-list a');
  await open(page, board);
  const move = (await page.locator('form.card-move').first().getAttribute('action')) as string;
  expect(move, 'a card with a Move form on the board').toBeTruthy();
  const card = (await page.locator('a.card-open').first().getAttribute('href')) as string;
  expect(card, 'a card with a Details link on the board').toBeTruthy();
  expect(
    await auditPages(page, ['/dashboard', '/gigs/new', '/gigs/saved', '/talent/saved', '/contracts', contract, gig, `${gig}/edit`, '/onboarding/client', '/messages', conversation, '/boards', board, move, card, `${board}/columns`, `${board}/archive`, `${board}?q=a`]),
  ).toEqual([]);
});

test('a freelancer\'s pages have no serious accessibility violations', async ({ page }) => {
  await logIn(page, 'diego@demo.guild', DEMO_PASSWORD);
  const contract = await firstLink(page, '/contracts', 'a[href^="/contracts/"]');
  expect(
    await auditPages(page, ['/dashboard', '/proposals', '/contracts', contract, '/onboarding/roles', '/onboarding/skills', '/onboarding/review']),
  ).toEqual([]);
});

test('the admin console has no serious accessibility violations', async ({ page }) => {
  await logIn(page, ADMIN.username, ADMIN.password);
  expect(await auditPages(page, ['/admin'])).toEqual([]);
});

import { expect, test } from '@playwright/test';
import { SignupPage } from '../pages/accounts';
import { open, uniqueName } from '../pages/app';
import { TalentSearch } from '../pages/marketplace';

test('without JavaScript a client filters talent and bookmarks one', async ({ page }) => {
  const username = uniqueName('nojsclient');
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.fill({ email: `${username}@example.com`, username, displayName: 'No Script Client' });
  await signup.submit();
  await expect(page).toHaveURL(/\/dashboard$/);
  const search = new TalentSearch(page);
  await search.goto();
  await search.filter({ skills: 'Lightroom', minRate: '10', maxRate: '40' });
  const card = search.card('arjun_nair');
  await expect(card).toBeVisible();
  await card.locator('[data-test="bookmark-talent"]').click();
  await expect(search.card('arjun_nair').locator('[data-test="bookmark-talent"]')).toHaveText('★ Saved');
  await open(page, '/talent/saved');
  await expect(search.card('arjun_nair')).toBeVisible();
});

test('without JavaScript the gig board filters and a gig opens', async ({ page }) => {
  await open(page, '/gigs?kind=lesson');
  const first = page.locator('.gig-card h3 a').first();
  await expect(first).toBeVisible();
  await expect(page.locator('.gig-card .pill--project')).toHaveCount(0);
  await first.click();
  await expect(page.locator('.gig h1')).toBeVisible();
});

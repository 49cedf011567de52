import { expect, test } from '@playwright/test';
import { NeedBox } from '../pages/suggestions';

test('without JavaScript a need on the landing page leads to roles and filtered talent', async ({ page }) => {
  const box = new NeedBox(page);
  await box.gotoLanding();
  await box.suggest('our office wifi keeps dropping and the printer is offline');
  const bar = box.roleBars().first();
  await expect(bar).toBeVisible();
  const role = await bar.getAttribute('data-role');
  await bar.locator('.role-bar__name').click();
  await expect(page).toHaveURL(new RegExp(`/talent\\?role=${role}`));
  await expect(page.locator('.talent-card').first()).toBeVisible();
});

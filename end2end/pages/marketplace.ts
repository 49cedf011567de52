import { Page, expect } from '@playwright/test';
import { open, waitForHydration } from './app';

/** The onboarding wizard. */
export class Onboarding {
  constructor(private readonly page: Page) {}

  async start(kind: 'freelance' | 'coaching' | 'both'): Promise<void> {
    await open(this.page, '/onboarding');
    await this.page.locator(`button[data-kind="${kind}"]`).click();
  }

  /** Waits for step `n` of `total` and returns the page for filling in. */
  async atStep(n: number, total: number, title: string): Promise<void> {
    await expect(this.page.locator('.progress__label')).toContainText(`Step ${n} of ${total}`);
    await expect(this.page.locator('.progress__label strong')).toHaveText(title);
    await waitForHydration(this.page);
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save and continue' }).click();
  }
}

/** The admin console. */
export class Admin {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await open(this.page, '/admin');
  }

  async approveProfile(username: string): Promise<void> {
    const item = this.page.locator(`.review-item[data-username="${username}"]`);
    await item.locator('[data-test="approve"]').click();
    await expect(item).toHaveCount(0);
  }

  async approveGig(title: string): Promise<void> {
    const item = this.page.locator('#review-gigs .review-item').filter({ hasText: title });
    await item.locator('[data-test="approve"]').click();
    await expect(item).toHaveCount(0);
  }
}

/** A gig's page. */
export class GigPage {
  constructor(private readonly page: Page) {}

  async goto(id: string): Promise<void> {
    await open(this.page, `/gigs/${id}`);
  }

  status() {
    return this.page.locator('.gig [data-test="gig-status"]');
  }

  async propose(fields: { letter: string; amount: string; sessions?: string; days: string }): Promise<void> {
    await this.page.getByLabel('Cover letter').fill(fields.letter);
    const perSession = this.page.getByLabel('Price per session');
    if (await perSession.count()) {
      await perSession.fill(fields.amount);
      await this.page.getByLabel('Number of sessions').fill(fields.sessions ?? '1');
    } else {
      await this.page.getByLabel('Price (total, or per hour)').fill(fields.amount);
    }
    await this.page.getByLabel('Estimated duration (days)').fill(fields.days);
    await this.page.locator('[data-test="send-proposal"]').click();
    await expect(this.page.getByRole('heading', { name: 'Your proposal' })).toBeVisible();
  }

  /** Accepts the proposal of `username` with the suggested milestones. */
  async acceptFrom(username: string): Promise<void> {
    const card = this.page.locator('.proposal-card').filter({ has: this.page.locator(`a[href="/talent/${username}"]`) });
    const id = await card.getAttribute('data-proposal');
    await this.page.locator(`[data-test="accept-${id}"]`).click();
    await this.page.locator('[data-test="confirm-accept"]').first().click();
    await expect(this.page).toHaveURL(/\/contracts\/\d+$/);
  }
}

/** A contract's page. */
export class ContractPage {
  constructor(private readonly page: Page) {}

  async goto(id: string): Promise<void> {
    await open(this.page, `/contracts/${id}`);
  }

  async deliverAll(): Promise<void> {
    const buttons = this.page.locator('[data-test="submit-milestone"]');
    while (await buttons.count()) {
      const before = await buttons.count();
      await buttons.first().click();
      await expect(buttons).toHaveCount(before - 1);
    }
  }

  async approveAll(): Promise<void> {
    const buttons = this.page.locator('[data-test="approve-milestone"]');
    while (await buttons.count()) {
      const before = await buttons.count();
      await buttons.first().click();
      await expect(buttons).toHaveCount(before - 1);
    }
  }

  status() {
    return this.page.locator('.contract [data-test="contract-status"]').first();
  }

  async review(stars: number, text: string): Promise<void> {
    await this.page.locator(`.rating-input input[value="${stars}"]`).check();
    await this.page.getByLabel('Your review').fill(text);
    await this.page.locator('[data-test="submit-review"]').click();
  }
}

/** Find talent. */
export class TalentSearch {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await open(this.page, '/talent');
  }

  async filter(fields: { skills?: string; minRate?: string; maxRate?: string }): Promise<void> {
    if (fields.skills) await this.page.getByLabel('Skills', { exact: true }).fill(fields.skills);
    if (fields.minRate) await this.page.getByLabel('Rate from').fill(fields.minRate);
    if (fields.maxRate) await this.page.getByLabel('to', { exact: true }).fill(fields.maxRate);
    await this.page.locator('[data-test="apply-filters"]').click();
    await expect(this.page).toHaveURL(/skills=/);
    await waitForHydration(this.page);
  }

  card(username: string) {
    return this.page.locator(`.talent-card[data-username="${username}"]`);
  }

  rates() {
    return this.page.locator('.talent-card .talent-card__rate');
  }
}

/** A signed-in student posts a learning request (Math Tutor, 2 sessions of
 * 20) and submits it for review; returns the new gig's id. */
export async function postLearningRequest(page: Page, title: string): Promise<string> {
  await open(page, '/gigs/new?kind=lesson');
  await page.getByLabel('A learning request — book a coach').check();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description').fill('I keep failing algebra tests and need someone patient to explain equations step by step.');
  await page.getByLabel('Math Tutor').check();
  await page.getByLabel('Subject').fill('Algebra');
  await page.getByLabel('Your level').selectOption('beginner');
  await page.getByLabel('Sessions wanted').fill('2');
  await page.getByLabel(/^Amount/).fill('20');
  await page.locator('[data-test="submit-gig"]').click();
  await expect(page).toHaveURL(/\/gigs\/\d+$/);
  return page.url().split('/').pop()!;
}

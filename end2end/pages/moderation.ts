import { Page, expect } from '@playwright/test';
import { open } from './app';

/** The "Report" disclosure on a gig, profile or review. */
export class ReportForm {
  constructor(private readonly page: Page) {}

  /** Reports the gig shown on the page. */
  async reportGig(reason: string, detail: string): Promise<void> {
    const report = this.page.locator('[data-test="report-gig"]');
    await report.getByText('Report', { exact: true }).click();
    const form = this.page.getByRole('form', { name: 'Report this gig' });
    await form.getByLabel('Reason').selectOption({ label: reason });
    await form.getByLabel(/^Details/).fill(detail);
    await form.getByRole('button', { name: 'Send report' }).click();
    await expect(report.getByRole('status')).toHaveText('Thanks. An admin will review your report.');
  }
}

/** The admin moderation queue (/admin/queue). */
export class ModerationQueue {
  constructor(private readonly page: Page) {}

  async goto(query = ''): Promise<void> {
    await open(this.page, `/admin/queue${query}`);
  }

  /** The queue item whose title contains `title`. */
  item(title: string) {
    return this.page.locator('.queue-item').filter({ hasText: title });
  }

  /** Acts on the item titled `title` with `action` (a button name) and `reason`. */
  async act(title: string, action: string, reason: string): Promise<void> {
    const item = this.item(title);
    await item.getByLabel('Reason (kept in the audit log)').fill(reason);
    await item.getByRole('button', { name: action, exact: true }).click();
  }
}

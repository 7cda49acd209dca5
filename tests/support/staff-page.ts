import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Signs a demo staff account in through the sign-in page (second factor skipped in demo mode) and waits for `landing`. */
export async function signInStaff(page: Page, baseUrl: string, username: string, password: string, landing: string) {
  await page.goto(`${baseUrl}/signin`, { waitUntil: 'networkidle' });
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/account/two-step');
  await page.getByRole('button', { name: 'Skip for now (demo)', exact: true }).click();
  await page.waitForURL(`**${landing}`);
  await expect.poll(() => page.locator('h1').count(), { timeout: 15_000 }).toBeGreaterThan(0);
}

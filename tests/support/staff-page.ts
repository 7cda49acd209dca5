import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { ApplicantEventInput } from '../../src/lib/shared/landing/events';

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

/** An applicant's answers from Welcome to "Submitted for review": in Canada, no changes, one address, `photoId`, signed `signature`. */
export function answersToSubmitted(photoId: string, signature: string): ApplicantEventInput[] {
  return [
    { type: 'ACKNOWLEDGE' },
    { type: 'CONFIRM_IDENTITY', answer: 'yes' },
    { type: 'ANSWER_IN_CANADA', answer: 'yes' },
    { type: 'ANSWER_ENTRY_DATE', date: '2024-03-05' },
    { type: 'DECLARE_PRESENCE' },
    ...(['marital', 'dependants', 'criminal', 'medical'] as const).map((question) => ({ type: 'ANSWER_CHANGE' as const, question, answer: 'no' as const })),
    { type: 'SUBMIT_ADDRESS', kind: 'residential', address: { street: '24 Sussex Dr', unit: null, city: 'Ottawa', province: 'ON', postalCode: 'K1M 1M4' } },
    { type: 'MAILING_SAME_AS_RESIDENTIAL', same: true },
    { type: 'PHOTO_UPLOADED', photoId },
    { type: 'SIGN', signature },
  ];
}

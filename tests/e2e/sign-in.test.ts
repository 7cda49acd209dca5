import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { currentTotp } from '../../server/auth/totp';
import { useAppProcess } from '../support/use-app-process';
import { useBrowser } from '../support/browser';

const DEMO_PASSWORD = 'demo passphrase for tests';
const app = useAppProcess({ DEMO_PASSWORD });

const b = useBrowser();

/** Focuses an input by its label and types into it, as a keyboard user would. */
async function typeInto(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

async function pressButton(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
}

/** Screenshots the screen in English, then in French (switched with the keyboard), then back. */
async function shootBothLanguages(name: string) {
  const page = b.page();
  await b.screenshot(`${name}-en`);
  await pressButton(page, 'Afficher cette page en français');
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fr');
  await b.screenshot(`${name}-fr`);
  await pressButton(page, 'Display this page in English');
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const focused = (page: Page) => page.evaluate(() => document.activeElement?.className ?? '');
const path = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;

describe('signing in', () => {
  it('takes an admin through two-step set-up to the staff page, and a new officer through the forced steps', async () => {
    const page = b.page();
    // Signed out: a guarded page sends you to sign-in and remembers where you were going.
    await page.goto(`${app().url}/admin/staff`, { waitUntil: 'networkidle' });
    expect(path(page)).toBe('/signin?next=%2Fadmin%2Fstaff');
    expect(await page.title()).toBe('Sign in – Landing Portal');
    expect(await page.getByRole('complementary', { name: 'Demo mode.' }).textContent()).toMatch(/never enter real personal information/i);
    await shootBothLanguages('signin');
    await page.setViewportSize({ width: 360, height: 780 });
    await b.screenshot('signin-phone');
    await page.setViewportSize({ width: 1280, height: 860 });

    await typeInto(page, 'Username', 'admin');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('current-password');
    await page.keyboard.type('not the password at all');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toContain('error-summary');
    expect(await page.locator('.error-summary').textContent()).toContain('The username or password is not correct.');
    await b.screenshot('signin-error-en');

    await typeInto(page, 'Password', DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/account/two-step?next=%2Fadmin%2Fstaff');
    await expect.poll(() => page.locator('#totp-secret').textContent()).toMatch(/^[A-Z2-7 ]{16,}$/);
    expect(await heading(page)).toBe('Set up two-step verification');
    expect(await page.getByLabel('Verification code').getAttribute('autocomplete')).toBe('one-time-code');
    await shootBothLanguages('two-step-enrol');

    await pressButton(page, 'Skip for now (demo)');
    await page.waitForURL('**/admin/staff');
    await expect.poll(() => page.getByRole('row', { name: /officer/ }).count()).toBeGreaterThan(0);
    expect(await page.title()).toBe('Staff accounts – Landing Portal');
    expect(await page.locator('header').textContent()).toContain('Ada Admin');

    await typeInto(page, 'Username', 'nadia.tremblay');
    await typeInto(page, 'Full name', 'Nadia Tremblay');
    await typeInto(page, 'Display name', 'Nadia');
    await pressButton(page, 'Create account');
    const temporary = page.locator('#temporary-password');
    await expect.poll(() => temporary.count()).toBe(1);
    const temporaryPassword = (await temporary.textContent())!.trim();
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    await expect.poll(() => page.getByRole('row', { name: /nadia\.tremblay/ }).textContent()).toContain('Not set up');
    await shootBothLanguages('admin-staff');
    await page.setViewportSize({ width: 360, height: 780 });
    await b.screenshot('admin-staff-phone');
    await page.setViewportSize({ width: 1280, height: 860 });

    // Disabling asks first, and the answer shows in the list.
    await pressButton(page, 'Disable agent');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await b.screenshot('admin-staff-confirm-en');
    await page.getByRole('dialog').getByRole('button', { name: 'Disable', exact: true }).press('Enter');
    await expect.poll(() => page.getByRole('row', { name: /agent/ }).textContent()).toContain('Disabled');
    await pressButton(page, 'Enable agent');
    await page.getByRole('dialog').getByRole('button', { name: 'Enable', exact: true }).press('Enter');
    await expect.poll(() => page.getByRole('row', { name: /agent/ }).textContent()).toContain('Active');

    await pressButton(page, 'Sign out');
    await page.waitForURL('**/signin');
    expect(await page.locator('header').textContent()).not.toContain('Ada Admin');

    // The new officer: temporary password, forced change, then two-step set-up.
    await typeInto(page, 'Username', 'nadia.tremblay');
    await typeInto(page, 'Password', temporaryPassword);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/account/password');
    expect(await heading(page)).toBe('Change your password');
    await typeInto(page, 'Current password', temporaryPassword);
    await typeInto(page, 'New password', 'password1234');
    await typeInto(page, 'Type the new password again', 'password1234');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toContain('error-summary');
    const newPassword = page.getByLabel('New password', { exact: true });
    expect(await newPassword.getAttribute('aria-invalid')).toBe('true');
    expect(await newPassword.getAttribute('aria-describedby')).toContain('new-password-error');
    expect(await page.locator('#new-password-error').textContent()).toContain('This password is too common');
    await shootBothLanguages('password-change');

    await newPassword.fill('');
    await typeInto(page, 'New password', 'northern lights over yellowknife');
    await page.getByLabel('Type the new password again').fill('');
    await typeInto(page, 'Type the new password again', 'northern lights over yellowknife');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/account/two-step');
    const secret = await page.locator('#totp-secret').textContent();
    await typeInto(page, 'Verification code', currentTotp(secret!.replace(/\s/g, ''), new Date()));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/staff');
    expect(await heading(page)).toBe('Officer dashboard');
    expect(await page.locator('header').textContent()).toContain('Nadia Tremblay');

    // An officer is not an admin: the admin page answers 403, in both languages.
    const forbidden = await page.goto(`${app().url}/admin/staff`, { waitUntil: 'networkidle' });
    expect(forbidden?.status()).toBe(403);
    expect(await heading(page)).toBe('You do not have access to this page');
    await shootBothLanguages('forbidden');
  });

  it('never follows a next that leaves the site', async () => {
    const page = b.page();
    await page.goto(`${app().url}/signin?next=${encodeURIComponent('//evil.example/steal')}`, { waitUntil: 'networkidle' });
    await typeInto(page, 'Username', 'officer');
    await typeInto(page, 'Password', DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/account/two-step');
    await pressButton(page, 'Skip for now (demo)');
    await page.waitForURL('**/staff');
    expect(new URL(page.url()).host).toBe(new URL(app().url).host);
  });

  it('says how long to wait once sign-in is rate limited', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${app().url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ghost', password: `guess ${i}` }),
      });
      expect(res.status).toBe(401);
    }
    const page = b.page();
    await page.goto(`${app().url}/signin`, { waitUntil: 'networkidle' });
    await typeInto(page, 'Username', 'ghost');
    await typeInto(page, 'Password', 'one more guess');
    await page.keyboard.press('Enter');
    // Fixed 15-minute windows: the wait is what is left of the current one, 1 to 15 minutes.
    await expect
      .poll(() => page.locator('.error-summary').textContent())
      .toMatch(/Please wait ([2-9]|1[0-5]) minutes before trying again\.|Please wait 1 minute before trying again\./);
  });
});

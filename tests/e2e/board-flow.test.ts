import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { familyApplication } from '../fixtures/applications';
import { useAppProcess } from '../support/use-app-process';
import { useBrowser } from '../support/browser';
import { HttpSession } from '../support/http-session';
import { invitedApplicant } from '../support/invited-applicant';
import { signInStaff } from '../support/staff-page';

const DEMO_PASSWORD = 'demo passphrase for the board chart tests';
const SWITCH = { en: 'Afficher cette page en français', fr: 'Display this page in English' } as const;
const poll = { timeout: 15_000 };

const app = useAppProcess({ DEMO_PASSWORD });
const b = useBrowser();

/** Today's totals in the chart's table: [entered, left]. */
async function todayTotals(page: Page, name: RegExp): Promise<number[]> {
  const cells = page.locator('table', { has: page.locator('caption', { hasText: name }) }).locator('tfoot td');
  const totals = (await cells.allTextContents()).map(Number);
  return totals;
}

/** Registers one person (invited, not yet accepted) with these names. */
async function register(names: { givenName: string; familyName: string }) {
  const officer = new HttpSession(app().url);
  await officer.post('/api/auth/login', { username: 'officer', password: DEMO_PASSWORD });
  await officer.post('/api/auth/totp/skip');
  const body = familyApplication();
  body.people = body.people.slice(0, 1).map((p) => ({ ...p, ...names, email: `${body.applicationNumber.toLowerCase()}@example.com` }));
  expect((await officer.post('/api/applications', body)).status).toBe(201);
  return body.people[0]!;
}

describe('the board’s chart over time and its search', () => {
  it('moves the chart and its table live when a case changes step, in English and French', async () => {
    const page = b.page();
    await page.setViewportSize({ width: 1440, height: 950 });
    await invitedApplicant(app().url, DEMO_PASSWORD);
    await signInStaff(page, app().url, 'officer', DEMO_PASSWORD, '/staff');
    // Once the chart is there (the page is running), the officer picks a step.
    await expect.poll(() => todayTotals(page, /^All steps \(every move\): .* per hour, today$/), poll).toHaveLength(2);
    await page.getByLabel('Step shown', { exact: true }).selectOption({ label: 'Welcome' });
    const hours = /^Welcome: cases entering and leaving per hour, today$/;
    await expect.poll(() => todayTotals(page, hours), poll).toEqual([1, 0]);
    const days = /^Welcome: cases entering and leaving per day, last 14 days$/;
    expect(await todayTotals(page, days)).toEqual([1, 0]);
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    // A second applicant accepts their invitation: their case enters Welcome; no reload.
    await invitedApplicant(app().url, DEMO_PASSWORD);
    await expect.poll(() => todayTotals(page, hours), poll).toEqual([2, 0]);
    expect(await todayTotals(page, days)).toEqual([2, 0]);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    // The bar of this hour carries the number, the table the same numbers once chosen.
    const hour = new Date().getHours();
    const bars = page.getByRole('region', { name: 'Today by hour' });
    expect(await bars.locator('.column').nth(hour).locator('.bar.entered .n').textContent()).toBe('2');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.locator('.flow').scrollIntoViewIfNeeded();
    await b.screenshot('board-chart-en');
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    expect(await page.getByRole('table', { name: hours }).isVisible()).toBe(true); // a real table, named by its caption
    await b.screenshot('board-chart-table-en');
    await page.getByRole('button', { name: 'Chart', exact: true }).click();

    await page.getByRole('button', { name: SWITCH.en }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fr');
    expect(await todayTotals(page, /dossiers entrés et sortis par heure, aujourd’hui$/)).toEqual([2, 0]);
    await page.locator('.flow').scrollIntoViewIfNeeded();
    await b.screenshot('board-chart-fr');
    await page.setViewportSize({ width: 390, height: 844 });
    await b.screenshot('board-narrow-fr');
    await page.getByRole('button', { name: SWITCH.fr }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await b.screenshot('board-narrow-en');
  }, 240_000);

  it('searches as the officer types: no keystroke lost, accents and UCI forms ignored, the count announced', async () => {
    const person = await register({ givenName: 'Éloïse', familyName: 'Bélanger' });
    await register({ givenName: 'Marc', familyName: 'Belair' });
    const page = b.page();
    await page.setViewportSize({ width: 1440, height: 950 });
    await signInStaff(page, app().url, 'officer', DEMO_PASSWORD, '/staff');
    const search = page.getByLabel('Search', { exact: true });
    const names = () => page.locator('tr[data-case] th.person').allTextContents();
    const status = page.getByRole('status').filter({ hasText: /Cases|No case/ });

    // "bel", a pause (the board searches), then the rest while that answer arrives.
    await search.click();
    await page.keyboard.type('bel', { delay: 40 });
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), poll).toBe('bel');
    await page.keyboard.type('anger', { delay: 15 });
    expect(await search.inputValue()).toBe('belanger');
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), poll).toBe('belanger');
    await expect.poll(names, poll).toEqual([expect.stringContaining('Bélanger')]);
    expect(await search.inputValue()).toBe('belanger');
    expect(await status.textContent()).toContain('Cases 1–1 of 1');
    expect(await status.getAttribute('role')).toBe('status');

    // The UCI as people write it: with spaces, dashes or dots.
    for (const form of [`${person.uci.slice(0, 4)} ${person.uci.slice(4)}`, `${person.uci.slice(0, 4)}-${person.uci.slice(4)}`]) {
      await search.fill(form);
      await expect.poll(names, poll).toEqual([expect.stringContaining('Bélanger')]);
    }
    await search.fill('');
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), poll).toBeNull();
  }, 240_000);
});

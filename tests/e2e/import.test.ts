import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppProcess } from '../support/use-app-process';
import { useBrowser } from '../support/browser';
import { signInStaff } from '../support/staff-page';

const DEMO_PASSWORD = 'demo passphrase for import tests';
const SWITCH = { en: 'Afficher cette page en français', fr: 'Display this page in English' } as const;
const poll = { timeout: 60_000 };

const app = useAppProcess({ DEMO_PASSWORD });

const b = useBrowser();

/** 30 applications of two people; one principal has a bad UCI and one spouse a bad date (lines 8 and 21 of the file). */
function file(stamp: string) {
  const lines = ['applicationNumber,role,givenName,familyName,dateOfBirth,uci,email,lang'];
  for (let a = 0; a < 30; a++) {
    const number = `E60${stamp}${String(a).padStart(2, '0')}`;
    lines.push(
      `${number},principal,Zoë,Nguyễn,1980-05-17,${lines.length === 7 ? '12-34' : `60${stamp}${String(a).padStart(2, '0')}1`},fam${stamp}${a}@example.com,en`,
    );
    lines.push(
      `${number},spouse,,Sukarno,${lines.length === 20 ? '1982-13-02' : '1982-11-02'},60${stamp}${String(a).padStart(2, '0')}2,fam${stamp}${a}@example.com,fr`,
    );
  }
  return lines.join('\n');
}

async function upload(page: Page, csv: string) {
  await page.getByLabel('CSV file').setInputFiles({ name: 'applications.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check and import' }).click();
}

describe('an officer imports applications from a CSV file', () => {
  it('shows every problem by line and column, the progress, and imports nothing twice', async () => {
    const page = b.page();
    await signInStaff(page, app().url, 'officer', DEMO_PASSWORD, '/staff');
    await page.getByRole('link', { name: 'Import a CSV file' }).click();
    await page.waitForURL('**/staff/applications/import');

    await page.getByRole('button', { name: 'Check and import' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), poll).toBe('Choose a CSV file first.');

    const csv = file(String(Date.now()).slice(-5));
    await upload(page, csv);
    const report = page.getByRole('region', { name: 'Import report' });
    await expect.poll(() => report.textContent(), poll).toContain('60 rows, 30 applications.');
    const rows = page.locator('section.report tbody tr');
    expect(await rows.count()).toBe(2);
    expect((await rows.nth(0).locator('td').allTextContents()).slice(0, 2)).toEqual(['8', 'uci']);
    expect(await rows.nth(0).locator('td').last().textContent()).toBe(
      'Enter a UCI of 8 or 10 digits, for example 1234‑5678 or 12‑3456‑7890.',
    );
    expect((await rows.nth(1).locator('td').allTextContents()).slice(0, 2)).toEqual(['21', 'dateOfBirth']);
    expect(await report.textContent()).toContain('To register: 28');
    expect(await page.getByRole('progressbar').count()).toBe(1);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Import finished' }).textContent(), poll)
      .toBe('Import finished: 28 applications registered.');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await b.screenshot('import-report-en');
    await page.getByRole('button', { name: SWITCH.en }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fr');
    await expect
      .poll(() => rows.nth(1).locator('td').last().textContent(), poll)
      .toBe('Saisissez une date de naissance réelle sous la forme année-mois-jour, par exemple 1988‑04‑12.');
    await b.screenshot('import-report-fr');
    await page.getByRole('button', { name: SWITCH.fr }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');

    // The same file again: nothing is registered twice.
    await upload(page, csv);
    await expect.poll(() => report.textContent(), poll).toContain('Already registered, left as they are: 28');
    expect(await report.textContent()).toContain('To register: 0');
  }, 240_000);
});

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppProcess } from '../support/use-app-process';
import { useBrowser } from '../support/browser';
import { signInStaff } from '../support/staff-page';
import { importFile } from '../fixtures/import-file';

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

  it('works by keyboard at 1440 × 950 and 390 × 844, in English and French: progress, report, live status, Excel encodings', async () => {
    const page = b.page();
    await page.setViewportSize({ width: 1440, height: 950 });
    await signInStaff(page, app().url, 'officer', DEMO_PASSWORD, '/staff');
    await page.goto(`${app().url}/staff/applications/import`, { waitUntil: 'networkidle' });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // 400 applications (800 rows) with a bad date on line 5 and a bad email on line 700.
    const prefix = String(Date.now()).slice(-2);
    const csv = importFile(
      400,
      {
        3: (r) => [...r.slice(0, 4), '1990-02-30', ...r.slice(5)],
        698: (r) => [...r.slice(0, 6), 'no-at-sign', r[7]!],
      },
      `4${prefix}`.slice(0, 3),
    );

    // Keyboard only: Tab reaches the file field (the chooser is the browser's; the file is set as it would),
    // then the button, with a visible focus ring on each.
    for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.id)) !== 'import-file'; i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('import-file');
    await page.getByLabel('CSV file').setInputFiles({ name: 'applications.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.keyboard.press('Tab');
    const button = page.getByRole('button', { name: 'Check and import' });
    expect(await button.evaluate((el) => el === document.activeElement && getComputedStyle(el).outlineStyle !== 'none')).toBe(true);
    await page.keyboard.press('Enter');

    const report = page.getByRole('region', { name: 'Import report' });
    await expect.poll(() => report.textContent(), poll).toContain('800 rows, 400 applications.');
    await b.screenshot('import-progress-en-1440');
    // Focus goes to the report; the live status says when it is done.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('report-anchor'))).toBe(true);
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent(), poll).toBe('Import finished: 398 applications registered.');
    expect(await page.getByRole('progressbar').getAttribute('value')).toBe('100');
    expect(await report.textContent()).toContain('Registered: 398');
    expect(await page.locator('section.report tbody tr').count()).toBe(2);
    await b.screenshot('import-report-en-1440');
    await page.getByRole('button', { name: SWITCH.en }).click();
    await expect.poll(() => status.textContent(), poll).toBe('Importation terminée : 398 demandes inscrites.');
    await b.screenshot('import-report-fr-1440');

    await page.setViewportSize({ width: 390, height: 844 });
    await b.screenshot('import-report-fr-390');
    // The table fits the phone's width: no sideways scrolling of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: SWITCH.fr }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');

    // The same file again: nothing registered twice, every application counted as already there.
    await upload(page, csv);
    await expect.poll(() => report.textContent(), poll).toContain('Already registered, left as they are: 398');
    await expect.poll(() => status.textContent(), poll).toBe('Import finished: nothing new to register.');
    await b.screenshot('import-again-en-390');

    // Plain "CSV" from a French-Canadian Excel: Windows-1252 with semicolons; read, and said so.
    const ansi = `applicationNumber;role;givenName;familyName;dateOfBirth;uci;email;lang\r\nE5${prefix}000001;principal;Hélène;Bélanger;1988-04-12;5${prefix}0000001;helene@example.com;fr\r\n`;
    await page.getByLabel('CSV file').setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer: Buffer.from(ansi, 'latin1') });
    await page.getByRole('button', { name: 'Check and import' }).click();
    await expect.poll(() => report.textContent(), poll).toContain('read as Windows-1252');
    await expect.poll(() => status.textContent(), poll).toBe('Import finished: 1 application registered.');
    await b.screenshot('import-1252-en-390');
    // A workbook chosen by mistake: refused before anything is sent, in words.
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'book.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 3, 4, 0, 0]) });
    await page.getByRole('button', { name: 'Check and import' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), poll).toContain('This is not a CSV text file');
    expect(await page.getByRole('region', { name: 'Import report' }).count()).toBe(0);
    await b.screenshot('import-not-csv-en-390');
  }, 240_000);
});

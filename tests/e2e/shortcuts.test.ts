import { describe, expect, it } from 'vitest';
import { useAppProcess } from '../support/use-app-process';
import { useBrowser } from '../support/browser';
import { signInStaff } from '../support/staff-page';
import { invitedApplicant } from '../support/invited-applicant';

const DEMO_PASSWORD = 'demo passphrase for shortcut tests';
const SWITCH = { en: 'Afficher cette page en français', fr: 'Display this page in English' } as const;
const poll = { timeout: 15_000 };

const app = useAppProcess({ DEMO_PASSWORD });

const b = useBrowser();

describe('keyboard shortcuts and "next case"', () => {
  it('lists the shortcuts behind ?, never fires while typing, and walks the board’s list from the case view', async () => {
    for (let i = 0; i < 3; i++) await invitedApplicant(app().url, DEMO_PASSWORD);
    const page = b.page();
    await page.setViewportSize({ width: 1440, height: 950 });
    await signInStaff(page, app().url, 'officer', DEMO_PASSWORD, '/staff');
    // Staff screens go without the applicant's privacy footer.
    expect(await page.locator('footer.site-footer').count()).toBe(0);
    // The three applicants (all "Maria Santos"), newest activity first, at the welcome step.
    await page.getByLabel('Step', { exact: true }).selectOption({ label: 'Welcome' });
    await expect.poll(() => page.locator('tr[data-case]').count(), poll).toBeGreaterThanOrEqual(3);
    const ids = await page.locator('tr[data-case]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case')!));

    // "?" lists the shortcuts in a dialog; Escape closes it.
    await page.locator('h1').click();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => help.isVisible(), poll).toBe(true);
    expect(await help.textContent()).toContain('Next case in the list');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await b.screenshot('shortcuts-board-en');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: SWITCH.en }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fr');
    await page.locator('h1').click();
    await page.keyboard.press('?');
    await expect.poll(() => page.getByRole('dialog', { name: 'Raccourcis clavier' }).isVisible(), poll).toBe(true);
    await b.screenshot('shortcuts-board-fr');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: SWITCH.fr }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');

    // Typing in the search field: j and k are letters, never shortcuts.
    const search = page.getByLabel('Search', { exact: true });
    await search.focus();
    await page.keyboard.type('jk?');
    expect(await search.inputValue()).toBe('jk?');
    expect(await help.isVisible()).toBe(false);
    await search.fill('');
    // The board searches as people type: wait for the whole list again.
    await expect.poll(() => page.locator('tr[data-case]').count(), poll).toBeGreaterThanOrEqual(3);

    // j / k move between the rows; Enter opens the focused case.
    await page.locator('h1').click();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-case'))).toBe(ids[1]);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/staff/cases/${ids[1]}?step=welcome`);

    // From the case: j is the next case of the same list, k the previous one.
    await expect.poll(() => page.locator('.case-header').count(), poll).toBe(1);
    await page.locator('h1').click();
    await page.keyboard.press('j');
    await page.waitForURL(`**/staff/cases/${ids[2]}?step=welcome`);
    await expect.poll(() => page.locator('.case-header').count(), poll).toBe(1);
    await page.getByRole('button', { name: '← Previous case' }).click();
    await page.waitForURL(`**/staff/cases/${ids[1]}?step=welcome`);
    await expect.poll(() => page.locator('.case-header').count(), poll).toBe(1);
    await page.locator('h1').click();
    await page.keyboard.press('?');
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).textContent(), poll).toContain('Approve the photo');
    await b.screenshot('shortcuts-case-en');
    await page.keyboard.press('Escape');
    // c on a case that cannot be confirmed opens nothing.
    await page.keyboard.press('c');
    expect(await page.getByRole('dialog', { name: 'Confirm permanent residence' }).isVisible()).toBe(false);
  }, 240_000);
});

import { describe, expect, it } from 'vitest';
import { childProcessesNamed } from '../support/app-process';
import { useAppProcess } from '../support/use-app-process';
import { useBrowser } from '../support/browser';

const app = useAppProcess();

const b = useBrowser();

describe('the portal as a user starts it', () => {
  it('runs FerretDB as its own child and reports healthy', async () => {
    expect(childProcessesNamed(app().child.pid!, 'ferretdb')).toHaveLength(1);
    const res = await fetch(`${app().url}/api/health`);
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('shows the home page in English and switches to French with the keyboard', async () => {
    const page = b.page();
    await page.goto(app().url, { waitUntil: 'networkidle' });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Confirm your permanent residence online');
    await b.screenshot('home-en');

    // Keyboard only: the first Tab reaches the skip link, the next ones the brand and the language switch.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.getByRole('button', { name: 'Afficher cette page en français' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Confirmez votre résidence permanente en ligne');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await b.screenshot('home-fr');

    // The choice is remembered by the server on the next visit.
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
  });

  it('sends the page CSP from SvelteKit with frame-ancestors none', async () => {
    const res = await fetch(app().url);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'( 'sha256-[^']+')*/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('stops FerretDB when it is stopped', async () => {
    const pid = app().child.pid!;
    const [ferret] = childProcessesNamed(pid, 'ferretdb');
    expect(await app().stop()).toBe(0);
    const alive = () => {
      try {
        process.kill(ferret!, 0);
        return true;
      } catch {
        return false;
      }
    };
    await expect.poll(alive, { timeout: 5000 }).toBe(false);
  });
});

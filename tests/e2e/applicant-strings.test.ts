import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppProcess } from '../support/use-app-process';
import { useBrowser } from '../support/browser';
import { log } from '../support/chat-page';
import { signedInApplicantCookies } from '../support/invited-applicant';

const DEMO_PASSWORD = 'demo passphrase for the strings test';

const app = useAppProcess({ DEMO_PASSWORD });

const b = useBrowser();

/** Words only staff screens show (the board, the agents' queue), in both languages: plain ASCII stretches, as a bundle keeps them. */
const staffOnly = [
  'Open a case to review its answers, photo and flags',
  'Ouvrez un dossier pour examiner ses',
  'oldest first. Join one to chat with them',
  'du plus ancien au plus',
];
/** The applicant's welcome, in each language. */
const welcome = { en: 'At the end, you review your answers and sign. Shall we start?', fr: 'vous signez. On commence' };

/** Every same-origin answer the page received (documents, scripts, data), as text. */
function recordBodies(page: Page, origin: string) {
  const bodies: { url: string; text: Promise<string> }[] = [];
  page.on('response', (response) => {
    const url = response.url();
    if (!url.startsWith(origin) || url.includes('/socket.io/')) return;
    bodies.push({ url, text: response.text().catch(() => '') });
  });
  return async () => Promise.all(bodies.map(async ({ url, text }) => ({ url, text: await text })));
}

const containing = (bodies: { url: string; text: string }[], words: string) =>
  bodies.filter((body) => body.text.includes(words)).map((body) => body.url);

describe('each person downloads only their own words', () => {
  it('the applicant’s page loads the applicant’s strings in its language only, French only on switching, and never a staff string', async () => {
    const page = b.page();
    await page.context().addCookies(await signedInApplicantCookies(app().url, DEMO_PASSWORD, 'a long passphrase for the strings test'));
    const bodies = recordBodies(page, app().url);
    await page.goto(`${app().url}/conversation`, { waitUntil: 'networkidle' });
    await expect.poll(() => log(page).textContent()).toContain('Shall we start?');
    await page.waitForTimeout(1000); // widgets prefetched for later steps arrive after the first question

    const english = await bodies();
    expect(english.some((body) => body.url.includes('/_app/immutable/'))).toBe(true);
    expect(containing(english, welcome.en).length).toBeGreaterThan(0);
    expect(containing(english, welcome.fr)).toEqual([]);
    for (const words of staffOnly) expect(containing(english, words), words).toEqual([]);

    // Switching: French is fetched first, and no key ever shows while it arrives.
    await page.evaluate(() => {
      const key = /\b(?:conversation|chat|nav|app|home|agentChat|photo)\.[a-z][A-Za-z]*(?:\.[A-Za-z]+)*\b/;
      const seen: string[] = [];
      Object.assign(window, { keysSeen: seen });
      new MutationObserver(() => {
        const match = key.exec(document.body.innerText);
        if (match) seen.push(match[0]);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Afficher cette page en français' }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fr');
    await expect.poll(() => log(page).textContent()).toContain('On commence');
    expect(await page.evaluate(() => (window as unknown as { keysSeen: string[] }).keysSeen)).toEqual([]);

    const both = await bodies();
    expect(containing(both, welcome.fr).length).toBeGreaterThan(0);
    for (const words of staffOnly) expect(containing(both, words), words).toEqual([]);
  });
});

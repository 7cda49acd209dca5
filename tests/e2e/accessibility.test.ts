import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { useBrowser } from '../support/browser';
import { log } from '../support/chat-page';
import { signedInApplicantCookies } from '../support/invited-applicant';

const DEMO_PASSWORD = 'demo passphrase for the accessibility test';
const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let app: AppProcess;
let context: BrowserContext | undefined;
beforeAll(async () => {
  app = await startAppProcess({ DEMO_PASSWORD });
});
afterAll(async () => {
  await context?.close();
  await app?.stop();
});

const b = useBrowser();

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now: each violation with where it is. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axeScript });
  return page.evaluate(async () => {
    type Result = { passes: unknown[]; violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    // A run that checked nothing would pass too: make that a failure.
    if (result.passes.length < 10) return [`axe checked only ${result.passes.length} rules`];
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('finds nothing on the sign-in page and the applicant’s conversation, in English and French', async () => {
    // The pages' CSP allows only their own scripts; axe is injected for the check alone.
    context = await b.browser().newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    await context.addCookies(await signedInApplicantCookies(app.url, DEMO_PASSWORD, 'a long passphrase for the axe test'));
    const page = await context.newPage();

    await page.goto(`${app.url}/signin`, { waitUntil: 'networkidle' });
    expect(await violations(page)).toEqual([]);

    await page.goto(`${app.url}/conversation`, { waitUntil: 'networkidle' });
    await expect.poll(() => log(page).textContent()).toContain('Shall we start?');
    expect(await violations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Afficher cette page en français' }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fr');
    await expect.poll(() => log(page).textContent()).toContain('On commence');
    expect(await violations(page)).toEqual([]);
  });
});

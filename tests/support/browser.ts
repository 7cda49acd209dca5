import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREEN_DIR = 'test-results/screens';
const FAILURE_DIR = 'test-results/failures';

/** Launches Debian's Chromium once per file; each test gets a fresh context and page. */
export function useBrowser() {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`Chromium not found at ${CHROMIUM}: run \`apt-get install -y chromium\` (npm test does it when it can).`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  });
  beforeEach(async (ctx) => {
    await context?.close();
    context = await browser!.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    ctx.onTestFailed(async () => {
      mkdirSync(FAILURE_DIR, { recursive: true });
      const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      await page?.screenshot({ path: `${FAILURE_DIR}/${name}.png`, fullPage: true }).catch(() => undefined);
    });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });
  return {
    page: () => page!,
    browser: () => browser!,
    /** Saves a screenshot for people to look at: test-results/screens/<name>.png */
    async screenshot(name: string, target: Page = page!) {
      mkdirSync(SCREEN_DIR, { recursive: true });
      await target.screenshot({ path: `${SCREEN_DIR}/${name}.png`, fullPage: true });
    },
  };
}

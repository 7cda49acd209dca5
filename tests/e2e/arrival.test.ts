import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { applicantAt, toPhotoStep } from '../support/applicant-at-step';
import { useAppProcess } from '../support/use-app-process';
import { useBrowser } from '../support/browser';
import { log } from '../support/chat-page';

const DEMO_PASSWORD = 'demo passphrase for tests';
const app = useAppProcess({ DEMO_PASSWORD });
const b = useBrowser();

/** True when the element is fully on screen, above the bar that stays at the bottom. */
async function inView(page: Page, selector: ReturnType<Page['locator']>) {
  const box = await selector.boundingBox();
  const barTop = await page
    .locator('.bar')
    .filter({ has: page.locator('#chat-text') })
    .evaluate((el) => el.getBoundingClientRect().top);
  const height = page.viewportSize()!.height;
  return box !== null && box.y >= 0 && box.y + box.height <= Math.min(height, barTop + 1);
}

/** Every "Talk to a person" control on the page (a quick reply or the bar's Help button). */
const talkToPerson = (page: Page) => page.getByRole('button', { name: /talk to a person/i });

describe('arriving in the conversation', () => {
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    it(`shows the first question and its answer at ${viewport.width} × ${viewport.height}, and one "Talk to a person"`, async () => {
      const context = await b.browser().newContext({ viewport, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
      const applicant = await applicantAt(app().url, DEMO_PASSWORD, context, []);
      const page = await context.newPage();
      await page.goto(`${app().url}/conversation`, { waitUntil: 'networkidle' });
      await expect.poll(() => log(page).textContent(), { timeout: 20_000 }).toContain('Shall we start?');
      const welcome = log(page).locator('.entry').filter({ hasText: 'Shall we start?' }).last();
      await expect.poll(() => inView(page, welcome.locator('.bubble'))).toBe(true);
      expect(await inView(page, page.getByRole('button', { name: 'I understand, let’s start' }))).toBe(true);
      await page.screenshot({ path: `test-results/screens/arrival-welcome-${viewport.width}.png` });
      expect(await talkToPerson(page).count()).toBe(1);

      // Coming back later, at the photo step: the question and "Choose a photo" are in view.
      for (const event of toPhotoStep) await applicant.client.must(event);
      await page.reload({ waitUntil: 'networkidle' });
      await expect.poll(() => page.locator('label[for="photo-file"]').count(), { timeout: 20_000 }).toBe(1);
      const question = log(page).locator('.entry').filter({ hasText: 'please upload a photo of yourself' }).last();
      await expect.poll(() => inView(page, question.locator('.bubble'))).toBe(true);
      expect(await inView(page, page.locator('label[for="photo-file"]'))).toBe(true);
      // The photo rules are said once: by the assistant, not again under the picker.
      expect(await page.getByText('The photo must be recent and in colour').count()).toBe(1);
      await page.screenshot({ path: `test-results/screens/arrival-photo-${viewport.width}.png` });
      expect(await talkToPerson(page).count()).toBe(1);

      applicant.close();
      await context.close();
    }, 120_000);
  }

  it('offers "Talk to a person" once where the question itself offers it as an answer', async () => {
    const context = await b.browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const applicant = await applicantAt(app().url, DEMO_PASSWORD, context, [
      { type: 'ACKNOWLEDGE' },
      { type: 'CONFIRM_IDENTITY', answer: 'no' },
    ]);
    const page = await context.newPage();
    await page.goto(`${app().url}/conversation`, { waitUntil: 'networkidle' });
    await expect.poll(() => talkToPerson(page).count(), { timeout: 20_000 }).toBe(1);
    expect(
      await page
        .locator('.bar')
        .filter({ has: page.locator('#chat-text') })
        .getByRole('button', { name: /talk to a person/i })
        .count(),
    ).toBe(0);
    applicant.close();
    await context.close();
  }, 60_000);
});

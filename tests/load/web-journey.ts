import type { Page } from 'playwright-core';
import { ANSWERABLE } from './web-page-load';

/**
 * The applicant's path from the welcome to the review on the phone profile, timed in the browser:
 * from the click (or Enter) that answers to the moment the next question can be answered. Each
 * step is an action and the text that shows the next question has arrived.
 */
interface Step {
  name: string;
  act: (page: Page) => Promise<void>;
  next: string;
  /** The photo is timed apart from the answers: it uploads a file over the slow link. */
  kind: 'answer' | 'photo';
}

const press = (name: string) => async (page: Page) => {
  await page.getByRole('button', { name, exact: true }).click();
};

const photoFile = new URL('../fixtures/photo-valid.jpg', import.meta.url).pathname;

/** Chooses the photo; the clock starts at "Send this photo". Any crop or preview step in between belongs to the choosing. */
async function sendPhoto(page: Page) {
  await page.locator('section.answer input[type="file"]:not([capture])').setInputFiles(photoFile);
  await page.getByRole('button', { name: 'Use this frame', exact: true }).click({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Send this photo', exact: true }).click({ timeout: 60_000 });
}

async function fillAddress(page: Page) {
  await page.getByLabel('Street address', { exact: true }).fill('24 Sussex Dr');
  await page.getByLabel('City or town', { exact: true }).fill('Ottawa');
  await page.getByLabel('Province or territory', { exact: true }).selectOption('ON');
  await page.getByLabel('Postal code', { exact: true }).fill('K1M 1M4');
  await page.getByLabel('Postal code', { exact: true }).press('Enter');
}

async function enterDate(page: Page) {
  await page.keyboard.type('03052024');
  await page.keyboard.press('Enter');
}

export const journey: Step[] = [
  { name: 'start', act: press('I understand, let’s start'), next: 'First, is this you?', kind: 'answer' },
  { name: 'identity', act: press('Yes, this is me'), next: 'Are you in Canada right now?', kind: 'answer' },
  { name: 'in Canada', act: press('Yes'), next: 'On what date did you last enter Canada?', kind: 'answer' },
  { name: 'entry date', act: enterDate, next: 'I am physically in Canada today.', kind: 'answer' },
  { name: 'declaration', act: press('I am physically in Canada'), next: 'Has your marital status changed?', kind: 'answer' },
  { name: 'marital status', act: press('No'), next: 'Do you have a new dependant?', kind: 'answer' },
  { name: 'dependant', act: press('No'), next: 'Have you been charged with or convicted of a crime', kind: 'answer' },
  { name: 'crime', act: press('No'), next: 'Has your health changed in a serious way?', kind: 'answer' },
  { name: 'health', act: press('No'), next: 'What is your home address in Canada?', kind: 'answer' },
  { name: 'address', act: fillAddress, next: 'Should we mail your PR card to this same address?', kind: 'answer' },
  { name: 'mailing', act: press('Yes, the same address'), next: 'please upload a photo of yourself', kind: 'answer' },
  { name: 'photo', act: sendPhoto, next: 'type your full name to sign', kind: 'photo' },
];

/** In the page: waits until the log shows `text` and an answer control is enabled; ms since the last click or Enter. */
function untilAnswerable([text, answerable]: [string, string]) {
  const perf = (window as unknown as { __perf: { lastAction: number } }).__perf;
  return new Promise<number>((resolve) => {
    const check = () => {
      const log = document.querySelector('[role="log"]');
      if (log?.textContent?.includes(text) && document.querySelector(answerable)) {
        observer.disconnect();
        resolve(performance.now() - perf.lastAction);
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    check();
  });
}

export interface JourneyTimes {
  answers: number[];
  photo: number[];
  /** The step it stopped at, when it could not go on (the page changed under it). */
  stoppedAt?: string;
}

/** Walks the journey on a page already at its first question; stops quietly at the first step it cannot take. */
export async function walkJourney(page: Page): Promise<JourneyTimes> {
  const times: JourneyTimes = { answers: [], photo: [] };
  for (const step of journey) {
    try {
      await step.act(page);
      let timer: NodeJS.Timeout | undefined;
      const ms = await Promise.race([
        page.evaluate(untilAnswerable, [step.next, ANSWERABLE] as [string, string]),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the next question did not come in 90 s')), 90_000))),
      ]).finally(() => clearTimeout(timer));
      (step.kind === 'photo' ? times.photo : times.answers).push(ms);
    } catch (err) {
      times.stoppedAt = `${step.name}: ${(err as Error).message.split('\n')[0]}`;
      break;
    }
  }
  return times;
}

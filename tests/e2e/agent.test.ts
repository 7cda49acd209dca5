import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { ApplicantEventInput } from '../../src/lib/shared/landing/events';
import { io } from 'socket.io-client';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { useBrowser } from '../support/browser';
import { fr, log, typeInto, unreliableLink } from '../support/chat-page';
import { ConversationClient } from '../support/conversation-client';
import { HttpSession } from '../support/http-session';
import { invitedApplicant } from '../support/invited-applicant';
import type { TestSocket } from '../support/portal';

const DEMO_PASSWORD = 'demo passphrase for agent tests';
const NEW_PASSWORD = 'northern lights over the bay';
const SWITCH = { en: 'Afficher cette page en français', fr: 'Display this page in English' } as const;
const poll = { timeout: 15_000 };

let app: AppProcess;
let agentContext: BrowserContext | undefined;
let applicantSocket: TestSocket | undefined;
beforeAll(async () => {
  app = await startAppProcess({ DEMO_PASSWORD });
});
afterAll(async () => {
  applicantSocket?.disconnect();
  await agentContext?.close();
  await app?.stop();
});

const b = useBrowser();

/** Full-page screenshots of `page` in English, French and (for the applicant) at phone width; English is put back. */
async function shoot(page: Page, name: string, phone = false) {
  /** Scrolled to the end, so the chat's sticky bar rests under the last answer; nothing wider than the screen. */
  const take = async (file: string, width: number) => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
    await b.screenshot(file, page);
  };
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await take(`agent-${name}-en`, 1280);
  await page.getByRole('button', { name: SWITCH.en }).click();
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fr');
  await take(`agent-${name}-fr`, 1280);
  if (phone) {
    await page.setViewportSize({ width: 360, height: 780 });
    await take(`agent-${name}-phone-fr`, 360);
    await page.setViewportSize({ width: 1280, height: 860 });
  }
  await page.getByRole('button', { name: SWITCH.fr }).click();
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
}

/** The applicant's own socket, beside their browser tab (same session), to move through steps quickly. */
async function applicantDriver(context: BrowserContext) {
  const http = new HttpSession(app.url);
  for (const cookie of await context.cookies()) http.cookies.set(cookie.name, cookie.value);
  applicantSocket = io(app.url, { transports: ['websocket'], extraHeaders: { cookie: http.cookieHeader } });
  const client = new ConversationClient(applicantSocket);
  await client.sync();
  return { http, client };
}

describe('a support agent helps an applicant live', () => {
  it('takes the request from the live queue, chats both ways, suggests a change the applicant accepts, and hands back', async () => {
    const { username, password, person } = await invitedApplicant(app.url, DEMO_PASSWORD);
    const NAME = `${person.givenName} ${person.familyName}`;

    // The applicant (context 1) signs in, chooses a password and starts the conversation.
    const page = b.page();
    await page.goto(`${app.url}/signin`, { waitUntil: 'networkidle' });
    await typeInto(page, 'Username', username);
    await typeInto(page, 'Password', password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/account/password');
    await typeInto(page, 'Current password', password);
    await typeInto(page, 'New password', NEW_PASSWORD);
    await typeInto(page, 'Type the new password again', NEW_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/conversation');
    await page.getByRole('button', { name: 'I understand, let’s start' }).click();
    await page.getByRole('button', { name: 'Yes, this is me' }).click();
    await expect.poll(() => log(page).textContent(), poll).toContain('Are you in Canada right now?');
    const { http, client } = await applicantDriver(page.context());
    const caseId = client.view!.caseId;

    // The agent (context 2) signs in (two-step skipped in demo mode) and opens the queue.
    agentContext = await b.browser().newContext({ viewport: { width: 1280, height: 860 } });
    const desk = await agentContext.newPage();
    const agentLink = await unreliableLink(desk);
    await desk.goto(`${app.url}/signin`, { waitUntil: 'networkidle' });
    await desk.getByLabel('Username', { exact: true }).fill('agent');
    await desk.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await desk.keyboard.press('Enter');
    await desk.waitForURL('**/account/two-step');
    await desk.getByRole('button', { name: 'Skip for now (demo)', exact: true }).click();
    await desk.waitForURL('**/agent');
    await expect.poll(() => desk.locator('.live').textContent(), poll).toContain('Live');
    await expect.poll(() => desk.getByText('Nobody is waiting for help right now.').count(), poll).toBe(1);
    await desk.getByLabel('Sound for new requests').check();
    await desk.evaluate(() => Object.assign(window, { sameDocument: true }));

    // "Talk to a person": the request appears in the queue at once, marked new, and in the title.
    await page.getByRole('button', { name: 'Help: talk to a person' }).click();
    const row = desk.locator(`li[data-case="${caseId}"]`);
    await expect.poll(() => row.count(), poll).toBe(1);
    expect(await row.getAttribute('class')).toContain('fresh');
    expect(await row.textContent()).toMatch(new RegExp(`${NAME}\\s*New.*Presence in Canada.*English.*Waiting for\\s*\\d+ s`, 's'));
    await expect.poll(() => desk.title(), poll).toBe('(1) Help queue – Landing Portal');
    expect(
      await desk
        .getByRole('status')
        .filter({ hasText: `New help request: ${NAME} (Presence in Canada).` })
        .count(),
    ).toBe(1);
    expect(await desk.evaluate(() => 'sameDocument' in window)).toBe(true);
    await shoot(desk, '01-queue');

    // Join: the applicant is told who joined.
    await desk.getByRole('button', { name: `Join the conversation with ${NAME}` }).click();
    await expect.poll(() => desk.getByRole('heading', { name: `Conversation with ${NAME}` }).count(), poll).toBe(1);
    await expect.poll(() => row.textContent(), poll).toContain('Open on this screen');
    await expect.poll(() => desk.title(), poll).toBe('Help queue – Landing Portal');
    await expect.poll(() => log(page).textContent(), poll).toContain('Adam from our support team joined the conversation.');
    expect(await page.locator('#help-status').textContent()).toBe('Adam is with you');

    // Both ways, with typing indicators and read marks.
    const transcript = desk.getByRole('log');
    await page.getByLabel('Type a message', { exact: true }).pressSequentially('Which date do I give');
    await expect.poll(() => desk.locator('.typing').textContent(), poll).toContain(`${person.givenName} is typing…`);
    await page.keyboard.type('?');
    await page.keyboard.press('Enter');
    await expect.poll(() => transcript.textContent(), poll).toContain('Which date do I give?');
    await expect.poll(() => desk.locator('.typing').textContent(), poll).not.toContain('typing');
    await expect.poll(() => page.locator('.entry.mine .meta').last().textContent(), poll).toContain('Read');

    const composer = desk.getByLabel(`Message to ${NAME}`);
    await composer.pressSequentially('The date you last entered Canada.');
    await expect.poll(() => page.locator('.help .typing').textContent(), poll).toBe('Adam is typing…');
    await page.screenshot({ path: 'test-results/screens/agent-02-applicant-sees-typing-en.png' });
    await desk.getByLabel('Link (optional)').fill('https://www.canada.ca/en/immigration-refugees-citizenship.html');
    await composer.press('Enter');
    await expect.poll(() => log(page).textContent(), poll).toContain('The date you last entered Canada.');
    const shared = log(page).getByRole('link', { name: /www\.canada\.ca/ });
    expect(await shared.getAttribute('href')).toBe('https://www.canada.ca/en/immigration-refugees-citizenship.html');
    expect(await shared.getAttribute('rel')).toBe('external noopener noreferrer');
    expect(await log(page).textContent()).toContain('Adam, support team');
    await expect.poll(() => desk.locator('li.mine .mark').last().textContent(), poll).toContain('Read');
    await expect.poll(() => page.locator('.help .typing').textContent(), poll).toBe('');

    // An internal note stays with staff.
    await desk.getByLabel('Note', { exact: true }).fill('Unsure about the entry date; explained.');
    await desk.getByRole('button', { name: 'Add the note' }).click();
    await expect.poll(() => transcript.locator('li.internal').textContent(), poll).toMatch(/Internal.*Unsure about the entry date/s);
    expect(await log(page).textContent()).not.toContain('Unsure about the entry date');

    // A suggestion before the review step: the applicant is told where changes are made.
    await desk.getByLabel('Section').selectOption({ label: 'Mailing address' });
    await desk.getByRole('button', { name: 'Suggest', exact: true }).click();
    await expect.poll(() => log(page).textContent(), poll).toContain('Adam suggests going back to your mailing address.');
    expect(await page.locator('.suggestion').textContent()).toContain('You can make this change from the review step, once you reach it.');
    await shoot(desk, '03-chat');

    // The agent's connection drops while the applicant writes: on reconnect the message shows once.
    agentLink.refuse = true;
    agentLink.cut();
    await expect.poll(() => desk.locator('.live').getAttribute('class'), poll).toContain('reconnecting');
    await page.getByLabel('Type a message', { exact: true }).fill('Are you still there?');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.entry.mine').last().textContent(), poll).toContain('Are you still there?');
    agentLink.refuse = false;
    // Socket.IO retries with a growing delay (up to 7.5 s with jitter): leave room for a loaded machine.
    await expect.poll(() => desk.locator('.live').getAttribute('class'), { timeout: 30_000 }).toContain('connected');
    await expect.poll(() => transcript.getByText('Are you still there?', { exact: true }).count(), poll).toBe(1);
    expect(await transcript.getByText('Which date do I give?', { exact: true }).count()).toBe(1);

    // A reload: the queue says the request is with this agent, who continues where they were.
    await desk.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => row.textContent(), poll).toContain('With you');
    await desk.getByRole('button', { name: `Continue the conversation with ${NAME}` }).click();
    await expect.poll(() => transcript.getByText('Are you still there?', { exact: true }).count(), poll).toBe(1);
    expect(await transcript.locator('li.internal').count()).toBe(1);

    // The applicant moves on to the review (their own answers, through their own socket); the agent follows read-only.
    const toReview: ApplicantEventInput[] = [
      { type: 'ANSWER_IN_CANADA', answer: 'yes' },
      { type: 'ANSWER_ENTRY_DATE', date: '2024-03-05' },
      { type: 'DECLARE_PRESENCE' },
      ...(['marital', 'dependants', 'criminal', 'medical'] as const).map((question) => ({
        type: 'ANSWER_CHANGE' as const,
        question,
        answer: 'no' as const,
      })),
      {
        type: 'SUBMIT_ADDRESS',
        kind: 'residential',
        address: { street: '24 Sussex Dr', unit: null, city: 'Ottawa', province: 'ON', postalCode: 'K1M 1M4' },
      },
      { type: 'MAILING_SAME_AS_RESIDENTIAL', same: true },
    ];
    for (const event of toReview) await client.must(event);
    const photo = readFileSync(new URL('../fixtures/photo-valid.jpg', import.meta.url));
    const upload = await http.request('/api/photos', {
      method: 'PUT',
      body: new Uint8Array(photo),
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(upload.status).toBe(201);
    await client.must({ type: 'PHOTO_UPLOADED', photoId: upload.data.photoId });
    const facts = desk.getByRole('region', { name: `Where ${NAME} is` });
    await expect.poll(() => facts.textContent(), poll).toMatch(/Current step\s*Review and sign/);
    expect(await facts.textContent()).toContain('24 Sussex Dr');
    await expect
      .poll(() => facts.getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), poll)
      .toBeGreaterThan(0);
    expect(await facts.getByRole('button').count()).toBe(0);
    await shoot(desk, '04-conversation-at-review');

    // At the review, the suggestion can be accepted: the applicant's own EDIT, back to the mailing address.
    const accept = page.getByRole('button', { name: 'Accept: go back to Mailing address' });
    await expect.poll(() => accept.count(), poll).toBe(1);
    await shoot(page, '05-applicant-suggestion', true);
    await accept.click();
    await expect.poll(() => log(page).textContent(), poll).toContain('I want to change my mailing address.');
    await expect.poll(() => page.locator('.suggestion').textContent(), poll).toContain('Accepted');
    await expect.poll(() => facts.textContent(), poll).toMatch(/Changing\s*Mailing address/);
    const mailingPrompt = 'Should we mail your PR card to this same address?';
    const prompts = () => log(page).getByText(mailingPrompt, { exact: true }).count();
    const before = await prompts();
    expect(before).toBeGreaterThan(0);

    // Leave with an outcome: the assistant takes over and repeats the current question.
    await desk.getByLabel('Outcome').selectOption({ label: 'Resolved' });
    await desk.getByRole('button', { name: 'Leave', exact: true }).click();
    await expect.poll(() => desk.getByText(`You left the conversation with ${NAME}: Resolved.`).count(), poll).toBe(1);
    await expect.poll(() => log(page).textContent(), poll).toContain('The support agent left the conversation.');
    await expect.poll(prompts, poll).toBe(before + 1);
    expect(await page.locator('[id^="entry-"]').last().textContent()).toContain(mailingPrompt);
    await expect.poll(() => page.getByRole('button', { name: 'Help: talk to a person' }).count(), poll).toBe(1);
    await expect.poll(() => row.count(), poll).toBe(0);
    await shoot(page, '06-applicant-after', true);
    await shoot(desk, '07-desk-after');

    // Written in French, the applicant's side reads it all in French.
    await page.getByRole('button', { name: SWITCH.en }).click();
    await expect.poll(() => log(page).textContent(), poll).toContain(fr('Adam vous suggère de revenir à votre adresse postale.'));
  }, 300_000);
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import type { ApplicantEventInput } from '../../src/lib/shared/landing/events';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { useBrowser } from '../support/browser';
import { ConversationClient } from '../support/conversation-client';
import { HttpSession } from '../support/http-session';
import { invitedApplicant } from '../support/invited-applicant';
import { answersBeforePhoto, answersFromPhoto } from '../resilience/support/landing-script';
import { signInStaff } from '../support/staff-page';
import type { TestSocket } from '../support/portal';

const DEMO_PASSWORD = 'demo passphrase for referral tests';
const NEW_PASSWORD = 'a long passphrase for the referred applicant';
const SWITCH = { en: 'Afficher cette page en français', fr: 'Display this page in English' } as const;
const photo = readFileSync(new URL('../fixtures/photo-valid.jpg', import.meta.url));
const poll = { timeout: 15_000 };
const NOTE = 'Says her UCI letter shows another birth date; please check the file.';
const RESOLUTION = 'Birth date checked against the COPR file: correct.';

let app: AppProcess;
let agentContext: BrowserContext | undefined;
let socket: TestSocket | undefined;
beforeAll(async () => {
  app = await startAppProcess({ DEMO_PASSWORD });
});
afterAll(async () => {
  socket?.disconnect();
  await agentContext?.close();
  await app?.stop();
});

const b = useBrowser();

async function signIn(page: Page, username: string, landing: string) {
  await signInStaff(page, app.url, username, DEMO_PASSWORD, landing);
  await expect.poll(() => page.locator('.live').textContent(), poll).toContain('Live');
}

/** The applicant, through their own socket: submitted with a photo waiting, then asking for a person. */
async function submittedApplicant() {
  const { username, password, person } = await invitedApplicant(app.url, DEMO_PASSWORD);
  const http = new HttpSession(app.url);
  expect((await http.post('/api/auth/login', { username, password })).status).toBe(200);
  expect((await http.post('/api/auth/password', { currentPassword: password, newPassword: NEW_PASSWORD })).status).toBe(200);
  socket = io(app.url, { transports: ['websocket'], extraHeaders: { cookie: http.cookieHeader } });
  const client = new ConversationClient(socket);
  await client.sync();
  for (const event of answersBeforePhoto) await client.must(event);
  const upload = await http.request('/api/photos', {
    method: 'PUT',
    body: new Uint8Array(photo),
    headers: { 'content-type': 'image/jpeg' },
  });
  const name = `${person.givenName} ${person.familyName}`;
  const events: ApplicantEventInput[] = [...answersFromPhoto(upload.data.photoId as string, person), { type: 'REQUEST_HELP' }];
  for (const event of events) await client.must(event);
  return { caseId: client.view!.caseId, name };
}

describe('an agent refers an applicant to an officer', () => {
  it('raises a referred flag the officer sees live and filters, which blocks confirmation until resolved, and the agent sees it resolved', async () => {
    const { caseId, name } = await submittedApplicant();

    // The officer watches the board (context 1); the agent works the queue (context 2).
    const board = b.page();
    await board.setViewportSize({ width: 1440, height: 950 });
    await signIn(board, 'officer', '/staff');
    const row = board.locator(`tr[data-case="${caseId}"]`);
    await expect.poll(() => row.locator('td.flags').textContent(), poll).toContain('Help requested');
    expect(await row.locator('td.flags').textContent()).not.toContain('Referred');

    agentContext = await b.browser().newContext({ viewport: { width: 1280, height: 860 } });
    const desk = await agentContext.newPage();
    await signIn(desk, 'agent', '/agent');
    await expect.poll(() => desk.getByText('You have not referred anyone to an officer.').count(), poll).toBe(1);
    await desk.setViewportSize({ width: 1440, height: 950 });
    await desk.getByRole('button', { name: `Join the conversation with ${name}` }).click();
    await expect.poll(() => desk.getByRole('heading', { name: `Conversation with ${name}` }).count(), poll).toBe(1);
    // At 1440 × 950 the message box, the queue and Leave are all in view at once, without scrolling.
    await desk.evaluate(() => window.scrollTo(0, 0));
    const inView = async (locator: ReturnType<Page['locator']>) => {
      const box = (await locator.boundingBox())!;
      const ok = box.y >= 0 && box.y + box.height <= 950;
      if (!ok) console.info('out of view', await locator.evaluate((el) => el.outerHTML.slice(0, 80)), box);
      return ok;
    };
    expect(await inView(desk.getByLabel(`Message to ${name}`))).toBe(true);
    expect(await inView(desk.getByRole('button', { name: 'Leave', exact: true }))).toBe(true);
    expect(await inView(desk.getByRole('heading', { name: 'Waiting for help' }))).toBe(true);
    await b.screenshot('agent-desk-1440x950-en', desk);

    // "Referred to an officer" needs a note for the officer.
    await desk.getByLabel('Outcome').selectOption({ label: 'Referred to an officer' });
    await desk.getByRole('button', { name: 'Leave', exact: true }).click();
    await expect.poll(() => desk.getByText('Write a note for the officer.').count(), poll).toBe(1);
    expect(await desk.evaluate(() => document.activeElement?.id)).toBe('leave-note');
    await desk.getByLabel('Note for the officer').fill(NOTE);
    await desk.getByRole('button', { name: 'Leave', exact: true }).click();
    await expect.poll(() => desk.getByText(`You left the conversation with ${name}: Referred to an officer.`).count(), poll).toBe(1);
    const referral = desk.getByRole('region', { name: 'Your referrals' }).locator(`li[data-case="${caseId}"]`);
    await expect.poll(() => referral.textContent(), poll).toContain('Open: waiting for an officer');
    expect(await referral.textContent()).toContain(NOTE);

    // The officer's board shows it live, and the flag filter finds it (and only referred cases).
    await expect.poll(() => row.locator('td.flags').textContent(), poll).toContain('Referred by an agent');
    await board.getByLabel('Flag', { exact: true }).selectOption({ label: 'Referred by an agent' });
    await expect.poll(() => board.locator('tr[data-case]').count(), poll).toBe(1);
    expect(await row.count()).toBe(1);
    await board.emulateMedia({ reducedMotion: 'reduce' });
    await b.screenshot('referral-board-en', board);
    await board.getByRole('button', { name: SWITCH.en }).click();
    await expect.poll(() => row.locator('td.flags').textContent(), poll).toContain('Confié par le soutien');
    await b.screenshot('referral-board-fr', board);
    await board.getByRole('button', { name: SWITCH.fr }).click();

    // The case view: the agent's note beside the flag; confirmation blocked by it once the photo is approved.
    await board.getByRole('link', { name }).click();
    await board.waitForURL(`**/staff/cases/${caseId}?flag=referred`);
    const flags = board.getByRole('region', { name: 'Flags' });
    await expect.poll(() => flags.textContent(), poll).toContain(`Adam wrote`);
    expect(await flags.textContent()).toContain(NOTE);
    // The photo opens large, in a dialog, zoomable from the keyboard, with the 5:7 frame and the rules.
    const opener = board.getByRole('button', { name: /View large/ });
    await opener.focus();
    await board.keyboard.press('Enter');
    const viewer = board.getByRole('dialog', { name: `Photo of ${name}` });
    await expect.poll(() => viewer.isVisible(), poll).toBe(true);
    const full = viewer.getByRole('img', { name: `PR card photo of ${name}` });
    await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), poll).toBeGreaterThanOrEqual(715);
    expect(await viewer.textContent()).toContain('The dashed line is the 5:7 frame of the card.');
    await board.keyboard.press('+');
    await board.keyboard.press('+');
    await expect.poll(() => viewer.locator('.level').textContent(), poll).toBe('200 %');
    await b.screenshot('photo-viewer-en', board);
    await board.getByRole('button', { name: SWITCH.en }).evaluate((button: HTMLButtonElement) => button.click());
    await expect
      .poll(() => board.getByRole('dialog', { name: `Photo de ${name}` }).textContent(), poll)
      .toContain('La ligne pointillée est le cadre 5:7 de la carte.');
    await b.screenshot('photo-viewer-fr', board);
    await board.getByRole('button', { name: SWITCH.fr }).evaluate((button: HTMLButtonElement) => button.click());
    await board.keyboard.press('Escape');
    await expect.poll(() => viewer.isVisible(), poll).toBe(false);
    expect(await board.evaluate(() => document.activeElement?.classList.contains('open'))).toBe(true);
    // Approve is the safe, filled green action; reject is outlined red.
    const approve = board.getByRole('button', { name: 'Approve photo' });
    expect(await approve.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(30, 107, 58)');
    expect(await board.getByRole('button', { name: 'Reject photo' }).evaluate((el) => getComputedStyle(el).color)).toBe('rgb(164, 22, 26)');

    // Shortcuts: r opens the reject reason; a typed in that field does nothing; a approves from elsewhere.
    await board.keyboard.press('r');
    expect(await board.evaluate(() => document.activeElement?.id)).toBe('reject-reason');
    await board.keyboard.press('a');
    expect(await board.getByText('Photo approved. The applicant has been told.').count()).toBe(0);
    await board.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await board.keyboard.press('a');
    await expect.poll(() => board.locator('#confirm-why').textContent(), poll).toContain('1 flag is still open.');
    const ready = async () =>
      ((await (await board.request.get(`${app.url}/api/board?flag=ready_to_confirm`)).json()) as { rows: { caseId: string }[] }).rows.map(
        (r) => r.caseId,
      );
    expect(await ready()).not.toContain(caseId);
    const confirm = board.getByRole('button', { name: 'Confirm PR' });
    expect(await confirm.getAttribute('aria-disabled')).toBe('true');
    const refused = await board.request.post(`${app.url}/api/staff/cases/${caseId}/confirm`, { headers: { origin: app.url } });
    expect(refused.status()).toBe(422);
    expect((await refused.json()).code).toBe('event_refused');
    await b.screenshot('referral-case-en', board);

    // Resolved with a note: confirmation is open, and the agent's desk shows it resolved, live.
    await board.getByLabel('Resolution note').fill(RESOLUTION);
    await board.getByRole('button', { name: 'Resolve “Referred by an agent”' }).click();
    await expect.poll(() => board.getByText('No open flags.').count(), poll).toBe(1);
    await expect.poll(() => confirm.getAttribute('aria-disabled'), poll).toBe('false');
    // Photo approved and no open flag: the case is in the "Ready to confirm" filter.
    expect(await ready()).toContain(caseId);
    await expect.poll(() => board.locator('.case-header').textContent(), poll).toContain('Ready to confirm');
    await expect.poll(() => referral.textContent(), poll).toContain('Resolved by an officer');
    expect(await referral.textContent()).toContain(RESOLUTION);
    await expect
      .poll(
        () =>
          desk
            .getByRole('status')
            .filter({ hasText: `The referral of ${name} was resolved by an officer.` })
            .count(),
        poll,
      )
      .toBe(1);
    await b.screenshot('referral-desk-en', desk);
    await desk.getByRole('button', { name: SWITCH.en }).click();
    const frenchReferral = desk.getByRole('region', { name: 'Vos dossiers confiés' }).locator(`li[data-case="${caseId}"]`);
    await expect.poll(() => frenchReferral.textContent(), poll).toContain('Résolu par un agent d’immigration');
    await b.screenshot('referral-desk-fr', desk);
    const audit = board.getByRole('region', { name: 'Audit trail' });
    await board.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => audit.textContent(), poll).toContain('Referred to an officer');

    // The "Ready to confirm" filter is a queue of work: chosen there, confirmed after one question naming them.
    await board.goto(`${app.url}/staff?flag=ready_to_confirm`, { waitUntil: 'networkidle' });
    const bulk = board.getByRole('region', { name: 'Confirm several cases' });
    await expect.poll(() => bulk.getByRole('checkbox').count(), poll).toBeGreaterThanOrEqual(1);
    await b.screenshot('ready-queue-en', board);
    await board.getByRole('button', { name: SWITCH.en }).click();
    await expect.poll(() => board.getAttribute('html', 'lang')).toBe('fr');
    await b.screenshot('ready-queue-fr', board);
    await board.getByRole('button', { name: SWITCH.fr }).click();
    await expect.poll(() => board.getAttribute('html', 'lang')).toBe('en');
    await bulk
      .getByRole('checkbox', { name: new RegExp(name) })
      .first()
      .check();
    await bulk.getByRole('button', { name: /Confirm PR for the selected \(1\)/ }).click();
    const question = board.getByRole('dialog', { name: 'Please confirm' });
    await expect.poll(() => question.textContent(), poll).toContain(`Confirm permanent residence for ${name}?`);
    await b.screenshot('bulk-confirm-en', board);
    await question.getByRole('button', { name: 'Confirm 1' }).click();
    await expect.poll(() => bulk.textContent(), poll).toContain('Confirmed: 1.');
    await expect
      .poll(
        async () =>
          ((await (await board.request.get(`${app.url}/api/staff/cases/${caseId}`)).json()) as { row: { step: string } }).row.step,
        poll,
      )
      .toBe('confirmed');
  }, 240_000);
});

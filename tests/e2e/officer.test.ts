import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { io } from 'socket.io-client';
import type { ApplicantEventInput } from '../../src/lib/shared/landing/events';
import { tokenFromLink } from '../fixtures/applications';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { useBrowser } from '../support/browser';
import { ConversationClient } from '../support/conversation-client';
import { HttpSession } from '../support/http-session';
import { invitedApplicant } from '../support/invited-applicant';
import { pdfTextLines } from '../support/pdf-reader';
import { formatUci } from '../../src/lib/shared/application.schemas';
import type { TestSocket } from '../support/portal';

const DEMO_PASSWORD = 'demo passphrase for officer tests';
const NEW_PASSWORD = 'a long passphrase for the applicant';
const photo = readFileSync(new URL('../fixtures/photo-valid.jpg', import.meta.url));
const address = { street: '24 Sussex Dr', unit: null, city: 'Ottawa', province: 'ON' as const, postalCode: 'K1M 1M4' };

let app: AppProcess;
const sockets: TestSocket[] = [];
beforeAll(async () => {
  app = await startAppProcess({ DEMO_PASSWORD });
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await app?.stop();
});

const b = useBrowser();
const SWITCH = { en: 'Afficher cette page en français', fr: 'Display this page in English' } as const;
const poll = { timeout: 10_000 };

interface Mail {
  to: string;
  text: string;
  links: string[];
}

async function mailTo(address: string, wanted: (mail: Mail) => boolean): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        const mails = (await (await fetch(`${app.url}/api/dev/mailbox?to=${encodeURIComponent(address)}`)).json()) as Mail[];
        found = mails.find(wanted);
        return found !== undefined;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

/** Signs an applicant in (first password changed) and connects their conversation as the chat page does. */
async function connectApplicant(username: string, password: string) {
  const http = new HttpSession(app.url);
  expect((await http.post('/api/auth/login', { username, password })).status).toBe(200);
  expect((await http.post('/api/auth/password', { currentPassword: password, newPassword: NEW_PASSWORD })).status).toBe(200);
  const socket: TestSocket = io(app.url, { transports: ['websocket'], extraHeaders: { cookie: http.cookieHeader } });
  sockets.push(socket);
  const client = new ConversationClient(socket);
  await client.sync();
  return { http, client };
}

let numbers = 0;
/** Another application registered by the demo officer; `accept` also accepts it and signs the person in. */
async function otherApplication(officer: HttpSession, people: [string, string][], accept: boolean) {
  const stamp = `${Date.now()}${numbers++}`.slice(-8);
  const email = `family.${stamp}@example.com`;
  const body = {
    applicationNumber: `E3${stamp}`,
    people: people.map(([givenName, familyName], i) => ({
      role: i === 0 ? 'principal' : 'spouse',
      givenName,
      familyName,
      dateOfBirth: '1990-06-0' + (i + 1),
      uci: `${i + 4}${stamp.slice(1)}`,
      email,
      lang: 'fr',
    })),
  };
  expect((await officer.post('/api/applications', body)).status).toBe(201);
  if (!accept) return null;
  const invitation = await mailTo(email, (m) => m.text.includes(people[0]![0]) && m.links.some((l) => l.includes('answer=accept')));
  expect(
    (
      await new HttpSession(app.url).post(
        `/api/invitations/${tokenFromLink(invitation.links.find((l) => l.includes('answer=accept'))!)}/accept`,
      )
    ).status,
  ).toBe(200);
  const credentials = await mailTo(email, (m) => !m.links.some((l) => l.includes('/invitations/')));
  const username = /(?:Username|Nom d’utilisateur)\s*:?\s*([a-z.]+-\d{4})/i.exec(credentials.text)![1]!;
  const password = /([A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4})/.exec(credentials.text)![1]!;
  return connectApplicant(username, password);
}

async function pressButton(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
}

/** Screenshots a screen in English, French and at phone width (highlights settled), then puts English back. */
async function shoot(page: Page, name: string) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await b.screenshot(`officer-${name}-en`);
  await pressButton(page, SWITCH.en);
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fr');
  await b.screenshot(`officer-${name}-fr`);
  await page.setViewportSize({ width: 360, height: 780 });
  await b.screenshot(`officer-${name}-phone`);
  await page.setViewportSize({ width: 1280, height: 860 });
  await pressButton(page, SWITCH.fr);
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
}

describe('the officers’ live board and case view', () => {
  it('follows an applicant step by step without reloading, then reviews the photo and the flag and confirms PR', async () => {
    const applicant = await invitedApplicant(app.url, DEMO_PASSWORD);
    const { http, client } = await connectApplicant(applicant.username, applicant.password);
    const caseId = client.view!.caseId;
    const officer = new HttpSession(app.url);
    await officer.post('/api/auth/login', { username: 'officer', password: DEMO_PASSWORD });
    await officer.post('/api/auth/totp/skip');
    const { personName: name, uci } = (await officer.request(`/api/staff/cases/${caseId}`)).data.row as { personName: string; uci: string };
    await otherApplication(
      officer,
      [
        ['Lin', 'Chen'],
        ['Wei', 'Chen'],
      ],
      false,
    );
    const other = (await otherApplication(officer, [['Amélie', 'Nguyen']], true))!;

    const page = b.page();
    await page.goto(`${app.url}/signin`, { waitUntil: 'networkidle' });
    await page.getByLabel('Username', { exact: true }).fill('officer');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/account/two-step');
    await pressButton(page, 'Skip for now (demo)');
    await page.waitForURL('**/staff');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Officer dashboard');
    await expect.poll(() => page.locator('.live').textContent(), poll).toContain('Live');
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    // Server-side search by UCI: only this applicant's row, and the CSV export carries the filter.
    await page.getByLabel('Search', { exact: true }).fill(uci);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('tr[data-case]').count(), poll).toBe(1);
    const row = page.locator(`tr[data-case="${caseId}"]`);
    const csv = await page.request.get(`${app.url}${await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')}`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(2);

    const funnel = (step: string) => page.locator(`.funnel tr[data-step="${step}"] .n`).textContent().then(Number);
    const atWelcome = await funnel('welcome');
    const atIdentity = await funnel('identity');
    expect(await row.locator('td.step').textContent()).toBe('Welcome');

    /** The applicant answers; the officer's row must show `step` without a reload. */
    const moves = async (step: string, ...events: ApplicantEventInput[]) => {
      for (const event of events) await client.must(event);
      await expect.poll(() => row.locator('td.step').textContent(), poll).toBe(step);
    };
    await moves('Identity check', { type: 'ACKNOWLEDGE' });
    await expect.poll(() => funnel('welcome'), poll).toBe(atWelcome - 1);
    expect(await funnel('identity')).toBe(atIdentity + 1);
    expect(await row.getAttribute('class')).toMatch(/flash-[ab]/);
    await moves('Presence in Canada', { type: 'CONFIRM_IDENTITY', answer: 'yes' });
    await moves(
      'Changes since approval',
      { type: 'ANSWER_IN_CANADA', answer: 'yes' },
      { type: 'ANSWER_ENTRY_DATE', date: '2024-03-05' },
      { type: 'DECLARE_PRESENCE' },
    );
    await moves(
      'Home address',
      { type: 'ANSWER_CHANGE', question: 'marital', answer: 'yes' },
      ...(['dependants', 'criminal', 'medical'] as const).map((question) => ({
        type: 'ANSWER_CHANGE' as const,
        question,
        answer: 'no' as const,
      })),
      { type: 'EXPLAIN_CHANGES', text: 'We married in May.' },
    );
    expect(await row.locator('td.flags').textContent()).toContain('Changes declared');
    await moves('Mailing address', { type: 'SUBMIT_ADDRESS', kind: 'residential', address });
    await moves('Photo', { type: 'MAILING_SAME_AS_RESIDENTIAL', same: true });
    const upload = async () => (await http.request('/api/photos', { method: 'PUT', body: new Uint8Array(photo) })).data.photoId as string;
    await moves('Review and sign', { type: 'PHOTO_UPLOADED', photoId: await upload() });
    await moves('Submitted for review', { type: 'SIGN', signature: name });
    await expect.poll(() => row.locator('td.flags').textContent(), poll).toContain('Photo waiting');

    // A case that is not on this page changes: counted, not shuffled in.
    await other.client.must({ type: 'ACKNOWLEDGE' });
    await other.client.must({ type: 'REQUEST_HELP' });
    const updates = page.getByRole('button', { name: /updates? — refresh/ });
    await expect.poll(async () => (await updates.textContent())?.trim(), poll).toBe('1 update — refresh');
    expect(await page.locator('tr[data-case]').count()).toBe(1);
    await updates.click();
    await expect.poll(() => updates.count(), poll).toBe(0);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.locator('tr[data-case]').count(), poll).toBeGreaterThanOrEqual(6);
    await pressButton(page, 'Person');
    await expect.poll(() => page.locator('th[aria-sort]').textContent(), poll).toContain('Person');
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
    await shoot(page, 'board');

    // The case view: every answer, the photo, the flag, the transcript; live while the applicant acts.
    await page.getByRole('link', { name }).click();
    // The case view carries the board's query, for "next case".
    await page.waitForURL(`**/staff/cases/${caseId}?sort=personName&dir=asc`);
    await expect.poll(() => page.getByRole('region', { name: 'Answers' }).textContent(), poll).toContain('We married in May.');
    const answers = (await page.getByRole('region', { name: 'Answers' }).textContent())!;
    expect(answers).toContain('24 Sussex Dr, Ottawa ON K1M 1M4');
    expect(answers).toContain(name);
    const confirm = page.getByRole('button', { name: 'Confirm PR' });
    expect(await confirm.getAttribute('aria-disabled')).toBe('true');
    expect(await page.locator('#confirm-why').textContent()).toContain('the photo is not approved');
    await shoot(page, 'case');

    await page.getByLabel('Reason').selectOption({ label: 'Too dark' });
    await page.getByRole('button', { name: 'Reject photo' }).click();
    await expect.poll(() => page.getByText('Photo rejected. The applicant has been asked for a new one.').count(), poll).toBe(1);
    await expect.poll(() => client.view?.step, poll).toBe('photoRejected');
    await expect.poll(() => page.locator('.case-header .step').textContent(), poll).toBe('Photo rejected');
    const internal = page.getByRole('log').locator('li.internal');
    await expect.poll(() => internal.last().textContent(), poll).toMatch(/Internal.*Photo rejected \(Too dark\)/s);

    const second = await upload();
    await client.must({ type: 'PHOTO_UPLOADED', photoId: second });
    expect(client.view?.step).toBe('submitted');
    await expect
      .poll(() => page.getByRole('img', { name: `PR card photo of ${name}` }).getAttribute('src'), poll)
      .toBe(`/api/photos/${second}`);
    await page.getByRole('button', { name: 'Approve photo' }).click();
    await expect.poll(() => page.getByText('Photo approved. The applicant has been told.').count(), poll).toBe(1);
    await expect.poll(() => page.locator('#confirm-why').textContent(), poll).toContain('1 flag is still open.');
    expect(await confirm.getAttribute('aria-disabled')).toBe('true');

    await page.getByLabel('Resolution note').fill('Marriage certificate on file.');
    await page.getByRole('button', { name: 'Resolve “Changes declared”' }).click();
    await expect.poll(() => page.getByText('No open flags.').count(), poll).toBe(1);
    await expect.poll(() => confirm.getAttribute('aria-disabled'), poll).toBe('false');
    await confirm.click();
    await page.getByRole('dialog', { name: 'Confirm permanent residence' }).getByRole('button', { name: 'Confirm PR' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Permanent residence confirmed.' }).textContent(), poll)
      .toMatch(/eCOPR ECOPR-\S+ issued/);
    await expect.poll(() => page.locator('.case-header .step').textContent(), poll).toBe('PR confirmed');
    const shown = (await page.locator('.document').textContent())!.trim();
    await b.screenshot('officer-case-confirmed-en');

    // The applicant's side: confirmed, with the same document number, and the audit trail has it all.
    await expect.poll(() => client.view?.step, poll).toBe('confirmed');
    expect(client.view?.confirmation?.documentNumber).toBe(shown);
    const ecopr = await fetch(`${app.url}/api/ecopr`, { headers: { cookie: http.cookieHeader } });
    expect(ecopr.status).toBe(200);
    expect(ecopr.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await ecopr.arrayBuffer());
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = pdfTextLines(pdf).join('\n');
    expect(text).toContain(shown);
    expect(text).toContain(formatUci(uci));
    for (const part of name.split(' ')) expect(text).toContain(part);

    // The public check: genuine, with only the holder's initials and the date of PR.
    const checker = await b.browser().newPage();
    await checker.goto(`${app.url}/verify/${shown}`, { waitUntil: 'networkidle' });
    await expect.poll(() => checker.locator('main').textContent(), poll).toMatch(/Genuine document|Document authentique/);
    const verdict = (await checker.locator('main').textContent())!;
    expect(verdict).not.toContain(name);
    expect(verdict).not.toContain(uci);
    await b.screenshot('verify-genuine-en', checker);
    await checker.goto(`${app.url}/verify/ECOPR-2222-3333-4444`, { waitUntil: 'networkidle' });
    await expect.poll(() => checker.locator('main').textContent(), poll).toMatch(/Document not found|Document introuvable/);
    await checker.close();
    const audit = page.getByRole('region', { name: 'Audit trail' });
    for (const action of ['Rejected the photo', 'Approved the photo', 'Resolved a flag', 'Confirmed permanent residence'])
      await expect.poll(() => audit.textContent(), poll).toContain(action);
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);

    await page.goto(`${app.url}/staff/cases/case-00000000-0000-0000-0000-000000000000`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.getByText('There is no such case.').count(), poll).toBe(1);
  }, 240_000);
});

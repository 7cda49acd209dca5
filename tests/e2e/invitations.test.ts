import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useAppProcess } from '../support/use-app-process';
import { useBrowser } from '../support/browser';

const DEMO_PASSWORD = 'demo passphrase for tests';
const FAMILY_EMAIL = 'santos.family@example.com';
const CHILD_EMAIL = 'lia.parent@example.com';
const app = useAppProcess({ DEMO_PASSWORD });

const b = useBrowser();
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
});

interface Mail {
  to: string;
  subject: string;
  text: string;
  links: string[];
}

/** Polls the dev mailbox (the outbox worker sends every second) until `count` emails to `to` match. */
async function mailTo(to: string, count: number, match: (mail: Mail) => boolean): Promise<Mail[]> {
  let found: Mail[] = [];
  await expect
    .poll(
      async () => {
        const all = (await (await fetch(`${app().url}/api/dev/mailbox?to=${encodeURIComponent(to)}`)).json()) as Mail[];
        found = all.filter(match);
        return found.length;
      },
      { timeout: 20_000, interval: 300 },
    )
    .toBe(count);
  return found;
}

const isInvitation = (name: string) => (m: Mail) => m.text.includes(name) && m.links.some((l) => l.includes('/invitations/'));
const isCredentials = (name: string) => (m: Mail) => m.text.includes(name) && !m.links.some((l) => l.includes('/invitations/'));
const linkIn = (mail: Mail, answer: 'accept' | 'decline') => mail.links.find((l) => l.endsWith(`?answer=${answer}`))!;
function credentialsIn(mail: Mail) {
  return {
    username: /(?:Username|Nom d’utilisateur)\s*:?\s*([a-z.]+-\d{4})/i.exec(mail.text)![1]!,
    password: /([A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4})/.exec(mail.text)![1]!,
  };
}

async function pressButton(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
}

const classOf = async (page: Page, button: string) =>
  (await page.getByRole('button', { name: button, exact: true }).getAttribute('class')) ?? '';
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const lang = (page: Page) => page.getAttribute('html', 'lang');
const focused = (page: Page) => page.evaluate(() => `${document.activeElement?.id ?? ''} ${document.activeElement?.className ?? ''}`);

/** Screenshots a screen in its language, then the other one (switched with the keyboard) and at phone width, then switches back. */
async function shoot(page: Page, name: string) {
  const first = (await lang(page)) as 'en' | 'fr';
  const second = first === 'en' ? 'fr' : 'en';
  const switchLabel = { en: 'Afficher cette page en français', fr: 'Display this page in English' };
  await b.screenshot(`invitations-${name}-${first}`, page);
  await pressButton(page, switchLabel[first]);
  await expect.poll(() => lang(page)).toBe(second);
  await b.screenshot(`invitations-${name}-${second}`, page);
  await page.setViewportSize({ width: 360, height: 780 });
  await b.screenshot(`invitations-${name}-phone`, page);
  await page.setViewportSize({ width: 1280, height: 860 });
  await pressButton(page, switchLabel[second]);
  await expect.poll(() => lang(page)).toBe(first);
}

async function newPage(): Promise<Page> {
  const context = await b.browser().newContext({ viewport: { width: 1280, height: 860 } });
  contexts.push(context);
  return context.newPage();
}

async function signInOfficer(page: Page) {
  await page.goto(`${app().url}/signin`, { waitUntil: 'networkidle' });
  await page.getByLabel('Username', { exact: true }).fill('officer');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/account/two-step');
  await pressButton(page, 'Skip for now (demo)');
  await page.waitForURL('**/staff');
}

const card = (page: Page, n: number) => page.getByRole('region', { name: new RegExp(`^Person ${n}:`) });

async function fillPerson(
  page: Page,
  n: number,
  person: { role: string; given: string; family: string; born: string; uci: string; email: string; lang: 'English' | 'French' },
) {
  const region = card(page, n);
  await region.getByLabel('Role').selectOption({ label: person.role });
  await region.getByLabel('Given name').fill(person.given);
  await region.getByLabel('Family name').fill(person.family);
  await region.getByLabel('Date of birth').fill(person.born);
  await region.getByLabel('UCI (client ID)').fill(person.uci);
  await region.getByLabel('Email address').fill(person.email);
  await region.getByLabel(person.lang, { exact: true }).check();
}

let applicationPath = '';
const tokens = {} as Record<'maria' | 'joao' | 'lia', { accept: string; decline: string }>;

describe('registering an application and answering invitations', () => {
  it('lets an officer register a family through the form, with each problem shown at its person and field', async () => {
    const page = b.page();
    await signInOfficer(page);
    await page.getByRole('navigation', { name: 'Officer pages' }).getByRole('link', { name: 'Register an application' }).press('Enter');
    await page.waitForURL('**/staff/applications/new');
    expect(await heading(page)).toBe('Register an approved application');
    await shoot(page, 'register-empty');

    // Client-side checks with the shared schema: the summary takes focus and links to each input.
    await page.getByLabel('Application number').fill('E12');
    await card(page, 1).getByLabel('UCI (client ID)').fill('123');
    await pressButton(page, 'Register and send invitations');
    await expect.poll(() => focused(page)).toContain('error-summary');
    const summary = page.locator('.error-summary');
    expect(await summary.textContent()).toContain('Enter the application number as one letter and 9 digits');
    expect(await summary.textContent()).toContain('Person 1: Enter a UCI of 8 or 10 digits');
    // A person may have one name only: the given name may stay empty, the family name may not.
    expect(await summary.textContent()).not.toContain('given name');
    await summary.getByRole('link', { name: 'Person 1: Enter the family name.' }).press('Enter');
    expect(await focused(page)).toContain('person-1-familyName');
    expect(await page.locator('#person-1-uci').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#person-1-uci').getAttribute('aria-describedby')).toContain('person-1-uci-error');
    await shoot(page, 'register-errors');

    await page.getByLabel('Application number').fill('E001234567');
    await fillPerson(page, 1, {
      role: 'Principal applicant',
      given: 'Maria',
      family: 'Santos',
      born: '1988-04-12',
      uci: '1100-0001',
      email: FAMILY_EMAIL,
      lang: 'English',
    });
    await pressButton(page, 'Add a family member');
    expect(await focused(page)).toContain('person-2-role');
    await fillPerson(page, 2, {
      role: 'Spouse or partner',
      given: 'João',
      family: 'Santos',
      born: '1986-09-30',
      uci: '22-0000-0002',
      email: FAMILY_EMAIL,
      lang: 'French',
    });
    await pressButton(page, 'Add a family member');
    await pressButton(page, 'Add a family member');
    await pressButton(page, 'Remove person 4');
    expect(await page.getByRole('region', { name: /^Person \d:/ }).count()).toBe(3);
    await fillPerson(page, 3, {
      role: 'Dependant',
      given: 'Lia',
      family: 'Santos',
      born: '2015-02-01',
      uci: '33000003',
      email: CHILD_EMAIL,
      lang: 'English',
    });
    expect(await page.locator('#shared-email-hint').textContent()).toContain('each get their own invitation');
    await b.screenshot('invitations-register-filled-en', page);
    await pressButton(page, 'Register and send invitations');

    await page.waitForURL(/\/staff\/applications\/[0-9a-f-]{36}\?registered=1$/);
    applicationPath = new URL(page.url()).pathname;
    await expect.poll(() => heading(page)).toBe('Application E001234567');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? '')).toContain('notice');
    expect(await page.locator('.badge').allTextContents()).toEqual(['Sent', 'Sent', 'Sent']);
    await shoot(page, 'application-registered');

    const [maria] = await mailTo(FAMILY_EMAIL, 1, isInvitation('Maria Santos'));
    const [joao] = await mailTo(FAMILY_EMAIL, 1, isInvitation('João Santos'));
    const [lia] = await mailTo(CHILD_EMAIL, 1, isInvitation('Lia Santos'));
    for (const [who, mail] of Object.entries({ maria, joao, lia }))
      tokens[who as keyof typeof tokens] = { accept: linkIn(mail!, 'accept'), decline: linkIn(mail!, 'decline') };
    expect(new Set(Object.values(tokens).map((t) => t.accept)).size).toBe(3);
  });

  it('gives the two people who share an email their own accounts when each accepts, and records the child’s decline', async () => {
    const people = [
      {
        key: 'maria',
        given: 'Maria',
        question: 'Hello Maria — do you want to finish landing online?',
        accept: 'Yes, I want to finish online',
        done: 'Check your email, Maria',
      },
      {
        key: 'joao',
        given: 'João',
        question: 'Bonjour João — voulez-vous terminer votre établissement en ligne\u202f?',
        accept: 'Oui, je veux terminer en ligne',
        done: 'Consultez vos courriels, João',
      },
    ] as const;
    const accounts: { username: string; password: string }[] = [];
    for (const person of people) {
      const page = await newPage();
      await page.goto(tokens[person.key].accept, { waitUntil: 'networkidle' });
      // Opening the link (as an email scanner would) answers nothing: the question waits for a button.
      await expect.poll(() => heading(page)).toBe(person.question);
      expect(await classOf(page, person.accept)).not.toContain('secondary');
      if (person.key === 'maria') await shoot(page, 'open-accept');
      else await shoot(page, 'open-french');
      await pressButton(page, person.accept);
      await expect.poll(() => heading(page)).toBe(person.done);
      expect(await focused(page)).toContain('invitation-title');
      if (person.key === 'maria') await shoot(page, 'accepted');

      const [credentials] = await mailTo(FAMILY_EMAIL, 1, isCredentials(`${person.given} Santos`));
      const account = credentialsIn(credentials!);
      accounts.push(account);
      await page.getByRole('link', { name: person.key === 'maria' ? 'Go to sign in' : 'Aller à la connexion' }).press('Enter');
      await page.waitForURL('**/signin');
      await page.locator('#username').fill(account.username);
      await page.locator('#password').fill(account.password);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/account/password');
      await page.locator('#current-password').fill(account.password);
      await page.locator('#new-password').fill(`my own landing passphrase ${person.key}`);
      await page.locator('#confirm-password').fill(`my own landing passphrase ${person.key}`);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/conversation');
      await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain(person.given);
      expect(await page.locator('header.site-header').textContent()).toContain(`${person.given} Santos`);
      const other = people.find((p) => p.key !== person.key)!.given;
      expect(await page.locator('main').textContent()).not.toContain(other);
    }
    expect(accounts[0]!.username).not.toBe(accounts[1]!.username);
    expect(accounts[0]!.password).not.toBe(accounts[1]!.password);

    const child = await newPage();
    await child.goto(tokens.lia.decline, { waitUntil: 'networkidle' });
    await expect.poll(() => heading(child)).toBe('Hello Lia — do you want to finish landing online?');
    expect(await classOf(child, 'No, I prefer an in-person appointment')).not.toContain('secondary');
    expect(await classOf(child, 'Yes, I want to finish online')).toContain('secondary');
    await shoot(child, 'open-decline');
    await pressButton(child, 'No, I prefer an in-person appointment');
    await expect.poll(() => heading(child)).toBe('Thank you, Lia. We have your answer');
    await shoot(child, 'declined');

    // A link works once: opening Maria's accept link again explains it kindly.
    await child.goto(tokens.maria.accept, { waitUntil: 'networkidle' });
    await expect.poll(() => heading(child)).toBe('This link was already used');
    await shoot(child, 'used');
    await child.goto(`${app().url}/invitations/${'A'.repeat(43)}`, { waitUntil: 'networkidle' });
    await expect.poll(() => heading(child)).toBe('We do not recognize this link');
    await shoot(child, 'unknown');
  }, 180_000);

  it('shows the officer accepted, accepted, declined, and lets them resend and revoke with confirmation', async () => {
    const page = b.page();
    await signInOfficer(page);
    await page.getByRole('link', { name: 'Invitations', exact: true }).press('Enter');
    await page.waitForURL('**/staff/invitations');
    const row = page.getByRole('article', { name: 'E001234567' });
    await expect.poll(() => row.locator('.badge').allTextContents()).toEqual(['Accepted', 'Accepted', 'Declined']);
    expect(await page.getByRole('region', { name: 'Invitations by state' }).textContent()).toMatch(/2\s*Accepted[\s\S]*1\s*Declined/);
    await shoot(page, 'list');

    await page.getByLabel('Search', { exact: true }).fill('3300-0003');
    await pressButton(page, 'Search');
    await expect.poll(() => new URL(page.url()).search).toBe('?search=3300-0003');
    await expect.poll(() => page.getByRole('article').count()).toBe(1);
    await page.getByLabel('Invitation state').selectOption('sent');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('No application matches');
    await page.getByLabel('Invitation state').selectOption('declined');
    await expect.poll(() => page.getByRole('article').count()).toBe(1);
    await b.screenshot('invitations-list-filtered-en', page);

    await row.getByRole('link', { name: 'E001234567' }).press('Enter');
    await page.waitForURL(`**${applicationPath}`);
    await expect.poll(() => page.locator('.badge').allTextContents()).toEqual(['Accepted', 'Accepted', 'Declined']);
    expect(await page.locator('.guidance').textContent()).toContain('Declined: arrange an in-person landing');
    expect(await page.getByRole('button', { name: /Resend invitation to Maria/ }).count()).toBe(0);
    await shoot(page, 'application-answered');

    await pressButton(page, 'Resend invitation to Lia Santos');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    expect(await page.getByRole('dialog').textContent()).toContain(CHILD_EMAIL);
    await b.screenshot('invitations-confirm-resend-en', page);
    await page.getByRole('dialog').getByRole('button', { name: 'Resend invitation', exact: true }).press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('A new invitation was sent to Lia Santos.');
    await expect.poll(() => page.locator('.badge').allTextContents()).toEqual(['Accepted', 'Accepted', 'Sent']);
    await mailTo(CHILD_EMAIL, 2, isInvitation('Lia Santos'));

    await pressButton(page, 'Revoke invitation of Lia Santos');
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke invitation', exact: true }).press('Enter');
    await expect.poll(() => page.locator('.badge').allTextContents()).toEqual(['Accepted', 'Accepted', 'Revoked']);
    expect(await focused(page)).toMatch(/person-.*-name/);
    const [newest] = await mailTo(CHILD_EMAIL, 2, isInvitation('Lia Santos'));
    const child = await newPage();
    await child.goto(linkIn(newest!, 'accept'), { waitUntil: 'networkidle' });
    await expect.poll(() => heading(child)).toBe('This link no longer works');
    await shoot(child, 'revoked');
  }, 120_000);

  it('maps the server’s refusals to the exact field and person', async () => {
    const page = b.page();
    await signInOfficer(page);
    await page.goto(`${app().url}/staff/applications/new`, { waitUntil: 'networkidle' });
    await page.getByLabel('Application number').fill('e001234567');
    await fillPerson(page, 1, {
      role: 'Principal applicant',
      given: 'Ana',
      family: 'Lima',
      born: '1990-01-01',
      uci: '44000004',
      email: 'ana@example.com',
      lang: 'English',
    });
    await pressButton(page, 'Register and send invitations');
    await expect.poll(() => page.locator('#application-number-error').textContent()).toContain('already registered');

    await page.getByLabel('Application number').fill('E009999999');
    await pressButton(page, 'Add a family member');
    await fillPerson(page, 2, {
      role: 'Spouse or partner',
      given: 'Rui',
      family: 'Lima',
      born: '1989-01-01',
      uci: '2200000002',
      email: 'ana@example.com',
      lang: 'French',
    });
    await pressButton(page, 'Register and send invitations');
    await expect.poll(() => page.locator('#person-2-uci-error').textContent()).toContain('already registered on another application');
    expect(await page.locator('#person-1-uci').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('.error-summary').textContent()).toContain('Person 2: A person with this UCI');
    await expect.poll(() => focused(page)).toContain('error-summary');
    await shoot(page, 'register-conflict');
  });
});

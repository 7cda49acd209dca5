import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translateKey } from '../../src/lib/i18n/messages';
import { tokenFromLink } from '../fixtures/applications';
import { createUser, signIn } from '../fixtures/users';
import { HttpSession } from '../support/http-session';
import { ManualClock, useTestPortal } from '../support/portal';
import { ConversationClient } from '../support/conversation-client';

const clock = new ManualClock(new Date());
const t = useTestPortal('every-name', { clock });

interface Mail {
  to: string;
  subject: string;
  text: string;
  links: string[];
}
async function mailbox(): Promise<Mail[]> {
  await t.deliverEmails();
  return (await fetch(t.url('/api/dev/mailbox'))).json();
}

describe('a person with one name only', () => {
  it('is registered, invited, greeted, listed and printed by that one name, in English and French', async () => {
    clock.advance(31_000);
    const officer = await signIn(t.url(), await createUser(t.db(), 'officer'), clock);
    const email = 'sukarno@example.com';
    const created = await officer.post('/api/applications', {
      applicationNumber: 'E123450001',
      people: [
        // No given name at all, and an empty one: both mean "one name only".
        { role: 'principal', familyName: 'Sukarno', dateOfBirth: '1971-06-06', uci: '55501234', email, lang: 'en' },
        {
          role: 'spouse',
          givenName: '  ',
          familyName: 'Fatmawati',
          dateOfBirth: '1973-02-05',
          uci: '55501235',
          email: 'fatmawati@example.com',
          lang: 'fr',
        },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.data.people.map((p: { givenName: string; familyName: string }) => [p.givenName, p.familyName])).toEqual([
      ['', 'Sukarno'],
      ['', 'Fatmawati'],
    ]);

    // The invitation greets the one name, never "Hello ," or "undefined".
    const invitation = (await mailbox()).find((m) => m.to === email)!;
    expect(invitation.text).toContain('Hello Sukarno,');
    expect(invitation.text).toContain('Bonjour Sukarno,');
    expect(invitation.text).not.toMatch(/undefined|Hello ,|Bonjour ,/);
    const french = (await mailbox()).find((m) => m.to === 'fatmawati@example.com')!;
    expect(french.text.indexOf('Bonjour Fatmawati,')).toBeLessThan(french.text.indexOf('Hello Fatmawati,'));
    const token = tokenFromLink(invitation.links.find((l) => l.includes('answer=accept'))!);
    const visitor = new HttpSession(t.url());
    expect((await visitor.request(`/api/invitations/${token}`)).data).toMatchObject({ status: 'open', givenName: 'Sukarno' });
    expect((await visitor.post(`/api/invitations/${token}/accept`)).data).toMatchObject({ givenName: 'Sukarno' });

    // The username is made of the one name.
    const credentials = (await mailbox()).find((m) => m.to === email && !m.links.some((l) => l.includes('/invitations/')))!;
    const username = /(sukarno-\d{4})/.exec(credentials.text)?.[1];
    expect(username).toBeDefined();
    const password = /([A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4})/.exec(credentials.text)![1]!;
    const applicant = new HttpSession(t.url());
    expect((await applicant.post('/api/auth/login', { username, password })).status).toBe(200);
    expect(
      (await applicant.post('/api/auth/password', { currentPassword: password, newPassword: 'one name is a whole name' })).status,
    ).toBe(200);

    // The conversation greets and asks for the signature by the one name.
    const client = new ConversationClient(await t.connect({ cookie: applicant.cookieHeader }));
    await client.sync();
    const said = (lang: 'en' | 'fr') =>
      [...client.entries.values()].map((e) => translateKey(lang, e.message.key, e.message.params)).join('\n');
    expect(said('en')).toContain('Hello Sukarno.');
    expect(said('fr')).toContain('Bonjour Sukarno.');

    // The board lists the one name.
    const board = await officer.request('/api/board?q=Sukarno');
    expect(board.data.rows.map((r: { personName: string }) => r.personName)).toEqual(['Sukarno']);

    // The eCOPR prints it, with the given-name row left empty.
    const { ecopr } = await t.services().ecopr.issue(
      {
        caseId: client.view!.caseId,
        personId: created.data.people[0].id,
        givenName: '',
        familyName: 'Sukarno',
        dateOfBirth: '1971-06-06',
        uci: '55501234',
        applicationNumber: 'E123450001',
        mailingAddress: '24 Sussex Dr, Ottawa ON K1M 1M4',
        lang: 'en',
      },
      clock.now(),
    );
    const { bytes } = await t.services().ecopr.pdfFor(client.view!.caseId, t.url(), clock.now());
    const file = join(mkdtempSync(join(tmpdir(), 'every-name-')), 'ecopr.pdf');
    writeFileSync(file, bytes);
    const lines = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'])
      .toString('utf8')
      .split('\n')
      .map((l) => l.trim());
    expect(lines).toContain('Sukarno');
    expect(lines).toContain(ecopr._id);
    expect(await t.services().ecopr.verify(ecopr._id)).toMatchObject({ initials: 'S.' });
  });
});

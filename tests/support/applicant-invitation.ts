import { expect } from 'vitest';
import { tokenFromLink } from '../fixtures/applications';
import { HttpSession } from './http-session';

interface Mail {
  to: string;
  subject: string;
  text: string;
  links: string[];
}

async function mailTo(baseUrl: string, address: string, wanted: (mail: Mail) => boolean): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        const mails = (await (await fetch(`${baseUrl}/api/dev/mailbox?to=${encodeURIComponent(address)}`)).json()) as Mail[];
        found = mails.find(wanted);
        return found !== undefined;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

/**
 * An applicant with an accented, hyphenated name (Zoë Lévesque-Tremblay, born 1990-04-12), made
 * through the real invitation flow against a portal in demo mode: the demo officer registers the
 * application, the invitation is accepted, and the credentials are read from the dev mailbox.
 * Returns the signed-in officer too, and the person's id (the case is `case-<personId>`).
 */
export async function applicantByInvitation(baseUrl: string, demoPassword: string) {
  const officer = new HttpSession(baseUrl);
  const login = await officer.post('/api/auth/login', { username: 'officer', password: demoPassword });
  expect(login.status).toBe(200);
  if (login.data.stage !== 'ready') expect((await officer.post('/api/auth/totp/skip')).status).toBe(200);
  const stamp = String(Date.now());
  const email = `zoe.${stamp}@example.com`;
  const person = {
    role: 'principal',
    givenName: 'Zoë',
    familyName: 'Lévesque-Tremblay',
    dateOfBirth: '1990-04-12',
    uci: stamp.slice(-8),
    email,
    lang: 'en',
  };
  const created = await officer.post('/api/applications', { applicationNumber: `E${stamp.slice(-9)}`, people: [person] });
  expect(created.status).toBe(201);
  const invitation = await mailTo(baseUrl, email, (m) => m.links.some((l) => l.includes('answer=accept')));
  const token = tokenFromLink(invitation.links.find((l) => l.includes('answer=accept'))!);
  expect((await new HttpSession(baseUrl).post(`/api/invitations/${token}/accept`)).status).toBe(200);
  const credentials = await mailTo(baseUrl, email, (m) => /username/i.test(m.text) && !m.links.some((l) => l.includes('/invitations/')));
  return {
    /** The officer who registered the application, signed in. */
    officer,
    personId: created.data.people[0].id as string,
    /** Where the applicant's emails go (the dev mailbox), and their UCI as registered. */
    email,
    uci: person.uci,
    username: /(?:Username|Nom d’utilisateur)\s*:?\s*([a-z.]+-\d{4})/i.exec(credentials.text)![1]!,
    password: /([A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4})/.exec(credentials.text)![1]!,
  };
}

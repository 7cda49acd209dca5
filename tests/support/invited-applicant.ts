import { familyApplication, tokenFromLink } from '../fixtures/applications';
import { HttpSession } from './http-session';

interface Mail {
  to: string;
  text: string;
  links: string[];
}

async function waitForMail(baseUrl: string, match: (mail: Mail) => boolean, timeoutMs = 15_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const mails = (await (await fetch(`${baseUrl}/api/dev/mailbox`)).json()) as Mail[];
    const found = mails.find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the expected email did not arrive');
}

/**
 * The real invitation path against a running portal in demo mode: the demo officer registers an
 * application, the principal accepts from the emailed link, and their credentials email is read.
 * Returns the principal's username and temporary password.
 */
export async function invitedApplicant(baseUrl: string, demoPassword: string) {
  const officer = new HttpSession(baseUrl);
  const login = await officer.post('/api/auth/login', { username: 'officer', password: demoPassword });
  if (login.status !== 200) throw new Error(`demo officer sign-in failed: ${login.status}`);
  await officer.post('/api/auth/totp/skip');
  const body = familyApplication();
  body.people = body.people.slice(0, 1).map((p) => ({ ...p, email: `${body.applicationNumber.toLowerCase()}@example.com` }));
  const created = await officer.post('/api/applications', body);
  if (created.status !== 201) throw new Error(`registration failed: ${JSON.stringify(created.data)}`);
  const to = body.people[0]!.email;
  const invitation = await waitForMail(baseUrl, (m) => m.to === to && m.links.some((l) => l.includes('/invitations/')));
  const token = tokenFromLink(invitation.links[0]!);
  const accepted = await new HttpSession(baseUrl).post(`/api/invitations/${token}/accept`);
  if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.data)}`);
  const credentials = await waitForMail(baseUrl, (m) => m.to === to && !m.links.some((l) => l.includes('/invitations/')));
  const username = /([a-z]+\.[a-z]+-\d{4})/.exec(credentials.text)![1]!;
  const password = /([A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4})/.exec(credentials.text)![1]!;
  return { username, password, person: body.people[0]! };
}

/**
 * An invited applicant who has already chosen their own password, signed in over HTTP: the session
 * cookies to put in a browser, which then opens `/conversation` directly.
 */
export async function signedInApplicantCookies(baseUrl: string, demoPassword: string, newPassword: string) {
  const { username, password } = await invitedApplicant(baseUrl, demoPassword);
  const http = new HttpSession(baseUrl);
  const login = await http.post('/api/auth/login', { username, password });
  if (login.status !== 200) throw new Error(`applicant sign-in failed: ${login.status}`);
  const changed = await http.post('/api/auth/password', { currentPassword: password, newPassword });
  if (changed.status !== 200) throw new Error(`password change failed: ${JSON.stringify(changed.data)}`);
  return [...http.cookies].map(([name, value]) => ({ name, value, url: baseUrl }));
}

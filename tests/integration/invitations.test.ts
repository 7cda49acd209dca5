import { describe, expect, it } from 'vitest';
import { personModel } from '../../server/applications/application.model';
import { invitationModel } from '../../server/applications/invitation.model';
import { userModel } from '../../server/auth/user.model';
import { familyApplication, tokenFromLink } from '../fixtures/applications';
import { createUser, signIn } from '../fixtures/users';
import { HttpSession } from '../support/http-session';
import { ManualClock, useTestPortal } from '../support/portal';

const clock = new ManualClock(new Date());
const t = useTestPortal('invitations', { clock });

interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  links: string[];
  sentAt: string;
}
async function mailbox(): Promise<Mail[]> {
  await t.deliverEmails();
  return (await fetch(t.url('/api/dev/mailbox'))).json();
}

async function officer() {
  clock.advance(31_000); // a fresh TOTP step for each staff sign-in
  return signIn(t.url(), await createUser(t.db(), 'officer'), clock);
}

describe('register → invite → accept → own account', () => {
  it('gives two people who share one email separate invitations, usernames and passwords', async () => {
    const http = await officer();
    const body = familyApplication();
    const created = await http.post('/api/applications', body);
    expect(created.status).toBe(201);
    expect(created.data.people.map((p: { invitation: { state: string } }) => p.invitation.state)).toEqual(['sent', 'sent', 'sent']);

    const invitations = (await mailbox()).filter((m) => m.to === 'santos.family@example.com');
    expect(invitations).toHaveLength(2);
    const [forJoao, forMaria] = invitations; // newest first: João was invited second
    expect(forMaria!.text).toContain('Maria');
    expect(forJoao!.text).toMatch(/João/);
    // João prefers French: his email starts in French, and has English too.
    expect(forJoao!.text.indexOf('Bonjour')).toBeLessThan(forJoao!.text.indexOf('Hello'));
    const mariaToken = tokenFromLink(forMaria!.links.find((l) => l.includes('answer=accept'))!);
    const joaoToken = tokenFromLink(forJoao!.links.find((l) => l.includes('answer=accept'))!);
    expect(mariaToken).not.toBe(joaoToken);
    // Only the hash of a token is stored.
    expect(JSON.stringify(await invitationModel(t.db()).find().lean())).not.toContain(mariaToken);

    const visitor = new HttpSession(t.url());
    expect((await visitor.request(`/api/invitations/${mariaToken}`)).data).toMatchObject({ status: 'open', givenName: 'Maria' });
    expect((await visitor.post(`/api/invitations/${mariaToken}/accept`)).status).toBe(200);
    expect((await visitor.post(`/api/invitations/${joaoToken}/accept`)).status).toBe(200);

    const credentials = (await mailbox()).filter(
      (m) =>
        m.to === 'santos.family@example.com' && /username|utilisateur/i.test(m.text) && !m.links.some((l) => l.includes('/invitations/')),
    );
    expect(credentials).toHaveLength(2);
    const read = (m: Mail) => ({
      username: /(?:Username|Nom d’utilisateur)\s*:?\s*([a-z.]+-\d{4})/i.exec(m.text)![1]!,
      password: /([A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4})/.exec(m.text)![1]!,
    });
    const [joao, maria] = credentials.map(read);
    expect(maria!.username).not.toBe(joao!.username);
    expect(maria!.password).not.toBe(joao!.password);

    for (const person of [maria!, joao!]) {
      const session = new HttpSession(t.url());
      const login = await session.post('/api/auth/login', person);
      expect(login.data.stage).toBe('change_password');
      const changed = await session.post('/api/auth/password', {
        currentPassword: person.password,
        newPassword: `a brand new passphrase, number ${person.password.length + person.username.length}`,
      });
      expect(changed.data).toMatchObject({ stage: 'ready', user: { role: 'applicant' } });
    }
    const accounts = await userModel(t.db()).find({ role: 'applicant' }).lean();
    expect(new Set(accounts.map((a) => a.personId)).size).toBe(2);
  });

  it('records a decline and shows it to officers', async () => {
    const http = await officer();
    const body = familyApplication();
    const created = await http.post('/api/applications', body);
    const lia = (await mailbox()).find((m) => m.to === 'lia.parent@example.com')!;
    const token = tokenFromLink(lia.links.find((l) => l.includes('answer=decline'))!);
    expect((await new HttpSession(t.url()).post(`/api/invitations/${token}/decline`)).status).toBe(200);
    const application = await http.request(`/api/applications/${created.data.id}`);
    const child = application.data.people.find((p: { givenName: string }) => p.givenName === 'Lia');
    expect(child.invitation.state).toBe('declined');
    expect(child.hasAccount).toBe(false);
  });
});

describe('links that cannot be used', () => {
  it('refuses a reused, expired or revoked link, and a resend retires the old one', async () => {
    const http = await officer();
    const created = await http.post('/api/applications', familyApplication());
    const [principal, spouse, child] = created.data.people as { id: string }[];
    const links = (await mailbox()).slice(0, 3).map((m) => tokenFromLink(m.links[0]!));
    const visitor = new HttpSession(t.url());

    const [childToken, spouseToken, principalToken] = links;
    expect((await visitor.post(`/api/invitations/${principalToken}/accept`)).status).toBe(200);
    const reused = await visitor.post(`/api/invitations/${principalToken}/accept`);
    expect(reused.status).toBe(409);
    expect(reused.data.fields.token).toBe('used');

    expect((await http.post(`/api/people/${spouse!.id}/invitation/revoke`)).status).toBe(204);
    expect((await visitor.post(`/api/invitations/${spouseToken}/accept`)).data.fields.token).toBe('revoked');

    expect((await http.post(`/api/people/${child!.id}/invitation/resend`)).status).toBe(204);
    expect((await visitor.request(`/api/invitations/${childToken}`)).data.status).toBe('revoked');
    const fresh = tokenFromLink((await mailbox())[0]!.links[0]!);
    clock.advance(31 * 24 * 60 * 60_000);
    const expired = await visitor.post(`/api/invitations/${fresh}/accept`);
    expect(expired.data.fields.token).toBe('expired');
    const listed = await (await officer()).request(`/api/applications/${created.data.id}`);
    expect(listed.data.people.find((p: { id: string }) => p.id === child!.id).invitation.state).toBe('expired');
    expect(principal).toBeDefined();

    const guessed = await visitor.request(`/api/invitations/${'A'.repeat(43)}`);
    expect(guessed.data.status).toBe('unknown');
  });
});

describe('registration is strict', () => {
  it('names invalid fields and refuses duplicates without writing anything', async () => {
    const http = await officer();
    const bad = await http.post('/api/applications', {
      applicationNumber: 'X12',
      people: [{ role: 'principal', givenName: 'A', familyName: 'B', dateOfBirth: '2023-02-30', uci: '123', email: 'nope', lang: 'de' }],
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.data.fields)).toEqual(
      expect.arrayContaining(['applicationNumber', 'people.0.dateOfBirth', 'people.0.uci', 'people.0.email', 'people.0.lang']),
    );

    const body = familyApplication();
    expect((await http.post('/api/applications', body)).status).toBe(201);
    const before = await personModel(t.db()).countDocuments();
    const sameNumber = await http.post('/api/applications', { ...familyApplication(), applicationNumber: body.applicationNumber });
    expect(sameNumber.status).toBe(409);
    expect(sameNumber.data.fields.applicationNumber).toBe('already_registered');
    const sameUci = familyApplication();
    sameUci.people[1]!.uci = body.people[0]!.uci.replace(/^(\d{4})/, '$1-');
    const dup = await http.post('/api/applications', sameUci);
    expect(dup.status).toBe(409);
    expect(dup.data.fields['people.1.uci']).toBe('uci_already_registered');
    expect(await personModel(t.db()).countDocuments()).toBe(before);
  });

  it('serves the OpenAPI document with the registration schema', async () => {
    const doc = await (await fetch(t.url('/api/openapi.json'))).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/applications'].post).toBeDefined();
    expect(doc.components.schemas.RegisterApplication.properties.people).toBeDefined();
  });

  it('keeps applicants and agents out of registration', async () => {
    for (const role of ['applicant', 'agent'] as const) {
      clock.advance(31_000);
      const session = await signIn(t.url(), await createUser(t.db(), role), clock);
      expect((await session.post('/api/applications', familyApplication())).status).toBe(403);
    }
    expect((await new HttpSession(t.url()).post('/api/applications', familyApplication())).status).toBe(401);
  });
});

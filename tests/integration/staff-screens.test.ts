import { describe, expect, it } from 'vitest';
import { familyApplication, tokenFromLink } from '../fixtures/applications';
import { createUser, signIn } from '../fixtures/users';
import { HttpSession } from '../support/http-session';
import { ManualClock, useTestPortal } from '../support/portal';

const clock = new ManualClock(new Date());
const t = useTestPortal('staff-screens', { clock });

/** A person who accepted their invitation: their case rests at Welcome. */
async function caseAtWelcome(officer: HttpSession) {
  const body = familyApplication();
  body.people = body.people.slice(0, 1);
  const created = await officer.post('/api/applications', body);
  await t.deliverEmails();
  const mails = (await (await fetch(t.url(`/api/dev/mailbox?to=${encodeURIComponent(body.people[0]!.email)}`))).json()) as {
    links: string[];
  }[];
  const link = mails.flatMap((m) => m.links).find((l) => l.includes('answer=accept'))!;
  expect((await new HttpSession(t.url()).post(`/api/invitations/${tokenFromLink(link)}/accept`)).status).toBe(200);
  return `case-${created.data.people[0].id as string}`;
}

describe('the smaller points of the officers’ screens', () => {
  it('shows "Opened" in the audit trail of the very read that recorded it', async () => {
    clock.advance(31_000);
    const officer = await signIn(t.url(), await createUser(t.db(), 'officer'), clock);
    const caseId = await caseAtWelcome(officer);
    const detail = await officer.request(`/api/staff/cases/${caseId}`);
    expect(detail.data.audit.map((a: { action: string }) => a.action)).toContain('case.viewed');
  });

  it('answers a confirmation at Welcome in staff wording, naming the step, in the officer’s language', async () => {
    clock.advance(31_000);
    const officer = await signIn(t.url(), await createUser(t.db(), 'officer'), clock);
    const caseId = await caseAtWelcome(officer);
    for (const path of ['confirm', 'photo/approve']) {
      const refused = await officer.post(`/api/staff/cases/${caseId}/${path}`);
      expect(refused.status).toBe(422);
      expect(refused.data.message).toBe(
        'Not possible at this step: this case is at “Welcome”. Officers decide once the applicant has signed and submitted.',
      );
      expect(refused.data.message).not.toContain('current question');
    }
  });
});

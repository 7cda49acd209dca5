import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApplicant, createUser, signIn } from '../fixtures/users';
import { ConversationClient } from '../support/conversation-client';
import { ManualClock, useTestPortal } from '../support/portal';
import { answersBeforePhoto, answersFromPhoto } from '../resilience/support/landing-script';

const clock = new ManualClock(new Date());
const t = useTestPortal('bulk-confirm', { clock });
const photo = readFileSync(new URL('../fixtures/photo-valid.jpg', import.meta.url));

/** An applicant who signed and submitted, through their own socket. */
async function submitted(familyName: string) {
  const applicant = await createApplicant(t.db(), { givenName: 'Ana', familyName });
  const http = await signIn(t.url(), applicant, clock);
  const me = new ConversationClient(await t.connect({ cookie: http.cookieHeader }));
  await me.sync();
  for (const event of answersBeforePhoto) await me.must(event);
  const photoId = (await http.request('/api/photos', { method: 'PUT', body: new Uint8Array(photo) })).data.photoId as string;
  for (const event of answersFromPhoto(photoId, { givenName: 'Ana', familyName })) await me.must(event);
  return { caseId: me.view!.caseId, me };
}

describe('bulk confirm of ready cases', () => {
  it('confirms and audits each case on its own, and skips and reports one that stopped being ready', async () => {
    clock.advance(31_000);
    const officer = await signIn(t.url(), await createUser(t.db(), 'officer'), clock);
    const cases = [await submitted('Silva'), await submitted('Costa'), await submitted('Pereira')];
    for (const { caseId } of cases) expect((await officer.post(`/api/staff/cases/${caseId}/photo/approve`)).status).toBe(200);
    const ready = (await officer.request('/api/board?flag=ready_to_confirm')).data.rows.map((r: { caseId: string }) => r.caseId);
    expect(ready).toEqual(expect.arrayContaining(cases.map((c) => c.caseId)));

    // Chosen while ready; then the third applicant reports leaving Canada.
    await cases[2]!.me.must({ type: 'REPORT_LEFT_CANADA' });
    const result = await officer.post('/api/staff/cases/confirm-many', { caseIds: cases.map((c) => c.caseId) });
    expect(result.status).toBe(200);
    expect(result.data.confirmed.map((c: { caseId: string }) => c.caseId)).toEqual([cases[0]!.caseId, cases[1]!.caseId]);
    expect(result.data.confirmed.every((c: { documentNumber: string }) => /^ECOPR-/.test(c.documentNumber))).toBe(true);
    expect(result.data.skipped).toEqual([expect.objectContaining({ caseId: cases[2]!.caseId, code: 'event_not_allowed_now' })]);

    for (const { caseId } of cases.slice(0, 2)) {
      expect((await t.services().cases.store.load(caseId)).step).toBe('confirmed');
      expect(await t.services().audit.list({ caseId, action: 'case.pr_confirmed' }, 5)).toHaveLength(1);
    }
    expect((await t.services().cases.store.load(cases[2]!.caseId)).step).toBe('outsideCanada');
    expect(await t.services().ecopr.forCase(cases[2]!.caseId)).toBeNull();
    expect((await officer.post('/api/staff/cases/confirm-many', { caseIds: [] })).status).toBe(422);
  });
});

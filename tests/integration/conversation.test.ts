import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseCommitModel, caseEntryModel, caseModel } from '../../server/cases/case.model';
import { createApplicant, signIn } from '../fixtures/users';
import { answersBeforePhoto } from '../resilience/support/landing-script';
import { ConversationClient } from '../support/conversation-client';
import { useTestPortal } from '../support/portal';
import { photoFailureKey } from '../../src/lib/chat/refusal-text';
import { translateKey } from '../../src/lib/i18n/messages';

const t = useTestPortal('conversation');
const validPhoto = readFileSync(new URL('../fixtures/photo-valid.jpg', import.meta.url));
const address = { street: '24 Sussex Dr', unit: null, city: 'Ottawa', province: 'ON' as const, postalCode: 'k1m1m4' };

async function applicantWithTwoDevices() {
  const user = await createApplicant(t.db(), { givenName: 'Zoë', familyName: 'Lévesque-Tremblay', dateOfBirth: '1990-04-12' });
  const http = await signIn(t.url(), user, t.clock);
  const phone = new ConversationClient(await t.connect({ cookie: http.cookieHeader }));
  const laptop = new ConversationClient(await t.connect({ cookie: http.cookieHeader }));
  return { user, http, phone, laptop };
}

async function uploadPhoto(http: Awaited<ReturnType<typeof applicantWithTwoDevices>>['http'], bytes: Buffer = validPhoto) {
  return http.request('/api/photos', {
    method: 'PUT',
    body: new Uint8Array(bytes),
    headers: { 'content-type': 'application/octet-stream' },
  });
}

describe('the guided conversation, server-authoritative', () => {
  it('walks every step to "submitted", live on a second device, with a retried event applied once', async () => {
    const { http, phone, laptop } = await applicantWithTwoDevices();
    const first = await phone.sync();
    const opening = phone.lastSeq;
    expect(first.step).toBe('welcome');
    expect(first.stepNumber).toBe(1);
    expect([...phone.entries.values()].every((e) => e.author === 'assistant')).toBe(true);

    await phone.must({ type: 'ACKNOWLEDGE' });
    // Retrying the same client event id: applied once, acknowledged again with what it produced.
    const retryId = 'retry-identity-0001';
    const a = await phone.answer({ type: 'CONFIRM_IDENTITY', answer: 'yes' }, retryId);
    const b = await phone.answer({ type: 'CONFIRM_IDENTITY', answer: 'yes' }, retryId);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok)
      expect(b.data.entries.map((e) => e.seq)).toEqual(a.data.entries.filter((e) => e.author === 'applicant').map((e) => e.seq));
    expect(await caseEntryModel(t.db()).countDocuments({ clientEventId: retryId })).toBe(1);

    await phone.must({ type: 'ANSWER_IN_CANADA', answer: 'yes' });
    await phone.must({ type: 'ANSWER_ENTRY_DATE', date: '2024-03-05' });
    await phone.must({ type: 'DECLARE_PRESENCE' });
    for (const question of ['marital', 'dependants', 'criminal', 'medical'] as const)
      await phone.must({ type: 'ANSWER_CHANGE', question, answer: 'no' });
    const mailing = await phone.must({ type: 'SUBMIT_ADDRESS', kind: 'residential', address });
    expect(mailing.step).toBe('mailing');
    await phone.must({ type: 'MAILING_SAME_AS_RESIDENTIAL', same: true });

    const upload = await uploadPhoto(http);
    expect(upload.status).toBe(201);
    const review = await phone.must({ type: 'PHOTO_UPLOADED', photoId: upload.data.photoId });
    expect(review.step).toBe('review');
    expect(review.review.length).toBeGreaterThan(5);
    const submitted = await phone.must({ type: 'SIGN', signature: 'zoe levesque tremblay' });
    expect(submitted.step).toBe('submitted');

    // The laptop saw every step live, in order, with nothing missing or doubled.
    await expect.poll(() => laptop.view?.step).toBe('submitted');
    const sorted = (keys: Iterable<number>) => [...keys].sort((x, y) => x - y);
    expect(sorted(laptop.entries.keys())).toEqual(sorted(phone.entries.keys()).filter((seq) => seq > opening));
    expect(laptop.broadcasts.length).toBeGreaterThanOrEqual(13);
    const fresh = new ConversationClient(await t.connect({ cookie: http.cookieHeader }));
    await fresh.sync();
    expect([...fresh.entries.keys()]).toEqual([...phone.entries.keys()].sort((x, y) => x - y));
    expect(fresh.entries.size).toBe(fresh.lastSeq);

    const doc = await caseModel(t.db()).findOne().lean();
    expect(doc).toMatchObject({ step: 'submitted', photoStatus: 'uploaded', flags: ['photo_waiting'] });
  });

  it('refuses out-of-order and invalid answers with a translated reason, and applicant-only events', async () => {
    const { phone } = await applicantWithTwoDevices();
    await phone.sync();
    const early = await phone.answer({ type: 'SIGN', signature: 'Zoë Lévesque-Tremblay' });
    expect(early).toMatchObject({ ok: false, error: { code: 'event_refused', fields: { reason: 'event_not_allowed_now' } } });
    await phone.must({ type: 'ACKNOWLEDGE' });
    await phone.must({ type: 'CONFIRM_IDENTITY', answer: 'yes' });
    await phone.must({ type: 'ANSWER_IN_CANADA', answer: 'yes' });
    const future = await phone.answer({ type: 'ANSWER_ENTRY_DATE', date: '2999-01-01' });
    expect(future).toMatchObject({ ok: false, error: { code: 'event_refused', fields: { reason: 'date_in_future' } } });
    if (!future.ok) expect(future.error.message).not.toMatch(/conversation\.error/);
    // Staff decisions are not in the applicant's vocabulary: refused before anything runs.
    const forged = await phone.socket.emitWithAck('case:answer', {
      clientEventId: 'forged-event-0001',
      event: { type: 'PR_CONFIRMED', documentNumber: 'X1234', prDate: '2024-01-01' },
    } as never);
    expect(forged).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const beforeCommits = await caseCommitModel(t.db()).countDocuments();
    const junk = await phone.socket.emitWithAck('case:answer', {
      clientEventId: 'x',
      event: { type: 'ACKNOWLEDGE', __proto__: { admin: true } },
    } as never);
    expect(junk.ok).toBe(false);
    expect(await caseCommitModel(t.db()).countDocuments()).toBe(beforeCommits);
  });

  it('understands free text in English and French and never dead-ends', async () => {
    const { phone } = await applicantWithTwoDevices();
    await phone.sync();
    await phone.must({ type: 'ACKNOWLEDGE' });
    await phone.text('oui');
    expect(phone.view?.step).toBe('presence');
    await phone.text('yes');
    await phone.text('5 mars 2024');
    expect(phone.view?.stateId).toBe('presence.declaration');
    const status = await phone.text('what is the status of my application?');
    expect(status.ok && status.data.entries.some((e) => e.message.key === 'conversation.reply.status')).toBe(true);
    const nonsense = await phone.text('purple elephants');
    expect(nonsense.ok && nonsense.data.entries.some((e) => e.message.key === 'conversation.reply.unknown')).toBe(true);
    expect(phone.view?.stateId).toBe('presence.declaration');
    const french = await phone.text('je préfère le français');
    expect(french.ok && french.data.view.lang).toBe('fr');
  });

  it('checks photos by content, serves them only to their owner', async () => {
    const { http, phone } = await applicantWithTwoDevices();
    await phone.sync();
    for (const event of answersBeforePhoto) await phone.must(event);
    const text = await uploadPhoto(http, Buffer.from('definitely not a jpeg'));
    expect(text.status).toBe(415);
    expect(text.data.fields.photo).toBe('not_an_image');
    const ok = await uploadPhoto(http);
    expect((await http.request(`/api/photos/${ok.data.photoId}`)).status).toBe(200);
    const other = await applicantWithTwoDevices();
    expect((await other.http.request(`/api/photos/${ok.data.photoId}`)).status).toBe(404);
    // Over 4 MB: refused with the photo reason the page translates, not a developer's sentence.
    const big = await uploadPhoto(http, Buffer.alloc(5 * 1024 * 1024, 1));
    expect(big.status).toBe(413);
    expect(big.data).toMatchObject({ code: 'payload_too_large', fields: { photo: 'too_large' } });
    for (const lang of ['en', 'fr'] as const)
      expect(translateKey(lang, photoFailureKey({ status: 413, ...big.data, reason: big.data.fields.photo }))).toMatch(/4\sM[Bo]/);
  });
});

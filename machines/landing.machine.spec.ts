import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { describeState, explainRejection, landingMachine, type LandingEvent } from './landing.machine';
import {
  addresses,
  declarePresence,
  montreal,
  noChanges,
  ottawa,
  person,
  stamp,
  startLanding,
  toPresence,
  toReview,
  toSubmitted,
  type UnstampedEvent,
} from '../tests/fixtures/landing.fixtures';

const at = '2024-06-01T12:00:00.000Z';
const flowOf = (snapshot: ReturnType<ReturnType<typeof startLanding>['snapshot']>) => describeState(snapshot).stateId;
const refusal = (run: ReturnType<typeof startLanding>, event: UnstampedEvent) => explainRejection(run.snapshot(), stamp(event, at));

describe('landing machine: welcome and identity', () => {
  it('waits for the privacy acknowledgement before anything else', () => {
    const run = startLanding();
    expect(flowOf(run.snapshot())).toBe('welcome');
    expect(refusal(run, { type: 'CONFIRM_IDENTITY', answer: 'yes' })?.code).toBe('event_not_allowed_now');
    run.send({ type: 'CONFIRM_IDENTITY', answer: 'yes' });
    expect(flowOf(run.snapshot())).toBe('welcome');
    run.send({ type: 'ACKNOWLEDGE' });
    expect(flowOf(run.snapshot())).toBe('identity');
    expect(run.snapshot().context.acknowledgedAt).toBe('2024-06-01T12:01:00.000Z');
  });

  it('stops on "this is not me", flags the case and offers a person until help is asked for', () => {
    const run = startLanding([{ type: 'ACKNOWLEDGE' }, { type: 'CONFIRM_IDENTITY', answer: 'no' }]);
    expect(flowOf(run.snapshot())).toBe('identityMismatch');
    expect(run.snapshot().context.flags).toEqual(['identity_mismatch']);
    expect(describeState(run.snapshot()).input.options?.map((o) => o.event.type)).toEqual(['REQUEST_HELP']);
    run.send({ type: 'DECLARE_PRESENCE' });
    expect(flowOf(run.snapshot())).toBe('identityMismatch');
    run.send({ type: 'REQUEST_HELP' });
    expect(run.snapshot().value).toMatchObject({ help: 'requested' });
    expect(describeState(run.snapshot()).input.options).toEqual([]);
  });

  it('asks again once an officer resolves the identity flag', () => {
    const run = startLanding([{ type: 'ACKNOWLEDGE' }, { type: 'CONFIRM_IDENTITY', answer: 'no' }]);
    run.send({ type: 'FLAG_RESOLVED', flag: 'identity_mismatch', note: 'Record corrected' });
    expect(flowOf(run.snapshot())).toBe('identity');
    expect(run.snapshot().context.flags).toEqual([]);
    expect(run.snapshot().context.resolvedFlags).toMatchObject([{ flag: 'identity_mismatch', note: 'Record corrected' }]);
  });
});

describe('landing machine: presence in Canada', () => {
  it('stops outside Canada with a flag, and resumes at the presence question when back', () => {
    const run = startLanding([...toPresence, { type: 'ANSWER_IN_CANADA', answer: 'no' }]);
    expect(flowOf(run.snapshot())).toBe('outsideCanada');
    expect(run.snapshot().context.flags).toEqual(['outside_canada']);
    expect(describeState(run.snapshot()).after.map((n) => n.key)).toContain('conversation.outsideCanada.portOfEntry');
    run.send({ type: 'BACK_IN_CANADA' });
    expect(flowOf(run.snapshot())).toBe('presence.inCanada');
    declarePresence.forEach(run.send);
    expect(flowOf(run.snapshot())).toBe('changes.marital');
    expect(run.snapshot().context.flags).toEqual(['outside_canada']);
  });

  it.each([
    ['2024-06-02', 'date_in_future'],
    ['1990-04-11', 'date_before_birth'],
    ['2023-02-30', 'date_invalid'],
  ])('refuses the entry date %s as %s', (date, code) => {
    const run = startLanding([...toPresence, { type: 'ANSWER_IN_CANADA', answer: 'yes' }]);
    expect(refusal(run, { type: 'ANSWER_ENTRY_DATE', date })).toEqual({ code, messageKey: `conversation.error.${code}`, field: 'date' });
    run.send({ type: 'ANSWER_ENTRY_DATE', date });
    expect(flowOf(run.snapshot())).toBe('presence.entryDate');
  });

  it('accepts today and the date of birth as entry dates', () => {
    const run = startLanding([...toPresence, { type: 'ANSWER_IN_CANADA', answer: 'yes' }]);
    expect(refusal(run, { type: 'ANSWER_ENTRY_DATE', date: '2024-06-01' })).toBeNull();
    expect(refusal(run, { type: 'ANSWER_ENTRY_DATE', date: person.dateOfBirth })).toBeNull();
    run.send({ type: 'ANSWER_ENTRY_DATE', date: '2024-06-01' });
    expect(flowOf(run.snapshot())).toBe('presence.declaration');
  });
});

describe('landing machine: changes and addresses', () => {
  const afterPresence = [...toPresence, ...declarePresence];

  it('moves on without a flag when nothing changed', () => {
    const run = startLanding([...afterPresence, ...noChanges]);
    expect(flowOf(run.snapshot())).toBe('residential');
    expect(run.snapshot().context.flags).toEqual([]);
  });

  it('asks for an explanation and flags the case when anything changed', () => {
    const run = startLanding(afterPresence);
    expect(refusal(run, { type: 'ANSWER_CHANGE', question: 'medical', answer: 'no' })?.code).toBe('event_not_allowed_now');
    for (const question of ['marital', 'dependants', 'criminal', 'medical'] as const) {
      run.send({ type: 'ANSWER_CHANGE', question, answer: question === 'dependants' ? 'yes' : 'no' });
    }
    expect(flowOf(run.snapshot())).toBe('changes.explanation');
    expect(run.snapshot().context.flags).toEqual(['changes_declared']);
    run.send({ type: 'EXPLAIN_CHANGES', text: 'Our daughter was born in May.' });
    expect(flowOf(run.snapshot())).toBe('residential');
    expect(run.snapshot().context.changes.explanation).toBe('Our daughter was born in May.');
  });

  it('refuses an address whose postal code belongs to another province, naming the field', () => {
    const run = startLanding([...afterPresence, ...noChanges]);
    const wrong: UnstampedEvent = { type: 'SUBMIT_ADDRESS', kind: 'residential', address: { ...ottawa, province: 'QC' } };
    expect(refusal(run, wrong)).toEqual({
      code: 'postal_code_province_mismatch',
      messageKey: 'conversation.error.postal_code_province_mismatch',
      field: 'postalCode',
    });
    expect(refusal(run, { type: 'SUBMIT_ADDRESS', kind: 'mailing', address: { ...ottawa } })?.code).toBe('event_not_allowed_now');
    run.send(wrong);
    expect(flowOf(run.snapshot())).toBe('residential');
  });

  it('takes a different mailing address, or the same one', () => {
    const run = startLanding([...afterPresence, ...noChanges, addresses[0]!]);
    run.send({ type: 'MAILING_SAME_AS_RESIDENTIAL', same: false });
    expect(flowOf(run.snapshot())).toBe('mailing.address');
    run.send({ type: 'SUBMIT_ADDRESS', kind: 'mailing', address: { ...montreal } });
    expect(flowOf(run.snapshot())).toBe('photo');
    expect(run.snapshot().context.mailing).toEqual({ sameAsResidential: false, address: montreal });
  });
});

describe('landing machine: review, edit and sign', () => {
  it.each([
    ['presence', 'presence.inCanada', declarePresence],
    ['changes', 'changes.marital', noChanges],
    ['residential', 'residential', [addresses[0]!]],
    ['mailing', 'mailing.choice', [addresses[1]!]],
    ['photo', 'photo', [{ type: 'PHOTO_UPLOADED', photoId: 'photo-2' }]],
  ] as const)('returns to review after the %s section is answered again', (section, first, answers) => {
    const run = startLanding(toReview);
    run.send({ type: 'EDIT', section });
    expect(flowOf(run.snapshot())).toBe(first);
    expect(run.snapshot().context.editing).toBe(section);
    (answers as readonly UnstampedEvent[]).forEach(run.send);
    expect(flowOf(run.snapshot())).toBe('review');
    expect(run.snapshot().context.editing).toBeNull();
  });

  it('re-asks the explanation when an edit declares a change, and withdraws the flag when it undoes it', () => {
    const run = startLanding(toReview);
    run.send({ type: 'EDIT', section: 'changes' });
    ['marital', 'dependants', 'criminal'].forEach((question) =>
      run.send({ type: 'ANSWER_CHANGE', question, answer: 'no' } as UnstampedEvent),
    );
    run.send({ type: 'ANSWER_CHANGE', question: 'medical', answer: 'yes' });
    expect(flowOf(run.snapshot())).toBe('changes.explanation');
    run.send({ type: 'EXPLAIN_CHANGES', text: 'Surgery in April.' });
    expect(flowOf(run.snapshot())).toBe('review');
    expect(run.snapshot().context.flags).toEqual(['changes_declared']);
    run.send({ type: 'EDIT', section: 'changes' });
    noChanges.forEach(run.send);
    expect(flowOf(run.snapshot())).toBe('review');
    expect(run.snapshot().context.flags).toEqual([]);
    expect(run.snapshot().context.changes.explanation).toBeNull();
  });

  it('refuses a signature that is not the full name, and submits with one that is', () => {
    const run = startLanding(toReview);
    expect(refusal(run, { type: 'SIGN', signature: 'Zoe' })).toMatchObject({ code: 'signature_mismatch', field: 'signature' });
    run.send({ type: 'SIGN', signature: 'Z. Levesque-Tremblay' });
    expect(flowOf(run.snapshot())).toBe('review');
    run.send({ type: 'SIGN', signature: 'LÉVESQUE TREMBLAY zoë' });
    expect(flowOf(run.snapshot())).toBe('submitted');
    expect(run.snapshot().context.signature).toBe('LÉVESQUE TREMBLAY zoë');
  });

  it('refuses staff decisions and edits at the wrong time', () => {
    const run = startLanding(toReview);
    expect(refusal(run, { type: 'PHOTO_APPROVED' })?.code).toBe('event_not_allowed_now');
    expect(refusal(run, { type: 'PR_CONFIRMED', documentNumber: 'A12345678', prDate: '2024-06-01' })?.code).toBe('event_not_allowed_now');
    run.send({ type: 'SIGN', signature: 'Zoë Lévesque-Tremblay' });
    expect(refusal(run, { type: 'EDIT', section: 'photo' })?.code).toBe('event_not_allowed_now');
  });
});

describe('landing machine: after submission', () => {
  const confirm: UnstampedEvent = { type: 'PR_CONFIRMED', documentNumber: 'A12345678', prDate: '2024-06-01' };

  it('confirms only once the photo is approved and no flag is open', () => {
    const run = startLanding([...toPresence, ...declarePresence, { type: 'ANSWER_CHANGE', question: 'marital', answer: 'yes' }]);
    const rest: UnstampedEvent[] = [...noChanges.slice(1), { type: 'EXPLAIN_CHANGES', text: 'Married in May.' }, ...addresses];
    rest.forEach(run.send);
    run.send({ type: 'PHOTO_UPLOADED', photoId: 'photo-1' });
    run.send({ type: 'SIGN', signature: 'Zoë Lévesque-Tremblay' });
    expect(refusal(run, confirm)?.code).toBe('photo_not_approved');
    run.send({ type: 'PHOTO_APPROVED' });
    expect(run.snapshot().context.photo.status).toBe('approved');
    expect(refusal(run, confirm)?.code).toBe('flags_open');
    expect(refusal(run, { type: 'FLAG_RESOLVED', flag: 'outside_canada', note: 'n/a' })?.code).toBe('flag_not_open');
    run.send({ type: 'FLAG_RESOLVED', flag: 'changes_declared', note: 'Marriage certificate on file' });
    run.send(confirm);
    expect(flowOf(run.snapshot())).toBe('confirmed');
    expect(run.snapshot().context.confirmation).toMatchObject({ documentNumber: 'A12345678', downloadUntil: '2024-07-01' });
    expect(describeState(run.snapshot())).toMatchObject({ done: true, params: { documentNumber: 'A12345678' } });
  });

  it('sends a rejected photo back with its reason, and returns to review after a new upload', () => {
    const run = startLanding(toSubmitted);
    run.send({ type: 'PHOTO_REJECTED', reason: 'glare', note: 'Remove your glasses.' });
    expect(flowOf(run.snapshot())).toBe('photoRejected');
    expect(run.snapshot().context.photo.rejection).toEqual({ reason: 'glare', note: 'Remove your glasses.' });
    expect(describeState(run.snapshot()).notes.map((n) => n.key)).toEqual([
      'conversation.photoRejected.intro',
      'conversation.photoReason.glare',
      'conversation.photoRejected.officerNote',
      'conversation.photo.requirements',
    ]);
    expect(refusal(run, { type: 'PHOTO_APPROVED' })?.code).toBe('event_not_allowed_now');
    run.send({ type: 'PHOTO_UPLOADED', photoId: 'photo-2' });
    expect(flowOf(run.snapshot())).toBe('submitted');
    expect(run.snapshot().context.photo).toMatchObject({ id: 'photo-2', status: 'uploaded', rejection: null });
    run.send({ type: 'PHOTO_APPROVED' });
    run.send(confirm);
    expect(flowOf(run.snapshot())).toBe('confirmed');
  });

  it('stops when the applicant reports leaving Canada, and asks to sign again after coming back', () => {
    const run = startLanding(toSubmitted);
    run.send({ type: 'PHOTO_APPROVED' });
    run.send({ type: 'REPORT_LEFT_CANADA' });
    expect(flowOf(run.snapshot())).toBe('outsideCanada');
    expect(run.snapshot().context).toMatchObject({ flags: ['outside_canada'], signature: null, presence: { declaredAt: null } });
    expect(run.snapshot().context.presence.leftCanadaAt).not.toBeNull();
    run.send({ type: 'BACK_IN_CANADA' });
    run.send({ type: 'ANSWER_IN_CANADA', answer: 'yes' });
    run.send({ type: 'ANSWER_ENTRY_DATE', date: '2024-06-01' });
    run.send({ type: 'DECLARE_PRESENCE' });
    expect(flowOf(run.snapshot())).toBe('review');
    run.send({ type: 'SIGN', signature: 'Zoë Lévesque-Tremblay' });
    expect(flowOf(run.snapshot())).toBe('submitted');
    expect(refusal(run, confirm)?.code).toBe('flags_open');
  });

  it('ignores leaving Canada once confirmed, but still lets the applicant ask for help', () => {
    const run = startLanding([...toSubmitted, { type: 'PHOTO_APPROVED' }, confirm]);
    expect(refusal(run, { type: 'REPORT_LEFT_CANADA' })?.code).toBe('event_not_allowed_now');
    run.send({ type: 'REQUEST_HELP' });
    expect(run.snapshot().value).toEqual({ flow: 'confirmed', help: 'requested' });
  });
});

describe('landing machine: referral by a support agent', () => {
  const confirm: UnstampedEvent = { type: 'PR_CONFIRMED', documentNumber: 'A12345678', prDate: '2024-06-01' };
  const referral: UnstampedEvent = { type: 'REFERRED', agentName: 'Adam', note: 'Check the birth date.' };

  it('raises the referred flag with the note, which blocks confirmation until an officer resolves it', () => {
    const run = startLanding([...toSubmitted, { type: 'PHOTO_APPROVED' }]);
    run.send(referral);
    expect(run.snapshot().context).toMatchObject({ flags: ['referred'], referral: { agentName: 'Adam', note: 'Check the birth date.' } });
    expect(flowOf(run.snapshot())).toBe('submitted');
    expect(refusal(run, confirm)?.code).toBe('flags_open');
    run.send({ type: 'FLAG_RESOLVED', flag: 'referred', note: 'Birth date checked.' });
    expect(run.snapshot().context.resolvedFlags).toMatchObject([{ flag: 'referred', note: 'Birth date checked.' }]);
    run.send(confirm);
    expect(flowOf(run.snapshot())).toBe('confirmed');
  });

  it('refers at any step before confirmation, never after', () => {
    const early = startLanding(toPresence);
    early.send(referral);
    expect(early.snapshot().context.flags).toEqual(['referred']);
    const done = startLanding([...toSubmitted, { type: 'PHOTO_APPROVED' }, confirm]);
    expect(refusal(done, referral)?.code).toBe('event_not_allowed_now');
  });
});

describe('landing machine: help region', () => {
  it('goes none → requested → agentJoined → none, and can be cancelled while waiting', () => {
    const run = startLanding([...toPresence]);
    expect(refusal(run, { type: 'AGENT_JOINED', agentName: 'Sam' })?.code).toBe('event_not_allowed_now');
    run.send({ type: 'REQUEST_HELP' });
    expect(refusal(run, { type: 'REQUEST_HELP' })?.code).toBe('help_already_requested');
    run.send({ type: 'CANCEL_HELP' });
    expect(run.snapshot().value).toMatchObject({ help: 'none' });
    run.send({ type: 'REQUEST_HELP' });
    run.send({ type: 'AGENT_JOINED', agentName: 'Sam' });
    expect(describeState(run.snapshot()).help).toEqual({ status: 'agentJoined', agentName: 'Sam' });
    run.send({ type: 'AGENT_LEFT' });
    expect(run.snapshot().value).toEqual({ flow: { presence: 'inCanada' }, help: 'none' });
    expect(run.snapshot().context.help).toEqual({ requestedAt: null, agentName: null, joinedAt: null });
  });
});

describe('landing machine: persistence', () => {
  const keysOf = (value: unknown): string[] =>
    value && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, inner]) => [...(Array.isArray(value) ? [] : [key]), ...keysOf(inner)])
      : [];

  it('restores a conversation from its JSON snapshot and carries on', () => {
    const run = startLanding([
      ...toPresence,
      ...declarePresence,
      { type: 'ANSWER_CHANGE', question: 'marital', answer: 'yes' },
      { type: 'REQUEST_HELP' },
    ]);
    const json = JSON.stringify(run.actor.getPersistedSnapshot());
    run.actor.stop();
    expect(keysOf(JSON.parse(json)).filter((key) => key.includes('.') || key.startsWith('$'))).toEqual([]);

    const restored = createActor(landingMachine, { snapshot: JSON.parse(json), input: { person } }).start();
    expect(restored.getSnapshot().value).toEqual({ flow: { changes: 'dependants' }, help: 'requested' });
    expect(restored.getSnapshot().context).toEqual(JSON.parse(json).context);
    const later = (event: UnstampedEvent) => restored.send(stamp(event, '2024-06-01T13:00:00.000Z') as LandingEvent);
    [...noChanges.slice(1), { type: 'EXPLAIN_CHANGES', text: 'Married.' } as UnstampedEvent].forEach(later);
    expect(describeState(restored.getSnapshot()).stateId).toBe('residential');
    expect(restored.getSnapshot().context.flags).toEqual(['changes_declared']);
  });
});

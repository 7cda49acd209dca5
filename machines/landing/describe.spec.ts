import type { AnyStateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { conversationEn } from '../../src/lib/i18n/catalog/conversation.en';
import { conversationFr } from '../../src/lib/i18n/catalog/conversation.fr';
import { addressErrors, applicantEventSchema, dateErrors, type ApplicantEvent, type Message } from '../../src/lib/shared/landing';
import { montreal, person, startLanding, toReview, toSubmitted } from '../../tests/fixtures/landing.fixtures';
import {
  answerEcho,
  describeState,
  eventNotice,
  landingMachine,
  maskUci,
  rejectionCodes,
  rejectionMessageKey,
  reviewSummary,
  type StepMeta,
} from '../landing.machine';

const en: Record<string, string> = conversationEn;
const fr: Record<string, string> = conversationFr;
const expectKey = (key: string) => {
  expect(en[key], `EN ${key}`).toBeTruthy();
  expect(fr[key], `FR ${key}`).toBeTruthy();
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function metas(node: AnyStateNode = landingMachine.root): StepMeta[] {
  const own = node.meta ? [node.meta as StepMeta] : [];
  return [...own, ...Object.values(node.states).flatMap((child) => metas(child as AnyStateNode))];
}

describe('describeState', () => {
  it('asks "is this you?" with the name, date of birth and a masked UCI', () => {
    const view = describeState(startLanding([{ type: 'ACKNOWLEDGE' }]).snapshot());
    expect(view).toMatchObject({
      stateId: 'identity',
      step: 'identity',
      stepNumber: 2,
      totalSteps: 8,
      promptKey: 'conversation.identity.prompt',
      params: { name: 'Zoë Lévesque-Tremblay', dateOfBirth: '1990-04-12', uci: '••••-5678' },
      help: { status: 'none', agentName: null },
    });
    expect(view.input.options?.map((option) => option.event)).toEqual([
      { type: 'CONFIRM_IDENTITY', answer: 'yes' },
      { type: 'CONFIRM_IDENTITY', answer: 'no' },
    ]);
  });

  it('numbers the eight steps and leaves the stop and waiting states unnumbered', () => {
    expect(describeState(startLanding().snapshot()).stepNumber).toBe(1);
    expect(describeState(startLanding(toReview).snapshot()).stepNumber).toBe(8);
    expect(describeState(startLanding(toSubmitted).snapshot())).toMatchObject({ step: 'submitted', stepNumber: null });
  });

  it('masks 8- and 10-digit UCIs', () => {
    expect(maskUci('1234-5678')).toBe('••••-5678');
    expect(maskUci('12-3456-7890')).toBe('••-••••-7890');
  });

  it('gives every option an event the applicant schema accepts', () => {
    for (const option of metas().flatMap((meta) => meta.input.options ?? [])) {
      expect(applicantEventSchema.safeParse(option.event).success, option.value).toBe(true);
    }
  });
});

describe('conversation catalog', () => {
  it('has every key of the dialogue script in both languages', () => {
    for (const meta of metas()) {
      [meta.promptKey, ...meta.noteKeys, ...meta.afterKeys, ...(meta.input.options ?? []).map((option) => option.labelKey)].forEach(
        expectKey,
      );
      expectKey(`conversation.step.${meta.step}`);
    }
    for (const reason of ['too_dark', 'background', 'face_not_visible', 'glare', 'wrong_size', 'other'])
      expectKey(`conversation.photoReason.${reason}`);
  });

  it('has an echo for every applicant event and a notice for staff and agent events', () => {
    const { context } = startLanding(toReview).snapshot();
    const samples: ApplicantEvent[] = [
      { type: 'ACKNOWLEDGE' },
      { type: 'CONFIRM_IDENTITY', answer: 'yes' },
      { type: 'CONFIRM_IDENTITY', answer: 'no' },
      { type: 'ANSWER_IN_CANADA', answer: 'no' },
      { type: 'ANSWER_ENTRY_DATE', date: '2024-03-05' },
      { type: 'DECLARE_PRESENCE' },
      { type: 'ANSWER_CHANGE', question: 'medical', answer: 'yes' },
      { type: 'EXPLAIN_CHANGES', text: 'Married.' },
      { type: 'SUBMIT_ADDRESS', kind: 'mailing', address: { ...montreal } },
      { type: 'MAILING_SAME_AS_RESIDENTIAL', same: true },
      { type: 'MAILING_SAME_AS_RESIDENTIAL', same: false },
      { type: 'PHOTO_UPLOADED', photoId: 'photo-2' },
      ...(['presence', 'changes', 'residential', 'mailing', 'photo'] as const).map((section) => ({ type: 'EDIT', section }) as const),
      { type: 'SIGN', signature: 'Zoë Lévesque-Tremblay' },
      { type: 'REPORT_LEFT_CANADA' },
      { type: 'BACK_IN_CANADA' },
      { type: 'REQUEST_HELP' },
      { type: 'CANCEL_HELP' },
    ];
    const echoes: Message[] = samples.map((event) => answerEcho(event, context));
    echoes.forEach((echo) => expectKey(echo.key));
    expect(answerEcho({ type: 'PHOTO_UPLOADED', photoId: 'p' }, context).key).toBe('conversation.echo.photoReplaced');
    expect(answerEcho({ type: 'SUBMIT_ADDRESS', kind: 'mailing', address: { ...montreal } }, context)).toEqual({
      key: 'conversation.address.withUnit',
      params: { street: '1001 rue Sherbrooke', unit: '12', city: 'Montréal', province: 'QC', postalCode: 'H3A 1G5' },
    });
    const notices = [
      eventNotice({ type: 'AGENT_JOINED', agentName: 'Sam' }),
      eventNotice({ type: 'AGENT_LEFT' }),
      eventNotice({ type: 'PHOTO_APPROVED' }),
    ];
    notices.forEach((notice) => expectKey(notice!.key));
    expect(eventNotice({ type: 'FLAG_RESOLVED', flag: 'outside_canada', note: 'ok' })).toBeNull();
  });

  it('explains every rejection and validation code', () => {
    const schemaCodes = [
      'answer_invalid',
      'explanation_required',
      'explanation_too_long',
      'photo_id_invalid',
      'signature_required',
      'signature_too_long',
      'invalid_event',
    ];
    for (const code of [...rejectionCodes, ...addressErrors, ...dateErrors, ...schemaCodes]) expectKey(rejectionMessageKey(code));
  });

  it('summarises every answer for review with a change link per section', () => {
    const summary = reviewSummary(startLanding(toReview).snapshot().context);
    expect(summary.map((item) => item.section)).toEqual([
      null,
      'presence',
      'presence',
      'changes',
      'changes',
      'changes',
      'changes',
      'residential',
      'mailing',
      'photo',
    ]);
    summary.forEach((item) => [item.labelKey, item.value.key].forEach(expectKey));
    expect(summary[0]?.value.params).toMatchObject({ uci: maskUci(person.uci) });
  });

  it('is the same in both languages: keys, placeholders and typographic apostrophes', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(placeholders(fr[key]!), key).toEqual(placeholders(en[key]!));
      expect(`${en[key]}${fr[key]}`, key).not.toContain("'");
    }
  });
});

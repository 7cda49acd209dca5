import type { ChangeQuestion, ChoiceOption, StepId, StepInput, YesNo } from '../../src/lib/shared/landing';
import type { ApplicantEvent } from '../../src/lib/shared/landing';

/**
 * The dialogue script: every resting state of the `flow` region carries one of these as `meta`.
 * Keys are i18n keys of `src/lib/i18n/catalog/conversation.en.ts` (and `.fr.ts`).
 */
export interface StepMeta {
  step: StepId;
  /** 1..8 for "Step n of 8"; null for the stop and after-submission states. */
  stepNumber: number | null;
  /** The question (or, for states that wait, the explanation). */
  promptKey: string;
  /** Messages shown before the prompt: privacy notice, guidance, requirements. */
  noteKeys: string[];
  /** Messages that follow the prompt: what else the person can do once it is said. */
  afterKeys: string[];
  input: StepInput;
}

const yesNoOptions = (event: (answer: YesNo) => ApplicantEvent, yes = 'conversation.option.yes', no = 'conversation.option.no') => [
  { value: 'yes', labelKey: yes, event: event('yes') },
  { value: 'no', labelKey: no, event: event('no') },
];

export const helpOption: ChoiceOption = { value: 'help', labelKey: 'conversation.option.help', event: { type: 'REQUEST_HELP' } };

const step = (
  id: StepId,
  stepNumber: number | null,
  promptKey: string,
  input: StepInput,
  noteKeys: string[] = [],
  afterKeys: string[] = [],
): StepMeta => ({ step: id, stepNumber, promptKey, noteKeys, afterKeys, input });

const changeQuestion = (question: ChangeQuestion, noteKeys: string[] = []) =>
  step(
    'changes',
    4,
    `conversation.changes.${question}`,
    {
      kind: 'choice',
      options: yesNoOptions((answer) => ({ type: 'ANSWER_CHANGE', question, answer })),
    },
    noteKeys,
  );

export const script = {
  welcome: step(
    'welcome',
    1,
    'conversation.welcome.prompt',
    { kind: 'choice', options: [{ value: 'yes', labelKey: 'conversation.option.acknowledge', event: { type: 'ACKNOWLEDGE' } }] },
    ['conversation.welcome.intro', 'conversation.welcome.privacy'],
  ),
  identity: step('identity', 2, 'conversation.identity.prompt', {
    kind: 'choice',
    options: yesNoOptions(
      (answer) => ({ type: 'CONFIRM_IDENTITY', answer }),
      'conversation.option.identityYes',
      'conversation.option.identityNo',
    ),
  }),
  identityMismatch: step('identityMismatch', null, 'conversation.identityMismatch.prompt', { kind: 'none', options: [helpOption] }),
  inCanada: step('presence', 3, 'conversation.presence.inCanada', {
    kind: 'choice',
    options: yesNoOptions((answer) => ({ type: 'ANSWER_IN_CANADA', answer })),
  }),
  entryDate: step('presence', 3, 'conversation.presence.entryDate', { kind: 'date' }),
  declaration: step('presence', 3, 'conversation.presence.declaration', {
    kind: 'choice',
    options: [{ value: 'yes', labelKey: 'conversation.option.declarePresence', event: { type: 'DECLARE_PRESENCE' } }],
  }),
  outsideCanada: step(
    'outsideCanada',
    null,
    'conversation.outsideCanada.prompt',
    {
      kind: 'none',
      options: [{ value: 'back', labelKey: 'conversation.option.backInCanada', event: { type: 'BACK_IN_CANADA' } }, helpOption],
    },
    [],
    // The explanation (the prompt) first, then the other way to confirm.
    ['conversation.outsideCanada.portOfEntry'],
  ),
  marital: changeQuestion('marital', ['conversation.changes.intro']),
  dependants: changeQuestion('dependants'),
  criminal: changeQuestion('criminal'),
  medical: changeQuestion('medical'),
  explanation: step('changes', 4, 'conversation.changes.explanation', { kind: 'text' }),
  residential: step('residential', 5, 'conversation.residential.prompt', { kind: 'address', addressKind: 'residential' }, [
    'conversation.residential.note',
  ]),
  mailingChoice: step('mailing', 6, 'conversation.mailing.prompt', {
    kind: 'choice',
    options: [
      { value: 'yes', labelKey: 'conversation.option.mailingSame', event: { type: 'MAILING_SAME_AS_RESIDENTIAL', same: true } },
      { value: 'no', labelKey: 'conversation.option.mailingDifferent', event: { type: 'MAILING_SAME_AS_RESIDENTIAL', same: false } },
    ],
  }),
  mailingAddress: step('mailing', 6, 'conversation.mailing.address', { kind: 'address', addressKind: 'mailing' }),
  photo: step('photo', 7, 'conversation.photo.prompt', { kind: 'photo' }, ['conversation.photo.requirements']),
  review: step('review', 8, 'conversation.review.prompt', { kind: 'signature' }, ['conversation.review.summary']),
  submitted: step(
    'submitted',
    null,
    'conversation.submitted.prompt',
    { kind: 'none', options: [{ value: 'left', labelKey: 'conversation.option.leftCanada', event: { type: 'REPORT_LEFT_CANADA' } }] },
    [],
    // "Thank you … your answers are sent" first, then "You don't need to stay here".
    ['conversation.submitted.next'],
  ),
  photoRejected: step('photoRejected', null, 'conversation.photoRejected.prompt', { kind: 'photo' }, [
    'conversation.photoRejected.intro',
    'conversation.photo.requirements',
  ]),
  // "Congratulations" first, then the eCOPR and what to do with it.
  confirmed: step(
    'confirmed',
    null,
    'conversation.confirmed.prompt',
    { kind: 'none' },
    [],
    ['conversation.confirmed.download', 'conversation.confirmed.signByHand', 'conversation.confirmed.card'],
  ),
} satisfies Record<string, StepMeta>;

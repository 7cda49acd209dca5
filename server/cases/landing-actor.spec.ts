import { describe, expect, it } from 'vitest';
import { startLanding, toPresence, toSubmitted } from '../../tests/fixtures/landing.fixtures';
import { promptMessages } from './landing-actor';

const keys = (run: ReturnType<typeof startLanding>) => promptMessages(run.snapshot()).map((message) => message.key);

describe('promptMessages: the order the assistant says things', () => {
  it('after signing: "your answers are sent", then "you don’t need to stay here"', () => {
    expect(keys(startLanding(toSubmitted))).toEqual(['conversation.submitted.prompt', 'conversation.submitted.next']);
  });

  it('outside Canada: the explanation, then the port of entry', () => {
    expect(keys(startLanding([...toPresence, { type: 'ANSWER_IN_CANADA', answer: 'no' }]))).toEqual([
      'conversation.outsideCanada.prompt',
      'conversation.outsideCanada.portOfEntry',
    ]);
  });

  it('confirmed: "congratulations", then the eCOPR and what to do with it', () => {
    const run = startLanding([
      ...toSubmitted,
      { type: 'PHOTO_APPROVED' },
      { type: 'PR_CONFIRMED', documentNumber: 'ECOPR-AAAA-BBBB-CCCC', prDate: '2024-06-01' },
    ]);
    expect(keys(run)).toEqual([
      'conversation.confirmed.prompt',
      'conversation.confirmed.download',
      'conversation.confirmed.signByHand',
      'conversation.confirmed.card',
    ]);
  });

  it('notes still come before their question', () => {
    expect(keys(startLanding())).toEqual(['conversation.welcome.intro', 'conversation.welcome.privacy', 'conversation.welcome.prompt']);
  });
});

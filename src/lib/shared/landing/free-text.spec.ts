import { describe, expect, it } from 'vitest';
import { interpretText } from './free-text';
import type { StepInput } from './steps';

const identity: StepInput = {
  kind: 'choice',
  options: [
    { value: 'yes', labelKey: 'y', event: { type: 'CONFIRM_IDENTITY', answer: 'yes' } },
    { value: 'no', labelKey: 'n', event: { type: 'CONFIRM_IDENTITY', answer: 'no' } },
  ],
};
const inCanada: StepInput = {
  kind: 'choice',
  options: [
    { value: 'yes', labelKey: 'y', event: { type: 'ANSWER_IN_CANADA', answer: 'yes' } },
    { value: 'no', labelKey: 'n', event: { type: 'ANSWER_IN_CANADA', answer: 'no' } },
  ],
};
const welcome: StepInput = { kind: 'choice', options: [{ value: 'yes', labelKey: 'a', event: { type: 'ACKNOWLEDGE' } }] };
const outside: StepInput = {
  kind: 'none',
  options: [
    { value: 'back', labelKey: 'b', event: { type: 'BACK_IN_CANADA' } },
    { value: 'help', labelKey: 'h', event: { type: 'REQUEST_HELP' } },
  ],
};

describe('interpretText: answers', () => {
  it.each(['yes', 'Yeah!', 'yep', 'Oui', 'ouais', 'c’est moi', 'That’s me', 'd’accord', 'exactement', 'Y'])('%j answers yes', (text) => {
    expect(interpretText(text, identity)).toEqual({ kind: 'answer', event: { type: 'CONFIRM_IDENTITY', answer: 'yes' } });
  });

  it.each(['no', 'Nope.', 'nah', 'Non', 'non merci', 'Ce n’est pas moi', 'not me', 'I am not', 'N'])('%j answers no', (text) => {
    expect(interpretText(text, identity)).toEqual({ kind: 'answer', event: { type: 'CONFIRM_IDENTITY', answer: 'no' } });
  });

  it('maps yes/no to the current question’s event, and an affirmative to a single button', () => {
    expect(interpretText('oui', inCanada)).toEqual({ kind: 'answer', event: { type: 'ANSWER_IN_CANADA', answer: 'yes' } });
    expect(interpretText('ok', welcome)).toEqual({ kind: 'answer', event: { type: 'ACKNOWLEDGE' } });
    expect(interpretText('no', welcome)).toEqual({ kind: 'unknown' });
  });

  it('does not take doubt for an answer', () => {
    expect(interpretText('I’m not sure', identity)).toEqual({ kind: 'unknown' });
    expect(interpretText('je ne sais pas', identity)).toEqual({ kind: 'unknown' });
    expect(interpretText('Je ne suis pas au Canada', inCanada)).toEqual({
      kind: 'answer',
      event: { type: 'ANSWER_IN_CANADA', answer: 'no' },
    });
    expect(interpretText('je suis au Canada', inCanada)).toEqual({ kind: 'answer', event: { type: 'ANSWER_IN_CANADA', answer: 'yes' } });
  });

  it('understands leaving and coming back to Canada', () => {
    expect(interpretText('I am outside Canada right now', inCanada)).toEqual({
      kind: 'answer',
      event: { type: 'ANSWER_IN_CANADA', answer: 'no' },
    });
    expect(interpretText('I left Canada last week', inCanada)).toEqual({
      kind: 'answer',
      event: { type: 'ANSWER_IN_CANADA', answer: 'no' },
    });
    expect(interpretText('J’ai quitté le Canada', 'none')).toEqual({ kind: 'answer', event: { type: 'REPORT_LEFT_CANADA' } });
    expect(interpretText('Je suis de retour', outside)).toEqual({ kind: 'answer', event: { type: 'BACK_IN_CANADA' } });
    expect(interpretText('I’m back in Canada', inCanada)).toEqual({ kind: 'answer', event: { type: 'ANSWER_IN_CANADA', answer: 'yes' } });
  });

  it('reads dates in both languages and refuses ambiguous ones', () => {
    expect(interpretText('le 5 mars 2024', 'date')).toEqual({ kind: 'answer', event: { type: 'ANSWER_ENTRY_DATE', date: '2024-03-05' } });
    expect(interpretText('March 5, 2024', 'date')).toEqual({ kind: 'answer', event: { type: 'ANSWER_ENTRY_DATE', date: '2024-03-05' } });
    expect(interpretText('05/03/2024', 'date')).toEqual({ kind: 'invalid', code: 'date_ambiguous' });
    expect(interpretText('30 février 2024', 'date')).toEqual({ kind: 'invalid', code: 'date_invalid' });
    expect(interpretText('I am not sure', 'date')).toEqual({ kind: 'unknown' });
  });

  it('picks a postal code out of an address typed as text', () => {
    expect(interpretText('24 Sussex Dr, Ottawa k1m1m4', 'address')).toEqual({ kind: 'postalCode', postalCode: 'K1M 1M4' });
    expect(interpretText('my code is W1A 0B1', 'address')).toEqual({ kind: 'invalid', code: 'postal_code_first_letter' });
    expect(interpretText('somewhere in Ottawa', 'address')).toEqual({ kind: 'unknown' });
  });

  it('takes free text as the explanation or the signature', () => {
    expect(interpretText(' Married in May. ', 'text')).toEqual({
      kind: 'answer',
      event: { type: 'EXPLAIN_CHANGES', text: 'Married in May.' },
    });
    expect(interpretText('Zoë Lévesque-Tremblay', 'signature')).toEqual({
      kind: 'answer',
      event: { type: 'SIGN', signature: 'Zoë Lévesque-Tremblay' },
    });
    const long = 'My wife and I married in May and she needs help with her own application for her family.';
    expect(interpretText(long, 'text')).toEqual({ kind: 'answer', event: { type: 'EXPLAIN_CHANGES', text: long } });
  });
});

describe('interpretText: requests', () => {
  it.each([
    'help',
    'I need help please',
    'Can I talk to someone?',
    'agent',
    'speak with a human',
    'Aide',
    'aidez-moi',
    'Je veux parler à quelqu’un',
    'un conseiller svp',
  ])('%j asks for a person', (text) => {
    expect(interpretText(text, identity)).toEqual({ kind: 'help', event: { type: 'REQUEST_HELP' } });
  });

  it.each([
    'What is the status of my application?',
    'status',
    'where is my file',
    'Où en est mon dossier ?',
    'statut',
    'État de ma demande',
    'has my application been approved',
  ])('%j asks about the application status', (text) => {
    expect(interpretText(text, 'date')).toEqual({ kind: 'status' });
  });

  it('does not mistake a marital status for an application status', () => {
    expect(interpretText('yes, my marital status changed', identity)).toEqual({
      kind: 'answer',
      event: { type: 'CONFIRM_IDENTITY', answer: 'yes' },
    });
  });

  it.each([
    ['I want to change my address', 'residential'],
    ['change my mailing address', 'mailing'],
    ['Modifier mon adresse', 'residential'],
    ['je veux changer ma photo', 'photo'],
    ['can I edit the date I arrived', 'presence'],
    ['modifier mes déclarations', 'changes'],
    ['I want to change my answer', null],
    ['revenir en arrière', null],
  ])('%j asks to change an earlier answer (%s)', (text, section) => {
    expect(interpretText(text, 'photo')).toEqual({ kind: 'edit', section });
  });

  it('does not read "a change" as a request to edit', () => {
    expect(interpretText('No change', inCanada)).toEqual({ kind: 'answer', event: { type: 'ANSWER_IN_CANADA', answer: 'no' } });
    expect(interpretText('There was a change in my family', 'photo')).toEqual({ kind: 'unknown' });
  });

  it.each([
    ['français', 'fr'],
    ['en français svp', 'fr'],
    ['Parlez-vous français ?', 'fr'],
    ['can we switch to French', 'fr'],
    ['in English', 'en'],
    ['English please', 'en'],
    ['je préfère l’anglais', 'en'],
  ])('%j switches language to %s', (text, lang) => {
    expect(interpretText(text, identity)).toEqual({ kind: 'language', lang });
  });

  it('switches to the other language when none is named', () => {
    expect(interpretText('change language', identity, 'en')).toEqual({ kind: 'language', lang: 'fr' });
    expect(interpretText('changer de langue', identity, 'fr')).toEqual({ kind: 'language', lang: 'en' });
  });

  it('does not read a nationality in an explanation as a language switch', () => {
    expect(interpretText('I married a French citizen', 'text')).toEqual({
      kind: 'answer',
      event: { type: 'EXPLAIN_CHANGES', text: 'I married a French citizen' },
    });
  });

  it('answers unknown to what it cannot place', () => {
    expect(interpretText('purple elephants', identity)).toEqual({ kind: 'unknown' });
    expect(interpretText('   ', identity)).toEqual({ kind: 'unknown' });
    expect(interpretText('hello', 'photo')).toEqual({ kind: 'unknown' });
  });
});

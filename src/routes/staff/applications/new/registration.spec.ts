import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/messages.server';
import { explainRegistration } from './registration-problems';
import { isoDateFrom, onCards, Registration } from './registration.svelte';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);

function fill(registration: Registration) {
  registration.applicationNumber = 'E001234567';
  Object.assign(registration.people[0]!, {
    givenName: 'Maria',
    familyName: 'Santos',
    dateOfBirth: '1988-04-12',
    uci: '1100-0001',
    email: 'santos@example.com',
  });
}

describe('the registration form', () => {
  it('adds a spouse or partner second and dependants after that', () => {
    const registration = new Registration();
    registration.add();
    registration.add();
    expect(registration.people.map((p) => p.role)).toEqual(['principal', 'spouse', 'dependant']);
    expect(new Set(registration.people.map((p) => p.key)).size).toBe(3);
  });

  it('keeps each problem on its own card when another card is removed', async () => {
    const registration = new Registration();
    fill(registration);
    const second = registration.add();
    const third = registration.add();
    Object.assign(third, { givenName: 'Lia', familyName: 'Santos', dateOfBirth: '2015-02-01', uci: '123', email: 'lia@example.com' });
    const result = await registration.submit();
    expect(result.ok).toBe(false);
    expect(registration.problem(third.key, 'uci')).toBe('uci_format');
    expect(registration.problem(second.key, 'familyName')).toBe('required');
    // A person may have one name only: an empty given name is no problem.
    expect(registration.problem(second.key, 'givenName')).toBeUndefined();

    registration.remove(second.key);
    expect(registration.problem(second.key, 'familyName')).toBeUndefined();
    expect(registration.problem(third.key, 'uci')).toBe('uci_format');
    const problems = explainRegistration(registration.failure!, registration.people, t);
    expect(problems.summary.fields[`person.${third.key}.uci`]).toBe(
      'Person 2: Enter a UCI of 8 or 10 digits, for example 1234‑5678 or 12‑3456‑7890.',
    );
    expect(problems.inputs[`person.${third.key}.uci`]).toBe(`person-${third.key}-uci`);
  });

  it('puts the server’s problems on the cards as they were sent, by position', () => {
    const registration = new Registration();
    const spouse = registration.add();
    const conflict = {
      ok: false as const,
      status: 409,
      code: 'conflict' as const,
      message: '',
      fields: { applicationNumber: 'already_registered', 'people.1.uci': 'uci_already_registered' },
    };
    registration.failure = onCards(
      conflict,
      registration.people.map((p) => p.key),
    );
    expect(registration.problem(spouse.key, 'uci')).toBe('uci_already_registered');
    const problems = explainRegistration(registration.failure, registration.people, t);
    expect(problems.inline.applicationNumber).toBe('This application is already registered. Search for it on the invitations page.');
    expect(problems.inline[`person.${spouse.key}.uci`]).toBe('A person with this UCI is already registered on another application.');
    expect(problems.summary.message).toBeNull();
    expect(problems.summary.fields[`person.${spouse.key}.uci`]).toMatch(/^Person 2: /);
  });

  it('reads dates typed without dashes', () => {
    expect(isoDateFrom(' 19880412 ')).toBe('1988-04-12');
    expect(isoDateFrom('1988/4/2')).toBe('1988-04-02');
    expect(isoDateFrom('12/04/1988')).toBe('12/04/1988');
  });
});

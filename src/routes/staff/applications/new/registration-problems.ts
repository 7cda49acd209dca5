import { explainFailure, type ApiFailure, type Explanation, type Translate } from '$lib/api';
import { hasMessage } from '$lib/i18n/messages';
import { personInputId, type PersonDraft, type PersonField } from './registration.svelte';

export interface RegistrationProblems {
  /** For the error summary: person problems start with which person they are about. */
  summary: Explanation;
  /** Field path → input id, for the summary's links. */
  inputs: Record<string, string>;
  /** Field path (`applicationNumber`, `person.<key>.<field>`) → message shown at the input. */
  inline: Record<string, string>;
}

function translate(keys: string[], t: Translate): string {
  const key = keys.find(hasMessage);
  return key ? t(key) : t('field.invalid');
}

const codeOf = (problem: string) => (/^[a-z_]+$/.test(problem) ? problem : 'invalid');

/** Translates a registration failure; call it inside `$derived` so a language switch re-translates. */
export function explainRegistration(failure: ApiFailure, people: PersonDraft[], t: Translate): RegistrationProblems {
  const summary: Record<string, string> = {};
  const inputs: Record<string, string> = { applicationNumber: 'application-number' };
  const inline: Record<string, string> = {};
  for (const [path, problem] of Object.entries(failure.fields)) {
    const code = codeOf(problem);
    const person = /^person\.(\d+)\.(\w+)$/.exec(path);
    if (person) {
      const key = Number(person[1]);
      const field = person[2] as PersonField;
      const index = people.findIndex((p) => p.key === key);
      if (index < 0) continue;
      const text = translate([`field.person.${field}.${code}`, `field.person.${field}.invalid`], t);
      inline[path] = text;
      summary[path] = t('register.problem', { person: t('register.person', { n: index + 1 }), problem: text });
      inputs[path] = personInputId(key, field);
    } else if (path === 'applicationNumber') {
      inline[path] = summary[path] = translate([`field.applicationNumber.${code}`, 'field.applicationNumber.invalid'], t);
    } else if (path === 'people') {
      summary[path] = translate([`field.people.${code}`], t);
      if (people[0]) inputs[path] = personInputId(people[0].key, 'role');
    } else if (path !== 'retryAfterSeconds') {
      summary[path] = t('field.invalid');
    }
  }
  const general = explainFailure(failure, t).message;
  return { summary: { message: Object.keys(summary).length ? null : general, fields: summary }, inputs, inline };
}

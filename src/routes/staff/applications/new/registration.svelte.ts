import { invalidInput, type ApiFailure, type ApiResult } from '$lib/api';
import type { Lang } from '$lib/i18n/lang';
import { registerApplicationBody, type PersonRole } from '$lib/shared/application.schemas';
import { applications, type ApplicationView } from '$lib/staff/applications';

export const personFields = ['role', 'givenName', 'familyName', 'dateOfBirth', 'uci', 'email', 'lang'] as const;
export type PersonField = (typeof personFields)[number];

/** One person card as the officer fills it in; `key` stays with the card when others are removed. */
export interface PersonDraft {
  key: number;
  role: PersonRole;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  uci: string;
  email: string;
  lang: Lang;
}

/** `19880412`, `1988/4/12` or `1988.04.12` become `1988-04-12`; anything else is left for the schema to refuse. */
export function isoDateFrom(typed: string): string {
  const value = typed.trim();
  if (/^\d{8}$/.test(value)) return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}`;
  const parts = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/.exec(value);
  return parts ? `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}` : value;
}

/** The id of a person card's input, stable while cards are added and removed. */
export const personInputId = (key: number, field: PersonField) => (field === 'lang' ? `person-${key}-lang-en` : `person-${key}-${field}`);

/**
 * The registration form. A failure's `people.<index>.<field>` paths (from the shared schema or the
 * server) are re-keyed to `person.<key>.<field>` at once, so they stay on the right card.
 */
export class Registration {
  applicationNumber = $state('');
  people = $state<PersonDraft[]>([]);
  busy = $state(false);
  failure = $state.raw<ApiFailure | null>(null);
  private nextKey = 1;

  constructor() {
    this.add();
  }

  /** Adds a card: the principal first, then a spouse or partner if there is none, else a dependant. */
  add(): PersonDraft {
    const role: PersonRole = this.people.length === 0 ? 'principal' : this.people.some((p) => p.role === 'spouse') ? 'dependant' : 'spouse';
    const draft: PersonDraft = {
      key: this.nextKey++,
      role,
      givenName: '',
      familyName: '',
      dateOfBirth: '',
      uci: '',
      email: '',
      lang: 'en',
    };
    this.people.push(draft);
    return draft;
  }

  remove(key: number) {
    this.people = this.people.filter((p) => p.key !== key);
    if (!this.failure) return;
    const fields = Object.fromEntries(Object.entries(this.failure.fields).filter(([path]) => !path.startsWith(`person.${key}.`)));
    this.failure = { ...this.failure, fields };
  }

  /** Problem code of one card's field, if the last attempt had one. */
  problem(key: number, field: PersonField): string | undefined {
    return this.failure?.fields[`person.${key}.${field}`];
  }

  async submit(): Promise<ApiResult<ApplicationView>> {
    const snapshot = this.people.map((p) => p.key);
    const { applicationNumber } = this;
    const people = this.people.map((p) => ({
      role: p.role,
      givenName: p.givenName,
      familyName: p.familyName,
      dateOfBirth: isoDateFrom(p.dateOfBirth),
      uci: p.uci,
      email: p.email.trim(),
      lang: p.lang,
    }));
    const body = registerApplicationBody.safeParse({ applicationNumber, people });
    this.busy = true;
    const result = body.success ? await applications.register(body.data) : invalidInput(body.error);
    this.busy = false;
    this.failure = result.ok ? null : onCards(result, snapshot);
    return result;
  }
}

/** Re-keys `people.<index>.<field>` to `person.<key>.<field>`, `keys` being the card keys in the order sent. */
export function onCards(failure: ApiFailure, keys: number[]): ApiFailure {
  const fields: Record<string, string> = {};
  for (const [path, problem] of Object.entries(failure.fields)) {
    const match = /^people\.(\d+)\.(\w+)$/.exec(path);
    const key = match && keys[Number(match[1])];
    fields[key ? `person.${key}.${match[2]}` : path] ??= problem;
  }
  return { ...failure, fields };
}

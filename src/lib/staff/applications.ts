import { api } from '$lib/api';
import type { Lang } from '$lib/i18n/lang';
import type { InvitationState, PersonRole, RegisterApplicationBody } from '$lib/shared/application.schemas';
import { fullNameOf } from '$lib/shared/person-name';

/** `pending` only between registering a person and queueing their first invitation. */
export type ShownInvitationState = InvitationState | 'pending';

/** One person as `GET /api/applications[/:id]` shows them (dates as ISO strings). */
export interface PersonView {
  id: string;
  role: PersonRole;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  /** Digits only; show it with `formatUci`. */
  uci: string;
  email: string;
  lang: Lang;
  invitation: { state: ShownInvitationState; sentAt: string | null; expiresAt: string | null; respondedAt: string | null };
  hasAccount: boolean;
}

export interface ApplicationView {
  id: string;
  applicationNumber: string;
  registeredAt: string;
  people: PersonView[];
}

/** How many applications the list endpoint answers at most. */
export const LIST_LIMIT = 50;

const person = (id: string) => `/api/people/${encodeURIComponent(id)}/invitation`;

/** The officers' application and invitation endpoints. Like `api`, never throws. */
export const applications = {
  list: (search: string) => api.get<ApplicationView[]>(`/api/applications${search ? `?search=${encodeURIComponent(search)}` : ''}`),
  get: (id: string) => api.get<ApplicationView>(`/api/applications/${encodeURIComponent(id)}`),
  register: (body: RegisterApplicationBody) => api.post<ApplicationView>('/api/applications', body),
  resend: (personId: string) => api.post(`${person(personId)}/resend`),
  revoke: (personId: string) => api.post(`${person(personId)}/revoke`),
};

export const fullName = (p: Pick<PersonView, 'givenName' | 'familyName'>) => fullNameOf(p);

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-CA' : 'en-CA');

/** A calendar date such as a date of birth (`YYYY-MM-DD`), never shifted by the time zone. */
export function formatDay(isoDate: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A moment (sent, expires, answered) in the reader's time zone. */
export function formatMoment(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

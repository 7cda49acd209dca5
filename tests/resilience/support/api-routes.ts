/**
 * Every `/api` route with what it reads, for the hostile-input and cross-site tests. The list is the
 * one of tests/integration/authorization.test.ts (same routes, same order); keep the two in step.
 */
export type ParamKind = 'uuid' | 'case' | 'token' | 'code';

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT';
  /** With one `:param` at most. */
  path: string;
  param?: ParamKind;
  /** A valid-shaped JSON body and its required keys, for routes that read one. */
  body?: { base: Record<string, unknown>; required: string[] };
  /** `strict`: a zod query schema refuses unknown keys; `ignored`: the route reads no query. */
  query: 'strict' | 'ignored';
  /** The body is raw bytes (the photo upload). */
  raw?: boolean;
  /** Signed-in callers would end their own session: only tried anonymously. */
  endsSession?: boolean;
}

const person = {
  role: 'principal',
  givenName: 'Ana',
  familyName: 'Silva',
  dateOfBirth: '1990-01-01',
  uci: '12345678',
  email: 'ana@example.com',
  lang: 'en',
};

export const apiRoutes: ApiRoute[] = [
  { method: 'GET', path: '/api/health', query: 'ignored' },
  { method: 'GET', path: '/api/openapi.json', query: 'ignored' },
  { method: 'GET', path: '/api/dev/mailbox', query: 'strict' },
  { method: 'GET', path: '/api/invitations/:token', param: 'token', query: 'ignored' },
  { method: 'POST', path: '/api/invitations/:token/accept', param: 'token', query: 'ignored' },
  { method: 'POST', path: '/api/invitations/:token/decline', param: 'token', query: 'ignored' },
  { method: 'GET', path: '/api/auth/me', query: 'ignored' },
  {
    method: 'POST',
    path: '/api/auth/login',
    query: 'ignored',
    body: { base: { username: 'nobody-here', password: 'not the password' }, required: ['username', 'password'] },
  },
  { method: 'POST', path: '/api/auth/logout', query: 'ignored', endsSession: true },
  {
    method: 'POST',
    path: '/api/auth/password',
    query: 'ignored',
    body: {
      base: { currentPassword: 'not the password', newPassword: 'a new long passphrase 99' },
      required: ['currentPassword', 'newPassword'],
    },
  },
  { method: 'POST', path: '/api/auth/totp/enrol', query: 'ignored' },
  { method: 'POST', path: '/api/auth/totp/verify', query: 'ignored', body: { base: { code: '123456' }, required: ['code'] } },
  { method: 'POST', path: '/api/auth/totp/skip', query: 'ignored' },
  { method: 'GET', path: '/api/staff-accounts', query: 'ignored' },
  {
    method: 'POST',
    path: '/api/staff-accounts',
    query: 'ignored',
    body: {
      base: { username: 'new.officer', fullName: 'New Officer', displayName: 'New', role: 'officer' },
      required: ['username', 'fullName', 'displayName', 'role'],
    },
  },
  { method: 'POST', path: '/api/staff-accounts/:id/disable', param: 'uuid', query: 'ignored' },
  { method: 'POST', path: '/api/staff-accounts/:id/enable', param: 'uuid', query: 'ignored' },
  { method: 'GET', path: '/api/applications', query: 'strict' },
  {
    method: 'POST',
    path: '/api/applications',
    query: 'ignored',
    body: { base: { applicationNumber: 'E000000001', people: [person] }, required: ['applicationNumber', 'people'] },
  },
  { method: 'POST', path: '/api/applications/import', query: 'ignored', body: { base: { csv: 'applicationNumber\n' }, required: ['csv'] } },
  { method: 'GET', path: '/api/applications/import/:id', param: 'uuid', query: 'ignored' },
  { method: 'GET', path: '/api/applications/:id', param: 'uuid', query: 'ignored' },
  { method: 'POST', path: '/api/people/:id/invitation/resend', param: 'uuid', query: 'ignored' },
  { method: 'POST', path: '/api/people/:id/invitation/revoke', param: 'uuid', query: 'ignored' },
  { method: 'PUT', path: '/api/photos', query: 'ignored', raw: true },
  { method: 'GET', path: '/api/board', query: 'strict' },
  { method: 'GET', path: '/api/board/export.csv', query: 'strict' },
  { method: 'GET', path: '/api/staff/cases/:id', param: 'case', query: 'ignored' },
  { method: 'POST', path: '/api/staff/cases/:id/photo/approve', param: 'case', query: 'ignored' },
  {
    method: 'POST',
    path: '/api/staff/cases/:id/photo/reject',
    param: 'case',
    query: 'ignored',
    body: { base: { reason: 'too_dark' }, required: ['reason'] },
  },
  {
    method: 'POST',
    path: '/api/staff/cases/:id/flags/resolve',
    param: 'case',
    query: 'ignored',
    body: { base: { flag: 'outside_canada', note: 'checked' }, required: ['flag', 'note'] },
  },
  { method: 'POST', path: '/api/staff/cases/:id/confirm', param: 'case', query: 'ignored' },
  {
    method: 'POST',
    path: '/api/staff/cases/confirm-many',
    query: 'ignored',
    body: { base: { caseIds: ['case-00000000-0000-0000-0000-000000000000'] }, required: ['caseIds'] },
  },
  { method: 'GET', path: '/api/help-queue', query: 'ignored' },
  { method: 'GET', path: '/api/help-queue/referrals', query: 'ignored' },
  { method: 'GET', path: '/api/ecopr', query: 'ignored' },
  { method: 'GET', path: '/api/verify/:code', param: 'code', query: 'ignored' },
  { method: 'GET', path: '/api/photos/:id', param: 'uuid', query: 'ignored' },
];

/** The unsafe (state-changing) routes: the ones a cross-site request must never reach. */
export const unsafeRoutes = apiRoutes.filter((r) => r.method !== 'GET');

/** Fills the route's parameter. */
export const routePath = (route: ApiRoute, param: string) => route.path.replace(/:[a-z]+/, param);

import type { ZodError } from 'zod';
import { hasMessage, type MessageKey } from '$lib/i18n/messages';
import { errorCodes, type ErrorCode } from '$lib/shared/ack';

/** A server error code, or `network` when no answer arrived at all. */
export type ApiErrorCode = ErrorCode | 'network';

export interface ApiFailure {
  ok: false;
  /** HTTP status; 0 when the request never got an answer. */
  status: number;
  code: ApiErrorCode;
  /** The server's English text, for logs only: people see `explainFailure`. */
  message: string;
  /** Field → problem code, e.g. `{ newPassword: 'common' }`. */
  fields: Record<string, string>;
}

export type ApiResult<T> = { ok: true; data: T } | ApiFailure;

const isRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, code: 'network', message: 'No answer from the server.', fields: {} };
  }
  const payload: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (res.ok) return { ok: true, data: payload as T };
  const error = (payload ?? {}) as { code?: unknown; message?: unknown; fields?: unknown };
  const known = errorCodes.find((code) => code === error.code);
  return {
    ok: false,
    status: res.status,
    code: known ?? (res.status >= 500 ? 'internal' : 'bad_request'),
    message: typeof error.message === 'string' ? error.message : '',
    fields: isRecord(error.fields) ? error.fields : {},
  };
}

/** The portal's JSON API, same-origin with the session cookie. Never throws. */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T = undefined>(path: string, body?: unknown) => request<T>('POST', path, body),
};

/** A failure built from the shared zod schema before anything is sent (same shape as the server's 422). */
export function invalidInput(error: ZodError): ApiFailure {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.map(String).join('.') || '(body)'] ??= issue.message;
  return { ok: false, status: 422, code: 'validation_failed', message: 'Some fields are not valid.', fields };
}

const errorKeys: Record<ApiErrorCode, MessageKey> = {
  bad_request: 'api.error.bad_request',
  validation_failed: 'api.error.validation_failed',
  unauthenticated: 'api.error.unauthenticated',
  invalid_credentials: 'api.error.invalid_credentials',
  forbidden: 'api.error.forbidden',
  not_found: 'api.error.not_found',
  conflict: 'api.error.conflict',
  event_refused: 'api.error.event_refused',
  rate_limited: 'api.error.rate_limited',
  payload_too_large: 'api.error.payload_too_large',
  unsupported_media_type: 'api.error.unsupported_media_type',
  db_unavailable: 'api.error.db_unavailable',
  internal: 'api.error.internal',
  network: 'api.error.network',
};

/** Fields the server adds for the client's benefit, not problems with an input. */
const detailFields = new Set(['retryAfterSeconds']);

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** What to tell the person: one overall message (or null when the field messages say it all), and one per field. */
export interface Explanation {
  message: string | null;
  fields: Record<string, string>;
}

function fieldKey(field: string, problem: string): MessageKey {
  const code = /^[a-z_]+$/.test(problem) ? problem : 'invalid';
  for (const key of [`field.${field}.${code}`, `field.${field}.invalid`]) if (hasMessage(key)) return key;
  return 'field.invalid';
}

/** Turns a failure into translated text. Call it inside `$derived` so a language switch re-translates. */
export function explainFailure(failure: ApiFailure, t: Translate): Explanation {
  const fields: Record<string, string> = {};
  for (const [field, problem] of Object.entries(failure.fields)) {
    if (!detailFields.has(field)) fields[field] = t(fieldKey(field, problem));
  }
  if (failure.code === 'rate_limited') {
    const seconds = Number(failure.fields.retryAfterSeconds);
    const minutes = Number.isFinite(seconds) && seconds > 60 ? Math.ceil(seconds / 60) : 1;
    return { message: t(minutes === 1 ? 'api.error.rate_limited.one' : 'api.error.rate_limited', { minutes }), fields };
  }
  return { message: Object.keys(fields).length > 0 ? null : t(errorKeys[failure.code]), fields };
}

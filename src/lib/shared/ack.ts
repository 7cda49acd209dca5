/** Stable error codes shared by HTTP responses and socket acks. Clients translate them. */
export const errorCodes = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'conflict',
  'event_refused',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'db_unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface AckError {
  code: ErrorCode;
  message: string;
  /** Field-level details, e.g. which input was invalid. */
  fields?: Record<string, string>;
}

/** Every socket ack answers with this shape. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

export type AckCallback<T> = (result: Ack<T>) => void;

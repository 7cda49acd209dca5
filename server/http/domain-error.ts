import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AckError, ErrorCode } from '../../src/lib/shared/ack';

const statusByCode: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  event_refused: 422,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  db_unavailable: 503,
  internal: 500,
};

/** An expected failure with a stable code; mapped to `{ code, message }` for HTTP and sockets. */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }

  get status(): ContentfulStatusCode {
    return statusByCode[this.code];
  }

  toJSON(): AckError {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

import { hasMessage } from '$lib/i18n/messages';

/**
 * The i18n key that explains a refusal to the applicant. The server's `message` is English for
 * developers and never shown: a reason code first, then the error code, then a general sentence.
 */
export function refusalKey(code: string): string {
  for (const key of [`conversation.error.${code}`, `api.error.${code}`]) if (hasMessage(key)) return key;
  return 'conversation.error.invalid_event';
}

/** Why a photo upload failed: the photo reason (`fields.photo`), else the error code, else the connection. */
export function photoFailureKey(failure: { status: number; code: string | null; reason: string | null }): string {
  if (failure.reason && hasMessage(`photo.rejected.${failure.reason}`)) return `photo.rejected.${failure.reason}`;
  if (failure.status === 0) return 'chat.photo.uploadFailed';
  if (failure.code && hasMessage(`api.error.${failure.code}`)) return `api.error.${failure.code}`;
  return 'chat.photo.serverError';
}

import { explainFailure, type ApiFailure, type Translate } from '$lib/api';
import type { Lang } from '$lib/i18n/lang';
import { hasMessage, translateKey } from '$lib/i18n/messages';
import type { TranscriptEntry } from '$lib/shared/case.contract';
import type { Message } from '$lib/shared/landing';
import { formatDay } from './applications';
import type { AuditRecord } from './case-detail';

/** Stored codes inside staff decisions and audit details, in words. */
function wordsFor(params: Record<string, unknown>, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const text = String(value ?? '');
    if (name === 'reason' && hasMessage(`board.reason.${text}`)) out[name] = translateKey(lang, `board.reason.${text}`);
    else if (name === 'flag' && hasMessage(`board.flag.${text}`)) out[name] = translateKey(lang, `board.flag.${text}`);
    // One date format per language on staff screens: calendar dates are written out, never ISO.
    else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) out[name] = formatDay(text, lang);
    else out[name] = text;
  }
  return out;
}

/** A transcript message in `lang` as staff read it: reasons and flags in words, dates written out. */
export function messageText(message: Message, lang: Lang): string {
  return translateKey(lang, message.key, wordsFor(message.params ?? {}, lang)).trim();
}

/** A transcript entry in `lang` (see `messageText`). */
export function entryText(entry: TranscriptEntry, lang: Lang): string {
  return messageText(entry.message, lang);
}

/** What an audit record did, e.g. "Rejected the photo", or its code when it has no name yet. */
export function auditAction(record: AuditRecord, lang: Lang): string {
  const key = `caseView.audit.${record.action}`;
  return hasMessage(key) ? translateKey(lang, key) : record.action;
}

/** The details worth reading in an audit record: reason or flag in words, the note, a document number. */
export function auditDetails(record: AuditRecord, lang: Lang): string {
  const words = wordsFor(record.details ?? {}, lang);
  return [words.reason, words.flag, words.note, words.documentNumber].filter(Boolean).join(' — ');
}

/**
 * Why an officer's action failed, in the page's language: a refused decision says what the
 * machine refused (`fields.reason`), anything else as the API explains it.
 */
export function explainActionFailure(failure: ApiFailure, t: Translate, lang: Lang): string {
  const reason = failure.fields.reason;
  if (failure.code === 'event_refused' && reason && hasMessage(`conversation.error.${reason}`))
    return translateKey(lang, `conversation.error.${reason}`);
  if (failure.code === 'event_refused' && failure.message) return failure.message;
  const explained = explainFailure(failure, t);
  return explained.message ?? Object.values(explained.fields).join(' ');
}

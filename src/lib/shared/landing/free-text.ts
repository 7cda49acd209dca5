import type { Lang } from '../../i18n/lang';
import { parseTypedDate } from './dates';
import type { ApplicantEvent } from './events';
import {
  backInCanadaPatterns,
  editPatterns,
  helpPatterns,
  languagePatterns,
  leftCanadaPatterns,
  noPattern,
  otherLanguagePatterns,
  sectionPatterns,
  statusPatterns,
  unsurePattern,
  yesPattern,
} from './free-text.lexicon';
import { checkPostalCode } from './postal-code';
import type { EditableSection, InputKind, StepInput } from './steps';

/** What a typed message means for the current question. */
export type TextInterpretation =
  /** An answer: send `event` to the machine (the server stamps `at`). */
  | { kind: 'answer'; event: ApplicantEvent }
  /** Asking for a person: send `REQUEST_HELP`. */
  | { kind: 'help'; event: { type: 'REQUEST_HELP' } }
  /** Asking about the application's status: the portal does not show it (rule 4). */
  | { kind: 'status' }
  /** Wants to change an earlier answer; `section` when one was named. */
  | { kind: 'edit'; section: EditableSection | null }
  | { kind: 'language'; lang: Lang }
  /** A valid postal code typed where an address is asked: prefill the address widget with it. */
  | { kind: 'postalCode'; postalCode: string }
  /** Recognisably an attempt at an answer, but not a valid one (`date_ambiguous`, `postal_code_invalid`...). */
  | { kind: 'invalid'; code: string }
  | { kind: 'unknown' };

/** Lower case, accents stripped, straight apostrophes, single spaces, no punctuation at the ends. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:!?¡¿«»"-]+|[\s.,;:!?¡¿«»"-]+$/g, '');
}

const matchesAny = (text: string, patterns: readonly RegExp[]) => patterns.some((pattern) => pattern.test(text));

/** Free-form answers (an explanation, a signature) only count as a request when they are short. */
const MAX_REQUEST_WORDS = 8;

function intent(text: string, lang: Lang | undefined): TextInterpretation | null {
  if (matchesAny(text, statusPatterns)) return { kind: 'status' };
  for (const target of ['fr', 'en'] as const) {
    if (matchesAny(text, languagePatterns[target])) return { kind: 'language', lang: target };
  }
  const other = otherLanguagePatterns.find(({ pattern }) => pattern.test(text));
  if (other) return { kind: 'language', lang: (lang ?? other.phraseLang) === 'fr' ? 'en' : 'fr' };
  if (matchesAny(text, helpPatterns)) return { kind: 'help', event: { type: 'REQUEST_HELP' } };
  if (matchesAny(text, editPatterns)) {
    return { kind: 'edit', section: sectionPatterns.find(([, pattern]) => pattern.test(text))?.[0] ?? null };
  }
  return null;
}

function yesOrNo(text: string): 'yes' | 'no' | null {
  if (unsurePattern.test(text)) return null;
  if (text === 'n' || noPattern.test(text)) return 'no';
  if (text === 'y' || yesPattern.test(text)) return 'yes';
  return null;
}

function choose(text: string, input: StepInput): TextInterpretation {
  const options = input.options ?? [];
  const byValue = (value: string) => options.find((option) => option.value === value);
  const answersInCanada = options.some((option) => option.event.type === 'ANSWER_IN_CANADA');
  if (matchesAny(text, leftCanadaPatterns)) {
    const event: ApplicantEvent = answersInCanada ? { type: 'ANSWER_IN_CANADA', answer: 'no' } : { type: 'REPORT_LEFT_CANADA' };
    return { kind: 'answer', event };
  }
  if (matchesAny(text, backInCanadaPatterns)) {
    const back = byValue('back') ?? (answersInCanada ? byValue('yes') : undefined);
    if (back) return { kind: 'answer', event: back.event };
  }
  const answer = yesOrNo(text);
  const option = answer ? byValue(answer) : undefined;
  return option ? { kind: 'answer', event: option.event } : { kind: 'unknown' };
}

function answer(raw: string, text: string, input: StepInput): TextInterpretation {
  switch (input.kind) {
    case 'date': {
      const parsed = parseTypedDate(raw);
      if (parsed.ok) return { kind: 'answer', event: { type: 'ANSWER_ENTRY_DATE', date: parsed.date } };
      return parsed.code === 'date_unrecognised' && !/\d/.test(text) ? { kind: 'unknown' } : { kind: 'invalid', code: parsed.code };
    }
    case 'address': {
      const found = /\b([a-z]\d[a-z])[\s-]?(\d[a-z]\d)\b/i.exec(raw);
      if (!found) return { kind: 'unknown' };
      const checked = checkPostalCode(`${found[1]}${found[2]}`);
      return checked.ok ? { kind: 'postalCode', postalCode: checked.value } : { kind: 'invalid', code: checked.code };
    }
    case 'signature': {
      const signature = raw.trim();
      if (signature.length > 200) return { kind: 'invalid', code: 'signature_too_long' };
      return { kind: 'answer', event: { type: 'SIGN', signature } };
    }
    case 'text': {
      const explanation = raw.trim();
      if (explanation.length > 2000) return { kind: 'invalid', code: 'explanation_too_long' };
      return { kind: 'answer', event: { type: 'EXPLAIN_CHANGES', text: explanation } };
    }
    case 'photo':
      return { kind: 'unknown' };
    default:
      return choose(text, input);
  }
}

/**
 * Interprets a typed message for the current question (`describeState(...).input`). Requests
 * (status, language, help, change an answer) come first; then the text is read as an answer of
 * the expected kind and mapped to the machine event that answers it. Never throws.
 */
export function interpretText(raw: string, input: StepInput | InputKind, lang?: Lang): TextInterpretation {
  const step = typeof input === 'string' ? { kind: input } : input;
  const text = foldText(raw);
  if (text === '') return { kind: 'unknown' };
  const freeForm = step.kind === 'text' || step.kind === 'signature';
  const isShort = text.split(' ').length <= MAX_REQUEST_WORDS;
  const request = !freeForm || isShort ? intent(text, lang) : null;
  return request ?? answer(raw, text, step);
}

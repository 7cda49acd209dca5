/** Stable codes for date problems; the UI and the assistant translate them. */
export const dateErrors = ['date_invalid', 'date_ambiguous', 'date_unrecognised', 'date_in_future'] as const;
export type DateError = (typeof dateErrors)[number];

const isoShape = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The ISO date `YYYY-MM-DD` for a year, month and day, or null when no such day exists (2023-02-30). */
export function toIsoDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isRealDate(value: string): boolean {
  const match = isoShape.exec(value);
  return match !== null && toIsoDate(Number(match[1]), Number(match[2]), Number(match[3])) === value;
}

/** The calendar date (UTC) of an ISO timestamp: the server's `at` becomes "today". */
export const dateOf = (timestamp: string): string => timestamp.slice(0, 10);

/** Predicate: the ISO date is not after `today` (ISO dates compare as strings). */
export const notInFuture = (today: string) => (date: string) => date <= today;

/** Predicate: the ISO date is not before `other`. */
export const notBefore = (other: string) => (date: string) => date >= other;

/** The first problem with an ISO date of something that already happened, or null. */
export function checkPastDate(date: string, today: string): 'date_invalid' | 'date_in_future' | null {
  if (!isRealDate(date)) return 'date_invalid';
  return notInFuture(today)(date) ? null : 'date_in_future';
}

const months: Record<string, number> = {
  january: 1,
  jan: 1,
  janvier: 1,
  janv: 1,
  february: 2,
  feb: 2,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  march: 3,
  mar: 3,
  mars: 3,
  april: 4,
  apr: 4,
  avril: 4,
  avr: 4,
  may: 5,
  mai: 5,
  june: 6,
  jun: 6,
  juin: 6,
  july: 7,
  jul: 7,
  juillet: 7,
  juil: 7,
  august: 8,
  aug: 8,
  aout: 8,
  september: 9,
  sep: 9,
  sept: 9,
  septembre: 9,
  october: 10,
  oct: 10,
  octobre: 10,
  november: 11,
  nov: 11,
  novembre: 11,
  december: 12,
  dec: 12,
  decembre: 12,
};

export type ParsedDate = { ok: true; date: string } | { ok: false; code: 'date_invalid' | 'date_ambiguous' | 'date_unrecognised' };

const found = (date: string | null): ParsedDate => (date ? { ok: true, date } : { ok: false, code: 'date_invalid' });

/** `2024-03-05` or `2024/03/05`: year first is never ambiguous. */
function yearFirst(text: string): ParsedDate | null {
  const match = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(text);
  return match ? found(toIsoDate(Number(match[1]), Number(match[2]), Number(match[3]))) : null;
}

/** `05/03/2024`: day-month or month-day? Accepted only when just one reading is a real date. */
function numeric(text: string): ParsedDate | null {
  const match = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/.exec(text);
  if (!match) return null;
  const [a, b, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const readings = new Set([toIsoDate(year, b, a), toIsoDate(year, a, b)].filter((d) => d !== null));
  if (readings.size > 1) return { ok: false, code: 'date_ambiguous' };
  return found([...readings][0] ?? null);
}

/** `5 mars 2024`, `1er mars 2024`, `5th of March 2024`, `March 5, 2024`, `Mar. 5 2024`. */
function withMonthName(text: string): ParsedDate | null {
  const dayFirst = /\b(\d{1,2})(?:er|re|e|st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{4})\b/g;
  for (const match of text.matchAll(dayFirst)) {
    const month = months[match[2] ?? ''];
    if (month) return found(toIsoDate(Number(match[3]), month, Number(match[1])));
  }
  const monthFirst = /\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/g;
  for (const match of text.matchAll(monthFirst)) {
    const month = months[match[1] ?? ''];
    if (month) return found(toIsoDate(Number(match[3]), month, Number(match[2])));
  }
  return null;
}

/**
 * Finds a date typed in English or French, anywhere in the text ("I arrived on March 5, 2024").
 * `05/03/2024` is refused as `date_ambiguous` (5 March or May 3?); `2023-02-30` as `date_invalid`.
 */
export function parseTypedDate(input: string): ParsedDate {
  const text = input.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return yearFirst(text) ?? numeric(text) ?? withMonthName(text) ?? { ok: false, code: 'date_unrecognised' };
}

import type { Lang } from '../i18n/lang';

/** Times a person reads are given in Eastern time, with its name, as in the emails. */
export const READER_TIME_ZONE = 'America/Toronto';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const locale = (lang: Lang) => (lang === 'fr' ? 'fr-CA' : 'en-CA');

/** A calendar date (`2026-06-14`): "June 14, 2026" / "14 juin 2026". The one date format per language. */
export function readableDate(lang: Lang, isoDate: string): string {
  return new Intl.DateTimeFormat(locale(lang), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  );
}

/** An instant: "June 14, 2026 at 11:59 p.m. EDT" / "14 juin 2026 à 23 h 59 HAE". */
export function readableDateTime(lang: Lang, instant: Date | string, timeZone = READER_TIME_ZONE): string {
  return new Intl.DateTimeFormat(locale(lang), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Message parameters with every ISO date or instant written the readable way; other values untouched. */
export function readableParams(
  lang: Lang,
  params: Record<string, string | number> | undefined,
): Record<string, string | number> | undefined {
  if (!params) return params;
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] =
      typeof value !== 'string'
        ? value
        : ISO_DATE.test(value)
          ? readableDate(lang, value)
          : ISO_INSTANT.test(value)
            ? readableDateTime(lang, value)
            : value;
  }
  return out;
}

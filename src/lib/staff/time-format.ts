import type { Translate } from '$lib/api';
import type { Lang } from '$lib/i18n/lang';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-CA' : 'en-CA');

/** A span of time as officers scan it: `< 1 min`, `12 min`, `3 h 5 min`, `2 d 4 h`. */
export function formatDuration(ms: number, t: Translate): string {
  const span = Math.max(0, ms);
  if (span < MINUTE) return t('board.duration.underMinute');
  if (span < HOUR) return t('board.duration.minutes', { m: Math.floor(span / MINUTE) });
  if (span < DAY) return t('board.duration.hours', { h: Math.floor(span / HOUR), m: Math.floor((span % HOUR) / MINUTE) });
  return t('board.duration.days', { d: Math.floor(span / DAY), h: Math.floor((span % DAY) / HOUR) });
}

/** How long ago `iso` was, relative to `now`: "5 minutes ago", « il y a 5 minutes ». */
export function formatAgo(iso: string, now: number, lang: Lang): string {
  const span = Math.max(0, now - new Date(iso).getTime());
  const format = new Intl.RelativeTimeFormat(locale(lang), { numeric: 'auto' });
  if (span < MINUTE) return format.format(0, 'second');
  if (span < HOUR) return format.format(-Math.floor(span / MINUTE), 'minute');
  if (span < DAY) return format.format(-Math.floor(span / HOUR), 'hour');
  return format.format(-Math.floor(span / DAY), 'day');
}

/** The exact moment, for a `title` next to a relative time. */
export function formatExact(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'full', timeStyle: 'medium' }).format(new Date(iso));
}

/** A short moment for lists (transcript, audit trail): today only the time, otherwise date and time. */
export function formatShort(iso: string, now: number, lang: Lang): string {
  const at = new Date(iso);
  const sameDay = new Date(now).toDateString() === at.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(locale(lang), options).format(at);
}

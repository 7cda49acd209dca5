/**
 * The calendar date, `YYYY-MM-DD`, of an instant in Eastern Time, where IRCC records the date
 * of permanent residence: an officer confirming at 21:00 in Ottawa on May 31 gives May 31,
 * although it is already June 1 in UTC.
 */
export function dateInCanada(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

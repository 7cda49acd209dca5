import type { BoardQuery } from '../../src/lib/shared/board.contract';
import type { IndexedRow } from './board-filters';

export type BoardOrder = Pick<BoardQuery, 'sort' | 'dir'>;

/** The database's sort for an order: the key, then `_id` ascending so pages never overlap. */
export const mongoSort = ({ sort, dir }: BoardOrder): Record<string, 1 | -1> => ({ [sort]: dir === 'asc' ? 1 : -1, _id: 1 });

/** The value a row is sorted by, for each sort key. */
export const sortKey: Record<BoardOrder['sort'], (r: IndexedRow) => string | number> = {
  personName: (r) => r.row.personName,
  applicationNumber: (r) => r.row.applicationNumber,
  step: (r) => r.row.step,
  stepEnteredAt: (r) => r.stepEnteredMs,
  lastActivityAt: (r) => r.lastActivityMs,
};

/**
 * The same order as `mongoSort`, for rows in memory. Strings compare by code unit, as MongoDB
 * compares them by UTF-8 bytes (the same order outside the rare astral characters).
 */
export function compareRows({ sort, dir }: BoardOrder): (a: IndexedRow, b: IndexedRow) => number {
  const key = sortKey[sort];
  const sign = dir === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    if (x !== y) return x < y ? -sign : sign;
    return a.row.caseId < b.row.caseId ? -1 : a.row.caseId > b.row.caseId ? 1 : 0;
  };
}

/**
 * The first `count` of the rows `accept` keeps, in `compare` order, and how many it keeps, without
 * sorting them all: one pass keeping the best `count` in a sorted buffer (a first page of 50 out of
 * 100,000 rows costs about one comparison per row).
 */
export function firstInOrder<T>(
  rows: Iterable<T>,
  count: number,
  compare: (a: T, b: T) => number,
  accept: (row: T) => boolean,
): { first: T[]; matched: number } {
  const best: T[] = [];
  let matched = 0;
  for (const row of rows) {
    if (!accept(row)) continue;
    matched++;
    if (best.length === count && (count === 0 || compare(row, best[count - 1]!) >= 0)) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(best[mid]!, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, row);
    if (best.length > count) best.pop();
  }
  return { first: best, matched };
}

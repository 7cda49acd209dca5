import type { IndexedRow } from './board-filters';
import { compareRows, sortKey, type BoardOrder } from './board-order';

/** Sort keys a case never changes once it exists. */
export type FixedKey = Extract<BoardOrder['sort'], 'personName' | 'applicationNumber'>;
export const fixedKeys: readonly FixedKey[] = ['personName', 'applicationNumber'];

/**
 * The read model's rows kept in order by a key that never changes (name, application number), as
 * positions in its row array: a page sorted by that key walks the order and stops once the page
 * is full, instead of comparing every row. Rows replaced at their position keep their place.
 */
export class FixedOrder {
  private readonly positions: number[] = [];
  /** Until the first walk (and while loading) positions are appended unsorted, then sorted once. */
  private sorted = false;
  private readonly ascending: (a: IndexedRow, b: IndexedRow) => number;
  private readonly key: (r: IndexedRow) => string | number;

  constructor(
    private readonly all: readonly IndexedRow[],
    key: FixedKey,
  ) {
    this.ascending = compareRows({ sort: key, dir: 'asc' });
    this.key = sortKey[key];
  }

  /** A new case at `position` of the row array. */
  add(position: number): void {
    if (!this.sorted) {
      this.positions.push(position);
      return;
    }
    const row = this.all[position]!;
    let lo = 0;
    let hi = this.positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ascending(this.all[this.positions[mid]!]!, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.positions.splice(lo, 0, position);
  }

  /** Rows in `dir` order by the key, ties by case id ascending (as `compareRows`). */
  *walk(dir: BoardOrder['dir']): Generator<IndexedRow> {
    if (!this.sorted) {
      this.positions.sort((a, b) => this.ascending(this.all[a]!, this.all[b]!));
      this.sorted = true;
    }
    const rowAt = (i: number) => this.all[this.positions[i]!]!;
    if (dir === 'asc') {
      for (let i = 0; i < this.positions.length; i++) yield rowAt(i);
      return;
    }
    // Descending by key, but each group of equal keys still in ascending case id.
    for (let end = this.positions.length - 1; end >= 0;) {
      const key = this.key(rowAt(end));
      let start = end;
      while (start > 0 && this.key(rowAt(start - 1)) === key) start--;
      for (let i = start; i <= end; i++) yield rowAt(i);
      end = start - 1;
    }
  }
}

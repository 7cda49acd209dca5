import type { SearchTerm } from './board-search';

/**
 * Where a search can match, for the read model's rows (by position): every folded name in one
 * string, searched with the engine's own `indexOf` instead of row by row, and exact maps for
 * application numbers and UCIs. Names, application numbers and UCIs never change once a case
 * exists, so rows are only ever added.
 */
export class SearchIndex {
  /** `searchName\n` of every row, in position order. */
  private names = '';
  private readonly starts: number[] = [];
  private readonly byApplicationNumber = new Map<string, number[]>();
  private readonly byUci = new Map<string, number[]>();

  /** Row `position` (the next one) with its folded name, application number and UCI. */
  add(position: number, searchName: string, applicationNumber: string, uci: string): void {
    this.starts[position] = this.names.length;
    this.names += `${searchName.replace(/\n/g, ' ')}\n`;
    this.byApplicationNumber.set(applicationNumber, [...(this.byApplicationNumber.get(applicationNumber) ?? []), position]);
    this.byUci.set(uci, [...(this.byUci.get(uci) ?? []), position]);
  }

  /** Positions of the rows `term` can match (a superset is fine: the filter still checks each). */
  positions(term: SearchTerm): Set<number> {
    const found = new Set<number>([
      ...(this.byApplicationNumber.get(term.applicationNumber) ?? []),
      ...(term.uci ? (this.byUci.get(term.uci) ?? []) : []),
    ]);
    if (term.name.includes('\n')) return found;
    for (let at = this.names.indexOf(term.name); at !== -1;) {
      const position = this.rowAt(at);
      found.add(position);
      at = this.names.indexOf(term.name, this.starts[position + 1] ?? this.names.length);
    }
    return found;
  }

  /** The row whose name holds offset `at`. */
  private rowAt(at: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

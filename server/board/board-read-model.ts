import type { Connection } from 'mongoose';
import type { BoardFlag, BoardPage, BoardQuery, BoardRow, BoardStep } from '../../src/lib/shared/board.contract';
import { toBoardRow, type BoardCase } from '../cases/board-row';
import { caseModel } from '../cases/case.model';
import type { Logger } from '../logger';
import { boardFilters, type BoardFilterQuery, type IndexedRow } from './board-filters';
import { compareRows, firstInOrder } from './board-order';
import { foldForSearch, searchTermOf } from './board-search';
import { SearchIndex } from './search-index';
import { FixedOrder, fixedKeys, type FixedKey } from './fixed-order';

/** Past this many rows before the page's end, a page sorts the matches instead of selecting them. */
const SELECT_UP_TO = 5_000;
const RETRY_LOAD_MS = 2_000;
/** What the board needs of a case; the snapshot and event list stay in the database. */
const boardFields = { snapshot: 0, events: 0 } as const;

function bucketOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let bucket = map.get(key);
  if (!bucket) map.set(key, (bucket = new Set()));
  return bucket;
}

function count(rows: Iterable<IndexedRow>, accept: (r: IndexedRow) => boolean): number {
  let n = 0;
  for (const r of rows) if (accept(r)) n++;
  return n;
}

export function indexRow(c: BoardCase): IndexedRow {
  const row = toBoardRow(c);
  return {
    row,
    searchName: foldForSearch(row.personName),
    lastActivityMs: Date.parse(row.lastActivityAt),
    stepEnteredMs: Date.parse(row.stepEnteredAt),
  };
}

/**
 * The board's rows in this process's memory: loaded once at start, then kept by the case store,
 * which reports every case document it writes (creation and every commit, see `CaseStore.onWritten`).
 * Filters, search, sorts, counts and the funnel then cost a pass over memory, not a read of every case.
 *
 * Valid ONLY while this process is the one writer of its database: the embedded FerretDB is started
 * by, and serves, one portal process. With several processes (MONGODB_URI, a shared database),
 * another process's commits would never reach this copy; they use `DatabaseBoard` instead.
 * About 0.6 KiB per case (60 MiB at 100,000 cases). A new filter needs only its entry in
 * `board-filters.ts`; a set of its rows here (like steps and flags) is an optimisation.
 */
export class BoardReadModel {
  /** Every case's row, dense (a pass over an array is what keeps 100,000 rows fast), and where each is. */
  private readonly all: IndexedRow[] = [];
  private readonly position = new Map<string, number>();
  /** The rows at each step: a step filter reads only those, and the funnel is their sizes. */
  private readonly atStep = new Map<BoardStep, Set<IndexedRow>>();
  /** The rows with each flag: a flag filter reads only those. */
  private readonly withFlag = new Map<BoardFlag, Set<IndexedRow>>();
  private readonly search = new SearchIndex();
  private readonly fixed = new Map<FixedKey, FixedOrder>(fixedKeys.map((key) => [key, new FixedOrder(this.all, key)]));
  readonly ready: Promise<void>;

  constructor(db: Connection, logger: Logger) {
    this.ready = this.load(db, logger);
  }

  /** A case document as just written; an older version than the one held (a late writer) is ignored. */
  written(c: BoardCase): void {
    const i = this.position.get(c._id);
    const held = i === undefined ? undefined : this.all[i]!;
    if (held && held.row.version > c.version) return;
    const next = indexRow(c);
    if (held) {
      this.atStep.get(held.row.step)?.delete(held);
      for (const flag of held.row.flags) this.withFlag.get(flag)?.delete(held);
      this.all[i!] = next;
    } else {
      const position = this.all.length;
      this.position.set(c._id, position);
      this.all.push(next);
      for (const order of this.fixed.values()) order.add(position);
      this.search.add(position, next.searchName, next.row.applicationNumber, next.row.uci);
    }
    bucketOf(this.atStep, next.row.step).add(next);
    for (const flag of next.row.flags) bucketOf(this.withFlag, flag).add(next);
  }

  async page(query: BoardQuery, now: Date, stuckAfterHours: number): Promise<Omit<BoardPage, 'medianMs' | 'stuckAfterHours'>> {
    await this.ready;
    const end = query.page * query.pageSize;
    const compare = compareRows(query);
    const { candidates, size, accept, filtered } = this.plan(query, now, stuckAfterHours);
    // A kept order pays when many rows may match; a few candidates are quicker to select from.
    const fixed = size > SELECT_UP_TO ? this.fixed.get(query.sort as FixedKey) : undefined;
    let ordered: IndexedRow[];
    let total: number;
    if (fixed) {
      // Walk the kept order until the page is full; count the matches in a pass without comparisons.
      ordered = [];
      for (const r of fixed.walk(query.dir)) if (accept(r) && ordered.push(r) === end) break;
      total = filtered ? count(candidates, accept) : this.all.length;
    } else if (end <= SELECT_UP_TO) {
      ({ first: ordered, matched: total } = firstInOrder(candidates, end, compare, accept));
    } else {
      ordered = [...candidates].filter(accept).sort(compare);
      total = ordered.length;
    }
    return {
      rows: ordered.slice(end - query.pageSize, end).map((r) => r.row),
      total,
      page: query.page,
      pageSize: query.pageSize,
      funnel: this.funnel(),
    };
  }

  /** Every matching row in the board's order (CSV export). */
  async *rows(query: BoardQuery, now: Date, stuckAfterHours: number): AsyncGenerator<BoardRow> {
    await this.ready;
    const { candidates, accept } = this.plan(query, now, stuckAfterHours);
    for (const r of [...candidates].filter(accept).sort(compareRows(query))) yield r.row;
  }

  /** Count of cases per step. */
  funnel(): BoardPage['funnel'] {
    const counts: Partial<Record<BoardStep, number>> = {};
    for (const [step, rows] of this.atStep) if (rows.size) counts[step] = rows.size;
    return counts;
  }

  /** The rows worth looking at (the smallest of: all, the step's, the flag's, the search's) and the test each must pass. */
  private plan(
    query: BoardFilterQuery,
    now: Date,
    stuckAfterHours: number,
  ): { candidates: Iterable<IndexedRow>; size: number; accept: (r: IndexedRow) => boolean; filtered: boolean } {
    const filters = boardFilters(query, now, stuckAfterHours);
    // The smallest set of rows that holds every match; the filters then check each of them.
    const sets: { size: number; rows: Iterable<IndexedRow> }[] = [{ size: this.all.length, rows: this.all }];
    if (query.step) {
      const rows = this.atStep.get(query.step) ?? new Set();
      sets.push({ size: rows.size, rows });
    }
    if (query.flag) {
      const rows = this.withFlag.get(query.flag) ?? new Set();
      sets.push({ size: rows.size, rows });
    }
    const term = searchTermOf(query.q);
    if (term) {
      const rows = [...this.search.positions(term)].map((p) => this.all[p]!);
      sets.push({ size: rows.length, rows });
    }
    const smallest = sets.reduce((a, b) => (b.size < a.size ? b : a));
    const accept = (r: IndexedRow) => {
      for (const f of filters) if (!f.matches(r)) return false;
      return true;
    };
    return { candidates: smallest.rows, size: smallest.size, accept, filtered: filters.length > 0 };
  }

  /**
   * Reads every case once (board fields only), retrying while the database is unreachable; writes
   * that land meanwhile are kept when newer. Board requests wait for it.
   */
  private async load(db: Connection, logger: Logger): Promise<void> {
    for (;;) {
      const started = performance.now();
      try {
        const cursor = caseModel(db).find({}, boardFields).lean().cursor({ batchSize: 1000 });
        for await (const doc of cursor) this.written(doc as BoardCase);
        logger.info({ cases: this.all.length, ms: Math.round(performance.now() - started) }, 'board read model loaded');
        return;
      } catch (err) {
        logger.error({ err }, 'loading the board read model failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, RETRY_LOAD_MS));
      }
    }
  }
}

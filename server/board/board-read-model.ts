import type { Connection } from 'mongoose';
import type { BoardPage, BoardQuery, BoardRow, BoardStep } from '../../src/lib/shared/board.contract';
import { toBoardRow, type BoardCase } from '../cases/board-row';
import { caseModel } from '../cases/case.model';
import type { Logger } from '../logger';
import { boardFilters, type BoardFilterQuery, type IndexedRow } from './board-filters';
import { compareRows, firstInOrder } from './board-order';
import { foldForSearch } from './board-search';

/** Past this many rows before the page's end, a page sorts the matches instead of selecting them. */
const SELECT_UP_TO = 5_000;
const RETRY_LOAD_MS = 2_000;
/** What the board needs of a case; the snapshot and event list stay in the database. */
const boardFields = { snapshot: 0, events: 0 } as const;

export function indexRow(c: BoardCase): IndexedRow {
  const row = toBoardRow(c);
  return { row, searchName: foldForSearch(row.personName), lastActivityMs: Date.parse(row.lastActivityAt), stepEnteredMs: Date.parse(row.stepEnteredAt) };
}

/**
 * The board's rows in this process's memory: loaded once at start, then kept by the case store,
 * which reports every case document it writes (creation and every commit, see `CaseStore.onWritten`).
 * Filters, search, sorts, counts and the funnel then cost a pass over memory, not a read of every case.
 *
 * Valid ONLY while this process is the one writer of its database: the embedded FerretDB is started
 * by, and serves, one portal process. With several processes (MONGODB_URI, a shared database),
 * another process's commits would never reach this copy; they use `DatabaseBoard` instead.
 * About 0.5 KiB per case (50 MiB at 100,000 cases).
 */
export class BoardReadModel {
  private readonly byId = new Map<string, IndexedRow>();
  readonly ready: Promise<void>;

  constructor(db: Connection, logger: Logger) {
    this.ready = this.load(db, logger);
  }

  /** A case document as just written; an older version than the one held (a late writer) is ignored. */
  written(c: BoardCase): void {
    const held = this.byId.get(c._id);
    if (held && held.row.version > c.version) return;
    this.byId.set(c._id, indexRow(c));
  }

  async page(query: BoardQuery, now: Date, stuckAfterHours: number): Promise<Omit<BoardPage, 'medianMs' | 'stuckAfterHours'>> {
    await this.ready;
    const matching = this.matching(query, now, stuckAfterHours);
    const end = query.page * query.pageSize;
    const compare = compareRows(query);
    const ordered = end <= SELECT_UP_TO ? firstInOrder(matching, end, compare) : matching.sort(compare);
    return { rows: ordered.slice(end - query.pageSize, end).map((r) => r.row), total: matching.length, page: query.page, pageSize: query.pageSize, funnel: this.funnel() };
  }

  /** Every matching row in the board's order (CSV export). */
  async *rows(query: BoardQuery, now: Date, stuckAfterHours: number): AsyncGenerator<BoardRow> {
    await this.ready;
    for (const r of this.matching(query, now, stuckAfterHours).sort(compareRows(query))) yield r.row;
  }

  /** Count of cases per step. */
  funnel(): BoardPage['funnel'] {
    const counts: Partial<Record<BoardStep, number>> = {};
    for (const { row } of this.byId.values()) counts[row.step] = (counts[row.step] ?? 0) + 1;
    return counts;
  }

  private matching(query: BoardFilterQuery, now: Date, stuckAfterHours: number): IndexedRow[] {
    const filters = boardFilters(query, now, stuckAfterHours);
    const out: IndexedRow[] = [];
    for (const r of this.byId.values()) if (filters.every((f) => f.matches(r))) out.push(r);
    return out;
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
        logger.info({ cases: this.byId.size, ms: Math.round(performance.now() - started) }, 'board read model loaded');
        return;
      } catch (err) {
        logger.error({ err }, 'loading the board read model failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, RETRY_LOAD_MS));
      }
    }
  }
}

import type { Connection } from 'mongoose';
import type { BoardPage, BoardQuery, BoardRow, BoardStep } from '../../src/lib/shared/board.contract';
import type { Clock } from '../clock';
import { toBoardRow, type BoardCase } from '../cases/board-row';
import { caseModel } from '../cases/case.model';
import { boardFilters, mongoFilter } from './board-filters';
import { mongoSort } from './board-order';

/**
 * Counts are scans on FerretDB (about 0.4–2 s for 10,000 cases on 2 cores), so totals and the funnel
 * are shared for a few seconds; boards stay exact through live patches. On MongoDB the indexes
 * declared on `cases` serve them.
 */
const COUNT_CACHE_MS = 5_000;
const boardFields = { snapshot: 0, events: 0 } as const;

/**
 * The board answered by the database: for several processes sharing one database (MongoDB in
 * production), where no process sees every write. Same filters and order as `BoardReadModel`
 * (`board-filters.ts`, `board-order.ts`).
 */
export class DatabaseBoard {
  private readonly counts = new Map<string, { at: number; value: Promise<number> }>();
  private funnelCache: { at: number; value: Promise<BoardPage['funnel']> } | undefined;

  constructor(
    private readonly db: Connection,
    private readonly clock: Clock,
  ) {}

  async page(query: BoardQuery, now: Date, stuckAfterHours: number): Promise<Omit<BoardPage, 'medianMs' | 'stuckAfterHours'>> {
    const filter = mongoFilter(boardFilters(query, now, stuckAfterHours));
    const [docs, total, funnel] = await Promise.all([
      caseModel(this.db)
        .find(filter, boardFields)
        .sort(mongoSort(query))
        .skip((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .lean(),
      this.count(filter),
      this.cachedFunnel(),
    ]);
    return { rows: docs.map((d) => toBoardRow(d as BoardCase)), total, page: query.page, pageSize: query.pageSize, funnel };
  }

  /** Every matching row in the board's order (CSV export), in batches. */
  async *rows(query: BoardQuery, now: Date, stuckAfterHours: number): AsyncGenerator<BoardRow> {
    const cursor = caseModel(this.db)
      .find(mongoFilter(boardFilters(query, now, stuckAfterHours)), boardFields)
      .sort(mongoSort(query))
      .lean()
      .cursor({ batchSize: 500 });
    for await (const doc of cursor) yield toBoardRow(doc as BoardCase);
  }

  /** Count of cases per step. */
  async funnel(): Promise<BoardPage['funnel']> {
    const groups = await caseModel(this.db).aggregate<{ _id: BoardStep; n: number }>([{ $group: { _id: '$step', n: { $sum: 1 } } }]);
    return Object.fromEntries(groups.map((g) => [g._id, g.n]));
  }

  private count(filter: Record<string, unknown>): Promise<number> {
    const key = JSON.stringify(filter);
    const now = this.clock.now().getTime();
    const hit = this.counts.get(key);
    if (hit && now - hit.at < COUNT_CACHE_MS) return hit.value;
    if (this.counts.size > 200) this.counts.clear();
    const value = caseModel(this.db).countDocuments(filter).exec();
    this.counts.set(key, { at: now, value });
    value.catch(() => this.counts.delete(key));
    return value;
  }

  private cachedFunnel(): Promise<BoardPage['funnel']> {
    const now = this.clock.now().getTime();
    if (this.funnelCache && now - this.funnelCache.at < COUNT_CACHE_MS) return this.funnelCache.value;
    const value = this.funnel();
    this.funnelCache = { at: now, value };
    value.catch(() => (this.funnelCache = undefined));
    return value;
  }
}

import type { Connection } from 'mongoose';
import type { BoardPage, BoardQuery, BoardRow } from '../../src/lib/shared/board.contract';
import { boardSteps } from '../../src/lib/shared/board.contract';
import type { Clock } from '../clock';
import type { StoredCase } from '../cases/case-store';
import { stepVisitModel } from '../cases/step-visit.model';
import type { Logger } from '../logger';
import { BoardReadModel } from './board-read-model';
import { DatabaseBoard } from './database-board';

const MEDIAN_CACHE_MS = 30_000;

/**
 * Where the board's rows come from: `memory` when this process is the only one writing its database
 * (the embedded FerretDB), `database` when processes share one (MongoDB, or `npm run bench -- --nodes 2`).
 */
export type BoardSource = 'memory' | 'database';

/** The officers' live board: filtered, searched, sorted and paged on the server. */
export class BoardService {
  private medians: { at: number; value: BoardPage['medianMs'] } | undefined;
  private readonly source: BoardReadModel | DatabaseBoard;

  constructor(
    private readonly db: Connection,
    private readonly clock: Clock,
    private readonly stuckAfterHours: number,
    options: { source: BoardSource; logger: Logger },
  ) {
    this.source = options.source === 'memory' ? new BoardReadModel(db, options.logger) : new DatabaseBoard(db, clock);
  }

  /** Every case document the case store writes (wired to `CaseStore.onWritten`); only the read model needs them. */
  written(c: StoredCase): void {
    if (this.source instanceof BoardReadModel) this.source.written(c);
  }

  async page(query: BoardQuery): Promise<BoardPage> {
    const [page, medianMs] = await Promise.all([this.source.page(query, this.clock.now(), this.stuckAfterHours), this.medianMs()]);
    return { ...page, medianMs, stuckAfterHours: this.stuckAfterHours };
  }

  /** Every row matching the query, in the board's order (CSV export). */
  rows(query: BoardQuery): AsyncGenerator<BoardRow> {
    return this.source.rows(query, this.clock.now(), this.stuckAfterHours);
  }

  /** Median time per step over completed visits, cached for 30 s (it reads every visit). */
  async medianMs(): Promise<BoardPage['medianMs']> {
    const now = this.clock.now().getTime();
    if (this.medians && now - this.medians.at < MEDIAN_CACHE_MS) return this.medians.value;
    const value: BoardPage['medianMs'] = {};
    for (const step of boardSteps) {
      const count = await stepVisitModel(this.db).countDocuments({ step });
      if (!count) continue;
      const [middle] = await stepVisitModel(this.db)
        .find({ step }, { ms: 1 })
        .sort({ ms: 1 })
        .skip(Math.floor((count - 1) / 2))
        .limit(1)
        .lean();
      if (middle) value[step] = middle.ms;
    }
    this.medians = { at: now, value };
    return value;
  }
}

import type { Connection } from 'mongoose';
import type { BoardPage, BoardQuery, BoardRow, BoardStep } from '../../src/lib/shared/board.contract';
import { boardSteps } from '../../src/lib/shared/board.contract';
import type { Clock } from '../clock';
import { toBoardRow } from '../cases/board-row';
import type { StoredCase } from '../cases/case-store';
import { caseModel } from '../cases/case.model';
import { stepVisitModel } from '../cases/step-visit.model';

const MEDIAN_CACHE_MS = 30_000;
/**
 * Counts are scans on FerretDB (about 0.4–2 s for 10,000 cases on 2 cores, see `npm run bench:board`),
 * so totals and the funnel are shared for a few seconds; boards stay exact through live patches.
 */
const COUNT_CACHE_MS = 5_000;

/** The officers' live board: one collection (`cases`), filtered, searched, sorted and paged on the server. */
export class BoardService {
  private medians: { at: number; value: BoardPage['medianMs'] } | undefined;
  private readonly counts = new Map<string, { at: number; value: Promise<number> }>();
  private funnelCache: { at: number; value: Promise<BoardPage['funnel']> } | undefined;

  constructor(
    private readonly db: Connection,
    private readonly clock: Clock,
    private readonly stuckAfterHours: number,
  ) {}

  /** The filter for a query; also used by the CSV export so both always agree. */
  filter(query: Pick<BoardQuery, 'step' | 'flag' | 'stuck' | 'q'>): Record<string, unknown> {
    const filter: Record<string, unknown> = {};
    if (query.step) filter.step = query.step;
    if (query.flag) filter.flags = query.flag;
    if (query.stuck) {
      filter.lastActivityAt = { $lt: new Date(this.clock.now().getTime() - this.stuckAfterHours * 3_600_000) };
      filter.step = query.step ?? { $nin: ['confirmed', 'declined'] };
    }
    const term = query.q?.trim();
    if (term) {
      const digits = term.replace(/[\s-]/g, '');
      const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const or: Record<string, unknown>[] = [{ personName: { $regex: escaped, $options: 'i' } }, { applicationNumber: term.toUpperCase() }];
      if (/^\d{8}(\d{2})?$/.test(digits)) or.push({ uci: digits });
      filter.$or = or;
    }
    return filter;
  }

  async page(query: BoardQuery): Promise<BoardPage> {
    const filter = this.filter(query);
    const sort: Record<string, 1 | -1> = { [query.sort]: query.dir === 'asc' ? 1 : -1, _id: 1 };
    const [docs, total, funnel, medianMs] = await Promise.all([
      caseModel(this.db).find(filter).sort(sort).skip((query.page - 1) * query.pageSize).limit(query.pageSize).lean(),
      this.count(filter),
      this.cachedFunnel(),
      this.medianMs(),
    ]);
    return {
      rows: docs.map((d) => toBoardRow(d as StoredCase)),
      total,
      page: query.page,
      pageSize: query.pageSize,
      funnel,
      medianMs,
      stuckAfterHours: this.stuckAfterHours,
    };
  }

  /** Every row matching the filter, in the board's order (for CSV export), in batches. */
  async *rows(query: BoardQuery): AsyncGenerator<BoardRow> {
    const cursor = caseModel(this.db).find(this.filter(query)).sort({ [query.sort]: query.dir === 'asc' ? 1 : -1, _id: 1 }).lean().cursor({ batchSize: 500 });
    for await (const doc of cursor) yield toBoardRow(doc as StoredCase);
  }

  private count(filter: Record<string, unknown>): Promise<number> {
    const key = JSON.stringify(filter, (_k, v) => (v instanceof RegExp ? String(v) : v));
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

  /** Count of cases per step. */
  async funnel(): Promise<BoardPage['funnel']> {
    const groups = await caseModel(this.db).aggregate<{ _id: BoardStep; n: number }>([{ $group: { _id: '$step', n: { $sum: 1 } } }]);
    return Object.fromEntries(groups.map((g) => [g._id, g.n]));
  }

  /** Median time per step over completed visits, cached for 30 s (it reads every visit). */
  async medianMs(): Promise<BoardPage['medianMs']> {
    const now = this.clock.now().getTime();
    if (this.medians && now - this.medians.at < MEDIAN_CACHE_MS) return this.medians.value;
    const value: BoardPage['medianMs'] = {};
    for (const step of boardSteps) {
      const count = await stepVisitModel(this.db).countDocuments({ step });
      if (!count) continue;
      const [middle] = await stepVisitModel(this.db).find({ step }, { ms: 1 }).sort({ ms: 1 }).skip(Math.floor((count - 1) / 2)).limit(1).lean();
      if (middle) value[step] = middle.ms;
    }
    this.medians = { at: now, value };
    return value;
  }
}

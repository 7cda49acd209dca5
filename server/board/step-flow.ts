import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { BoardStep } from '../../src/lib/shared/board.contract';
import {
  FLOW_DAYS,
  addToFlow,
  emptyFlow,
  flowBucketKey,
  flowSlot,
  type FlowCounts,
  type StepFlow,
  type StepFlowQuery,
} from '../../src/lib/shared/step-flow';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { stepFlowModel } from './step-flow.model';

const FLUSH_MS = 5_000;
/** How old the database's sums may be before a read asks again (only when processes share it). */
const SHARED_REFRESH_MS = 5_000;
/** A day more than the chart shows, so any time zone's oldest day is whole. */
const KEEP_MS = (FLOW_DAYS + 1) * 86_400_000;

type Buckets = Map<string, FlowCounts>;

function add(buckets: Buckets, key: string, side: keyof FlowCounts, step: BoardStep, n = 1) {
  let counts = buckets.get(key);
  if (!counts) buckets.set(key, (counts = { entered: {}, left: {} }));
  counts[side][step] = (counts[side][step] ?? 0) + n;
}

/** `2026-12-05T10:30Z/<writer>` → `2026-12-05T10:30Z`. */
const bucketOf = (id: string) => id.split('/')[0]!;

function merge(into: Buckets, from: Buckets, keyOf = (key: string) => key) {
  for (const [key, counts] of from)
    for (const side of ['entered', 'left'] as const)
      for (const [step, n] of Object.entries(counts[side])) add(into, keyOf(key), side, step as BoardStep, n);
}

/**
 * Cases entering and leaving each step, for the board's chart over time. The commit path reports
 * each step change here (no database write per answer); the counts are kept per half hour in
 * memory and added to the database write-behind every few seconds with `$inc` on documents keyed
 * by the bucket and this process, one small write per bucket touched. A read groups at most 15
 * days of buckets.
 */
export class StepFlowCounter {
  /** Sums as the database held them when last read. */
  private base: Buckets = new Map();
  /** What this process counted since `base` was read (flushed or not). */
  private sinceBase: Buckets = new Map();
  /** What this process counted and has not written yet. */
  private unflushed: Buckets = new Map();
  private readonly loaded: Promise<void>;
  private lock: Promise<unknown> = Promise.resolve();
  private baseReadAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** This process's name in its documents' `_id`. */
  private readonly writer = randomUUID().slice(0, 8);

  constructor(
    private readonly db: Connection,
    private readonly clock: Clock,
    private readonly options: { shared: boolean; logger: Logger; refreshMs?: number },
  ) {
    this.loaded = this.serially(() => this.readBase()).catch((err: unknown) =>
      this.options.logger.warn({ err }, 'step flow not loaded; the chart starts from now'),
    );
  }

  /** A case moved from `from` to `to` at `at` (from the commit path). */
  moved(from: BoardStep, to: BoardStep, at: Date): void {
    this.count('left', from, at);
    this.count('entered', to, at);
  }

  /** A new case starts at `step` (its creation). */
  entered(step: BoardStep, at: Date): void {
    this.count('entered', step, at);
  }

  /** The chart for one step (or all) in `tz`: the last 14 days and today by hour. */
  async report(query: StepFlowQuery): Promise<StepFlow> {
    await this.loaded;
    if (this.options.shared && performance.now() - this.baseReadAt > (this.options.refreshMs ?? SHARED_REFRESH_MS))
      await this.serially(async () => {
        await this.write();
        await this.readBase();
      });
    const now = this.clock.now();
    const flow = emptyFlow(query.step ?? null, query.tz, flowSlot(now, query.tz).date);
    const oldest = flowBucketKey(new Date(now.getTime() - KEEP_MS));
    for (const buckets of [this.base, this.sinceBase])
      for (const [key, counts] of buckets) {
        if (key < oldest) buckets.delete(key);
        else addToFlow(flow, new Date(key), counts);
      }
    return flow;
  }

  /** Writes what is counted and not yet written (the timer does it; shutdown and tests call it). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.serially(() => this.write());
  }

  private count(side: keyof FlowCounts, step: BoardStep, at: Date) {
    const key = flowBucketKey(at);
    add(this.sinceBase, key, side, step);
    add(this.unflushed, key, side, step);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
    this.timer.unref?.();
  }

  /** Runs `work` after the reads and writes already started, so a write never overlaps a read. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async readBase() {
    const oldest = flowBucketKey(new Date(this.clock.now().getTime() - KEEP_MS));
    const docs = await stepFlowModel(this.db)
      .find({ _id: { $gte: oldest } })
      .lean();
    this.base = new Map();
    // Every process's document for a bucket adds to it.
    const byDocument = new Map(docs.map((d) => [d._id, { entered: d.entered ?? {}, left: d.left ?? {} } as FlowCounts]));
    merge(this.base, byDocument, bucketOf);
    // What is not in the database yet still counts; what was written is in `base` now.
    this.sinceBase = new Map();
    merge(this.sinceBase, this.unflushed);
    this.baseReadAt = performance.now();
  }

  private async write() {
    await this.loaded;
    const batch = this.unflushed;
    this.unflushed = new Map();
    for (const [key, counts] of batch) {
      const inc: Record<string, number> = {};
      for (const side of ['entered', 'left'] as const) for (const [step, n] of Object.entries(counts[side])) inc[`${side}.${step}`] = n;
      try {
        await this.upsert(key, inc);
      } catch (err) {
        this.options.logger.warn({ err, bucket: key }, 'step flow not written; retrying with the next flush');
        merge(this.unflushed, new Map([[key, counts]]));
        this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
        this.timer.unref?.();
      }
    }
  }

  /**
   * `$inc` by `_id` on this process's own document for the bucket: FerretDB 1.x applies a filtered
   * update as read-modify-write, so two processes adding to one document could lose a count; one
   * writer per document (and this process's writes in series) keeps every count on both databases.
   */
  private async upsert(key: string, inc: Record<string, number>) {
    await stepFlowModel(this.db).updateOne({ _id: `${key}/${this.writer}` }, { $inc: inc }, { upsert: true });
  }
}

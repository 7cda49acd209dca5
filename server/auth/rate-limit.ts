import { Schema, type Connection } from 'mongoose';
import type { Clock } from '../clock';
import { defineModel } from '../db/define-model';

/**
 * Sliding-window counters in the database, so every server process shares them. Each hit is its
 * own inserted document (inserts are never lost, unlike a concurrent `$inc` on FerretDB 1.x), and
 * the count is the number of hits inside the window. Old hits are pruned as new ones arrive.
 */
const hitSchema = new Schema(
  { key: { type: String, required: true, index: true }, at: { type: Date, required: true } },
  { versionKey: false },
);
const hitModel = defineModel('RateHit', hitSchema, 'rate_limit_hits');

export interface RateLimit {
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  constructor(
    private readonly db: Connection,
    private readonly clock: Clock,
  ) {}

  /** Seconds until `key` may try again, or 0 when it is under its limit. */
  async retryAfter(key: string, rule: RateLimit): Promise<number> {
    const now = this.clock.now().getTime();
    const hits = await hitModel(this.db)
      .find({ key, at: { $gt: new Date(now - rule.windowMs) } }, { at: 1 })
      .sort({ at: -1 })
      .limit(rule.limit)
      .lean();
    if (hits.length < rule.limit) return 0;
    const oldestCounted = hits[hits.length - 1]!.at.getTime();
    return Math.max(1, Math.ceil((oldestCounted + rule.windowMs - now) / 1000));
  }

  /** Counts one hit against `key`. */
  async hit(key: string, rule: RateLimit): Promise<void> {
    const now = this.clock.now();
    await hitModel(this.db).create({ key, at: now });
    await hitModel(this.db).deleteMany({ key, at: { $lte: new Date(now.getTime() - rule.windowMs) } });
  }

  async reset(key: string): Promise<void> {
    await hitModel(this.db).deleteMany({ key });
  }
}

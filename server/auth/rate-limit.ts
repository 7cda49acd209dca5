import { Schema } from 'mongoose';
import type { Connection } from 'mongoose';
import type { Clock } from '../clock';
import { defineModel } from '../db/define-model';

/** Fixed-window counters in the database, so every server process shares them. */
const counterSchema = new Schema(
  {
    _id: { type: String, required: true },
    windowStart: { type: Date, required: true },
    count: { type: Number, required: true },
  },
  { versionKey: false },
);
const counterModel = defineModel('RateCounter', counterSchema, 'rate_limits');

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
    const counter = await counterModel(this.db).findById(key).lean();
    const now = this.clock.now().getTime();
    if (!counter || now - counter.windowStart.getTime() >= rule.windowMs || counter.count < rule.limit) return 0;
    return Math.ceil((counter.windowStart.getTime() + rule.windowMs - now) / 1000);
  }

  /** Counts one hit against `key`, starting a new window when the old one is over. */
  async hit(key: string, rule: RateLimit): Promise<void> {
    const now = this.clock.now();
    const windowFloor = new Date(now.getTime() - rule.windowMs);
    const inWindow = await counterModel(this.db).findOneAndUpdate(
      { _id: key, windowStart: { $gt: windowFloor } },
      { $inc: { count: 1 } },
    );
    if (inWindow) return;
    await counterModel(this.db).updateOne({ _id: key }, { $set: { windowStart: now, count: 1 } }, { upsert: true });
  }

  async reset(key: string): Promise<void> {
    await counterModel(this.db).deleteOne({ _id: key });
  }
}

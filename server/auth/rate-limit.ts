import { Schema, type Connection } from 'mongoose';
import type { Clock } from '../clock';
import { isDuplicateKey } from '../db/claim';
import { defineModel } from '../db/define-model';
import { DomainError } from '../http/domain-error';

/**
 * Fixed-window limits shared by every server process, exact under bursts on FerretDB 1.x and MongoDB.
 *
 * An attempt is recorded BEFORE it is checked: it inserts a slot document with the unique `_id`
 * `<key>:<window>:<n>` for some n in 1..limit, and it may go on only if an insert succeeded. Unique
 * `_id` inserts are atomic on both databases, so at most `limit` attempts per window get through
 * whatever the concurrency. (A counter with `$inc` is not: 50 concurrent upserting `$inc`s on one
 * `_id` on FerretDB 1.24 left counts of 2 to 11, and `findOneAndUpdate` returned duplicate values.)
 * Every lookup is by `_id`: no filter scan on the hot path.
 *
 * Each process remembers which slots of a window it has seen taken, so a burst costs one insert per
 * admitted attempt and none for refused ones; slots another process took only cost a duplicate-key
 * insert each. Slots carry their window's end and are swept every 5 minutes by a timer, off the hot path.
 */
const slotSchema = new Schema({ _id: { type: String, required: true }, expiresAt: { type: Date, required: true } }, { versionKey: false });
const slotModel = defineModel('RateSlot', slotSchema, 'rate_limit_slots');

export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** A counted attempt. `release` gives its slot back when the attempt turned out not to count (e.g. a right password). */
export interface Attempt {
  release(): Promise<void>;
}

interface WindowState {
  window: number;
  endsAt: number;
  /** Slots 1..highest were seen taken (by us or by another process). */
  highest: number;
  /** Slots this process gave back and may take again. */
  returned: number[];
}

const SWEEP_EVERY_MS = 5 * 60_000;
const TOO_MANY = 'Too many attempts. Please wait before trying again.';

export class RateLimiter {
  private readonly windows = new Map<string, WindowState>();
  private sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly db: Connection,
    private readonly clock: Clock,
  ) {}

  /**
   * Records one attempt against `key`, or refuses it with `rate_limited` (and `retryAfterSeconds`)
   * when all `limit` slots of the current window are taken.
   */
  async attempt(key: string, rule: RateLimit, message: string | ((retryAfterSeconds: number) => string) = TOO_MANY): Promise<Attempt> {
    const now = this.clock.now().getTime();
    this.sweeper ??= setInterval(() => this.sweep(), SWEEP_EVERY_MS).unref();
    const state = this.windowOf(key, rule, now);
    for (;;) {
      const n = state.returned.pop() ?? (state.highest < rule.limit ? ++state.highest : null);
      if (n === null) {
        const wait = Math.max(1, Math.ceil((state.endsAt - now) / 1000));
        throw new DomainError('rate_limited', typeof message === 'string' ? message : message(wait), { retryAfterSeconds: String(wait) });
      }
      const id = `${key}:${state.window}:${n}`;
      try {
        await slotModel(this.db).create({ _id: id, expiresAt: new Date(state.endsAt) });
      } catch (err) {
        if (isDuplicateKey(err)) continue; // another process holds it: try the next slot
        throw err;
      }
      return { release: () => this.giveBack(key, state, id, n) };
    }
  }

  /** Forgets every attempt this process counted against `key` in the current window (e.g. after a correct password). */
  async reset(key: string, rule: RateLimit): Promise<void> {
    const state = this.windows.get(key);
    if (!state || state.window !== Math.floor(this.clock.now().getTime() / rule.windowMs)) return;
    this.windows.delete(key);
    const ids = Array.from({ length: state.highest }, (_, i) => `${key}:${state.window}:${i + 1}`);
    await Promise.all(ids.map((_id) => slotModel(this.db).deleteOne({ _id })));
  }

  private windowOf(key: string, rule: RateLimit, now: number): WindowState {
    const window = Math.floor(now / rule.windowMs);
    let state = this.windows.get(key);
    if (!state || state.window !== window) {
      state = { window, endsAt: (window + 1) * rule.windowMs, highest: 0, returned: [] };
      this.windows.set(key, state);
    }
    return state;
  }

  private async giveBack(key: string, state: WindowState, id: string, n: number): Promise<void> {
    await slotModel(this.db).deleteOne({ _id: id });
    if (this.windows.get(key) === state) state.returned.push(n);
  }

  /**
   * Drops ended windows from memory and their slots from the database. The delete filters on
   * `expiresAt` (a scan on FerretDB), so it runs on a timer, never on a request's path.
   */
  private sweep() {
    const now = this.clock.now().getTime();
    for (const [key, state] of this.windows) if (state.endsAt <= now) this.windows.delete(key);
    slotModel(this.db)
      .deleteMany({ expiresAt: { $lte: new Date(now) } })
      .catch(() => undefined); // the next sweep tries again
  }
}

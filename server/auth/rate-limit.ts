import { Schema, type Connection } from 'mongoose';
import type { Clock } from '../clock';
import { defineModel } from '../db/define-model';
import { InsertBatcher, UNORDERED } from '../db/insert-batcher';
import { DomainError } from '../http/domain-error';

/**
 * Fixed-window limits shared by every server process, exact under bursts on FerretDB 1.x and MongoDB.
 *
 * An attempt is recorded BEFORE it is checked: it holds a slot document with the unique `_id`
 * `<key>:<window>:<n>` for some n in 1..limit, and it may go on only if it holds one. Unique `_id`
 * inserts are atomic on both databases, so at most `limit` attempts per window get through whatever
 * the concurrency. (A counter with `$inc` is not: 50 concurrent upserting `$inc`s on one `_id` on
 * FerretDB 1.24 left counts of 2 to 11, and `findOneAndUpdate` returned duplicate values.)
 * Every lookup is by `_id`: no filter scan on the hot path.
 *
 * Each process remembers which slots of a window it has seen taken, so a burst costs one insert per
 * admitted attempt and none for refused ones; slots another process took only cost a duplicate-key
 * insert each. An attempt that turns out not to count (a right password) gives its slot back to
 * this process, not to the database: the slot stays written, and the next attempt here takes it
 * again without a write. So a sign-in writes one command (its two slots, address and account, in one
 * insert), and a right password deletes nothing. Another process sharing the database sees such a
 * slot as taken until its window ends: stricter there, never looser. Slots carry their window's end
 * and are swept every 5 minutes by a timer, off the hot path.
 */
const slotSchema = new Schema({ _id: { type: String, required: true }, expiresAt: { type: Date, required: true } }, { versionKey: false });
const slotModel = defineModel('RateSlot', slotSchema, 'rate_limit_slots');

export interface RateLimit {
  limit: number;
  windowMs: number;
}

type RefusalMessage = string | ((retryAfterSeconds: number) => string);

/** One key to count an attempt against, with its rule and the refusal's message. */
export interface LimitedKey {
  key: string;
  rule: RateLimit;
  message?: RefusalMessage;
}

/** A counted attempt. `release` gives its slot back when the attempt turned out not to count (e.g. a right password). */
export interface Attempt {
  release(): void;
}

interface WindowState {
  window: number;
  endsAt: number;
  /** Slot numbers 1..highest were seen taken (by this process or another), or are being taken. */
  highest: number;
  /** Slots this process has written that count no attempt now: taken again without a write. */
  free: number[];
  /** Slots this process has written that count an attempt. */
  held: Set<number>;
  /** Slot numbers picked but not written (refused with another key, or the insert failed): tried first. */
  unwritten: number[];
}

/** A slot chosen for an attempt: `write` when it must be inserted first. */
interface Pick {
  state: WindowState;
  n: number;
  write: boolean;
}

const SWEEP_EVERY_MS = 5 * 60_000;
const TOO_MANY = 'Too many attempts. Please wait before trying again.';

export class RateLimiter {
  private readonly windows = new Map<string, WindowState>();
  private sweeper: ReturnType<typeof setInterval> | undefined;
  /** Slot inserts, grouped with those of other attempts in flight (a sign-in storm shares commands). */
  private readonly slots: InsertBatcher<{ _id: string; expiresAt: Date }>;

  constructor(
    private readonly db: Connection,
    private readonly clock: Clock,
  ) {
    this.slots = new InsertBatcher((docs) => slotModel(db).insertMany(docs, UNORDERED));
  }

  /**
   * Records one attempt against `key`, or refuses it with `rate_limited` (and `retryAfterSeconds`)
   * when all `limit` slots of the current window are taken.
   */
  async attempt(key: string, rule: RateLimit, message: RefusalMessage = TOO_MANY): Promise<Attempt> {
    const [attempt] = await this.attemptAll([{ key, rule, message }]);
    return attempt!;
  }

  /**
   * Records one attempt against every key, or none: refused with the first full key's `rate_limited`
   * when any key has all its slots taken. The slots to write go in one insert command (shared with
   * other attempts in flight).
   */
  async attemptAll(keys: LimitedKey[]): Promise<Attempt[]> {
    const now = this.clock.now().getTime();
    this.sweeper ??= setInterval(() => this.sweep(), SWEEP_EVERY_MS).unref();
    const picks: Pick[] = [];
    for (const { key, rule, message } of keys) {
      const state = this.windowOf(key, rule, now);
      const pick = this.pick(state, rule);
      if (!pick) {
        picks.forEach((p) => this.unpick(p));
        throw refusal(state, now, message);
      }
      picks.push(pick);
    }
    const taken = await this.write(keys, picks);
    const lost = picks.map((pick, i) => (taken[i] ? null : i)).filter((i): i is number => i !== null);
    // Slots another process wrote first: take the next ones, one key at a time.
    for (const [done, i] of lost.entries()) {
      try {
        picks[i] = await this.takeAnother(keys[i]!, picks[i]!.state, now);
      } catch (err) {
        // Refused (or failed) after all: the slots already held count nothing, and stay this process's.
        picks.filter((_, j) => !lost.slice(done).includes(j)).forEach((p) => p.state.free.push(p.n));
        throw err;
      }
    }
    return picks.map((pick) => {
      pick.state.held.add(pick.n);
      return { release: () => this.giveBack(pick) };
    });
  }

  /** Forgets every attempt this process counted against `key` in the current window (e.g. after a correct password). */
  reset(key: string, rule: RateLimit): void {
    const state = this.windows.get(key);
    if (!state || state.window !== Math.floor(this.clock.now().getTime() / rule.windowMs)) return;
    state.free.push(...state.held);
    state.held.clear();
  }

  private windowOf(key: string, rule: RateLimit, now: number): WindowState {
    const window = Math.floor(now / rule.windowMs);
    let state = this.windows.get(key);
    if (!state || state.window !== window) {
      state = { window, endsAt: (window + 1) * rule.windowMs, highest: 0, free: [], held: new Set(), unwritten: [] };
      this.windows.set(key, state);
    }
    return state;
  }

  /** A slot for one attempt, chosen at once (no await), or null when every slot is taken. */
  private pick(state: WindowState, rule: RateLimit): Pick | null {
    const free = state.free.pop();
    if (free !== undefined) return { state, n: free, write: false };
    const n = state.unwritten.pop() ?? (state.highest < rule.limit ? ++state.highest : null);
    return n === null ? null : { state, n, write: true };
  }

  private unpick(pick: Pick) {
    (pick.write ? pick.state.unwritten : pick.state.free).push(pick.n);
  }

  /**
   * Inserts the picked slots that need it, together; true for each pick now held. A slot
   * another process holds is false; any other failure gives every pick back and is thrown.
   */
  private async write(keys: LimitedKey[], picks: Pick[]): Promise<boolean[]> {
    const toWrite = picks.map((pick, i) => ({ pick, i })).filter(({ pick }) => pick.write);
    const taken = picks.map(() => true);
    if (!toWrite.length) return taken;
    const docs = toWrite.map(({ pick, i }) => ({
      _id: `${keys[i]!.key}:${pick.state.window}:${pick.n}`,
      expiresAt: new Date(pick.state.endsAt),
    }));
    try {
      for (const index of await this.slots.insert(docs)) taken[toWrite[index]!.i] = false;
    } catch (err) {
      picks.forEach((p) => this.unpick(p));
      throw err;
    }
    return taken;
  }

  /** The next slot for `key` after the picked one turned out taken by another process. */
  private async takeAnother({ key, rule, message }: LimitedKey, state: WindowState, now: number): Promise<Pick> {
    for (;;) {
      const pick = this.pick(state, rule);
      if (!pick) throw refusal(state, now, message);
      const [taken] = await this.write([{ key, rule }], [pick]);
      if (taken) return pick;
    }
  }

  private giveBack(pick: Pick): void {
    const { state, n } = pick;
    if (!state.held.delete(n)) return;
    state.free.push(n);
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

function refusal(state: WindowState, now: number, message: RefusalMessage = TOO_MANY): DomainError {
  const wait = Math.max(1, Math.ceil((state.endsAt - now) / 1000));
  return new DomainError('rate_limited', typeof message === 'string' ? message : message(wait), { retryAfterSeconds: String(wait) });
}

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import type { Ack } from '../../../src/lib/shared/ack';
import type { CaseUpdate, TranscriptEntry } from '../../../src/lib/shared/case.contract';
import type { TestSocket } from '../../support/portal';
import { sleep } from './figures';
import type { SeededRandom } from './seeded-random';

/** An ack, or `'timeout'` when none came within `ms`. */
export type Outcome<T> = Ack<T> | 'timeout';

export function openSocket(url: string, cookie: string): Promise<TestSocket> {
  const socket: TestSocket = io(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Emits `event` and resolves with its ack (or `'timeout'`) and how long it took. */
export function timedEmit<T>(
  socket: TestSocket,
  event: string,
  payload: unknown,
  timeoutMs: number,
): Promise<{ outcome: Outcome<T>; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    (socket.timeout(timeoutMs) as unknown as { emit: (e: string, p: unknown, cb: (err: unknown, ack: Ack<T>) => void) => void }).emit(
      event,
      payload,
      (err, ack) => resolve({ outcome: err ? 'timeout' : ack, ms: performance.now() - started }),
    );
  });
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
};

/** Acknowledged `case:text` answers, kept to check them against the stored transcript later. */
export class AckLedger {
  readonly entries = new Map<number, TranscriptEntry>();
  acknowledged = 0;

  keep(update: CaseUpdate) {
    this.acknowledged++;
    for (const entry of update.entries) this.entries.set(entry.seq, entry);
  }

  /** Acknowledged entries missing from (or different in) `stored`. */
  lostFrom(stored: TranscriptEntry[]): number {
    const bySeq = new Map(stored.map((e) => [e.seq, JSON.stringify(e.message)]));
    return [...this.entries.values()].filter((e) => bySeq.get(e.seq) !== JSON.stringify(e.message)).length;
  }
}

/**
 * An applicant working at a person's pace on their own socket: every 0.7-1.3 s a `case:sync`, and
 * every fourth action a chat message instead. Each ack's time goes to `samples()`; refusals and
 * timeouts are counted (the others must never be refused).
 */
export class PacedApplicant {
  readonly ledger = new AckLedger();
  refused = 0;
  timeouts = 0;
  private running = false;
  private loop: Promise<void> | undefined;
  private lastSeq = 0;
  private actions = 0;

  constructor(
    readonly socket: TestSocket,
    private readonly rng: SeededRandom,
    private readonly record: (kind: string, ms: number) => void,
  ) {}

  start() {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        await sleep(this.rng.int(700, 1_300));
        if (this.running) await this.act();
      }
    })();
  }

  async stop() {
    this.running = false;
    await this.loop;
  }

  private async act() {
    const text = ++this.actions % 4 === 0;
    const { outcome, ms } = text
      ? await timedEmit<CaseUpdate>(
          this.socket,
          'case:text',
          { clientEventId: `paced-${this.socket.id}-${this.actions}`, text: `still here ${this.actions}` },
          30_000,
        )
      : await timedEmit<CaseUpdate>(this.socket, 'case:sync', { after: this.lastSeq }, 30_000);
    if (outcome === 'timeout') return void this.timeouts++;
    if (!outcome.ok) return void this.refused++;
    this.record(text ? 'text' : 'sync', ms);
    if (text) this.ledger.keep(outcome.data);
    this.lastSeq = Math.max(this.lastSeq, ...outcome.data.entries.map((e) => e.seq));
  }
}

/** Total size of the SQLite write-ahead logs in `dir`, sampled until `stop()`, keeping the peak. */
export class WalWatch {
  peakBytes = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly dir: string) {
    this.timer = setInterval(() => (this.peakBytes = Math.max(this.peakBytes, this.bytes())), 200);
  }

  bytes(): number {
    let total = 0;
    for (const name of readdirSync(this.dir))
      if (name.endsWith('-wal')) total += statSync(join(this.dir, name), { throwIfNoEntry: false })?.size ?? 0;
    return total;
  }

  stop() {
    clearInterval(this.timer);
    this.peakBytes = Math.max(this.peakBytes, this.bytes());
  }
}

/**
 * The portal's own view of pending work, from `/metrics`: socket events running or waiting, and how
 * many writes it has sent to the case collections so far.
 */
export async function pendingWork(url: string): Promise<{ events: number; caseWrites: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const events = Number(/^landing_socket_events_pending (\S+)$/m.exec(text)?.[1] ?? NaN);
  let caseWrites = 0;
  for (const [, labels, value] of text.matchAll(/^landing_db_command_seconds_count\{([^}]*)\} (\S+)$/gm)) {
    if (/collection="(cases|case_commits|case_entries|case_transcript_pages)"/.test(labels!) && /command="(insert|update)"/.test(labels!))
      caseWrites += Number(value);
  }
  return { events, caseWrites };
}

/**
 * Milliseconds from now until the portal has no socket work left and wrote nothing to a case for
 * `quietMs` (polled every 100 ms), or `limitMs` when it never gets there.
 */
export async function timeToIdle(url: string, quietMs: number, limitMs: number): Promise<number> {
  const started = performance.now();
  let last = await pendingWork(url);
  let quietSince = last.events === 0 ? performance.now() : Infinity;
  while (performance.now() - started < limitMs) {
    await sleep(100);
    const now = await pendingWork(url);
    if (now.events !== 0 || now.caseWrites !== last.caseWrites) quietSince = Infinity;
    else if (quietSince === Infinity) quietSince = performance.now();
    last = now;
    if (performance.now() - quietSince >= quietMs) return quietSince - started;
  }
  return limitMs;
}

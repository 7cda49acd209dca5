import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import type { Ack } from '../../../src/lib/shared/ack';
import type { CaseUpdate, CaseView, TranscriptEntry } from '../../../src/lib/shared/case.contract';
import type { ApplicantEventInput } from '../../../src/lib/shared/landing/events';
import type { TestSocket } from '../../support/portal';
import { sleep } from './figures';

/** Error codes after which the same answer is simply tried again. */
const RETRYABLE = new Set(['db_unavailable', 'internal', 'conflict']);

/**
 * An applicant's browser as the chat page behaves: Socket.IO reconnects by itself, every (re)connect
 * sends `case:sync { after: lastSeq }`, and an answer is retried with the same client event id until
 * it is acknowledged. It never relies on Socket.IO's connection-state recovery. It keeps every entry
 * it was ever given, so tests can check for gaps and duplicates.
 */
export class ResilientApplicant {
  readonly socket: TestSocket;
  readonly entries = new Map<number, TranscriptEntry>();
  /** Entries in the order they arrived, duplicates included (broadcasts, acks and syncs). */
  readonly received: TranscriptEntry[] = [];
  /** Every acknowledged answer's client event id. */
  readonly acknowledged: string[] = [];
  view: CaseView | undefined;
  connects = 0;
  retries = 0;
  /** Called with the code of every refused (then retried) answer. */
  onRefusal: ((code: string) => void) | undefined;
  /** `case:sync` answers, each with the `after` it asked for. */
  readonly syncs: { after: number; entries: TranscriptEntry[] }[] = [];

  constructor(url: string, cookie: string, options: { ackTimeoutMs?: number } = {}) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.socket = io(url, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      reconnectionDelay: 200,
      reconnectionDelayMax: 1_000,
      randomizationFactor: 0.3,
    });
    this.socket.on('case:update', (update) => this.take(update));
    this.socket.on('connect', () => {
      this.connects++;
      void this.resync();
    });
  }

  private readonly ackTimeoutMs: number;

  /** Everything up to here is held (or is staff-only): what a sync asks to continue from. */
  get lastSeq(): number {
    return this.complete;
  }

  private complete = 0;

  /**
   * Keeps what is new, like the chat page's transcript log: a sync answer is complete up to its
   * view's seq; any other update that shows a later seq than the log is complete to is a gap,
   * filled by a sync (a retried answer, for one, is acknowledged with its own entries only).
   */
  take(update: CaseUpdate, fromSync = false) {
    for (const entry of update.entries) {
      this.received.push(entry);
      this.entries.set(entry.seq, entry);
    }
    if (fromSync) this.complete = Math.max(this.complete, update.view.seq);
    while (this.entries.has(this.complete + 1)) this.complete++;
    if (!this.view || update.view.seq >= this.view.seq) this.view = update.view;
    if (!fromSync && update.view.seq > this.complete) void this.resync();
  }

  /** Asks for everything after the last entry it has; retried until answered. */
  async resync(): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    try {
      for (;;) {
        const after = this.lastSeq;
        const ack = (await this.socket
          .timeout(this.ackTimeoutMs)
          .emitWithAck('case:sync', { after })
          .catch(() => null)) as Ack<CaseUpdate> | null;
        if (ack?.ok) {
          this.syncs.push({ after, entries: ack.data.entries });
          this.take(ack.data, true);
          if (this.view && this.view.seq <= this.complete) return;
          continue; // more arrived meanwhile
        }
        if (!this.socket.connected) return; // the next connect syncs again
        await sleep(300);
      }
    } finally {
      this.syncing = false;
    }
  }

  private syncing = false;

  /** Sends an answer until it is acknowledged (same client event id every time) and returns the view. */
  async answer(event: ApplicantEventInput, clientEventId: string = randomUUID()): Promise<CaseView> {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) this.retries++;
      await this.connected();
      const ack = (await this.socket
        .timeout(this.ackTimeoutMs)
        .emitWithAck('case:answer', { clientEventId, event })
        .catch(() => null)) as Ack<CaseUpdate> | null;
      if (ack?.ok) {
        this.take(ack.data);
        this.acknowledged.push(clientEventId);
        return ack.data.view;
      }
      if (ack && !ack.ok) this.onRefusal?.(ack.error.code);
      if (ack && !RETRYABLE.has(ack.error.code)) throw new Error(`${event.type} refused: ${JSON.stringify(ack.error)}`);
      await sleep(250 + Math.random() * 250);
    }
  }

  /** Waits for the connection (Socket.IO reconnects by itself), instead of queueing emits meanwhile. */
  private connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.socket.off('connect', done);
        resolve();
      };
      const timer = setTimeout(done, 5_000);
      this.socket.once('connect', done);
    });
  }

  close() {
    this.socket.disconnect();
  }
}

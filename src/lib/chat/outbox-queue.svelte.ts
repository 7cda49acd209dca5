import type { Ack, AckError } from '$lib/shared/ack';
import type { CaseUpdate } from '$lib/shared/case.contract';
import { loadOutbox, saveOutbox, type OutboxStorage, type PendingAnswer } from './outbox';

const RETRY_MS = 3_000;
/** Failures worth sending again: the answer itself was fine (and a new sign-in keeps it). */
const keepCodes = new Set(['internal', 'db_unavailable', 'conflict', 'rate_limited', 'unauthenticated']);

export interface OutboxQueueOptions {
  storageKey: string;
  storage?: OutboxStorage;
  /** Sends one answer; rejects when the connection drops or no acknowledgement comes in time. */
  send: (item: PendingAnswer) => Promise<Ack<CaseUpdate>>;
  connected: () => boolean;
  /** The server took it (first time or a recognised retry). */
  onApplied: (update: CaseUpdate) => void;
  /** The server refused it for good; it is dropped. */
  onRefused: (error: AckError) => void;
  /** After each attempt, whatever came of it. */
  onSettled: () => void;
}

/**
 * Answers shown to the applicant but not yet acknowledged, saved in the tab so a reload keeps
 * them. Sent one at a time, in order; an answer leaves the queue only when the server
 * acknowledged or refused it, never because the connection dropped.
 */
export class OutboxQueue {
  items = $state.raw<PendingAnswer[]>([]);
  /** The client id of the answer on the wire right now. */
  sendingId = $state<string | null>(null);
  #flushing = false;
  #retry: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: OutboxQueueOptions) {
    void loadOutbox(options.storage, options.storageKey).then((saved) => {
      if (saved.length === 0) return;
      // Answers given while it loaded come after the saved ones.
      this.save([...saved, ...this.items.filter((item) => !saved.some((s) => s.clientEventId === item.clientEventId))]);
      void this.flush();
    });
  }

  add(item: PendingAnswer) {
    this.save([...this.items, item]);
    void this.flush();
  }

  /** Sends what waits, in order; stops at the first answer that did not get through. */
  async flush() {
    if (this.#flushing) return;
    this.#flushing = true;
    try {
      while (this.items.length > 0 && this.options.connected()) {
        const item = this.items[0]!;
        this.sendingId = item.clientEventId;
        let ack: Ack<CaseUpdate>;
        try {
          ack = await this.options.send(item);
        } catch {
          break; // kept: sent again on reconnect, or by the retry below
        } finally {
          this.sendingId = null;
          this.options.onSettled();
        }
        if (!ack.ok && keepCodes.has(ack.error.code)) break;
        this.save(this.items.filter((waiting) => waiting.clientEventId !== item.clientEventId));
        if (ack.ok) this.options.onApplied(ack.data);
        else this.options.onRefused(ack.error);
      }
    } finally {
      this.#flushing = false;
    }
    if (this.items.length > 0 && this.options.connected()) {
      clearTimeout(this.#retry);
      this.#retry = setTimeout(() => void this.flush(), RETRY_MS);
    }
  }

  stop() {
    clearTimeout(this.#retry);
  }

  private save(items: PendingAnswer[]) {
    this.items = items;
    saveOutbox(this.options.storage, this.options.storageKey, items);
  }
}

import type { CaseUpdate, TranscriptEntry } from '$lib/shared/case.contract';

/**
 * A case's transcript as one client holds it, by sequence number. Entries at or below the last
 * complete point and entries already held are dropped, so replays and retries never show twice.
 * Staff-only entries leave holes in the numbers the applicant sees; a sync answer (complete up
 * to its view's seq) closes them, so they are never mistaken for a gap twice.
 */
export class TranscriptLog {
  /** In order; a new array whenever something was added. */
  entries: readonly TranscriptEntry[] = [];
  #seqs = new Set<number>();
  #complete = 0;

  /** Everything up to this sequence number is held (or was never meant for this client). */
  get lastSeq(): number {
    return this.#complete;
  }

  /**
   * Adds what is new in `update`. `complete`: the update answers a sync, so nothing before its
   * view's seq is missing. Returns whether entries were added, and whether the update reveals
   * entries this log lacks (then ask for everything after `lastSeq`).
   */
  merge(update: CaseUpdate, complete: boolean): { added: boolean; gap: boolean } {
    const fresh = update.entries.filter((entry) => entry.seq > this.#complete && !this.#seqs.has(entry.seq));
    for (const entry of fresh) this.#seqs.add(entry.seq);
    if (fresh.length > 0) this.entries = [...this.entries, ...fresh].sort((a, b) => a.seq - b.seq);
    if (complete) this.#complete = Math.max(this.#complete, update.view.seq);
    while (this.#seqs.has(this.#complete + 1)) this.#complete += 1;
    return { added: fresh.length > 0, gap: !complete && update.view.seq > this.#complete };
  }
}

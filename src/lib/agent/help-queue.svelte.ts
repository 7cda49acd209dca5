import { SvelteSet } from 'svelte/reactivity';
import { api, type ApiFailure } from '$lib/api';
import type { BoardRow } from '$lib/shared/board.contract';
import type { HelpQueueRow } from '$lib/shared/help.contract';

/** How long a new request stays marked "new". */
const FRESH_MS = 60_000;
/** Board patches that change the queue are followed by one read of the whole queue. */
const RELOAD_DELAY_MS = 300;

const byRequest = (a: HelpQueueRow, b: HelpQueueRow) => (a.requestedAt ?? '').localeCompare(b.requestedAt ?? '');

/**
 * The help queue as one agent's page holds it: `GET /api/help-queue` (oldest first, who took
 * what), kept live by the board patches every agent receives. A row whose help status turns to
 * `requested` is shown at once (then confirmed by reading the queue again) and announced as new.
 */
export class HelpQueue {
  rows = $state.raw<HelpQueueRow[]>([]);
  loaded = $state(false);
  failure = $state.raw<ApiFailure | null>(null);
  readonly #fresh = new SvelteSet<string>();

  #request = 0;
  #reload: ReturnType<typeof setTimeout> | undefined;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- the pending timers are bookkeeping for stop(), never rendered
  #timers = new Set<ReturnType<typeof setTimeout>>();

  /** `onArrival` hears of each new waiting request once (sound, announcement). */
  constructor(private readonly onArrival: (row: HelpQueueRow) => void) {}

  /** Case ids of requests that arrived while this page was open, for a while. */
  get fresh(): ReadonlySet<string> {
    return this.#fresh;
  }

  get waiting(): HelpQueueRow[] {
    return this.rows.filter((row) => row.status === 'requested');
  }

  async load(): Promise<void> {
    const request = ++this.#request;
    const result = await api.get<HelpQueueRow[]>('/api/help-queue');
    if (request !== this.#request) return;
    if (!result.ok) {
      this.failure = result;
      return;
    }
    const waitingBefore = this.waiting;
    const arrivals = this.loaded
      ? result.data.filter((row) => row.status === 'requested' && !waitingBefore.some((w) => w.caseId === row.caseId))
      : [];
    this.failure = null;
    this.rows = [...result.data].sort(byRequest);
    this.loaded = true;
    arrivals.forEach((row) => this.arrived(row));
  }

  /** A case changed somewhere: follow it when it concerns the queue. */
  patch(row: BoardRow) {
    const known = this.rows.find((r) => r.caseId === row.caseId);
    if (!known && row.helpStatus === 'none') return;
    if (known && known.status === row.helpStatus) {
      this.rows = this.rows.map((r) => (r === known ? { ...r, step: row.step, lang: row.lang, personName: row.personName } : r));
      return;
    }
    if (row.helpStatus === 'none') this.rows = this.rows.filter((r) => r !== known);
    else if (row.helpStatus === 'requested') {
      // Shown at once; the queue read that follows brings the exact time of the request.
      const waiting: HelpQueueRow = {
        caseId: row.caseId,
        personName: row.personName,
        step: row.step,
        lang: row.lang,
        requestedAt: row.lastActivityAt,
        status: 'requested',
        agentName: null,
        agentId: null,
      };
      this.rows = [...this.rows.filter((r) => r !== known), waiting].sort(byRequest);
      this.arrived(waiting);
    } else if (known) this.rows = this.rows.map((r) => (r === known ? { ...r, status: row.helpStatus as HelpQueueRow['status'] } : r));
    this.reloadSoon();
  }

  /** This page's agent took `caseId`: shown at once, before the queue is read again. */
  taken(caseId: string, agent: { id: string; displayName: string }) {
    this.rows = this.rows.map((r) =>
      r.caseId === caseId ? { ...r, status: 'agentJoined', agentId: agent.id, agentName: agent.displayName } : r,
    );
  }

  stop() {
    clearTimeout(this.#reload);
    this.#timers.forEach((timer) => clearTimeout(timer));
    this.#timers.clear();
  }

  private arrived(row: HelpQueueRow) {
    if (this.#fresh.has(row.caseId)) return;
    this.#fresh.add(row.caseId);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#fresh.delete(row.caseId);
    }, FRESH_MS);
    this.#timers.add(timer);
    this.onArrival(row);
  }

  private reloadSoon() {
    // A read already on the wire may predate this change: its answer is dropped.
    this.#request += 1;
    clearTimeout(this.#reload);
    this.#reload = setTimeout(() => void this.load(), RELOAD_DELAY_MS);
  }
}

import type { ApiFailure, ApiResult } from '$lib/api';
import type { Ack } from '$lib/shared/ack';
import type { BoardRow } from '$lib/shared/board.contract';
import type { CaseUpdate, CaseView, TranscriptEntry } from '$lib/shared/case.contract';
import { TranscriptLog } from '$lib/chat/transcript-log';
import type { StaffCaseUpdate } from '$lib/shared/socket-contract';
import { staffCases, type CaseDetail } from './case-detail';
import { StaffLink, type StaffSocket } from './staff-link.svelte';

const ACK_TIMEOUT_MS = 15_000;
const REFRESH_DELAY_MS = 400;
const TICK_MS = 30_000;

/** What, in a new view, changes the answers, photos or audit trail the detail holds. */
const outline = (v: CaseView) => JSON.stringify([v.step, v.photo, v.flags, v.help.status, v.confirmation?.documentNumber ?? null]);

/**
 * One case as an officer reviews it. The detail (answers, photos, audit trail) comes from the API;
 * the view and the transcript stay live through `staff:watch` (re-watched after every reconnect
 * from the last contiguous seq) and the board row through `board:patch`. When the live view moves
 * on (new step, photo or flags), the detail is read again.
 */
export class CaseReview {
  detail = $state.raw<CaseDetail | null>(null);
  row = $state.raw<BoardRow | null>(null);
  view = $state.raw<CaseView | null>(null);
  entries = $state.raw<readonly TranscriptEntry[]>([]);
  failure = $state.raw<ApiFailure | null>(null);
  /** True between a live view that moved on and the detail read that follows it: the answers are behind. */
  updating = $state(false);
  /** The action on the wire, if any: one at a time. */
  busy = $state<string | null>(null);
  now = $state(Date.now());
  readonly link = new StaffLink();

  readonly #log = new TranscriptLog();
  #socket: StaffSocket | null = null;
  #request = 0;
  #refresh: ReturnType<typeof setTimeout> | undefined;
  #tick: ReturnType<typeof setInterval> | undefined;

  constructor(readonly caseId: string) {}

  start() {
    void this.load();
    this.link.open(
      (socket) => {
        socket.on('staff:case-update', (update) => {
          if (update.caseId !== this.caseId) return;
          // An update past an entry this tab never got reveals a gap: watching again fills it.
          if (this.take(update.view, update.entries, false) && this.#socket) void this.watch(this.#socket);
        });
        socket.on('board:patch', ({ row }) => row.caseId === this.caseId && this.setRow(row));
      },
      (socket) => {
        this.#socket = socket;
        void this.watch(socket);
      },
    );
    this.#tick = setInterval(() => (this.now = Date.now()), TICK_MS);
  }

  stop() {
    clearTimeout(this.#refresh);
    clearInterval(this.#tick);
    this.link.close();
  }

  async load(): Promise<void> {
    const request = ++this.#request;
    const result = await staffCases.detail(this.caseId);
    if (request !== this.#request) return;
    if (!result.ok) {
      this.failure = result;
      return;
    }
    this.failure = null;
    this.detail = result.data;
    this.setRow(result.data.row);
    this.take(result.data.view, result.data.entries, true);
    this.updating = this.#refresh !== undefined;
  }

  /** Runs one officer action; on success the detail is read again (new audit entry, new state). */
  async run(name: string, action: () => Promise<ApiResult<CaseUpdate>>): Promise<ApiResult<CaseUpdate>> {
    this.busy = name;
    try {
      const result = await action();
      if (result.ok) {
        this.take(result.data.view, [], false);
        this.refreshSoon();
      }
      return result;
    } finally {
      this.busy = null;
    }
  }

  /** Follows the case live from the last entry this tab has. */
  private async watch(socket: StaffSocket) {
    try {
      const emitter = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
        emitWithAck(event: 'staff:watch', payload: unknown): Promise<Ack<StaffCaseUpdate>>;
      };
      const ack = await emitter.emitWithAck('staff:watch', { caseId: this.caseId, after: this.#log.lastSeq });
      if (ack.ok) this.take(ack.data.view, ack.data.entries, true);
    } catch {
      // Disconnected or timed out: the next connect watches again.
    }
  }

  /** Merges entries (see TranscriptLog) and a view; true when the update reveals a gap. */
  private take(view: CaseView, entries: TranscriptEntry[], complete: boolean): boolean {
    const { added, gap } = this.#log.merge({ view, entries }, complete);
    if (added) this.entries = this.#log.entries;
    const previous = this.view;
    if (!previous || view.seq >= previous.seq) this.view = view;
    if (previous && this.view === view && outline(previous) !== outline(view)) this.refreshSoon();
    this.now = Date.now();
    return gap;
  }

  private setRow(row: BoardRow) {
    if (!this.row || row.version >= this.row.version) this.row = row;
  }

  /** Reads the detail again shortly; changes arriving meanwhile are covered by the same read. */
  private refreshSoon() {
    this.updating = true;
    if (this.#refresh !== undefined) return;
    this.#refresh = setTimeout(() => {
      this.#refresh = undefined;
      void this.load();
    }, REFRESH_DELAY_MS);
  }
}

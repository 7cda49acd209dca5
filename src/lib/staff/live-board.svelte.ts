import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { api, type ApiFailure } from '$lib/api';
import type { BoardPage, BoardPatch, BoardQuery, BoardRow } from '$lib/shared/board.contract';
import { boardApiPath } from './board-query';
import { StaffLink } from './staff-link.svelte';

const TICK_MS = 30_000;

/**
 * The officers' board as this tab shows it: one server-side page of rows, the funnel and the
 * medians, kept live by `board:patch`. A patched case on this page is replaced in place (newest
 * version wins) and flashes; a case elsewhere is only counted, so the page never reshuffles
 * under the officer's eyes. The funnel moves with every patch (`previousStep` → `row.step`).
 */
export class LiveBoard {
  rows = $state.raw<BoardRow[]>([]);
  total = $state(0);
  funnel = $state.raw<BoardPage['funnel']>({});
  medianMs = $state.raw<BoardPage['medianMs']>({});
  stuckAfterHours = $state(48);
  /** False until the first page arrived. */
  loaded = $state(false);
  loading = $state(false);
  failure = $state.raw<ApiFailure | null>(null);
  readonly #elsewhere = new SvelteSet<string>();
  readonly #flashes = new SvelteMap<string, number>();
  /** The clock the relative times are computed from; ticks twice a minute. */
  now = $state(Date.now());
  readonly link = new StaffLink();
  /** Called with each patch that is news (the newest version of its case), after the board took it. */
  onpatch: ((patch: BoardPatch) => void) | undefined;

  #query: BoardQuery | null = null;
  #request = 0;
  /** The newest row seen for each case, from a page or a patch. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache to order rows against patches, never rendered
  #latest = new Map<string, BoardRow>();
  #tick: ReturnType<typeof setInterval> | undefined;

  /** Cases changed since this page loaded that are not on it. */
  get elsewhere(): ReadonlySet<string> {
    return this.#elsewhere;
  }

  /** Case ids and `step:<id>` funnel rows that changed, with a counter to replay the highlight. */
  get flashes(): ReadonlyMap<string, number> {
    return this.#flashes;
  }

  start() {
    this.link.open(
      (socket) => socket.on('board:patch', (patch) => this.apply(patch)),
      // Patches sent while disconnected are lost: a reconnect reloads the page.
      (_socket, again) => {
        if (again) void this.refresh();
      },
    );
    this.#tick = setInterval(() => (this.now = Date.now()), TICK_MS);
  }

  stop() {
    clearInterval(this.#tick);
    this.link.close();
  }

  /** Loads one page; an answer to an older request is dropped. */
  async load(query: BoardQuery): Promise<void> {
    this.#query = query;
    const request = ++this.#request;
    this.loading = true;
    const result = await api.get<BoardPage>(boardApiPath(query));
    if (request !== this.#request) return;
    this.loading = false;
    this.now = Date.now();
    if (!result.ok) {
      this.failure = result;
      return;
    }
    const page = result.data;
    this.failure = null;
    // A patch that overtook this answer is newer than the row the page holds.
    this.rows = page.rows.map((row) => this.newest(row));
    this.total = page.total;
    this.funnel = page.funnel;
    this.medianMs = page.medianMs;
    this.stuckAfterHours = page.stuckAfterHours;
    this.#elsewhere.clear();
    // Rows drawn afresh must not replay old highlights.
    this.#flashes.clear();
    this.loaded = true;
  }

  refresh(): Promise<void> {
    return this.#query ? this.load(this.#query) : Promise.resolve();
  }

  /** One changed case, pushed by the server. Older or repeated versions are ignored. */
  apply({ row, previousStep }: BoardPatch) {
    const known = this.#latest.get(row.caseId);
    if (known && known.version >= row.version) return;
    this.#latest.set(row.caseId, row);
    this.now = Date.now();
    const flashed = [row.caseId];
    if (previousStep !== row.step) {
      const funnel = { ...this.funnel };
      if (previousStep) funnel[previousStep] = Math.max(0, (funnel[previousStep] ?? 0) - 1);
      funnel[row.step] = (funnel[row.step] ?? 0) + 1;
      this.funnel = funnel;
      flashed.push(`step:${row.step}`);
    }
    const index = this.rows.findIndex((r) => r.caseId === row.caseId);
    if (index >= 0) this.rows = this.rows.with(index, row);
    else this.#elsewhere.add(row.caseId);
    this.flash(flashed);
    this.onpatch?.({ row, previousStep });
  }

  private newest(row: BoardRow): BoardRow {
    const known = this.#latest.get(row.caseId);
    if (known && known.version > row.version) return known;
    this.#latest.set(row.caseId, row);
    return row;
  }

  private flash(ids: string[]) {
    for (const id of ids) this.#flashes.set(id, (this.#flashes.get(id) ?? 0) + 1);
  }
}

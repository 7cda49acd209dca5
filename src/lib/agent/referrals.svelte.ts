import { api, type ApiFailure } from '$lib/api';
import type { BoardRow } from '$lib/shared/board.contract';
import type { ReferralRow } from '$lib/shared/help.contract';

/**
 * The referrals one agent made (`GET /api/help-queue/referrals`), kept live by the board patches
 * every agent receives: when a referred case's `referred` flag comes or goes, the list is read again
 * (for the officer's note) and the change is announced.
 */
export class Referrals {
  rows = $state.raw<ReferralRow[]>([]);
  loaded = $state(false);
  failure = $state.raw<ApiFailure | null>(null);
  /** The latest referral an officer resolved while this page was open, for the live announcement. */
  lastResolved = $state.raw<ReferralRow | null>(null);

  #request = 0;

  async load(): Promise<void> {
    const request = ++this.#request;
    const result = await api.get<ReferralRow[]>('/api/help-queue/referrals');
    if (request !== this.#request) return;
    if (!result.ok) return void (this.failure = result);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- compared once below, never rendered
    const openBefore = new Set(this.rows.filter((r) => r.open).map((r) => r.caseId));
    this.failure = null;
    this.rows = result.data;
    this.loaded = true;
    const resolved = result.data.find((r) => !r.open && openBefore.has(r.caseId));
    if (resolved) this.lastResolved = resolved;
  }

  /** A case changed: read the list again when one of ours opened or closed its referral. */
  patch(row: BoardRow) {
    const known = this.rows.find((r) => r.caseId === row.caseId);
    if (known && known.open !== row.flags.includes('referred')) void this.load();
  }
}

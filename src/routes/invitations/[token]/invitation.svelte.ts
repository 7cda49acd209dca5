import { api, type ApiFailure } from '$lib/api';
import type { Lang } from '$lib/i18n/lang';

export type ClosedReason = 'used' | 'expired' | 'revoked' | 'unknown';

type Lookup = { status: 'open'; givenName: string; lang: Lang; expiresAt: string } | { status: ClosedReason };

/** What the page shows: nothing is answered until the person presses a button (scanners only GET). */
export type InvitationStage =
  | { kind: 'checking' }
  | { kind: 'open'; givenName: string; lang: Lang; expiresAt: string }
  | { kind: 'accepted' | 'declined'; givenName: string }
  | { kind: ClosedReason }
  | { kind: 'unavailable' };

const closedReasons: readonly string[] = ['used', 'expired', 'revoked', 'unknown'];

/** The reason a link cannot be used, from a refused answer (`fields.token`) or a malformed token. */
function closedBy(failure: ApiFailure): ClosedReason | null {
  const reason = failure.fields.token;
  if (reason && closedReasons.includes(reason)) return reason as ClosedReason;
  return failure.code === 'validation_failed' || failure.code === 'not_found' ? 'unknown' : null;
}

/** One invitation link, looked up and then answered once. */
export class Invitation {
  stage = $state.raw<InvitationStage>({ kind: 'checking' });
  busy = $state(false);
  /** Why the last lookup or answer got no usable reply (network, rate limit, server). */
  failure = $state.raw<ApiFailure | null>(null);

  constructor(private readonly token: string) {}

  private get path() {
    return `/api/invitations/${encodeURIComponent(this.token)}`;
  }

  async lookup(): Promise<void> {
    this.failure = null;
    this.stage = { kind: 'checking' };
    const result = await api.get<Lookup>(this.path);
    if (result.ok) {
      this.stage = result.data.status === 'open' ? { kind: 'open', ...result.data } : { kind: result.data.status };
      return;
    }
    const closed = closedBy(result);
    this.stage = closed ? { kind: closed } : { kind: 'unavailable' };
    this.failure = closed ? null : result;
  }

  async answer(answer: 'accept' | 'decline'): Promise<void> {
    if (this.busy || this.stage.kind !== 'open') return;
    this.busy = true;
    const result = await api.post<{ givenName: string }>(`${this.path}/${answer}`);
    this.busy = false;
    if (result.ok) {
      this.failure = null;
      this.stage = { kind: answer === 'accept' ? 'accepted' : 'declined', givenName: result.data.givenName };
      return;
    }
    const closed = closedBy(result);
    if (closed) this.stage = { kind: closed };
    this.failure = closed ? null : result;
  }
}

import type { ApiFailure } from '$lib/api';
import { invitationStates } from '$lib/shared/application.schemas';
import { applications, type ApplicationView, type ShownInvitationState } from '$lib/staff/applications';

export const shownStates = [...invitationStates, 'pending'] as const satisfies readonly ShownInvitationState[];

/** A `state` query value we filter on, or null for every state. */
export function stateFilter(value: string | null): ShownInvitationState | null {
  return shownStates.find((s) => s === value) ?? null;
}

/** The invitation list: applications matching a search (newest first), then filtered by state here. */
export class InvitationList {
  all = $state.raw<ApplicationView[] | null>(null);
  failure = $state.raw<ApiFailure | null>(null);
  private search: string | null = null;

  async load(search: string): Promise<void> {
    this.search = search;
    const result = await applications.list(search);
    if (search !== this.search) return;
    if (result.ok) this.all = result.data;
    this.failure = result.ok ? null : result;
  }

  /** People per invitation state, over every application the search returned. */
  get counts(): Record<ShownInvitationState, number> {
    const counts = Object.fromEntries(shownStates.map((s) => [s, 0])) as Record<ShownInvitationState, number>;
    for (const application of this.all ?? []) for (const person of application.people) counts[person.invitation.state] += 1;
    return counts;
  }

  /** Applications with at least one person in `state` (all of them when null). */
  matching(state: ShownInvitationState | null): ApplicationView[] {
    const all = this.all ?? [];
    return state ? all.filter((a) => a.people.some((p) => p.invitation.state === state)) : all;
  }
}

import type { ApiFailure, ApiResult } from '$lib/api';
import { applications, type ApplicationView, type PersonView } from '$lib/staff/applications';

export type InvitationAction = 'resend' | 'revoke';

/** Resend applies until the person has an account; revoke only while the links are open. */
export function canDo(action: InvitationAction, person: PersonView): boolean {
  if (action === 'revoke') return person.invitation.state === 'sent';
  return !person.hasAccount && person.invitation.state !== 'accepted';
}

/** One application as its page shows it, reloaded after every action. */
export class ApplicationPage {
  view = $state.raw<ApplicationView | null>(null);
  failure = $state.raw<ApiFailure | null>(null);

  private id = '';

  async open(id: string): Promise<void> {
    if (id !== this.id) this.view = null;
    this.id = id;
    await this.load();
  }

  async load(): Promise<void> {
    const id = this.id;
    const result = await applications.get(id);
    if (id !== this.id) return;
    if (result.ok) this.view = result.data;
    this.failure = result.ok ? null : result;
  }

  async act(action: InvitationAction, person: PersonView): Promise<ApiResult<undefined>> {
    const result = await applications[action](person.id);
    await this.load();
    return result;
  }
}

import { api, type ApiFailure, type ApiResult } from '$lib/api';
import type { StaffAccountBody } from '$lib/shared/auth.schemas';

/** One row of `GET /api/staff-accounts`. */
export interface StaffAccount {
  id: string;
  username: string;
  fullName: string;
  displayName: string;
  role: StaffAccountBody['role'];
  disabled: boolean;
  totpEnabled: boolean;
  createdAt: string;
}

/** What `POST /api/staff-accounts` answers, once: the temporary password is never shown again. */
export interface CreatedAccount {
  id: string;
  username: string;
  temporaryPassword: string;
}

/** The staff list as the admin page sees it, reloaded after every change. */
export class StaffAccounts {
  list = $state.raw<StaffAccount[] | null>(null);
  failure = $state.raw<ApiFailure | null>(null);

  async load(): Promise<void> {
    const result = await api.get<StaffAccount[]>('/api/staff-accounts');
    if (result.ok) this.list = result.data;
    this.failure = result.ok ? null : result;
  }

  async create(body: StaffAccountBody): Promise<ApiResult<CreatedAccount>> {
    const result = await api.post<CreatedAccount>('/api/staff-accounts', body);
    if (result.ok) await this.load();
    return result;
  }

  async setDisabled(account: StaffAccount, disabled: boolean): Promise<ApiResult<undefined>> {
    const result = await api.post(`/api/staff-accounts/${encodeURIComponent(account.id)}/${disabled ? 'disable' : 'enable'}`);
    if (result.ok) await this.load();
    return result;
  }
}

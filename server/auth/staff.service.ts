import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { StaffAccountBody } from '../../src/lib/shared/auth.schemas';
import type { AuditLog } from '../audit/audit.service';
import type { Clock } from '../clock';
import { DomainError } from '../http/domain-error';
import type { AuthUser } from './auth-types';
import { createAccount } from './create-account';
import { hashPassword, temporaryPassword } from './password';
import type { SessionService } from './session.service';
import { userModel, type Role } from './user.model';

export interface StaffAccount {
  id: string;
  username: string;
  fullName: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  totpEnabled: boolean;
  createdAt: Date;
}

/** Admins create and disable staff accounts. Staff are never created any other way (except demo seed). */
export class StaffService {
  constructor(
    private readonly db: Connection,
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Creates a staff account with a one-time temporary password, returned once. */
  async create(input: StaffAccountBody, by: AuthUser | null, password = temporaryPassword()) {
    const id = randomUUID();
    const outcome = await createAccount(this.db, {
      _id: id,
      username: input.username,
      passwordHash: await hashPassword(password),
      role: input.role,
      displayName: input.displayName,
      fullName: input.fullName,
      email: input.email ?? null,
      mustChangePassword: true,
      createdAt: this.clock.now(),
    });
    if (outcome === 'username_taken') throw new DomainError('conflict', 'This username is taken.', { username: 'taken' });
    await this.audit.record({
      action: 'staff.created',
      actor: by && { id: by.id, role: by.role, name: by.username },
      target: id,
      details: { username: input.username, role: input.role },
    });
    return { id, username: input.username, temporaryPassword: password };
  }

  async list(): Promise<StaffAccount[]> {
    const users = await userModel(this.db)
      .find({ role: { $in: ['officer', 'agent', 'admin'] } })
      .sort({ username: 1 })
      .lean();
    return users.map((u) => ({
      id: u._id,
      username: u.username,
      fullName: u.fullName,
      displayName: u.displayName,
      role: u.role as Role,
      disabled: u.disabled,
      totpEnabled: Boolean(u.totpSecret),
      createdAt: u.createdAt,
    }));
  }

  /** Disables or re-enables a staff account; disabling ends its sessions at once. */
  async setDisabled(id: string, disabled: boolean, by: AuthUser) {
    if (id === by.id) throw new DomainError('conflict', 'You cannot disable your own account.');
    const result = await userModel(this.db).updateOne({ _id: id, role: { $in: ['officer', 'agent', 'admin'] } }, { $set: { disabled } });
    if (result.matchedCount === 0) throw new DomainError('not_found', 'No such staff account.');
    if (disabled) await this.sessions.invalidateUser(id);
    await this.audit.record({
      action: disabled ? 'staff.disabled' : 'staff.enabled',
      actor: { id: by.id, role: by.role, name: by.username },
      target: id,
    });
  }
}

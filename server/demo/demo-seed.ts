import type { Connection } from 'mongoose';
import { temporaryPassword } from '../auth/password';
import type { StaffService } from '../auth/staff.service';
import { userModel } from '../auth/user.model';
import type { Logger } from '../logger';

export interface DemoSeedResult {
  created: boolean;
  password?: string;
  /** Whether the password was generated (and must be printed once) or came from DEMO_PASSWORD. */
  generated?: boolean;
}

const DEMO_STAFF = [
  { username: 'officer', fullName: 'Olivia Officer', displayName: 'Olivia', role: 'officer' },
  { username: 'agent', fullName: 'Adam Agent', displayName: 'Adam', role: 'agent' },
  { username: 'admin', fullName: 'Ada Admin', displayName: 'Ada', role: 'admin' },
] as const;

/**
 * Demo mode on an empty database: one staff account per role (`officer`, `agent`, `admin`) sharing
 * DEMO_PASSWORD or a random password. Never called in production.
 */
export async function seedDemoStaff(db: Connection, staff: StaffService, logger: Logger, demoPassword?: string): Promise<DemoSeedResult> {
  if ((await userModel(db).estimatedDocumentCount()) > 0) return { created: false };
  const password = demoPassword ?? temporaryPassword();
  for (const account of DEMO_STAFF) {
    await staff.create(account, null, password);
  }
  await userModel(db).updateMany({ username: { $in: DEMO_STAFF.map((a) => a.username) } }, { $set: { mustChangePassword: false } });
  logger.warn({ accounts: DEMO_STAFF.map((a) => a.username) }, 'demo mode: created staff accounts');
  return { created: true, password, generated: demoPassword === undefined };
}

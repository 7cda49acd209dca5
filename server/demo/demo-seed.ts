import type { Connection } from 'mongoose';
import type { ApplicationService } from '../applications/application.service';
import { applicationModel } from '../applications/application.model';
import type { AuthUser } from '../auth/auth-types';
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

/**
 * The demo application: a principal applicant and a spouse who share one email address, each
 * invited separately (their invitations are in the dev mailbox at /dev/mailbox).
 */
export async function seedDemoApplication(db: Connection, applications: ApplicationService, baseUrl: string) {
  const officer = await userModel(db).findOne({ username: 'officer' }).lean();
  if (!officer || (await applicationModel(db).estimatedDocumentCount()) > 0) return null;
  const by: AuthUser = {
    id: officer._id,
    username: officer.username,
    role: 'officer',
    displayName: officer.displayName,
    fullName: officer.fullName,
    lang: 'en',
    personId: null,
    mustChangePassword: false,
    totpEnabled: false,
  };
  return applications.register(
    {
      applicationNumber: 'E000123456',
      people: [
        {
          role: 'principal',
          givenName: 'Amara',
          familyName: 'Okafor',
          dateOfBirth: '1989-07-21',
          uci: '11223344',
          email: 'okafor.family@example.com',
          lang: 'en',
        },
        {
          role: 'spouse',
          givenName: 'Étienne',
          familyName: 'Okafor',
          dateOfBirth: '1987-11-03',
          uci: '5566778899',
          email: 'okafor.family@example.com',
          lang: 'fr',
        },
      ],
    },
    by,
    baseUrl,
    null,
  );
}

import { Lucia, TimeSpan, type RegisteredDatabaseUserAttributes as DatabaseUserAttributes } from 'lucia';
import type { Connection } from 'mongoose';
import type { Clock } from '../clock';
import { MongooseSessionAdapter } from './lucia-adapter';
import type { Role } from './user.model';

export const SESSION_COOKIE = 'lp_session';

/** Builds Lucia with our adapter. Role-specific idle/absolute limits are enforced by SessionService. */
export function createLucia(db: Connection, clock: Clock, secureCookies: boolean) {
  return new Lucia(new MongooseSessionAdapter(db, () => clock.now()), {
    sessionExpiresIn: new TimeSpan(7, 'd'),
    sessionCookie: {
      name: SESSION_COOKIE,
      expires: false,
      attributes: { secure: secureCookies, sameSite: 'lax', path: '/' },
    },
    getSessionAttributes: (attributes) => attributes,
    getUserAttributes: accountAttributes,
  });
}

/** What the portal uses of an account document (the password hash and TOTP secret stay behind). */
export function accountAttributes(account: DatabaseUserAttributes) {
  return {
    username: account.username,
    role: account.role as Role,
    displayName: account.displayName,
    fullName: account.fullName,
    lang: account.lang as 'en' | 'fr',
    personId: account.personId ?? null,
    mustChangePassword: account.mustChangePassword,
    disabled: account.disabled,
    totpEnabled: Boolean(account.totpSecret),
  };
}

export type PortalLucia = ReturnType<typeof createLucia>;

declare module 'lucia' {
  interface Register {
    Lucia: PortalLucia;
    DatabaseUserAttributes: {
      username: string;
      role: string;
      displayName: string;
      fullName: string;
      lang: string;
      personId?: string | null;
      mustChangePassword: boolean;
      disabled: boolean;
      totpSecret?: string | null;
    };
    DatabaseSessionAttributes: {
      createdAt: Date;
      lastSeenAt: Date;
      mfaVerified: boolean;
      ip: string | null;
      /** The account's session generation, when the caller has just read it (saves a read). */
      generation?: number;
    };
  }
}

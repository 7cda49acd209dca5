import { Lucia, TimeSpan } from 'lucia';
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
    getUserAttributes: (attributes) => ({
      username: attributes.username,
      role: attributes.role as Role,
      displayName: attributes.displayName,
      fullName: attributes.fullName,
      lang: attributes.lang as 'en' | 'fr',
      personId: attributes.personId ?? null,
      mustChangePassword: attributes.mustChangePassword,
      disabled: attributes.disabled,
      totpEnabled: Boolean(attributes.totpSecret),
    }),
  });
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

import type { Role } from './user.model';

/** The signed-in person, as every route and socket handler sees them. Never from the client. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  displayName: string;
  fullName: string;
  lang: 'en' | 'fr';
  personId: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
}

export interface AuthSession {
  /** The raw id from the cookie (never stored). */
  id: string;
  /** What the database stores; also the socket room that sign-out disconnects. */
  hash: string;
  mfaVerified: boolean;
  createdAt: Date;
  /** Last activity as of this validation: with the role's idle limit, when the session ends if nothing happens. */
  lastSeenAt: Date;
}

export interface Identity {
  user: AuthUser;
  session: AuthSession;
}

/** What a signed-in person must still do before using the portal. */
export type SignInStage = 'change_password' | 'totp_enroll' | 'totp_verify' | 'ready';

export const isStaff = (role: Role) => role !== 'applicant';

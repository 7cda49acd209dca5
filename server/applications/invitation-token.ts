import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url (43 characters). Only its hash is ever stored. */
export function newInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

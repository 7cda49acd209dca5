import { createHash } from 'node:crypto';

/** What the database stores for a session id: its SHA-256, hex. */
export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

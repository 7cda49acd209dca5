import type { IncomingMessage } from 'node:http';
import { parse } from 'hono/utils/cookie';
import type { AppDeps } from '../app';
import { expectedOrigin } from '../http/origin-check';
import { rooms, type PortalIo, type PortalSocket } from './realtime';

/** Socket.IO refuses handshakes from foreign origins (browsers do not apply CORS to WebSockets). */
export function originAllowed(req: IncomingMessage, configured: string | undefined): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a browser; the session cookie still decides
  return origin === expectedOrigin(configured, req.headers.host, false) || origin === expectedOrigin(configured, req.headers.host, true);
}

/**
 * Authenticates every socket on connect from the session cookie. Refused connections get a
 * `connect_error` with message `unauthenticated`. Accepted sockets join their session and user rooms,
 * so sign-out and account changes can disconnect them at once.
 */
export function authenticateSockets(io: PortalIo, { services, logger }: AppDeps) {
  /** Resolves to the refusal, or undefined when the socket may connect (its rooms joined). */
  async function admit(socket: PortalSocket): Promise<Error | undefined> {
    const cookies = parse(socket.handshake.headers.cookie ?? '');
    const identity = await services.sessions.validate(cookies[services.sessions.cookieName]);
    if (!identity || services.auth.stage(identity) !== 'ready') return new Error('unauthenticated');
    socket.data.identity = identity;
    socket.data.log = logger.child({ userId: identity.user.id, role: identity.user.role, socketId: socket.id });
    const joined = [rooms.session(identity.session.hash), rooms.user(identity.user.id)];
    if (identity.user.role === 'applicant' && identity.user.personId) {
      socket.data.caseId = await services.cases.caseIdFor(identity.user);
      joined.push(rooms.case(socket.data.caseId));
    }
    if (identity.user.role === 'officer' || identity.user.role === 'admin') joined.push(rooms.staff);
    if (identity.user.role === 'agent' || identity.user.role === 'admin') joined.push(rooms.agents);
    await socket.join(joined);
    return undefined;
  }

  // Socket.IO ignores a middleware's promise: `next` is called exactly once here, after the checks
  // settle, and a failed lookup (database down) is logged and refused instead of left unhandled.
  io.use((socket, next) => {
    admit(socket).then(
      (refusal) => next(refusal),
      (err: unknown) => {
        logger.error({ err }, 'socket authentication failed');
        next(new Error('unavailable'));
      },
    );
  });
}

import type { Server as HttpServer } from 'node:http';
import type { Identity } from '../auth/auth-types';
import { sessionLimits, type SessionService } from '../auth/session.service';
import type { Clock } from '../clock';
import type { PortalIo, PortalSocket } from './realtime';

/** An active socket re-reads its session (by `_id`) at most this often; the read counts as activity. */
const RECHECK_MS = 60_000;
/** How often each process looks for idle sockets whose session may have ended. */
const SWEEP_MS = 30_000;

interface Watched {
  checkedAt: number;
  /** When the session ends at the latest if nothing touches it meanwhile (idle or absolute limit). */
  endsBy: number;
  pending?: Promise<boolean>;
}

/**
 * Sockets follow their session, not just the handshake: an event re-checks the session when its
 * last check is over a minute old, and a sweep re-checks idle sockets whose session would have
 * timed out by now. A session found ended (signed out, timed out, account disabled) disconnects the
 * socket. Sign-out and a new sign-in disconnect at once through the session room (Realtime).
 * Returns the sweep, which the timer runs and tests may call.
 */
export function followSessions(io: PortalIo, httpServer: HttpServer, sessions: SessionService, clock: Clock): () => Promise<void> {
  const watched = new WeakMap<PortalSocket, Watched>();
  const deadline = ({ user, session }: Identity) => {
    const limits = sessionLimits[user.role];
    return Math.min(session.lastSeenAt.getTime() + limits.idleMs, session.createdAt.getTime() + limits.absoluteMs);
  };
  /** An event is the person's activity; a sweep is not, and must not keep an unused session alive. */
  const recheck = (socket: PortalSocket, state: Watched, activity: boolean): Promise<boolean> => {
    state.pending ??= sessions
      .validate(socket.data.identity.session.id, { activity })
      .then((identity) => {
        Object.assign(state, { checkedAt: clock.now().getTime(), pending: undefined }, identity ? { endsBy: deadline(identity) } : {});
        if (!identity) socket.disconnect(true);
        return Boolean(identity);
      })
      .catch(() => {
        state.pending = undefined; // the database is busy or away: the next event or sweep tries again
        return true;
      });
    return state.pending;
  };

  io.on('connection', (socket) => {
    const state: Watched = { checkedAt: clock.now().getTime(), endsBy: deadline(socket.data.identity) };
    watched.set(socket, state);
    socket.use((_packet, next) => {
      if (clock.now().getTime() - state.checkedAt < RECHECK_MS) return next();
      void recheck(socket, state, true).then((alive) => alive && next());
    });
  });

  const sweep = async () => {
    const now = clock.now().getTime();
    const due = [...io.of('/').sockets.values()].filter((socket) => (watched.get(socket)?.endsBy ?? Infinity) <= now);
    await Promise.all(due.map((socket) => recheck(socket, watched.get(socket)!, false)));
  };
  const timer = setInterval(() => void sweep(), SWEEP_MS);
  timer.unref();
  httpServer.once('close', () => clearInterval(timer));
  return sweep;
}

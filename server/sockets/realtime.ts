import type { Server, Socket } from 'socket.io';
import type { BoardPatch, BoardRow } from '../../src/lib/shared/board.contract';
import type { ClientEvents, ServerEvents } from '../../src/lib/shared/socket-contract';
import type { Identity } from '../auth/auth-types';
import type { Logger } from '../logger';

/** What the server keeps on each socket: who it is (from the session cookie, never the client). */
export interface SocketData {
  identity: Identity;
  /** The applicant's own case (applicants only). */
  caseId?: string;
  log: Logger;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}

export type PortalIo = Server<ClientEvents, ServerEvents, InterServerEvents, SocketData>;
export type PortalSocket = Socket<ClientEvents, ServerEvents, InterServerEvents, SocketData>;

/** Room names, in one place. */
export const rooms = {
  session: (hash: string) => `session:${hash}`,
  user: (userId: string) => `user:${userId}`,
  case: (caseId: string) => `case:${caseId}`,
  /** Staff watching a case: they get internal entries too. */
  caseStaff: (caseId: string) => `case-staff:${caseId}`,
  staff: 'staff',
  agents: 'agents',
} as const;

/**
 * The services' handle on Socket.IO. The HTTP app is built before the socket server exists,
 * so the server attaches itself here once it is created.
 */
export class Realtime {
  private server: PortalIo | undefined;
  /** Re-checks the sessions of idle sockets now (a timer runs it; tests call it after moving the clock). */
  sweepSessions: () => Promise<void> = async () => undefined;

  attach(io: PortalIo) {
    this.server = io;
  }

  get io(): PortalIo | undefined {
    return this.server;
  }

  /** Sign-out: every socket opened with this session is closed at once (across processes with an adapter). */
  disconnectSession(sessionHash: string) {
    this.server?.in(rooms.session(sessionHash)).disconnectSockets(true);
  }

  disconnectUser(userId: string) {
    this.server?.in(rooms.user(userId)).disconnectSockets(true);
  }

  /** An agent who left or handed over a case: none of their sockets (any tab, any process) follows it any more. */
  leaveCase(userId: string, caseId: string) {
    this.server?.in(rooms.user(userId)).socketsLeave(rooms.caseStaff(caseId));
  }

  /**
   * A changed board row: officers and admins get every row; agents only rows of help requests (and
   * the one that ends a request), without the UCI and application number, as `GET /api/help-queue`.
   */
  boardPatch(patch: BoardPatch, before: Pick<BoardRow, 'helpStatus' | 'flags'>) {
    if (!this.server) return;
    this.server.to(rooms.staff).emit('board:patch', patch);
    // Agents see the rows their own work touches (as their HTTP routes do): help requests, and a
    // referral to an officer opening or being resolved. Never the UCI or the application number.
    const helpRequest = patch.row.helpStatus !== 'none' || before.helpStatus !== 'none';
    const referral = patch.row.flags.includes('referred') !== before.flags.includes('referred');
    if (!helpRequest && !referral) return;
    this.server
      .to(rooms.agents)
      .except(rooms.staff)
      .emit('board:patch', { ...patch, row: { ...patch.row, uci: '', applicationNumber: '' } });
  }
}

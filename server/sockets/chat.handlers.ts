import { readPayload, typingPayload } from '../../src/lib/shared/help.contract';
import type { AppDeps } from '../app';
import { onEvent } from './on-event';
import { rooms, type PortalSocket } from './realtime';

/**
 * Typing indicators and read marks between an applicant and the agent helping them. Ephemeral:
 * relayed, never stored. The applicant's side is always their own case; an agent must be in the
 * case's staff room (joined it) for their signals to reach the applicant.
 */
export function registerChatHandlers(socket: PortalSocket, _deps: AppDeps) {
  const { user } = socket.data.identity;
  const target = (caseId: string | undefined) => {
    if (user.role === 'applicant')
      return socket.data.caseId
        ? { caseId: socket.data.caseId, room: rooms.caseStaff(socket.data.caseId), from: 'applicant' as const }
        : null;
    if (user.role === 'agent' && caseId && socket.rooms.has(rooms.caseStaff(caseId)))
      return { caseId, room: rooms.case(caseId), from: 'agent' as const };
    return null;
  };
  onEvent(socket, 'chat:typing', typingPayload, async ({ caseId, typing }) => {
    const to = target(caseId);
    if (to) socket.to(to.room).emit('chat:typing', { caseId: to.caseId, from: to.from, name: user.displayName, typing });
    return null;
  });
  onEvent(socket, 'chat:read', readPayload, async ({ caseId, seq }) => {
    const to = target(caseId);
    if (to) socket.to(to.room).emit('chat:read', { caseId: to.caseId, from: to.from, name: user.displayName, seq });
    return null;
  });
}

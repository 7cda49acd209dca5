import { z } from 'zod';
import { watchPayload } from '../../src/lib/shared/socket-contract';
import type { AppDeps } from '../app';
import { onEvent, refuseEvents } from './on-event';
import { rooms, type PortalSocket } from './realtime';

const unwatchPayload = z.strictObject({ caseId: z.string().max(80) });

/**
 * Staff sockets: officers and admins are in the `staff` room (board patches); agents in `agents`.
 * `staff:watch` follows one case live, internal entries included: officers and admins any case,
 * agents only the one they have taken. Applicants get `forbidden`.
 */
export function registerStaffHandlers(socket: PortalSocket, { services }: AppDeps) {
  const { user } = socket.data.identity;
  if (user.role === 'applicant') return refuseEvents(socket, ['staff:watch', 'staff:unwatch']);
  onEvent(socket, 'staff:watch', watchPayload, async ({ caseId, after }) => {
    // Officers and admins may follow any case; an agent only the conversation they are helping in.
    if (user.role === 'agent') await services.help.assertHolder(user, caseId);
    const c = await services.cases.store.load(caseId);
    await socket.join(rooms.caseStaff(caseId));
    // Checked again once in the room: a leave that ran meanwhile has already emptied the room of this agent.
    if (user.role === 'agent')
      await services.help.assertHolder(user, caseId).catch(async (err: unknown) => {
        await socket.leave(rooms.caseStaff(caseId));
        throw err;
      });
    return { caseId, view: services.cases.engine.view(c), entries: await services.cases.store.entriesAfter(caseId, after, 'staff') };
  });
  onEvent(socket, 'staff:unwatch', unwatchPayload, async ({ caseId }) => {
    await socket.leave(rooms.caseStaff(caseId));
    return null;
  });
}

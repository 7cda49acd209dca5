import {
  agentJoinPayload,
  agentLeavePayload,
  agentMessagePayload,
  agentNotePayload,
  agentSuggestPayload,
} from '../../src/lib/shared/help.contract';
import type { AppDeps } from '../app';
import { countUse } from '../auth/usage-limits';
import { onEvent, refuseEvents } from './on-event';
import { rooms, type PortalSocket } from './realtime';

const agentEvents = ['agent:join', 'agent:message', 'agent:note', 'agent:suggest', 'agent:leave'] as const;

/** `agent:*` events: support agents only. None of them can answer, sign or upload for the applicant. */
export function registerAgentHandlers(socket: PortalSocket, { services }: AppDeps) {
  const { user } = socket.data.identity;
  if (user.role !== 'agent') return refuseEvents(socket, [...agentEvents]);
  onEvent(socket, 'agent:join', agentJoinPayload, async ({ caseId }) => {
    const { view } = await services.help.join(user, caseId);
    await socket.join(rooms.caseStaff(caseId));
    return { caseId, view, entries: await services.cases.store.entriesAfter(caseId, 0, 'staff') };
  });
  onEvent(socket, 'agent:message', agentMessagePayload, async ({ caseId, clientEventId, text, link }) => {
    await countUse(services.limiter, user, 'chat');
    return services.help.message(user, caseId, clientEventId, text, link);
  });
  onEvent(socket, 'agent:note', agentNotePayload, async ({ caseId, text }) => {
    await countUse(services.limiter, user, 'chat');
    return services.help.note(user, caseId, text);
  });
  onEvent(socket, 'agent:suggest', agentSuggestPayload, ({ caseId, section }) => services.help.suggest(user, caseId, section));
  onEvent(socket, 'agent:leave', agentLeavePayload, async ({ caseId, outcome, note }) => {
    const view = await services.help.leave(user, caseId, outcome, note);
    // Every socket of this agent, in every tab and process, stops following the case (internal entries, signals).
    services.realtime.leaveCase(user.id, caseId);
    return view;
  });
}

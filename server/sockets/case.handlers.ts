import { answerPayload, languagePayload, syncPayload, textPayload } from '../../src/lib/shared/case.contract';
import type { AppDeps } from '../app';
import { countUse } from '../auth/usage-limits';
import { onEvent, refuseEvents } from './on-event';
import type { PortalSocket } from './realtime';

/**
 * `case:*` events for applicants. Identity comes from the socket's session; payloads name no case
 * and no person, so an applicant can only ever reach their own conversation.
 */
export function registerCaseHandlers(socket: PortalSocket, { services }: AppDeps) {
  const { user } = socket.data.identity;
  if (user.role !== 'applicant') return refuseEvents(socket, ['case:sync', 'case:answer', 'case:text', 'case:language']);
  onEvent(socket, 'case:sync', syncPayload, ({ after }) => services.cases.sync(user, after));
  onEvent(socket, 'case:answer', answerPayload, ({ clientEventId, event }) => services.cases.answer(user, clientEventId, event));
  onEvent(socket, 'case:text', textPayload, async ({ clientEventId, text }) => {
    await countUse(services.limiter, user, 'chat');
    return services.cases.text(user, clientEventId, text);
  });
  onEvent(socket, 'case:language', languagePayload, ({ lang }) => services.cases.setLanguage(user, lang));
}

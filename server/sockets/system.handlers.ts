import { pingPayload } from '../../src/lib/shared/socket-contract';
import type { AppDeps } from '../app';
import { onEvent } from './on-event';
import type { PortalSocket } from './realtime';

/** `system:*` events: liveness and clock checks. */
export function registerSystemHandlers(socket: PortalSocket, _deps: AppDeps) {
  onEvent(socket, 'system:ping', pingPayload, async ({ clientTime }) => ({ clientTime, serverTime: Date.now() }));
  // An event no handler knows is answered too, so that no client waits for an ack that never comes.
  socket.onAny((event: string, ...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack === 'function' && socket.listeners(event as 'system:ping').length === 0) {
      ack({ ok: false, error: { code: 'bad_request', message: 'Unknown event.' } });
    }
  });
}

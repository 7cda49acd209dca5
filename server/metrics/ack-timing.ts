import type { Histogram } from 'prom-client';
import type { PortalSocket } from '../sockets/realtime';

/**
 * Times every acknowledged socket event, from its arrival to the ack being sent, into `histogram`
 * (labelled by event name). Runs as Socket.IO middleware, so no handler needs to know about it.
 */
export function timeAcks(socket: PortalSocket, histogram: Histogram<'event'>) {
  socket.use((packet, next) => {
    const ack = packet[packet.length - 1];
    if (typeof ack === 'function' && typeof packet[0] === 'string') {
      const event = packet[0];
      const started = performance.now();
      packet[packet.length - 1] = (...reply: unknown[]) => {
        histogram.observe({ event }, (performance.now() - started) / 1000);
        return (ack as (...args: unknown[]) => unknown)(...reply);
      };
    }
    next();
  });
}

import type { TestSocket } from '../../support/portal';

let nextId = 1_000_000;

/**
 * Emits an event whose arguments are raw JSON texts, as a Socket.IO EVENT packet written straight
 * to the connection: payloads too deep for the client's encoder still reach the server. Resolves
 * with the ack's argument, `'timeout'`, or `'dropped'` when the server closed the connection.
 */
export function emitRaw(socket: TestSocket, event: string, args: string[], timeoutMs: number): Promise<unknown> {
  const id = nextId++;
  const acks = (socket as unknown as { acks: Record<number, (answer: unknown) => void> }).acks;
  return new Promise((resolve) => {
    const finish = (outcome: unknown) => {
      clearTimeout(timer);
      socket.off('disconnect', dropped);
      delete acks[id];
      resolve(outcome);
    };
    const dropped = () => finish('dropped');
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    socket.once('disconnect', dropped);
    acks[id] = (answer) => finish(answer);
    socket.io.engine.write(`2${id}[${[JSON.stringify(event), ...args].join(',')}]`);
  });
}

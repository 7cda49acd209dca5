import { afterAll, beforeAll } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { ClientEvents, ServerEvents } from '../../src/lib/shared/socket-contract';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { startPortal, type RunningPortal } from '../../server/server';
import { useTestDatabase } from './database';

export type TestSocket = Socket<ServerEvents, ClientEvents>;

/** Starts the real portal (HTTP + Socket.IO) on port 0 against this file's test database. */
export function useTestPortal(name: string, env: Record<string, string> = {}) {
  const db = useTestDatabase(name);
  let portal: RunningPortal | undefined;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
    portal = await startPortal({ config, logger: createLogger(config.LOG_LEVEL), db: db() }, { port: 0 });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await portal?.close();
  });
  const running = () => {
    if (!portal) throw new Error('useTestPortal: the portal is not running yet');
    return portal;
  };
  return {
    db,
    portal: running,
    url: (path = '') => `${running().url}${path}`,
    /** A real socket.io-client connected to the portal; disconnected after the file. */
    async connect(options: { headers?: Record<string, string> } = {}): Promise<TestSocket> {
      const socket: TestSocket = connectSocket(running().url, {
        transports: ['websocket'],
        extraHeaders: options.headers,
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    },
  };
}

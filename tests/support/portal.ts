import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { ClientEvents, ServerEvents } from '../../src/lib/shared/socket-contract';
import { ManualClock, systemClock, type Clock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { startPortal, type RunningPortal } from '../../server/server';
import { createServices, type Services } from '../../server/services';
import { useTestDatabase } from './database';

export type TestSocket = Socket<ServerEvents, ClientEvents>;

export interface TestPortalOptions {
  env?: Record<string, string>;
  /** A ManualClock to control timeouts and expiry; the system clock otherwise. */
  clock?: Clock;
  /** Drop the database before every test (default) or only before the file. */
  resetEachTest?: boolean;
}

/** Starts the real portal (HTTP + Socket.IO) on port 0 against this file's test database. */
export function useTestPortal(name: string, options: TestPortalOptions = {}) {
  const db = useTestDatabase(name, { resetEachTest: options.resetEachTest });
  let portal: RunningPortal | undefined;
  let services: Services | undefined;
  const sockets: TestSocket[] = [];
  const clock = options.clock ?? systemClock;
  let dataDir: string | undefined;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `landing-${name}-`));
    // The board reads the database: the test database is dropped under the running portal between
    // tests, which an in-process read model would not see (tests/integration/board-sources.test.ts
    // holds the read model to the database's answers).
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATA_DIR: dataDir,
      BOARD_READ_MODEL: 'database',
      ...options.env,
    });
    const infrastructure = { config, logger: createLogger(config.LOG_LEVEL), db: db(), clock };
    services = createServices(infrastructure);
    portal = await startPortal({ ...infrastructure, services }, { port: 0 });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await portal?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  const running = () => {
    if (!portal) throw new Error('useTestPortal: the portal is not running yet');
    return portal;
  };
  return {
    db,
    clock,
    portal: running,
    services: () => services!,
    url: (path = '') => `${running().url}${path}`,
    /** Delivers every due outbox email now (the worker's poll, without waiting for it). */
    deliverEmails: () => services!.outboxWorker.processDue(),
    /** A real socket.io-client; pass the session cookie to be signed in. Disconnected after the file. */
    async connect(options: { cookie?: string; headers?: Record<string, string> } = {}): Promise<TestSocket> {
      const socket: TestSocket = connectSocket(running().url, {
        transports: ['websocket'],
        extraHeaders: { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
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

export { ManualClock };

import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Logger } from '../logger';

export type RedisClient = ReturnType<typeof createClient>;

/** The URL without its password, for logs. */
const redacted = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/**
 * Connects to Redis for the Socket.IO adapter. Refuses (throws) when Redis does not answer within
 * `timeoutMs`, so a node never runs alone believing it is part of a cluster. Afterwards, losing
 * and regaining the connection is logged once each way; the client reconnects by itself.
 */
export async function connectRedis(url: string, logger: Logger, timeoutMs = 5000): Promise<RedisClient> {
  const log = logger.child({ component: 'redis', url: redacted(url) });
  const client: RedisClient = createClient({
    url,
    socket: { connectTimeout: timeoutMs, reconnectStrategy: (retries: number) => Math.min(200 * 2 ** retries, 5000) },
  });
  let down = false;
  client.on('error', (err: Error) => {
    if (down) return;
    down = true;
    log.error({ err }, 'Redis is unreachable: live events no longer reach sockets on other processes');
  });
  client.on('ready', () => {
    if (down) log.info('Redis is reachable again');
    down = false;
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis at ${redacted(url)} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  const connecting = client.connect();
  connecting.catch(() => undefined); // reported below, or by the 'error' listener
  try {
    await Promise.race([connecting, deadline]);
  } catch (err) {
    if (client.isOpen) client.destroy();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  log.info('connected to Redis: Socket.IO rooms span every process');
  return client;
}

/** The Socket.IO adapter that relays broadcasts, room operations and disconnects through Redis streams. */
export function redisStreamsAdapter(client: RedisClient) {
  return createAdapter(client);
}

import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import { DomainError } from '../http/domain-error';
import { clientIp } from '../http/identity';
import type { PortalMetrics } from './portal-metrics';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Loopback peers: 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export const isLoopback = (ip: string | null) => ip !== null && (/^(::ffff:)?127\./.test(ip) || ip === '::1');

/** Compares the bearer token in constant time (both sides hashed to the same length first). */
function bearerMatches(c: Context<AppEnv>, token: string): boolean {
  const presented = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
}

/**
 * `GET /metrics` in Prometheus text format. Without `METRICS_TOKEN` only loopback peers may scrape;
 * with it, every scrape must send `Authorization: Bearer <token>`. Mounted outside `/api`.
 */
export function metricsRoutes(metrics: PortalMetrics, token: string | undefined) {
  return new Hono<AppEnv>().get('/', async (c) => {
    if (token ? !bearerMatches(c, token) : !isLoopback(clientIp(c))) {
      if (token) c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new DomainError(
        token ? 'unauthenticated' : 'forbidden',
        token ? 'A valid metrics token is required.' : 'Metrics are served to loopback only.',
      );
    }
    c.header('Cache-Control', 'no-store');
    c.header('Content-Type', metrics.contentType);
    return c.body(await metrics.scrape());
  });
}

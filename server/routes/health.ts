import { Hono } from 'hono';
import type { Connection } from 'mongoose';
import { databaseIsUp } from '../db/database';
import type { AppEnv } from '../http/app-env';

/** `GET /api/health`: 200 when the database answers, 503 when it does not. */
export function healthRoutes(db: Connection) {
  return new Hono<AppEnv>().get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    return (await databaseIsUp(db)) ? c.json({ status: 'ok', db: 'ok' }, 200) : c.json({ status: 'degraded', db: 'down' }, 503);
  });
}

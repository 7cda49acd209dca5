import type { Connection } from 'mongoose';
import { AuditLog } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import { createLucia } from './auth/lucia';
import { RateLimiter } from './auth/rate-limit';
import { SessionService } from './auth/session.service';
import { StaffService } from './auth/staff.service';
import { TotpService } from './auth/totp.service';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Logger } from './logger';
import { Realtime } from './sockets/realtime';

export interface Infrastructure {
  config: Config;
  logger: Logger;
  db: Connection;
  clock: Clock;
}

/** Builds every domain service from the infrastructure. One instance per process (or per test file). */
export function createServices({ config, logger, db, clock }: Infrastructure) {
  const secureCookies = config.NODE_ENV === 'production' || (config.ORIGIN?.startsWith('https:') ?? false);
  const lucia = createLucia(db, clock, secureCookies);
  const audit = new AuditLog(db, clock, logger);
  const limiter = new RateLimiter(db, clock);
  const sessions = new SessionService(lucia, db, clock);
  const auth = new AuthService(db, sessions, limiter, audit, clock, { demo: config.demo });
  const totp = new TotpService(db, sessions, limiter, audit, clock, config.demo);
  const staff = new StaffService(db, sessions, audit, clock);
  const realtime = new Realtime();
  return { audit, limiter, sessions, auth, totp, staff, realtime };
}

export type Services = ReturnType<typeof createServices>;

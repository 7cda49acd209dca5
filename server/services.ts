import type { Connection } from 'mongoose';
import { ApplicationImportService } from './applications/application-import.service';
import { ApplicationService } from './applications/application.service';
import { InvitationService } from './applications/invitation.service';
import { AuditLog } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import { BoardService } from './board/board.service';
import { StepFlowCounter } from './board/step-flow';
import type { BoardStep } from '../src/lib/shared/board.contract';
import { EcoprService } from './ecopr/ecopr.service';
import { CaseService } from './cases/case.service';
import { HelpService } from './help/help.service';
import { StaffCaseService } from './cases/staff-case.service';
import { PhotoService } from './cases/photo.service';
import { createPhotoStore } from './photos/photo.store';
import { createLucia } from './auth/lucia';
import { RateLimiter } from './auth/rate-limit';
import { SessionService } from './auth/session.service';
import { StaffService } from './auth/staff.service';
import { TotpService } from './auth/totp.service';
import type { Clock } from './clock';
import type { Config } from './config';
import { createEmailSender } from './email/create-email-sender';
import { Outbox, OutboxWorker } from './email/outbox';
import { PortalMetrics } from './metrics/portal-metrics';
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
  const cases = new CaseService(db, clock, realtime, limiter);
  const emailSender = createEmailSender(config, db, clock);
  const outbox = new Outbox(db, clock);
  const metrics = new PortalMetrics({
    db,
    clock,
    realtime,
    outboxDepth: () => outbox.outboxDepth(),
    logger: logger.child({ component: 'database' }),
  });
  auth.observe((phase, seconds) => metrics.signInSeconds.observe({ phase }, seconds));
  const stepFlow = new StepFlowCounter(db, clock, {
    shared: config.boardSource === 'database',
    logger: logger.child({ component: 'step-flow' }),
  });
  cases.engine.observe({
    metrics,
    logger: logger.child({ component: 'case-engine' }),
    stepMoved: (from, to, at) => stepFlow.moved(from, to, at),
  });
  const outboxWorker = new OutboxWorker({
    db,
    sender: emailSender,
    clock,
    logger: logger.child({ component: 'outbox' }),
    sendsPerSecond: emailSender.sendsPerSecond,
  });
  const photos = new PhotoService(db, createPhotoStore(config), cases, limiter, clock);
  const invitations = new InvitationService(db, outbox, cases, audit, clock);
  const applications = new ApplicationService(db, invitations, cases, audit, clock);
  const applicationImport = new ApplicationImportService(db, applications, audit, logger.child({ component: 'import' }), () => clock.now());
  const board = new BoardService(db, clock, config.STUCK_AFTER_HOURS, {
    source: config.boardSource,
    logger: logger.child({ component: 'board' }),
  });
  cases.store.onWritten((c) => board.written(c));
  // A new case enters its first step; later moves come from the engine.
  cases.store.onWritten((c) => c.version === 0 && stepFlow.entered(c.step as BoardStep, new Date(c.stepEnteredAt)));
  const ecopr = new EcoprService(db);
  const staffCases = new StaffCaseService(db, cases.engine, outbox, audit, clock, ecopr);
  const help = new HelpService(db, cases.engine, audit, clock);
  return {
    cases,
    help,
    ecopr,
    board,
    stepFlow,
    staffCases,
    photos,
    audit,
    limiter,
    sessions,
    auth,
    totp,
    staff,
    realtime,
    emailSender,
    outbox,
    outboxWorker,
    invitations,
    applications,
    applicationImport,
    metrics,
  };
}

export type Services = ReturnType<typeof createServices>;

import { existsSync } from 'node:fs';
import { ConfigError, loadConfig, type Config } from './config';
import { systemClock } from './clock';
import { openDatabase } from './db/database';
import { runMigrations } from './db/migrations';
import { usernameDocuments } from './auth/username-migration';
import { caseSearchNames } from './board/search-name-migration';
import { isDuplicateKey } from './db/claim';
import { DomainError } from './http/domain-error';
import { seedDemoApplication, seedDemoStaff } from './demo/demo-seed';
import { createServices } from './services';
import type { PageHandler } from './http/pages';
import { createLogger } from './logger';
import { logRuntime } from './runtime';
import { startPortal } from './server';
import { connectRedis, type RedisClient } from './sockets/redis-adapter';

/** Wires the real dependencies and listens. Nothing else lives here. */
async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Landing Portal refused to start.\n${err.message}\nSee README.md, "Configuration".`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  logRuntime(logger, systemClock.now());
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  const handlerUrl = new URL('../build/handler.js', import.meta.url);
  if (!existsSync(handlerUrl)) {
    console.error('The web app is not built. Run `npm run build` (or `npm start`, which builds first).');
    process.exit(1);
  }
  const { handler } = (await import(handlerUrl.href)) as { handler: PageHandler };

  const database = await openDatabase(config, logger);
  await runMigrations(database.connection, [usernameDocuments, caseSearchNames], logger);
  let redis: RedisClient | undefined;
  if (config.REDIS_URL) {
    if (!config.MONGODB_URI)
      logger.warn('REDIS_URL is set but MONGODB_URI is not: this process has its own embedded database, which other processes cannot see');
    try {
      redis = await connectRedis(config.REDIS_URL, logger);
    } catch (err) {
      console.error(
        `Landing Portal refused to start: ${err instanceof Error ? err.message : err}.\nStart Redis, or unset REDIS_URL to run a single process.`,
      );
      await database.close();
      process.exit(1);
    }
  }
  const infrastructure = { config, logger, db: database.connection, clock: systemClock };
  const services = createServices(infrastructure);
  const portal = await startPortal({ ...infrastructure, services, pages: handler, redis }, { port: config.PORT, host: config.HOST });
  services.outboxWorker.start();
  const publicUrl = config.ORIGIN ?? `http://localhost:${portal.port}`;
  if (config.demo) {
    // Several processes may start at once on an empty database: the first one seeds, the others skip.
    const seeded = await seedDemoStaff(database.connection, services.staff, logger, config.DEMO_PASSWORD).catch((err) => {
      if (isDuplicateKey(err) || (err instanceof DomainError && err.code === 'conflict')) return { created: false } as const;
      throw err;
    });
    if (seeded.created) {
      console.log(
        `\nDemo mode: staff accounts "officer", "agent" and "admin" were created.\n` +
          (seeded.generated ? `  Their password (shown only this once): ${seeded.password}\n` : '  Their password is $DEMO_PASSWORD.\n') +
          '  Two-step verification can be skipped in demo mode only.\n',
      );
      await seedDemoApplication(database.connection, services.applications, publicUrl);
      console.log('  A demo application (E000123456: Amara and Étienne Okafor, one shared email) was registered; see /dev/mailbox.\n');
    }
  }

  logger.info({ port: portal.port, url: publicUrl }, 'listening');
  console.log(`\nLanding Portal is running at ${publicUrl}\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    await services.outboxWorker.stop().catch((err) => logger.error({ err }, 'stopping the outbox worker failed'));
    await portal.close().catch((err) => logger.error({ err }, 'closing the HTTP server failed'));
    await services.stepFlow.flush().catch((err) => logger.error({ err }, 'writing the step flow failed'));
    await redis?.close().catch((err: unknown) => logger.error({ err }, 'closing the Redis connection failed'));
    await database.close().catch((err) => logger.error({ err }, 'closing the database failed'));
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception');
    void shutdown('uncaughtException').finally(() => process.exit(1));
  });
}

void main().catch((err) => {
  console.error('Landing Portal failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});

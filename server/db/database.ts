import mongoose, { type Connection } from 'mongoose';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { EMBEDDED_POOL_SIZE, startFerretDb, type FerretDb } from './ferretdb';

export interface Database {
  connection: Connection;
  /** The embedded FerretDB, when MONGODB_URI was not set. */
  ferret?: FerretDb;
  close(): Promise<void>;
}

/**
 * Opens a Mongoose connection and waits until it is usable. `maxPoolSize` bounds the driver's pool
 * (default: the driver's 100, or the URI's `maxPoolSize`).
 */
export async function connectMongoose(uri: string, dbName?: string, options: { maxPoolSize?: number } = {}): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName,
    ...options,
    serverSelectionTimeoutMS: 5000,
    // FerretDB and MongoDB both accept this; keeps a dead database from hanging requests for long.
    heartbeatFrequencyMS: 2000,
    // Command events feed `landing_db_command_seconds` (server/metrics/db-command-timing.ts).
    monitorCommands: true,
  });
  await connection.asPromise();
  return connection;
}

/**
 * Connects to MONGODB_URI when it is set; otherwise starts the embedded FerretDB under DATA_DIR
 * and connects to it. `close()` disconnects and stops FerretDB.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  let ferret: FerretDb | undefined;
  let uri = config.MONGODB_URI;
  let dbName: string | undefined;
  if (!uri) {
    ferret = await startFerretDb({ binary: config.FERRETDB_BIN, dataDir: config.dataPath, logger });
    uri = ferret.uri;
    dbName = 'landing';
  }
  // The embedded database has one writer (SQLite): a small pool queues its commands in the driver.
  const connection = await connectMongoose(uri, dbName, ferret ? { maxPoolSize: EMBEDDED_POOL_SIZE } : {});
  connection.on('disconnected', () => logger.error('database disconnected'));
  connection.on('reconnected', () => logger.info('database reconnected'));
  logger.info({ db: connection.name, embedded: Boolean(ferret) }, 'database connected');
  return {
    connection,
    ferret,
    async close() {
      await connection.close(true).catch(() => undefined);
      await ferret?.stop();
    },
  };
}

/**
 * True when the database answers `ping` within `timeoutMs`. Never throws, never waits on
 * Mongoose's command buffer.
 */
export async function databaseIsUp(connection: Connection, timeoutMs = 1500): Promise<boolean> {
  const db = connection.db;
  if (!db || connection.readyState !== 1) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = db
    .command({ ping: 1 }, { timeoutMS: timeoutMs })
    .then(() => true as const)
    .catch(() => false as const);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

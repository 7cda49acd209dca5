import mongoose from 'mongoose';

const { MongoNetworkError, MongoServerSelectionError, MongoNotConnectedError, MongoTopologyClosedError, MongoServerClosedError } =
  mongoose.mongo;

/** By name too: the pool's errors are not exported, and an error may cross a module boundary. */
const unreachableNames = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoServerClosedError',
  'MongoPoolClearedError',
  'PoolClearedError',
  'PoolClearedOnNetworkError',
]);

/** Socket errors of a connection the database closed or never accepted. */
const socketCodes = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED']);

/**
 * True when `err` (or an error it was caused by) says the database is unreachable (down,
 * restarting, network cut, Mongoose gave up waiting to reconnect) or too busy to take a write
 * now, not that a query was wrong.
 * Callers answer `db_unavailable`, so clients retry and show "reconnecting" instead of a generic failure.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (unreachable(e)) return true;
  }
  return false;
}

function unreachable(err: Error): boolean {
  const types = [MongoNetworkError, MongoServerSelectionError, MongoNotConnectedError, MongoTopologyClosedError, MongoServerClosedError];
  if (types.some((type) => err instanceof type) || unreachableNames.has(err.name)) return true;
  if (err.name === 'MongooseError' && /buffering timed out|not connected/i.test(err.message)) return true;
  // FerretDB's SQLite backend gives up on a write lock it waited too long for: busy, not broken.
  if (err.name === 'MongoServerError' && /\bSQLITE_BUSY\b|database is locked/.test(err.message)) return true;
  // A bulk write (`insertMany`) cut off by the network: the driver wraps the network error in a
  // MongoBulkWriteError with no write errors that keeps only its message ("read ECONNRESET").
  if (
    err.name === 'MongoBulkWriteError' &&
    !(err as { writeErrors?: unknown[] }).writeErrors?.length &&
    /\b(EPIPE|ECONNRESET|ECONNREFUSED|ECONNABORTED)\b|connection .*(closed|timed out)/i.test(err.message)
  )
    return true;
  // The driver (6.x) lets a write to a socket the server just closed escape unwrapped: a plain
  // `EPIPE` "This socket has been ended by the other party" from its connection.
  const code = (err as NodeJS.ErrnoException).code;
  return typeof code === 'string' && socketCodes.has(code) && /[\\/]mongodb[\\/]lib[\\/]cmap[\\/]/.test(err.stack ?? '');
}

import mongoose from 'mongoose';

const { MongoNetworkError, MongoServerSelectionError, MongoNotConnectedError, MongoTopologyClosedError, MongoServerClosedError } = mongoose.mongo;

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

/**
 * True when `err` says the database is unreachable (down, restarting, network cut, or Mongoose
 * gave up waiting to reconnect), not that a query was wrong. Callers answer `db_unavailable`, so
 * clients retry and show "reconnecting" instead of a generic failure.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const unreachable = [MongoNetworkError, MongoServerSelectionError, MongoNotConnectedError, MongoTopologyClosedError, MongoServerClosedError];
  if (unreachable.some((type) => err instanceof type) || unreachableNames.has(err.name)) return true;
  return err.name === 'MongooseError' && /buffering timed out|not connected/i.test(err.message);
}

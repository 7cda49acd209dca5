import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable';

const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });

describe('isDatabaseUnavailable', () => {
  it('recognises the driver and Mongoose errors of an unreachable database', () => {
    expect(isDatabaseUnavailable(named('MongoServerSelectionError', 'connect ECONNREFUSED 127.0.0.1:1'))).toBe(true);
    expect(isDatabaseUnavailable(new mongoose.mongo.MongoNetworkError('connection closed'))).toBe(true);
    expect(isDatabaseUnavailable(new mongoose.mongo.MongoNetworkTimeoutError('timed out'))).toBe(true);
    expect(isDatabaseUnavailable(named('PoolClearedOnNetworkError', 'Connection pool for 127.0.0.1:1 was cleared'))).toBe(true);
    expect(isDatabaseUnavailable(named('MongooseError', 'Operation `cases.findOne()` buffering timed out after 10000ms'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('insert failed', { cause: new mongoose.mongo.MongoNetworkError('connection closed') }))).toBe(
      true,
    );
  });

  it('recognises the raw EPIPE the driver lets out when it writes to a connection the database closed', () => {
    const epipe = Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' });
    epipe.stack = `Error: This socket has been ended by the other party\n    at Socket.writeAfterFIN [as write] (node:net:566:14)\n    at Connection.writeCommand (/app/node_modules/mongodb/lib/cmap/connection.js:408:29)`;
    expect(isDatabaseUnavailable(epipe)).toBe(true);
    // The same code from anything else (an email API, a client socket) is not the database.
    const elsewhere = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    elsewhere.stack = 'Error: write EPIPE\n    at afterWriteDispatched (node:internal/stream_base_commons:160:15)';
    expect(isDatabaseUnavailable(elsewhere)).toBe(false);
  });

  it('recognises an insertMany cut by a closed connection (rewrapped by the driver without its cause)', () => {
    expect(isDatabaseUnavailable(named('MongoBulkWriteError', ' connection 7 to 127.0.0.1:44119 closed'))).toBe(true);
    expect(isDatabaseUnavailable(named('MongoBulkWriteError', 'E11000 duplicate key error collection: case_entries'))).toBe(false);
  });

  it('recognises an insertMany cut off by the network, as the driver rewraps it', () => {
    const { MongoBulkWriteError, MongoNetworkError } = mongoose.mongo;
    const result = { insertedCount: 0 } as never;
    expect(isDatabaseUnavailable(new MongoBulkWriteError(new MongoNetworkError('read ECONNRESET'), result))).toBe(true);
    // A bulk write refused for its content (a duplicate key) is not the database going away.
    expect(
      isDatabaseUnavailable(
        new MongoBulkWriteError({ message: 'E11000 duplicate key', code: 11000, writeErrors: [{ code: 11000 }] as never }, result),
      ),
    ).toBe(false);
  });

  it('recognises FerretDB giving up on a busy SQLite write lock', () => {
    const busy = new mongoose.mongo.MongoServerError({
      code: 1,
      codeName: 'InternalError',
      errmsg:
        '[msg_update.go:133 handler.(*Handler).updateDocument] [collection.go:177 sqlite.(*collection).UpdateAll.func1] database is locked (5) (SQLITE_BUSY)',
    });
    expect(isDatabaseUnavailable(busy)).toBe(true);
  });

  it('leaves every other error alone', () => {
    expect(isDatabaseUnavailable(new mongoose.mongo.MongoServerError({ code: 11000, errmsg: 'duplicate key' }))).toBe(false);
    expect(isDatabaseUnavailable(named('MongooseError', 'Model.find() no longer accepts a callback'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});

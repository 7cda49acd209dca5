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
  });

  it('leaves every other error alone', () => {
    expect(isDatabaseUnavailable(new mongoose.mongo.MongoServerError({ code: 11000, errmsg: 'duplicate key' }))).toBe(false);
    expect(isDatabaseUnavailable(named('MongooseError', 'Model.find() no longer accepts a callback'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});

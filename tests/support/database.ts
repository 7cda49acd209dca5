import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import type { Connection } from 'mongoose';
import { connectMongoose } from '../../server/db/database';

/**
 * Gives a test file its own database on the shared FerretDB, dropped before each test (or only
 * once, before the file, with `resetEachTest: false`).
 * Returns a getter because the connection opens in `beforeAll`.
 */
export function useTestDatabase(name: string, options: { resetEachTest?: boolean } = {}): () => Connection {
  let connection: Connection | undefined;
  const dbName = `test_${name.replace(/[^a-z0-9]/gi, '_')}`.slice(0, 60);
  beforeAll(async () => {
    connection = await connectMongoose(inject('mongoUri'), dbName);
  });
  beforeAll(async () => {
    await connection!.dropDatabase();
  });
  beforeEach(async () => {
    if (options.resetEachTest === false) return;
    await connection!.dropDatabase();
    // Dropping a database drops its indexes too; the unique ones are part of the behaviour under test.
    for (const model of Object.values(connection!.models)) await model.createIndexes();
  });
  afterAll(async () => {
    await connection?.close(true);
  });
  return () => {
    if (!connection) throw new Error('useTestDatabase: the connection is not open yet (use it inside a test or hook)');
    return connection;
  };
}

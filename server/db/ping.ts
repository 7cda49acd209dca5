import mongoose from 'mongoose';

const { MongoClient } = mongoose.mongo;

/** True when a MongoDB-compatible server answers `ping` at `uri` within `timeoutMs`. */
export async function pingUri(uri: string, timeoutMs = 1000): Promise<boolean> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    directConnection: true,
  });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close(true).catch(() => undefined);
  }
}

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../http/domain-error';
import { PHOTO_MAX_BYTES } from './photo-rules';
import { assertDeclaredLengthWithin, readLimited } from './read-limited';

const CHUNK = 64 * 1024;
const FIVE_MB = 5 * 1024 * 1024;

/** A 5 MB body as a Node stream that counts what was pulled from it and whether it was torn down. */
function countingNodeBody(total: number) {
  const stats = { pulled: 0, finished: false };
  async function* chunks() {
    try {
      for (let sent = 0; sent < total; sent += CHUNK) {
        stats.pulled += CHUNK;
        yield Buffer.alloc(CHUNK, 0xff);
      }
    } finally {
      stats.finished = true;
    }
  }
  return { stream: Readable.from(chunks(), { objectMode: false, highWaterMark: CHUNK }), stats };
}

/** The same as a web stream (what Hono's `c.req.raw.body` is). */
function countingWebBody(total: number) {
  const stats = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled >= total) return controller.close();
      stats.pulled += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK));
    },
    cancel() {
      stats.cancelled = true;
    },
  });
  return { stream, stats };
}

describe('readLimited', () => {
  it('stops pulling a 5 MB Node stream just past 4 MB and answers payload_too_large', async () => {
    const { stream, stats } = countingNodeBody(FIVE_MB);
    const error = await readLimited(stream, PHOTO_MAX_BYTES).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'payload_too_large', status: 413 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stats.pulled).toBeGreaterThan(PHOTO_MAX_BYTES);
    expect(stats.pulled).toBeLessThanOrEqual(PHOTO_MAX_BYTES + 3 * CHUNK);
    expect(stats.finished).toBe(true);
    expect(stream.destroyed).toBe(true);
  });

  it('stops pulling a 5 MB web stream just past 4 MB and cancels it', async () => {
    const { stream, stats } = countingWebBody(FIVE_MB);
    await expect(readLimited(stream, PHOTO_MAX_BYTES)).rejects.toMatchObject({ code: 'payload_too_large' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stats.pulled).toBeLessThanOrEqual(PHOTO_MAX_BYTES + 2 * CHUNK);
    expect(stats.cancelled).toBe(true);
  });

  it('returns the whole body when it fits, up to exactly the limit', async () => {
    const body = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251));
    expect((await readLimited(Readable.from([body.subarray(0, 1000), body.subarray(1000)]), 3000)).equals(body)).toBe(true);
    const web = new Response(body).body!;
    expect((await readLimited(web, 3000)).equals(body)).toBe(true);
    await expect(readLimited(Readable.from([body, Buffer.from([1])]), 3000)).rejects.toMatchObject({ code: 'payload_too_large' });
  });

  it('reads an empty body as an empty buffer', async () => {
    expect((await readLimited(Readable.from([]), 10)).length).toBe(0);
  });
});

describe('assertDeclaredLengthWithin', () => {
  it('refuses a declared Content-Length over the limit before anything is read', () => {
    expect(() => assertDeclaredLengthWithin(String(FIVE_MB), PHOTO_MAX_BYTES)).toThrow(
      expect.objectContaining({ code: 'payload_too_large' }),
    );
    expect(() => assertDeclaredLengthWithin(String(PHOTO_MAX_BYTES + 1), PHOTO_MAX_BYTES)).toThrow(DomainError);
  });

  it('lets a body within the limit, or without a declared length, through', () => {
    expect(() => assertDeclaredLengthWithin(String(PHOTO_MAX_BYTES), PHOTO_MAX_BYTES)).not.toThrow();
    expect(() => assertDeclaredLengthWithin(undefined, PHOTO_MAX_BYTES)).not.toThrow();
    expect(() => assertDeclaredLengthWithin(null, PHOTO_MAX_BYTES)).not.toThrow();
  });

  it('calls a malformed Content-Length a bad request', () => {
    for (const value of ['abc', '-1', '1e9', '12 34']) {
      expect(() => assertDeclaredLengthWithin(value, PHOTO_MAX_BYTES)).toThrow(expect.objectContaining({ code: 'bad_request' }));
    }
  });
});

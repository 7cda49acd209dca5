import { DomainError } from '../http/domain-error';

function tooLarge(maxBytes: number): DomainError {
  return new DomainError('payload_too_large', `The body is larger than ${maxBytes} bytes`, { maxBytes: String(maxBytes) });
}

async function readWebStream(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, total);
    total += value.byteLength;
    if (total > maxBytes) {
      // Tell the source to stop producing; we don't wait for it, the answer is already known.
      reader.cancel('payload too large').catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
}

async function readNodeStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  // Leaving a `for await` early calls the iterator's return(), which destroys the stream.
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.byteLength;
    if (total > maxBytes) throw tooLarge(maxBytes);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads a request body into memory, but never more than `maxBytes`: as soon as one more byte
 * arrives it cancels the stream and rejects with `DomainError('payload_too_large')` (HTTP 413).
 * Accepts a web stream (`c.req.raw.body` in Hono) or a Node stream (`IncomingMessage`).
 */
export function readLimited(stream: ReadableStream<Uint8Array> | NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  return 'getReader' in stream ? readWebStream(stream, maxBytes) : readNodeStream(stream, maxBytes);
}

/**
 * Refuses a body up front when its declared `Content-Length` is already over the limit, so the
 * route can answer 413 without reading anything. A missing header is fine (chunked upload:
 * `readLimited` still enforces the limit); a malformed one is a `bad_request`.
 */
export function assertDeclaredLengthWithin(contentLength: string | null | undefined, maxBytes: number): void {
  if (contentLength === null || contentLength === undefined || contentLength === '') return;
  if (!/^\d+$/.test(contentLength.trim())) throw new DomainError('bad_request', 'Content-Length is not a number');
  if (Number(contentLength.trim()) > maxBytes) throw tooLarge(maxBytes);
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants } from 'node:zlib';
import compression from 'compression';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';

/** Below this, headers and framing cost more than compression saves. */
export const COMPRESSION_THRESHOLD = 1024;

type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/**
 * Compresses pages, `/api` JSON and the CSV export on the fly (brotli quality 4, else gzip) on the
 * raw Node response, so it covers both Hono's answers and SvelteKit's. Static files that have a
 * precompressed `.br`/`.gz` twin (adapter-node `precompress`) already carry `Content-Encoding`
 * and pass through untouched. Socket.IO never reaches Hono: engine.io answers `/socket.io/` first,
 * and its frames stay uncompressed (`perMessageDeflate: false`).
 */
export function compressResponses(): MiddlewareHandler<AppEnv> {
  const compress = compression({
    threshold: COMPRESSION_THRESHOLD,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  }) as unknown as NodeMiddleware;
  return async (c, next) => {
    const incoming = c.env?.incoming;
    const outgoing = c.env?.outgoing;
    // Only a real Node response can be wrapped (`app.request()` in API tests passes none, or a stand-in).
    if (!incoming || typeof outgoing?.setHeader !== 'function') return next();
    await new Promise<void>((resolve, reject) => compress(incoming, outgoing, (err) => (err ? reject(err) : resolve())));
    await next();
  };
}

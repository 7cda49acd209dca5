import type { IncomingMessage, ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context } from 'hono';
import type { AppEnv } from './app-env';
import { applySecurityHeaders } from './security-headers';

/** The SvelteKit adapter-node handler (polka-style middleware). */
export type PageHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Hands a request to SvelteKit on the raw Node request/response and resolves when it is sent. */
export function servePages(handler: PageHandler, production: boolean) {
  return async (c: Context<AppEnv>) => {
    const { incoming, outgoing } = c.env;
    applySecurityHeaders(outgoing, production);
    await new Promise<void>((resolve) => {
      outgoing.once('finish', resolve);
      outgoing.once('close', resolve);
      handler(incoming, outgoing, () => {
        outgoing.statusCode = 404;
        outgoing.end('Not found');
      });
    });
    return RESPONSE_ALREADY_SENT;
  };
}

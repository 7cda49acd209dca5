import type { IncomingMessage, ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context } from 'hono';
import { PORTAL_LOCALS, type PortalLocals } from '../../src/lib/shared/portal-locals';
import type { Identity, SignInStage } from '../auth/auth-types';
import type { AppEnv } from './app-env';
import { applySecurityHeaders } from './security-headers';

/** The SvelteKit adapter-node handler (polka-style middleware). */
export type PageHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

interface PageOptions {
  production: boolean;
  demo: boolean;
  stage: (identity: Identity) => SignInStage;
}

/**
 * Hands a request to SvelteKit on the raw Node request/response and resolves when it is sent.
 * The identity resolved from the session cookie travels on the request (`platform.req`), so page
 * loads can redirect without a second lookup.
 */
export function servePages(handler: PageHandler, options: PageOptions) {
  return async (c: Context<AppEnv>) => {
    const { incoming, outgoing } = c.env;
    const identity = c.var.identity;
    const locals: PortalLocals = {
      viewer: identity
        ? {
            id: identity.user.id,
            username: identity.user.username,
            role: identity.user.role,
            displayName: identity.user.displayName,
            fullName: identity.user.fullName,
            lang: identity.user.lang,
          }
        : null,
      stage: identity ? options.stage(identity) : null,
      demo: options.demo,
    };
    Object.assign(incoming, { [PORTAL_LOCALS]: locals });
    applySecurityHeaders(outgoing, options.production);
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

import type { HttpBindings } from '@hono/node-server';
import type { RequestIdVariables } from 'hono/request-id';
import type { Identity } from '../auth/auth-types';
import type { Logger } from '../logger';

/** Hono environment of the portal: raw Node bindings plus per-request variables. */
export interface AppEnv {
  Bindings: HttpBindings;
  Variables: RequestIdVariables & {
    log: Logger;
    identity: Identity | null;
    /** The client's address (see `clientAddress`). */
    clientIp?: string | null;
    /** Set by a handler whose request was a guess (an unknown token) and counts against its rate limit. */
    invitationUnknown?: boolean;
  };
}

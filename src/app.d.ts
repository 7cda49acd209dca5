import type { IncomingMessage } from 'node:http';
import type { Lang } from '$lib/i18n/lang';
import type { PORTAL_LOCALS, PortalLocals, PortalViewer, SignInStage } from '$lib/shared/portal-locals';

declare global {
  namespace App {
    interface Locals {
      lang: Lang;
      /** Who is signed in, resolved by the server from the session cookie; null when signed out. */
      viewer: PortalViewer | null;
      stage: SignInStage | null;
      demo: boolean;
    }
    interface PageData {
      lang: Lang;
      viewer: PortalViewer | null;
      stage: SignInStage | null;
      demo: boolean;
    }
    interface Error {
      message: string;
      code?: string;
    }
    interface Platform {
      /** adapter-node's raw request; `server/http/pages.ts` puts `PortalLocals` on it. */
      req: IncomingMessage & Partial<Record<typeof PORTAL_LOCALS, PortalLocals>>;
    }
  }
}

export {};

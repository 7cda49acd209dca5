/** What the server tells SvelteKit about the request (via adapter-node's `platform.req`). */
export interface PortalViewer {
  id: string;
  username: string;
  role: 'applicant' | 'officer' | 'agent' | 'admin';
  displayName: string;
  fullName: string;
  lang: 'en' | 'fr';
}

export type SignInStage = 'change_password' | 'totp_enroll' | 'totp_verify' | 'ready';

export interface PortalLocals {
  viewer: PortalViewer | null;
  stage: SignInStage | null;
  /** Demo mode: a banner says so on every page. */
  demo: boolean;
}

/** The property of the Node request that carries `PortalLocals`. */
export const PORTAL_LOCALS = 'portalLocals';

import type { ServerResponse } from 'node:http';

/**
 * Headers every response carries. Pages get their CSP from SvelteKit (hash mode, see
 * svelte.config.js); API responses are JSON and get a deny-all CSP.
 */
export function securityHeaders(production: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
  };
  if (production) headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';
  return headers;
}

export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

export function applySecurityHeaders(res: ServerResponse, production: boolean) {
  for (const [name, value] of Object.entries(securityHeaders(production))) res.setHeader(name, value);
}

/**
 * The link an agent shared, when it may be shown as a real link: https, or a path on this portal.
 * Anything else (the server refuses it, but an old entry or a bug must not make it clickable)
 * is shown as plain text.
 */
export function safeAgentLink(link: unknown): string | null {
  if (typeof link !== 'string') return null;
  if (/^\/(?!\/)[A-Za-z0-9/_.-]*$/.test(link)) return link;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' && !/\s/.test(link) ? url.href : null;
  } catch {
    return null;
  }
}

import type { Translate } from '$lib/api';

/** How long someone has waited, to the second while it is short: `45 s`, `3 min 05 s`, `1 h 12 min`. */
export function formatWait(ms: number, t: Translate): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  if (minutes === 0) return t('agent.wait.seconds', { s: seconds });
  if (minutes < 60) return t('agent.wait.minutes', { m: minutes, s: String(seconds % 60).padStart(2, '0') });
  return t('agent.wait.hours', { h: Math.floor(minutes / 60), m: String(minutes % 60).padStart(2, '0') });
}

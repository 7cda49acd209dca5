export interface RetryPolicy {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** No delay grows beyond this. */
  maxMs: number;
  /** Each delay varies by up to ± this fraction, so a burst of failures does not retry in lockstep. */
  jitter: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseMs: 15_000, maxMs: 60 * 60_000, jitter: 0.2 };

/**
 * How long to wait after the `attempts`-th failed attempt: 15 s, 30 s, 1 min, 2 min …, each varied by
 * the jitter, never more than 1 h. `random` returns [0, 1); 0.5 means no variation.
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy = defaultRetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const factor = 1 + policy.jitter * (random() * 2 - 1);
  return Math.round(Math.min(policy.baseMs * 2 ** exponent * factor, policy.maxMs));
}

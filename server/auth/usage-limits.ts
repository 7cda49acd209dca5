import { translateKey } from '../../src/lib/i18n/messages.server';
import type { AuthUser } from './auth-types';
import type { Attempt, RateLimit, RateLimiter } from './rate-limit';

const MINUTE = 60_000;

/** What one signed-in person may do per window, whatever their number of tabs and sockets. */
export const usageLimits = {
  /** Chat messages: typed text from applicants, messages and notes from agents. */
  chat: { limit: 30, windowMs: MINUTE },
  /** Photo uploads: a few tries at a good photo, not a storage service. */
  photo: { limit: 10, windowMs: 60 * MINUTE },
  /** Asking for a person (and cancelling) is not a way to page the agents again and again. */
  help: { limit: 5, windowMs: 60 * MINUTE },
} satisfies Record<string, RateLimit>;

export type Usage = keyof typeof usageLimits;

/** Counts one use by `user`, or refuses it with `rate_limited`, explained in the user's language. */
export function countUse(limiter: RateLimiter, user: AuthUser, usage: Usage): Promise<Attempt> {
  return limiter.attempt(`${usage}:user:${user.id}`, usageLimits[usage], (retryAfterSeconds) => {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    return translateKey(user.lang, minutes === 1 ? 'api.error.rate_limited.one' : 'api.error.rate_limited', { minutes });
  });
}

import { randomInt } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/** Argon2id at OWASP's minimum (19 MiB, 2 iterations, 1 lane). */
const ARGON2 = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

/**
 * Argon2id runs on libuv's threadpool (4 threads by default), which file reads and writes (photo
 * uploads) share. A sign-in storm (an invitation batch: thousands at once) would queue thousands of
 * hashes ahead of every file operation, so at most this many run at once and the rest wait here, in
 * order. Throughput is unchanged: Argon2id is CPU-bound, and the machine's cores are the limit.
 */
const ARGON2_AT_ONCE = Math.max(1, Math.min(2, availableParallelism()));
let argon2Running = 0;
const argon2Waiting: (() => void)[] = [];

async function oneOfFew<T>(work: () => Promise<T>): Promise<T> {
  if (argon2Running >= ARGON2_AT_ONCE) await new Promise<void>((resolve) => argon2Waiting.push(resolve));
  argon2Running++;
  try {
    return await work();
  } finally {
    argon2Running--;
    argon2Waiting.shift()?.();
  }
}

export function hashPassword(password: string): Promise<string> {
  return oneOfFew(() => hash(password, ARGON2));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await oneOfFew(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_username' | 'same_as_current';

/**
 * Checks a new password: 12+ characters (long passphrases welcome), not on the common-password
 * list (also with digits/symbols at the ends stripped), not containing the username.
 */
export function passwordProblem(password: string, context: { username: string }): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  const lowered = password.toLowerCase();
  const core = lowered.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (common.has(lowered) || (core.length >= 4 && common.has(core) && core.length >= length - 4)) return 'common';
  if (lowered.includes(context.username.toLowerCase())) return 'contains_username';
  return null;
}

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';

/** A one-time temporary password: 4 groups of 4 unambiguous characters (≈ 92 bits). */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

import { z } from 'zod';
import { DomainError } from '../http/domain-error';

/**
 * A storage key: 1 to 4 segments of letters, digits, `_` and `-`, joined by `/`
 * (e.g. `cases/6650f0c2a1b2c3d4e5f60718/3f9a…`). No dots at all, so no `..`, no extension,
 * no hidden files; no leading `/` and no backslash. The same key is a file path on disk and a
 * Cloudinary `public_id`.
 */
export const photoKeySchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]{1,100}(\/[A-Za-z0-9_-]{1,100}){0,3}$/, 'must be 1–4 segments of letters, digits, _ or -, joined by /');

/** Returns `key` when it is a safe storage key, otherwise throws `DomainError('bad_request')`. */
export function assertPhotoKey(key: string): string {
  const parsed = photoKeySchema.safeParse(key);
  if (!parsed.success) throw new DomainError('bad_request', `Invalid photo key: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** Stores hold what `preparePhoto` produces, which is always a JPEG. */
export type PhotoContentType = 'image/jpeg';

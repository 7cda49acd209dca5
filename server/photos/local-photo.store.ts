import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { DomainError } from '../http/domain-error';
import { assertPhotoKey, type PhotoContentType } from './photo-key';
import type { PhotoStore, StoredPhoto } from './photo.store';

/** Nothing there, or a folder of photos rather than a photo. */
function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR' || error.code === 'ENOTDIR');
}

/**
 * Photos as files under one directory (by default `DATA_DIR/photos`), one file per key.
 * Writes go to a temporary file in the same directory, are flushed to disk, then renamed over
 * the final name, so a crash or a concurrent reader never sees a partial photo.
 */
export class LocalPhotoStore implements PhotoStore {
  private readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  /** The file for `key`; the key rules already forbid `..`, this re-checks the result stays inside. */
  private pathOf(key: string): string {
    const path = resolve(this.root, assertPhotoKey(key));
    if (!path.startsWith(this.root + sep)) throw new DomainError('bad_request', 'Invalid photo key');
    return path;
  }

  async put(key: string, bytes: Buffer, contentType: PhotoContentType): Promise<StoredPhoto> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Temporary names contain dots, which keys never do, so they can't clash with a photo.
    const temp = join(dirname(path), `.${randomBytes(8).toString('hex')}.tmp`);
    try {
      const file = await open(temp, 'wx', 0o600);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { key, size: bytes.length, contentType };
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

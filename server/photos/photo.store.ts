import { join } from 'node:path';
import type { Config } from '../config';
import { CloudinaryPhotoStore } from './cloudinary-photo.store';
import { LocalPhotoStore } from './local-photo.store';
import type { PhotoContentType } from './photo-key';

export interface StoredPhoto {
  key: string;
  /** Size in bytes of what was stored. */
  size: number;
  contentType: PhotoContentType;
}

/**
 * Where re-encoded PR-card photos live. Keys are checked by `assertPhotoKey`
 * (letters, digits, `_`, `-`, up to 4 `/`-separated segments); a bad key is a `bad_request`.
 * Only ever give it bytes that `preparePhoto` produced.
 */
export interface PhotoStore {
  /** Stores (or replaces) the photo under `key`. Readers never see a half-written photo. */
  put(key: string, bytes: Buffer, contentType: PhotoContentType): Promise<StoredPhoto>;
  /** The stored bytes, or null when nothing is stored under `key`. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the photo; removing a missing photo is not an error. */
  delete(key: string): Promise<void>;
}

export interface PhotoStoreOptions {
  /** Cloudinary API base URL (default `https://api.cloudinary.com`); tests point it at a stand-in. */
  cloudinaryApiBase?: string;
}

/**
 * Cloudinary (signed server-side uploads, authenticated delivery) when `CLOUDINARY_URL` is set;
 * otherwise files under `DATA_DIR/photos`.
 */
export function createPhotoStore(config: Pick<Config, 'CLOUDINARY_URL' | 'dataPath'>, options: PhotoStoreOptions = {}): PhotoStore {
  if (config.CLOUDINARY_URL) return CloudinaryPhotoStore.fromUrl(config.CLOUDINARY_URL, { apiBase: options.cloudinaryApiBase });
  return new LocalPhotoStore(join(config.dataPath, 'photos'));
}

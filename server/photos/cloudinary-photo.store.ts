import { Agent } from 'node:http';
import { v2 as cloudinary, type UploadApiOptions } from 'cloudinary';
import { z } from 'zod';
import { assertPhotoKey, type PhotoContentType } from './photo-key';
import type { PhotoStore, StoredPhoto } from './photo.store';

export interface CloudinaryCredentials {
  cloudName: string;
  apiKey: string;
  apiSecret: string;
  /** API base URL, default `https://api.cloudinary.com`. Plain `http:` is allowed on loopback only. */
  apiBase?: string;
}

const DEFAULT_API_BASE = 'https://api.cloudinary.com';
/** How long a download URL signed by `get` stays valid. */
const DOWNLOAD_URL_SECONDS = 60;

const urlPartsSchema = z.object({
  cloudName: z.string().regex(/^[a-z0-9_-]+$/i, 'cloud name'),
  apiKey: z.string().min(1, 'API key'),
  apiSecret: z.string().min(1, 'API secret'),
});

const uploadAnswerSchema = z.object({ public_id: z.string(), bytes: z.number().int().nonnegative() });

function describe(error: unknown): string {
  if (error && typeof error === 'object') {
    const { message, http_code: status, error: inner } = error as { message?: unknown; http_code?: unknown; error?: { message?: unknown } };
    if (typeof message === 'string') return typeof status === 'number' ? `${message} (HTTP ${status})` : message;
    if (typeof inner?.message === 'string') return inner.message;
  }
  return String(error);
}

/**
 * PR-card photos in Cloudinary. Uploads are signed on our server with the API secret (never
 * exposed to browsers) and stored with the `authenticated` delivery type, so no public URL
 * exists: every read goes through a short-lived signed download URL. The SDK is called with
 * per-call credentials, never its global configuration.
 */
export class CloudinaryPhotoStore implements PhotoStore {
  private readonly auth: UploadApiOptions;

  constructor(credentials: CloudinaryCredentials) {
    const base = new URL(credentials.apiBase ?? DEFAULT_API_BASE);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname);
    if (base.protocol !== 'https:' && !(base.protocol === 'http:' && loopback)) {
      throw new Error('Cloudinary API base must be https (plain http only on loopback)');
    }
    this.auth = {
      cloud_name: credentials.cloudName,
      api_key: credentials.apiKey,
      api_secret: credentials.apiSecret,
      upload_prefix: base.origin,
      // The SDK picks its https transport when loaded; a plain-http base needs an http agent.
      ...(base.protocol === 'http:' ? { agent: new Agent() } : {}),
      // Results come through callbacks; without this the SDK also creates a promise nobody awaits.
      disable_promises: true,
    };
  }

  /** From `CLOUDINARY_URL` (`cloudinary://<key>:<secret>@<cloud>`); throws naming the bad part. */
  static fromUrl(cloudinaryUrl: string, options: { apiBase?: string } = {}): CloudinaryPhotoStore {
    const url = new URL(cloudinaryUrl);
    if (url.protocol !== 'cloudinary:') throw new Error('CLOUDINARY_URL must start with cloudinary://');
    const parts = urlPartsSchema.parse({
      cloudName: url.hostname,
      apiKey: decodeURIComponent(url.username),
      apiSecret: decodeURIComponent(url.password),
    });
    return new CloudinaryPhotoStore({ ...parts, apiBase: options.apiBase });
  }

  async put(key: string, bytes: Buffer, contentType: PhotoContentType): Promise<StoredPhoto> {
    const publicId = assertPhotoKey(key);
    const options: UploadApiOptions = {
      ...this.auth,
      public_id: publicId,
      resource_type: 'image',
      type: 'authenticated',
      overwrite: true,
      invalidate: true,
    };
    const answer = await new Promise<unknown>((resolve, reject) => {
      const upload = cloudinary.uploader.upload_stream(options, (error, result) =>
        error || !result ? reject(new Error(`Cloudinary upload failed: ${describe(error)}`)) : resolve(result),
      );
      upload.end(bytes);
    });
    const stored = uploadAnswerSchema.parse(answer);
    if (stored.public_id !== publicId) throw new Error(`Cloudinary stored ${stored.public_id} instead of ${publicId}`);
    return { key, size: stored.bytes, contentType };
  }

  async get(key: string): Promise<Buffer | null> {
    const signing = {
      ...this.auth,
      resource_type: 'image' as const,
      type: 'authenticated' as const,
      expires_at: Math.floor(Date.now() / 1000) + DOWNLOAD_URL_SECONDS,
    };
    const url = cloudinary.utils.private_download_url(assertPhotoKey(key), 'jpg', signing);
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`Cloudinary download failed: HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const options = { ...this.auth, resource_type: 'image' as const, type: 'authenticated' as const, invalidate: true };
    const publicId = assertPhotoKey(key);
    await new Promise<void>((resolve, reject) => {
      // Cloudinary answers `{ result: 'not found' }` for a missing photo: also fine, deleting is idempotent.
      void cloudinary.uploader.destroy(publicId, options, (error: unknown, result: unknown) =>
        error || !result ? reject(new Error(`Cloudinary delete failed: ${describe(error)}`)) : resolve(),
      );
    });
  }
}

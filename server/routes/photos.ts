import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { DomainError } from '../http/domain-error';
import { identityOf, requireRole } from '../http/identity';
import { valid } from '../http/validate';
import { assertDeclaredLengthWithin, readLimited } from '../photos/read-limited';
import { PHOTO_MAX_BYTES, photoLimits, photoRejectionError, rejectPhoto } from '../photos/photo-rules';
import type { Services } from '../services';

const idParam = z.strictObject({ id: z.uuid() });

/** A body over 4 MB is refused like every other photo: 413 with `fields.photo: too_large`, so the page can translate it. */
async function asPhotoRefusal<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'payload_too_large')
      throw photoRejectionError(rejectPhoto('too_large', { ...photoLimits }));
    throw error;
  }
}

/**
 * `PUT /api/photos` (the applicant's own photo, raw bytes as the body, refused past 4 MB while
 * streaming) and `GET /api/photos/:id` (owner and staff only).
 */
export function photoRoutes(s: Services) {
  return new Hono<AppEnv>()
    .put('/', requireRole(s.auth, ['applicant']), async (c) => {
      const bytes = await asPhotoRefusal(async () => {
        assertDeclaredLengthWithin(c.req.header('content-length'), PHOTO_MAX_BYTES);
        const body = c.req.raw.body;
        if (!body) throw new DomainError('bad_request', 'Send the photo as the request body.');
        return readLimited(body, PHOTO_MAX_BYTES);
      });
      return c.json(await s.photos.upload(identityOf(c).user, bytes), 201);
    })
    .get('/:id', requireRole(s.auth, ['applicant', 'officer', 'agent', 'admin']), valid('param', idParam), async (c) => {
      const bytes = await s.photos.read(identityOf(c).user, c.req.valid('param').id);
      c.header('Content-Type', 'image/jpeg');
      c.header('Cache-Control', 'private, no-store');
      c.header('Content-Disposition', 'inline');
      return c.body(new Uint8Array(bytes));
    });
}

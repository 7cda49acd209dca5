import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { translateKey } from '../../src/lib/i18n/messages.server';
import type { AuthUser } from '../auth/auth-types';
import type { RateLimiter } from '../auth/rate-limit';
import { countUse } from '../auth/usage-limits';
import type { Clock } from '../clock';
import { DomainError } from '../http/domain-error';
import { preparePhoto } from '../photos/photo-processing';
import { photoLimits, photoRejectionError } from '../photos/photo-rules';
import type { PhotoStore } from '../photos/photo.store';
import type { CaseService } from './case.service';
import { photoModel } from './photo.model';

/** PR-card photos: checked by content, re-encoded without metadata, stored, served only to owner and staff. */
export class PhotoService {
  constructor(
    private readonly db: Connection,
    private readonly store: PhotoStore,
    private readonly cases: CaseService,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  /**
   * Stores an uploaded photo for the applicant's case and returns its id; the applicant then sends
   * `PHOTO_UPLOADED` with it. A refused photo stores nothing and explains why in their language.
   */
  async upload(user: AuthUser, bytes: Buffer) {
    const caseId = await this.cases.caseIdFor(user);
    // Only while the conversation asks for a photo (never before, never once confirmed), and a few per hour.
    if (this.cases.engine.view(await this.cases.store.load(caseId)).input.kind !== 'photo') {
      throw new DomainError('event_refused', translateKey(user.lang, 'photo.rejected.not_now'), { photo: 'not_now' });
    }
    await countUse(this.limiter, user, 'photo');
    const prepared = await preparePhoto(bytes);
    if (!prepared.ok) {
      const error = photoRejectionError(prepared);
      throw new DomainError(
        error.code,
        translateKey(user.lang, `photo.rejected.${prepared.reason}`, { ...photoLimits, ...prepared.details }),
        error.fields,
      );
    }
    const id = randomUUID();
    const storageKey = `${caseId}/${id}`;
    await this.store.put(storageKey, prepared.jpeg, 'image/jpeg');
    await photoModel(this.db).create({
      _id: id,
      caseId,
      userId: user.id,
      storageKey,
      width: prepared.width,
      height: prepared.height,
      bytes: prepared.jpeg.length,
      sha256: prepared.sha256,
      uploadedAt: this.clock.now(),
    });
    return { photoId: id, width: prepared.width, height: prepared.height };
  }

  /** The photo's bytes for its owner or for staff; anyone else gets "not found". */
  async read(user: AuthUser, photoId: string): Promise<Buffer> {
    const photo = await photoModel(this.db).findById(photoId).lean();
    const allowed = photo && (user.role !== 'applicant' || photo.userId === user.id);
    if (!photo || !allowed) throw new DomainError('not_found', 'No such photo.');
    const bytes = await this.store.get(photo.storageKey);
    if (!bytes) throw new DomainError('not_found', 'No such photo.');
    return bytes;
  }
}

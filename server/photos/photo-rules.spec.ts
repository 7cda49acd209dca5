import { describe, expect, it } from 'vitest';
import { photoEn } from '../../src/lib/i18n/catalog/photo.en';
import { photoFr } from '../../src/lib/i18n/catalog/photo.fr';
import { hasMessage, translate } from '../../src/lib/i18n/messages.server';
import { photoAdviceCodes } from '../../src/lib/photo/quality';
import {
  PHOTO_MAX_BYTES,
  PHOTO_MAX_HEIGHT,
  PHOTO_MAX_WIDTH,
  PHOTO_MIN_HEIGHT,
  PHOTO_MIN_WIDTH,
  photoRejectionCodes,
  photoRejectionError,
} from './photo-rules';

describe('photo rejection codes', () => {
  it('every refusal and every advice has a message in English and French', () => {
    for (const key of [...photoRejectionCodes.map((c) => `photo.rejected.${c}`), ...photoAdviceCodes.map((c) => `photo.advice.${c}`)]) {
      expect(hasMessage(key), key).toBe(true);
      if (!hasMessage(key)) continue;
      expect(translate('en', key)).not.toBe(translate('fr', key));
      expect(translate('fr', key)).not.toMatch(/'|\{/);
    }
  });

  it('the messages state the limits the code enforces, written the way each language writes numbers', () => {
    const limits = [PHOTO_MIN_WIDTH, PHOTO_MIN_HEIGHT, PHOTO_MAX_WIDTH, PHOTO_MAX_HEIGHT];
    for (const [lang, locale] of [
      ['en', 'en-CA'],
      ['fr', 'fr-CA'],
    ] as const) {
      const requirements = { en: photoEn, fr: photoFr }[lang]['photo.requirements'];
      for (const n of limits) expect(requirements).toContain(new Intl.NumberFormat(locale).format(n));
      expect(requirements).toContain(`${PHOTO_MAX_BYTES / 1024 / 1024}${lang === 'en' ? ' MB' : '\u00a0Mo'}`);
    }
  });

  it('maps to the HTTP error a route should answer with', () => {
    expect(photoRejectionError({ ok: false, reason: 'too_large' })).toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(photoRejectionError({ ok: false, reason: 'not_an_image' })).toMatchObject({ code: 'unsupported_media_type', status: 415 });
    expect(photoRejectionError({ ok: false, reason: 'unsupported_format' }).status).toBe(415);
    const shape = photoRejectionError({ ok: false, reason: 'wrong_aspect_ratio', details: { width: 1400, height: 1000 } });
    expect(shape.toJSON()).toEqual({
      code: 'validation_failed',
      message: 'Photo refused: wrong_aspect_ratio',
      fields: { photo: 'wrong_aspect_ratio' },
    });
  });
});

/**
 * PR-card photo: why the server refused a photo (`photo.rejected.<code>`, codes from
 * `server/photos/photo-rules.ts`) and the client's non-blocking advice (`photo.advice.<code>`,
 * codes from `src/lib/photo/quality.ts`). Limits are written out so no parameter is needed.
 */
export const photoEn = {
  'photo.requirements':
    'JPEG or PNG, up to 4 MB, between 715 × 1,000 and 2,000 × 2,800 pixels, in portrait format (about 5:7, for example 1,000 × 1,400 pixels).',
  'photo.rejected.title': 'We could not use this photo',
  'photo.rejected.not_an_image': 'This file is not a photo. Please choose a JPEG or PNG image.',
  'photo.rejected.unsupported_format':
    'This image format is not accepted. Please save your photo as JPEG or PNG and upload it again. Some phones take photos in HEIC format: export them as JPEG first.',
  'photo.rejected.too_large':
    'This file is larger than 4 MB. Please upload a lighter version of your photo; 715 × 1,000 to 2,000 × 2,800 pixels is enough.',
  'photo.rejected.too_small_dimensions': 'This photo is too small. It must be at least 715 pixels wide and 1,000 pixels high.',
  'photo.rejected.too_large_dimensions':
    'This photo is too large. It must be at most 2,000 pixels wide and 2,800 pixels high. Resize it, then try again.',
  'photo.rejected.wrong_aspect_ratio':
    'This photo does not have the right shape. It must be in portrait format (taller than wide), with a width-to-height ratio of about 5:7, for example 1,000 × 1,400 pixels. Crop it, then try again.',
  'photo.rejected.corrupt':
    'We could not read this photo: the file is damaged or incomplete. Please take or export it again, then upload it.',
  'photo.advice.title': 'Tips to improve your photo',
  'photo.advice.note':
    'These are only tips: you can still send this photo. An officer will check that it meets the PR card photo requirements.',
  'photo.advice.background_too_dark': 'The background looks dark. Stand in front of a white or light-coloured wall.',
  'photo.advice.background_not_uniform':
    'The background does not look plain. Stand in front of a plain wall, with no objects, patterns or shadows behind you.',
  'photo.advice.underexposed': 'The photo looks too dark. Face a window or add light, so that your face is evenly lit.',
  'photo.advice.overexposed': 'The photo looks too bright, and details of your face may be lost. Avoid direct sunlight and flash glare.',
  'photo.advice.blurry':
    'The photo looks blurry. Hold the camera steady or use a timer, let it focus on your face, then take the photo again.',
  'photo.rejected.not_now': 'A photo can be sent only when the conversation asks for it.',
  'photo.rejected.fixer_too_large':
    'This file is larger than 30 MB, the most this page can open. Please choose a smaller copy of your photo, for example one sent from your phone at a reduced size.',
  'photo.rejected.fixer_too_many_pixels':
    'This picture has more than 60 megapixels, the most this page can open. Please choose a smaller copy of your photo.',
};

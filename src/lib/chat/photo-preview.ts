import type { PhotoAdviceCode } from '$lib/photo/quality';

/** The photo the fixer made, shown back before it is sent. */
export interface PhotoPreview {
  /** An object URL for the photo; revoke it with `URL.revokeObjectURL` when done. */
  url: string;
  width: number;
  height: number;
  /** Non-blocking tips (`photo.advice.<code>`); empty when the photo looks fine. */
  advice: PhotoAdviceCode[];
}

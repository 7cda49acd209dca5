/**
 * How the board's search compares text: a name matches when the folded term is part of the folded
 * name (lower-case, accents stripped: "levesque" finds "Lévesque-Tremblay"); application numbers and
 * UCIs match exactly once spaces and dashes are removed ("e 000-123 456", "1234-5678").
 */

/** Lower-case with accents stripped (NFD, combining marks removed). Stored on each case as `searchName`. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** What a search box's text can match. */
export interface SearchTerm {
  /** Folded, for a substring of the folded name. */
  name: string;
  /** Upper-case, without spaces or dashes, for an exact application number. */
  applicationNumber: string;
  /** The digits of a UCI (8 or 10), or null when the text cannot be one. */
  uci: string | null;
}

export function searchTermOf(q: string | undefined): SearchTerm | null {
  const text = q?.trim();
  if (!text) return null;
  const compact = text.replace(/[\s\-./]/g, '');
  return { name: foldForSearch(text), applicationNumber: compact.toUpperCase(), uci: /^\d{8}(\d{2})?$/.test(compact) ? compact : null };
}

import type { ApplicantEventInput, Message } from '$lib/shared/landing';

/**
 * Answers the applicant sent that the server has not acknowledged yet. They are kept in the
 * tab's `sessionStorage` so a reload or a dropped connection never loses one; each keeps its
 * client id, so re-sending it is safe (the server answers a repeat with the original result).
 */
export type PendingAnswer =
  | { kind: 'answer'; clientEventId: string; event: ApplicantEventInput; echo: Message; queuedAt: string }
  | { kind: 'text'; clientEventId: string; text: string; echo: Message; queuedAt: string };

/** The slice of the Web Storage API the outbox needs (`sessionStorage` in the browser). */
export type OutboxStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Reads the saved outbox; anything unreadable or tampered with is dropped rather than sent. The
 * schema is fetched only when something was saved (most page loads have nothing to check).
 */
export async function loadOutbox(storage: OutboxStorage | undefined, key: string): Promise<PendingAnswer[]> {
  const raw = storage?.getItem(key);
  if (!raw) return [];
  const { pendingSchema } = await import('./outbox-schema');
  try {
    const parsed = pendingSchema.safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as PendingAnswer[]) : [];
  } catch {
    return [];
  }
}

/** Writes the outbox; an empty one removes the key. A full or blocked storage keeps it in memory only. */
export function saveOutbox(storage: OutboxStorage | undefined, key: string, items: PendingAnswer[]) {
  try {
    if (items.length) storage?.setItem(key, JSON.stringify(items));
    else storage?.removeItem(key);
  } catch {
    // Private browsing or a full quota: the answers stay queued in memory for this page.
  }
}

/** A new client event id: letters, digits and hyphens, as the contract requires. */
export function newClientEventId(): string {
  return crypto.randomUUID();
}

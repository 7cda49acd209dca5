import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';

/** Per collection: how many documents, and a hash of all of them (sorted by `_id`). */
export type Fingerprint = Map<string, { count: number; hash: string }>;

/** Decides which documents are bookkeeping that refused input may legitimately write. */
export type Bookkeeping = (collection: string, doc: Record<string, unknown>) => boolean;

/**
 * What refused input may write by design: throttle counters (every refused sign-in, invitation
 * probe and verification counts against the caller) and the audit records of refused sign-ins.
 * Also what the portal writes on its own timer whatever the input: the board chart's step counts
 * (`step_flow`, flushed every 5 s from step changes accepted earlier).
 */
export const refusalBookkeeping: Bookkeeping = (collection, doc) =>
  collection === 'rate_limit_slots' ||
  collection === 'step_flow' ||
  (collection === 'audit_log' && ['auth.login_failed', 'auth.login_rate_limited'].includes(String(doc.action)));

/** Reads every collection of the database and fingerprints it, leaving out bookkeeping. Small test databases only. */
export async function fingerprint(db: Connection, bookkeeping: Bookkeeping = refusalBookkeeping): Promise<Fingerprint> {
  const result: Fingerprint = new Map();
  const collections = await db.db!.listCollections({}, { nameOnly: true }).toArray();
  for (const { name } of collections) {
    const docs = await db.db!.collection(name).find({}).sort({ _id: 1 }).toArray();
    const kept = docs.filter((doc) => !bookkeeping(name, doc));
    if (!kept.length) continue; // an empty collection and a missing one are the same state
    const hash = createHash('sha256');
    for (const doc of kept) hash.update(JSON.stringify(doc)).update('\n');
    result.set(name, { count: kept.length, hash: hash.digest('hex') });
  }
  return result;
}

/** One line per collection that differs; empty when the two fingerprints are the same. */
export function differences(before: Fingerprint, after: Fingerprint): string[] {
  const lines: string[] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(name);
    const b = after.get(name);
    if (a?.hash === b?.hash) continue;
    lines.push(
      `${name}: ${a?.count ?? 'absent'} → ${b?.count ?? 'absent'} documents${a && b && a.count === b.count ? ', content changed' : ''}`,
    );
  }
  return lines;
}

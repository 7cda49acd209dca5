import type { Connection } from 'mongoose';
import { outboxClaimModel, outboxModel, type OutboxMessage } from './outbox.model';

/** A message this worker now holds, until `leaseUntil`. */
export type ClaimedMessage = OutboxMessage & { _id: unknown; claimToken: string };

/** How many due messages one claim round looks at; other workers may take some of them. */
const CANDIDATES = 10;
/** Claim numbers tried past ones left behind by workers that died between claiming and marking. */
const ABANDONED_SKIPS = 3;

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/**
 * Wins claim number `claims` on a message, or a later one when that number was taken by a worker
 * that died before using it (its claim is older than a lease). Returns the claim id, or null when a
 * live worker holds it.
 */
async function insertClaim(db: Connection, messageId: string, claims: number, now: Date, leaseMs: number) {
  const claimsModel = outboxClaimModel(db);
  for (let n = claims; n < claims + ABANDONED_SKIPS; n++) {
    const claimToken = `${messageId}:${n}`;
    try {
      await claimsModel.create({ _id: claimToken, messageId, at: now });
      return { claimToken, claims: n };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const taken = await claimsModel.findById(claimToken).lean();
      if (taken && taken.at.getTime() + leaseMs > now.getTime()) return null;
    }
  }
  return null;
}

/**
 * Claims the oldest due message: `pending` and due, or `sending` with an expired lease (its sender
 * died). Exactly one worker wins each claim, across processes: the winner is whoever inserts the
 * claim record `<id>:<claims + 1>` first. A unique `_id` insert is atomic on MongoDB and on
 * FerretDB, whose filtered updates and findAndModify are not (two workers can both "win" there).
 * Returns null when nothing is due or other workers took it all.
 */
export async function claimDueMessage(db: Connection, now: Date, leaseMs: number): Promise<ClaimedMessage | null> {
  return (await claimDueMessages(db, now, leaseMs, 1))[0] ?? null;
}

/**
 * Claims up to `count` of the oldest due messages with one read. The read is a filter on the
 * outbox, which FerretDB answers by decoding the whole collection (bodies included): one read per
 * message made a 2,000-invitation import drain at under one email a second there.
 */
export async function claimDueMessages(db: Connection, now: Date, leaseMs: number, count: number): Promise<ClaimedMessage[]> {
  const messages = outboxModel(db);
  const candidates = await messages
    .find({
      $or: [
        { status: 'pending', nextAttemptAt: { $lte: now } },
        { status: 'sending', leaseUntil: { $lte: now } },
      ],
    })
    .sort({ nextAttemptAt: 1, _id: 1 })
    .limit(count + CANDIDATES)
    .lean();
  const claimed: ClaimedMessage[] = [];
  for (const candidate of candidates) {
    if (claimed.length === count) break;
    const won = await insertClaim(db, String(candidate._id), candidate.claims + 1, now, leaseMs);
    if (!won) continue;
    const fields = { status: 'sending' as const, ...won, attempts: candidate.attempts + 1, leaseUntil: new Date(now.getTime() + leaseMs) };
    // Only the claim winner writes this claim number; the filter also drops a candidate read long ago.
    const { modifiedCount } = await messages.updateOne({ _id: candidate._id, claims: candidate.claims }, { $set: fields });
    if (modifiedCount === 1) claimed.push({ ...candidate, ...fields });
  }
  return claimed;
}

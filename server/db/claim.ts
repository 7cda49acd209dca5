import { Schema, type Connection } from 'mongoose';
import { defineModel } from './define-model';

/**
 * Once-only claims. Inserting a document with a unique `_id` is atomic on MongoDB and on FerretDB
 * 1.x, whose filtered updates and findAndModify are not (two writers can both "win" there; measured
 * in tests/integration/outbox.test.ts). So every "exactly one may do this" decision goes through here.
 */
const claimSchema = new Schema({ _id: { type: String, required: true }, at: { type: Date, required: true } }, { versionKey: false });
const claimModel = defineModel('Claim', claimSchema, 'claims');

export const isDuplicateKey = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;

/**
 * The indexes (in the inserted list) of the documents an unordered insert found already there, or
 * null when it failed for any other reason.
 */
export function duplicateIndexes(err: unknown, count: number): number[] | null {
  const writeErrors = (err as { writeErrors?: { index?: number; code?: number; err?: { index?: number; code?: number } }[] }).writeErrors;
  if (!writeErrors?.length) return count === 1 && isDuplicateKey(err) ? [0] : null;
  const indexes = writeErrors.map((e) => ((e.code ?? e.err?.code) === 11000 ? (e.index ?? e.err?.index) : undefined));
  return indexes.every((i): i is number => i !== undefined) ? indexes : null;
}

/** True when this caller is the first ever to claim `key`. */
export async function claimOnce(db: Connection, key: string, at: Date): Promise<boolean> {
  try {
    await claimModel(db).create({ _id: key, at });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** Gives a claim back, e.g. when the work it guarded failed and may be tried again. */
export async function releaseClaim(db: Connection, key: string): Promise<void> {
  await claimModel(db).deleteOne({ _id: key });
}

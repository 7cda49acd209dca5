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

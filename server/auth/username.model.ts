import { Schema, type Connection } from 'mongoose';
import { defineModel } from '../db/define-model';
import { isDuplicateKey } from '../db/claim';

/**
 * The sign-in index: one document per username, keyed by the folded name, pointing to the account.
 * Sign-in reads it by `_id`, the one lookup FerretDB 1.x answers from an index (a filter on
 * `users.username` reads every account: 4.7 s per sign-in at 2,000 accounts under a sign-in storm).
 * Inserting it is also what makes a name taken: a unique `_id` insert is atomic on FerretDB and
 * MongoDB alike, so two accounts can never claim one name.
 */
const usernameSchema = new Schema(
  {
    /** The folded username (`foldUsername`). */
    _id: { type: String, required: true },
    userId: { type: String, required: true },
  },
  { versionKey: false },
);

export const usernameModel = defineModel('Username', usernameSchema, 'usernames');

/** How a username is compared: what the person typed and what was issued match after this. */
export function foldUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

/** The username document of an account, as inserted (also in bulk, by the migration and seeds). */
export const usernameDoc = (username: string, userId: string) => ({ _id: foldUsername(username), userId });

/**
 * Claims `username` for `userId`. True when it is now (or already was) this account's; false when
 * another account holds it.
 */
export async function claimUsername(db: Connection, username: string, userId: string): Promise<boolean> {
  try {
    await usernameModel(db).create(usernameDoc(username, userId));
    return true;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const holder = await usernameModel(db).findById(foldUsername(username)).lean();
    return holder?.userId === userId;
  }
}

/** Gives a name back when the account it was claimed for could not be created. */
export async function releaseUsername(db: Connection, username: string, userId: string): Promise<void> {
  const holder = await usernameModel(db).findById(foldUsername(username)).lean();
  if (holder?.userId === userId) await usernameModel(db).deleteOne({ _id: holder._id });
}

/** The account id a typed username points to, or null; one read by `_id`. */
export async function userIdOf(db: Connection, username: string): Promise<string | null> {
  return (await usernameModel(db).findById(foldUsername(username)).lean())?.userId ?? null;
}

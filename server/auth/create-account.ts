import type { Connection } from 'mongoose';
import { claimUsername, releaseUsername } from './username.model';
import { userModel, type UserDoc } from './user.model';

export type NewAccount = Partial<UserDoc> &
  Pick<UserDoc, 'username' | 'passwordHash' | 'role' | 'displayName' | 'fullName' | 'createdAt'> & { _id: string };

/**
 * The one way an account comes into being: its username document first (exactly once, by unique
 * `_id`, so two accounts can never hold one name), then the account. Answers `username_taken`
 * when another account holds the name; an account id that already exists throws the database's
 * duplicate-key error, and the name claimed for it is given back.
 */
export async function createAccount(db: Connection, account: NewAccount): Promise<'created' | 'username_taken'> {
  if (!(await claimUsername(db, account.username, account._id))) return 'username_taken';
  try {
    await userModel(db).create(account);
  } catch (err) {
    await releaseUsername(db, account.username, account._id).catch(() => undefined);
    throw err;
  }
  return 'created';
}

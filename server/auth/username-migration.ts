import type { Migration } from '../db/migrations';
import { insertMissing } from '../db/migrations';
import { userModel } from './user.model';
import { usernameDoc, usernameModel } from './username.model';

/**
 * Gives every account created before username documents existed its document (one scan of
 * `users`, once per database). Inserts by unique `_id`, so a second process running it at the same
 * time, or a rerun after a crash, changes nothing.
 */
export const usernameDocuments: Migration = {
  name: 'usernames-v1',
  async run(db) {
    const users = await userModel(db).find({}, { username: 1 }).lean();
    return insertMissing(
      (docs) => usernameModel(db).insertMany(docs, { ordered: false }),
      users.map((u) => usernameDoc(u.username, u._id)),
    );
  },
};

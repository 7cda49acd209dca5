import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password';
import { createAccount } from '../../server/auth/create-account';
import { userModel } from '../../server/auth/user.model';
import { usernameDocuments } from '../../server/auth/username-migration';
import { usernameModel } from '../../server/auth/username.model';
import { runMigrations } from '../../server/db/migrations';
import { createLogger } from '../../server/logger';
import { HttpSession } from '../support/http-session';
import { useTestPortal } from '../support/portal';

const t = useTestPortal('usernames');
const account = (id: string, username: string, passwordHash: string) => ({
  _id: id,
  username,
  passwordHash,
  role: 'officer' as const,
  displayName: 'Olivia',
  fullName: 'Olivia Officer',
  mustChangePassword: false,
  createdAt: new Date(),
});

describe('username documents', () => {
  it('lets exactly one of two concurrent accounts claim a name', async () => {
    const hash = await hashPassword('a long test passphrase 42');
    const outcomes = await Promise.all(['a', 'b', 'c', 'd'].map((id) => createAccount(t.db(), account(id, 'olivia', hash))));
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(await userModel(t.db()).countDocuments()).toBe(1);
    const winner = await userModel(t.db()).findOne().lean();
    expect(await usernameModel(t.db()).findById('olivia').lean()).toEqual({ _id: 'olivia', userId: winner!._id });
  });

  it('gives accounts made before them their documents at start, once, even from two processes at once; they can sign in', async () => {
    const password = 'a long test passphrase 42';
    const hash = await hashPassword(password);
    await userModel(t.db()).insertMany([account('u1', 'first.one', hash), account('u2', 'second.one', hash)]);
    const http = new HttpSession(t.url());
    expect((await http.post('/api/auth/login', { username: 'first.one', password })).status).toBe(401);

    const logger = createLogger('silent');
    await Promise.all([runMigrations(t.db(), [usernameDocuments], logger), runMigrations(t.db(), [usernameDocuments], logger)]);
    expect(await usernameModel(t.db()).find().sort({ _id: 1 }).lean()).toEqual([
      { _id: 'first.one', userId: 'u1' },
      { _id: 'second.one', userId: 'u2' },
    ]);
    expect((await http.post('/api/auth/login', { username: 'First.One', password })).status).toBe(200);

    // Marked finished: a later start does not scan `users` again.
    await userModel(t.db()).insertMany([account('u3', 'third.one', hash)]);
    await runMigrations(t.db(), [usernameDocuments], logger);
    expect(await usernameModel(t.db()).exists({ _id: 'third.one' })).toBeNull();
  });
});

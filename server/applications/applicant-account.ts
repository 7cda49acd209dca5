import { randomInt } from 'node:crypto';
import type { Connection } from 'mongoose';
import { hashPassword, temporaryPassword } from '../auth/password';
import { createAccount } from '../auth/create-account';
import { userModel } from '../auth/user.model';
import { fullNameOf, greetingNameOf } from '../../src/lib/shared/person-name';
import type { PersonDoc } from './application.model';

/** `maria.santos-4821`: readable, ASCII, and distinct even for people who share an email. */
export function usernameBase(givenName: string, familyName: string): string {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '')
      .slice(0, 15);
  const family = fold(familyName) || 'pr';
  // A person with one name only: `sukarno-4821`.
  return givenName.trim() ? `${fold(givenName) || 'applicant'}.${family}` : family;
}

/**
 * Creates the applicant account of an invited person, with a one-time temporary password that
 * must be changed at first sign-in. The user id is derived from the person, so a retry can never
 * create a second account.
 */
export async function createApplicantAccount(db: Connection, person: PersonDoc, now: Date) {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const userId = `applicant-${person._id}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const username = `${usernameBase(person.givenName, person.familyName)}-${randomInt(1000, 10000)}`;
    try {
      const outcome = await createAccount(db, {
        _id: userId,
        username,
        passwordHash,
        role: 'applicant',
        displayName: greetingNameOf(person),
        fullName: fullNameOf(person),
        email: person.email,
        lang: person.lang,
        personId: person._id,
        mustChangePassword: true,
        createdAt: now,
      });
      if (outcome === 'created') return { userId, username, password };
    } catch (err) {
      const duplicate = (err as { code?: number }).code === 11000;
      if (!duplicate) throw err;
      if (await userModel(db).exists({ _id: userId })) throw new Error(`person ${person._id} already has an account`, { cause: err });
    }
  }
  throw new Error('could not find a free username');
}

import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { applicationModel, personModel } from '../../server/applications/application.model';
import { hashPassword } from '../../server/auth/password';
import { currentTotp, newTotpSecret } from '../../server/auth/totp';
import { userModel, type Role } from '../../server/auth/user.model';
import { usernameDoc, usernameModel } from '../../server/auth/username.model';
import { HttpSession } from '../support/http-session';

export const BENCH_PASSWORD = 'a long bench passphrase 42';

export interface SeededApplicant {
  userId: string;
  username: string;
  givenName: string;
  familyName: string;
}

export interface SeededStaff {
  username: string;
  displayName: string;
  totpSecret: string;
  /** The address this person signs in from (X-Forwarded-For), one each, as applicants have. */
  address: string;
}

/**
 * Inserts `count` accepted applicants (application, person, account with the password already
 * changed) in bulk, straight into the database: no invitation emails. One Argon2id hash is shared,
 * since every applicant will verify it over HTTP anyway.
 */
export async function seedApplicants(db: Connection, count: number, batch = 500): Promise<SeededApplicant[]> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const now = new Date();
  const seeded: SeededApplicant[] = [];
  for (let start = 0; start < count; start += batch) {
    const applications = [];
    const people = [];
    const users = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const [applicationId, personId, userId] = [randomUUID(), randomUUID(), randomUUID()];
      const applicationNumber = `B${String(i).padStart(9, '0')}`;
      const givenName = `Amara${toLetters(i)}`;
      const familyName = 'Okafor';
      const username = `bench.applicant-${String(i).padStart(5, '0')}`;
      applications.push({ _id: applicationId, applicationNumber, registeredAt: now, registeredBy: 'bench' });
      people.push({
        _id: personId,
        applicationId,
        applicationNumber,
        role: 'principal',
        givenName,
        familyName,
        dateOfBirth: '1990-05-17',
        uci: String(20_000_000 + i),
        email: `bench-${i}@example.com`,
        lang: 'en',
        invitationState: 'accepted',
        userId,
      });
      users.push({
        _id: userId,
        username,
        passwordHash,
        role: 'applicant',
        displayName: givenName,
        fullName: `${givenName} ${familyName}`,
        personId,
        mustChangePassword: false,
        createdAt: now,
      });
      seeded.push({ userId, username, givenName, familyName });
    }
    await applicationModel(db).insertMany(applications);
    await personModel(db).insertMany(people);
    await userModel(db).insertMany(users);
    await usernameModel(db).insertMany(users.map((u) => usernameDoc(u.username, u._id)));
  }
  return seeded;
}

/** Staff accounts (officers for dashboards, agents) with TOTP enrolled, in bulk. */
export async function seedStaff(db: Connection, role: Extract<Role, 'officer' | 'agent'>, count: number): Promise<SeededStaff[]> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const staff = Array.from({ length: count }, (_, i) => ({
    username: `bench.${role}-${i}`,
    displayName: `${role === 'agent' ? 'Agent' : 'Officer'} ${toLetters(i)}`,
    totpSecret: newTotpSecret(),
    // Their own addresses: 50 dashboards opened in the same second from one address would meet
    // the per-address second-factor limit (20 at once), which is not what the bench measures.
    address: `198.19.${role === 'agent' ? 1 : 0}.${i + 1}`,
  }));
  const users = staff.map((s) => ({
    _id: randomUUID(),
    username: s.username,
    passwordHash,
    role,
    displayName: s.displayName,
    fullName: `${s.displayName} Bench`,
    mustChangePassword: false,
    totpSecret: s.totpSecret,
    createdAt: new Date(),
  }));
  await userModel(db).insertMany(users);
  await usernameModel(db).insertMany(users.map((u) => usernameDoc(u.username, u._id)));
  return staff;
}

/** Signs a staff member in over HTTP, second factor included; returns their session. */
export async function signInStaff(baseUrl: string, staff: SeededStaff): Promise<HttpSession> {
  const http = new HttpSession(baseUrl);
  const headers = { 'x-forwarded-for': staff.address };
  const login = await http.request('/api/auth/login', {
    method: 'POST',
    json: { username: staff.username, password: BENCH_PASSWORD },
    headers,
  });
  if (login.status !== 200) throw new Error(`staff sign-in failed: ${login.status} ${JSON.stringify(login.data)}`);
  const code = currentTotp(staff.totpSecret, new Date());
  const verified = await http.request('/api/auth/totp/verify', { method: 'POST', json: { code }, headers });
  if (verified.status !== 200) throw new Error(`staff TOTP failed: ${verified.status} ${JSON.stringify(verified.data)}`);
  return http;
}

/** 0 → "A", 25 → "Z", 26 → "BA": names made of letters only. */
function toLetters(n: number): string {
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26);
  } while (n > 0);
  return out.toLowerCase();
}

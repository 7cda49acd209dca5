import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CommandStartedEvent } from 'mongodb';
import { createApplicant } from '../fixtures/users';
import { ConversationClient } from '../support/conversation-client';
import { HttpSession } from '../support/http-session';
import { useTestPortal } from '../support/portal';

/**
 * FerretDB 1.x answers a filter on anything but `_id` by reading the whole collection, so on the
 * applicant's path every read and write must be by `_id` (or an insert). This watches the driver's
 * commands during one whole applicant conversation over real HTTP and Socket.IO and names any that
 * filter on another field.
 */
const t = useTestPortal('id-only-queries');
const photo = readFileSync(new URL('../fixtures/photo-valid.jpg', import.meta.url));
const address = { street: '24 Sussex Dr', unit: null, city: 'Ottawa', province: 'ON' as const, postalCode: 'K1M 1M4' };

/** The filters a command applies (none for inserts), by command name. */
function filtersOf(command: CommandStartedEvent['command'], name: string): unknown[] {
  switch (name) {
    case 'find':
    case 'delete':
    case 'update':
      return name === 'find' ? [command.filter ?? {}] : ((command.updates ?? command.deletes) as { q: unknown }[]).map((u) => u.q);
    case 'findAndModify':
    case 'count':
    case 'distinct':
      return [command.query ?? {}];
    case 'aggregate':
      return [((command.pipeline as Record<string, unknown>[])[0] ?? {}).$match ?? {}];
    default:
      return [];
  }
}

/** True when `filter` selects by one `_id` value (other conditions then apply to that one document). */
function byId(filter: unknown): boolean {
  if (typeof filter !== 'object' || filter === null) return false;
  const id = (filter as Record<string, unknown>)._id;
  return typeof id === 'string' || typeof id === 'number' || (typeof id === 'object' && id !== null && Object.keys(id).join() === '$eq');
}

/** Every command the portal sends while `run` runs, as `command collection {filter fields}` when it is not by `_id`. */
async function queriesNotById(run: () => Promise<void>): Promise<{ offenders: string[]; commands: number }> {
  const client = t.db().getClient();
  const offenders: string[] = [];
  let commands = 0;
  const watch = (event: CommandStartedEvent) => {
    commands++;
    const collection = String(event.command[event.commandName]);
    for (const filter of filtersOf(event.command, event.commandName)) {
      if (!byId(filter)) offenders.push(`${event.commandName} ${collection} {${Object.keys(filter as object).join(',')}}`);
    }
  };
  client.on('commandStarted', watch);
  try {
    await run();
  } finally {
    client.off('commandStarted', watch);
  }
  return { offenders: [...new Set(offenders)], commands };
}

describe('the applicant path reads and writes by _id only', () => {
  it('signs in, changes the password, connects, answers every step, uploads the photo and syncs without a filter scan', async () => {
    const user = await createApplicant(t.db(), { givenName: 'Zoë', familyName: 'Lévesque-Tremblay' });
    const http = new HttpSession(t.url());
    const newPassword = 'a brand new passphrase for landing 7';

    const { offenders, commands } = await queriesNotById(async () => {
      expect((await http.post('/api/auth/login', { username: ` ${user.username.toUpperCase()} `, password: user.password })).status).toBe(
        200,
      );
      expect((await http.post('/api/auth/password', { currentPassword: user.password, newPassword })).status).toBe(200);
      expect((await http.request('/api/auth/me')).status).toBe(200);
      const me = new ConversationClient(await t.connect({ cookie: http.cookieHeader }));
      expect((await me.sync()).step).toBe('welcome');
      await me.must({ type: 'ACKNOWLEDGE' });
      await me.must({ type: 'CONFIRM_IDENTITY', answer: 'yes' });
      await me.must({ type: 'ANSWER_IN_CANADA', answer: 'yes' });
      await me.must({ type: 'ANSWER_ENTRY_DATE', date: '2024-03-05' });
      await me.must({ type: 'DECLARE_PRESENCE' });
      for (const question of ['marital', 'dependants', 'criminal', 'medical'] as const)
        await me.must({ type: 'ANSWER_CHANGE', question, answer: 'no' });
      await me.must({ type: 'SUBMIT_ADDRESS', kind: 'residential', address });
      await me.must({ type: 'MAILING_SAME_AS_RESIDENTIAL', same: true });
      const upload = await http.request('/api/photos', {
        method: 'PUT',
        body: new Uint8Array(photo),
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(upload.status).toBe(201);
      await me.must({ type: 'PHOTO_UPLOADED', photoId: upload.data.photoId as string });
      const sign = { type: 'SIGN', signature: 'zoe levesque tremblay' } as const;
      expect((await me.answer(sign, 'sign-0001')).ok).toBe(true);
      // The ack was lost: the retry is answered with what the first attempt produced.
      expect((await me.answer(sign, 'sign-0001')).ok).toBe(true);
      // A second device catches up from the start.
      const laptop = new ConversationClient(await t.connect({ cookie: http.cookieHeader }));
      expect((await laptop.sync()).step).toBe('submitted');
    });

    expect(commands).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });
});

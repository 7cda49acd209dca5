import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { freePort } from '../../server/db/free-port';
import type { Ack } from '../../src/lib/shared/ack';
import type { CaseUpdate } from '../../src/lib/shared/case.contract';
import type { ApplicantEventInput } from '../../src/lib/shared/landing/events';
import { childProcessesNamed, startAppProcess, type AppProcess } from '../support/app-process';
import { ConversationClient } from '../support/conversation-client';
import { HttpSession } from '../support/http-session';
import { invitedApplicant } from '../support/invited-applicant';
import type { TestSocket } from '../support/portal';

const DEMO_PASSWORD = 'demo passphrase for crash tests';
const dataDir = mkdtempSync(join(tmpdir(), 'landing-crash-'));
let app: AppProcess | undefined;
afterAll(async () => {
  await app?.stop();
});

describe('SIGKILL mid-conversation', () => {
  it('loses no acknowledged answer, and the client resumes by itself', async () => {
    const port = await freePort();
    const env = { DEMO_PASSWORD, PORT: String(port) };
    app = await startAppProcess(env, dataDir);
    const applicant = await invitedApplicant(app.url, DEMO_PASSWORD);
    const http = new HttpSession(app.url);
    await http.post('/api/auth/login', { username: applicant.username, password: applicant.password });
    await http.post('/api/auth/password', { currentPassword: applicant.password, newPassword: 'crash test passphrase that is long' });

    // A client that resumes like the chat page: on every (re)connect it syncs from its last seq.
    const socket: TestSocket = io(app.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: http.cookieHeader },
      reconnectionDelay: 200,
      reconnectionDelayMax: 1000,
    });
    const client = new ConversationClient(socket);
    let reconnects = 0;
    socket.on('connect', () => {
      reconnects++;
      void client.sync().catch(() => undefined);
    });
    await expect.poll(() => client.view?.step, { timeout: 10_000 }).toBe('welcome');

    const acked: { id: string; event: ApplicantEventInput }[] = [];
    const send = async (event: ApplicantEventInput, id = randomUUID()) => {
      // Retry until acknowledged, as the chat page's outbox does; the server dedupes by id.
      for (;;) {
        const ack = (await socket
          .timeout(3000)
          .emitWithAck('case:answer', { clientEventId: id, event })
          .catch(() => null)) as Ack<CaseUpdate> | null;
        if (ack?.ok) {
          client.take(ack.data);
          acked.push({ id, event });
          return ack.data.view;
        }
        if (ack && !ack.ok && ack.error.code !== 'db_unavailable' && ack.error.code !== 'internal')
          throw new Error(JSON.stringify(ack.error));
        await new Promise((r) => setTimeout(r, 300));
      }
    };

    await send({ type: 'ACKNOWLEDGE' });
    await send({ type: 'CONFIRM_IDENTITY', answer: 'yes' });
    await send({ type: 'ANSWER_IN_CANADA', answer: 'yes' });

    const ferretBefore = childProcessesNamed(app.child.pid!, 'ferretdb');
    await app.kill();
    // An answer given while the server is dead: the client keeps retrying it.
    const pending = send({ type: 'ANSWER_ENTRY_DATE', date: '2024-03-05' });
    app = await startAppProcess(env, dataDir);
    // The FerretDB orphaned by the crash was cleaned up: exactly one, owned by the new process.
    expect(childProcessesNamed(app.child.pid!, 'ferretdb')).toHaveLength(1);
    expect(ferretBefore).toHaveLength(1);

    await pending;
    await send({ type: 'DECLARE_PRESENCE' });
    expect(reconnects).toBeGreaterThanOrEqual(2);

    // Every acknowledged answer is in the transcript exactly once, in order.
    const fresh = new ConversationClient(socket);
    await fresh.sync();
    const applicantEntries = [...fresh.entries.values()].filter((e) => e.author === 'applicant');
    expect(applicantEntries).toHaveLength(acked.length);
    const seqs = [...fresh.entries.keys()];
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(fresh.view?.step).toBe('changes');
    socket.disconnect();
  });
});

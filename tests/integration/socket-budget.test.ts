import { describe, expect, it } from 'vitest';
import { userModel } from '../../server/auth/user.model';
import type { Ack } from '../../src/lib/shared/ack';
import { createApplicant, signIn } from '../fixtures/users';
import { useTestPortal, type TestSocket } from '../support/portal';

const t = useTestPortal('socket-budget');

const emit = (socket: TestSocket, event: string, payload: unknown) =>
  new Promise<Ack<unknown>>((resolve) =>
    (socket.timeout(30_000) as unknown as { emit: (e: string, p: unknown, cb: (err: unknown, a: Ack<unknown>) => void) => void }).emit(
      event,
      payload,
      (_err, ack) => resolve(ack),
    ),
  );

async function applicantSocket(lang: 'en' | 'fr') {
  const user = await createApplicant(t.db(), { lang });
  await userModel(t.db()).updateOne({ _id: user.id }, { $set: { lang } });
  const http = await signIn(t.url(), user, t.clock);
  const socket = await t.connect({ cookie: http.cookieHeader });
  expect(await emit(socket, 'case:sync', { after: 0 })).toMatchObject({ ok: true });
  return socket;
}

describe("one socket's work is bounded", () => {
  it("answers 60 case events sent at once: 16 handled in order, the rest refused at once with rate_limited in the user's language", async () => {
    const socket = await applicantSocket('fr');
    const started = performance.now();
    const answeredAt = { handled: [] as number[], refused: [] as number[] };
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        emit(socket, 'case:text', { clientEventId: `burst-${String(i).padStart(3, '0')}`, text: `bonjour ${i}` }).then((ack) => {
          answeredAt[ack.ok ? 'handled' : 'refused'].push(performance.now() - started);
          return ack;
        }),
      ),
    );
    const handled = answers.filter((a) => a.ok);
    expect(handled).toHaveLength(16);
    // Handled in the order they were sent: their entries' sequence numbers increase.
    const firstSeqs = handled.map((a) => (a.ok ? (a.data as { entries: { seq: number }[] }).entries[0]!.seq : 0));
    expect(firstSeqs).toEqual([...firstSeqs].sort((a, b) => a - b));
    expect(answers.slice(0, 16).every((a) => a.ok)).toBe(true);
    for (const refusal of answers.slice(16)) {
      expect(refusal).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
      if (!refusal.ok) expect(refusal.error.message).toMatch(/Veuillez patienter/);
    }
    // Refused at once: every refusal came before the handled events were done.
    expect(Math.max(...answeredAt.refused)).toBeLessThan(Math.max(...answeredAt.handled));
  });

  it('keeps pings and typing signals live while case work waits, and slows a socket that overflowed', async () => {
    const socket = await applicantSocket('en');
    const burst = Array.from({ length: 40 }, (_, i) => emit(socket, 'case:sync', { after: i }));
    const ping = await emit(socket, 'system:ping', { clientTime: 1 });
    expect(ping).toMatchObject({ ok: true });
    expect(await emit(socket, 'chat:typing', { typing: true })).toMatchObject({ ok: true });
    const refused = (await Promise.all(burst)).filter((a) => !a.ok);
    expect(refused.length).toBe(40 - 16);
    expect(refused[0]).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/faster than we can answer/) } });
    // Overflowed: one event at a time, one a second, until it goes 10 s without a refusal.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 1_100));
    await pause();
    const [a, b] = await Promise.all([emit(socket, 'case:sync', { after: 0 }), emit(socket, 'case:sync', { after: 0 })]);
    expect([a.ok, b.ok]).toEqual([true, false]);
    expect((await emit(socket, 'case:sync', { after: 0 })).ok).toBe(false);
    await pause();
    expect((await emit(socket, 'case:sync', { after: 0 })).ok).toBe(true);
  });
});

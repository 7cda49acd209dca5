import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../../src/lib/shared/case.contract';
import { createApplicant, createUser, signIn } from '../fixtures/users';
import type { HttpSession } from '../support/http-session';
import { useTestPortal, type TestSocket } from '../support/portal';
import { printFigures, sleep } from './support/figures';
import { FlakyLink } from './support/flaky-link';
import { answersBeforePhoto, answersFromPhoto } from './support/landing-script';
import { ResilientApplicant } from './support/resilient-applicant';
import { longRun, runSeed, SeededRandom } from './support/seeded-random';

/**
 * Applicants whose network drops for 1–5 s (1–30 s with RESILIENCE_LONG=1) while an agent talks to
 * them and an officer decides on their case. Each client reaches the portal through its own
 * cuttable TCP link; on reconnect it asks `case:sync { after: lastSeq }` and must get exactly what it
 * missed, without Socket.IO's connection-state recovery.
 */
const t = useTestPortal('resilience-network-drops', { resetEachTest: false });
const APPLICANTS = 3;
const seed = runSeed();
const rng = new SeededRandom(seed);
const dropMs = () => (longRun ? rng.int(1_000, 30_000) : rng.int(1_000, 5_000));
const validPhoto = readFileSync(new URL('../fixtures/photo-valid.jpg', import.meta.url));
const links: FlakyLink[] = [];
const tally = { drops: 0, offlineMs: 0, missed: 0, resynced: 0, wrongResyncs: 0, recovered: 0 };

afterAll(async () => {
  await Promise.all(links.map((link) => link.close()));
  printFigures('network-drops', {
    seed,
    applicants: APPLICANTS,
    drops: tally.drops,
    offlineSeconds: (tally.offlineMs / 1000).toFixed(1),
    missedEntries: tally.missed,
    deliveredBySync: tally.resynced,
    wrongResyncs: tally.wrongResyncs,
    connectionStateRecovered: tally.recovered,
  });
});

const keyOf = (e: TranscriptEntry) => `${e.seq}:${JSON.stringify(e.message)}`;

/**
 * Cuts the client's line, lets `meanwhile` happen, keeps the line down for a random 1–5 s, then
 * checks that the first sync after reconnecting brings exactly the entries it missed.
 */
async function dropWhile(client: ResilientApplicant, link: FlakyLink, meanwhile: () => Promise<unknown>) {
  await client.resync(); // idle and up to date (staff-only entries leave holes a sync closes)
  const before = client.lastSeq;
  const caseId = client.view!.caseId;
  const connects = client.connects;
  const syncs = client.syncs.length;
  const down = dropMs();
  const cutAt = Date.now();
  link.cut(Number.MAX_SAFE_INTEGER);
  await expect.poll(() => client.socket.connected).toBe(false);
  await meanwhile();
  const missed = await t.services().cases.store.entriesAfter(caseId, before, 'applicant');
  await sleep(Math.max(0, cutAt + down - Date.now()));
  link.restore();
  await expect.poll(() => client.connects, { timeout: 15_000 }).toBe(connects + 1);
  await expect.poll(() => client.syncs.length > syncs, { timeout: 10_000 }).toBe(true);
  tally.drops++;
  tally.offlineMs += Date.now() - cutAt;
  tally.missed += missed.length;
  if (client.socket.recovered) tally.recovered++;
  const resync = client.syncs[syncs]!;
  tally.resynced += resync.entries.length;
  if (resync.after !== before || JSON.stringify(resync.entries.map(keyOf)) !== JSON.stringify(missed.map(keyOf))) tally.wrongResyncs++;
  expect(resync.after).toBe(before);
  expect(resync.entries.map(keyOf)).toEqual(missed.map(keyOf));
  expect(missed.length).toBeGreaterThan(0);
}

describe('network drops', () => {
  it('gives every client exactly what it missed, by case:sync, through drops during staff and agent activity', async () => {
    const officer = await signIn(t.url(), await createUser(t.db(), 'officer'), t.clock);
    const agentHttp = await signIn(t.url(), await createUser(t.db(), 'agent', { displayName: 'Sam' }), t.clock);
    const agent: TestSocket = await t.connect({ cookie: agentHttp.cookieHeader });

    await Promise.all(
      Array.from({ length: APPLICANTS }, async (_, i) => {
        const name = { givenName: `Nadia${String.fromCharCode(97 + i)}`, familyName: 'Drops' };
        const http: HttpSession = await signIn(t.url(), await createApplicant(t.db(), name), t.clock);
        const link = await FlakyLink.to(t.url());
        links.push(link);
        const client = new ResilientApplicant(link.url, http.cookieHeader);
        await expect.poll(() => client.view?.step).toBe('welcome');
        const caseId = client.view!.caseId;
        const upload = async () =>
          (await http.request('/api/photos', { method: 'PUT', body: new Uint8Array(validPhoto) })).data.photoId as string;
        for (const event of answersBeforePhoto) await client.answer(event);
        for (const event of answersFromPhoto(await upload(), name)) await client.answer(event);
        await client.answer({ type: 'REQUEST_HELP' });

        // 1. Offline while an agent joins and writes.
        await dropWhile(client, link, async () => {
          expect((await agent.emitWithAck('agent:join', { caseId })).ok).toBe(true);
          for (let n = 0; n < 3; n++)
            expect(
              (
                await agent.emitWithAck('agent:message', {
                  caseId,
                  clientEventId: randomUUID(),
                  text: `Message ${n} for ${name.givenName}`,
                })
              ).ok,
            ).toBe(true);
        });
        // 2. Offline while the agent leaves and an officer rejects the photo.
        await dropWhile(client, link, async () => {
          expect((await agent.emitWithAck('agent:leave', { caseId, outcome: 'resolved' })).ok).toBe(true);
          expect((await officer.post(`/api/staff/cases/${caseId}/photo/reject`, { reason: 'too_dark' })).status).toBe(200);
        });
        await client.answer({ type: 'PHOTO_UPLOADED', photoId: await upload() });
        // 3. Offline while the officer approves and confirms permanent residence.
        await dropWhile(client, link, async () => {
          expect((await officer.post(`/api/staff/cases/${caseId}/photo/approve`)).status).toBe(200);
          expect((await officer.post(`/api/staff/cases/${caseId}/confirm`)).status).toBe(200);
        });
        expect(client.view?.step).toBe('confirmed');
        // Nothing shown twice, nothing missing: the client's transcript is the stored one.
        const stored = await t.services().cases.store.entriesAfter(caseId, 0, 'applicant');
        expect([...client.entries.values()].sort((a, b) => a.seq - b.seq).map(keyOf)).toEqual(stored.map(keyOf));
        client.close();
      }),
    );
    expect(tally.wrongResyncs).toBe(0);
    expect(tally.recovered).toBe(0);
  });
});

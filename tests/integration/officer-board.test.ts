import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BoardPatch } from '../../src/lib/shared/board.contract';
import type { StaffCaseUpdate } from '../../src/lib/shared/socket-contract';
import { createApplicant, createUser, signIn } from '../fixtures/users';
import { ConversationClient } from '../support/conversation-client';
import type { HttpSession } from '../support/http-session';
import { ManualClock, useTestPortal, type TestSocket } from '../support/portal';

const clock = new ManualClock(new Date());
const t = useTestPortal('officer-board', { clock });
const photo = readFileSync(new URL('../fixtures/photo-valid.jpg', import.meta.url));
const address = { street: '24 Sussex Dr', unit: null, city: 'Ottawa', province: 'ON' as const, postalCode: 'K1M 1M4' };

/** A dashboard: every board patch it receives, with the time it arrived. */
function dashboard(socket: TestSocket) {
  const patches: { at: number; patch: BoardPatch }[] = [];
  socket.on('board:patch', (patch) => patches.push({ at: performance.now(), patch }));
  return {
    patches,
    /** Resolves with the arrival time of the first patch for `caseId` at `version` or later. */
    async arrival(caseId: string, version: number): Promise<number> {
      await expect
        .poll(() => patches.find((p) => p.patch.row.caseId === caseId && p.patch.row.version >= version), { timeout: 5000 })
        .toBeTruthy();
      return patches.find((p) => p.patch.row.caseId === caseId && p.patch.row.version >= version)!.at;
    },
  };
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

async function officerSession(): Promise<HttpSession> {
  clock.advance(31_000);
  return signIn(t.url(), await createUser(t.db(), 'officer'), clock);
}

describe('live board and case review', () => {
  it('pushes every step, a photo rejection, the re-upload and the confirmation to two dashboards and the applicant', async () => {
    const applicant = await createApplicant(t.db(), { givenName: 'Zoë', familyName: 'Lévesque-Tremblay' });
    const applicantHttp = await signIn(t.url(), applicant, clock);
    const me = new ConversationClient(await t.connect({ cookie: applicantHttp.cookieHeader }));
    const officerA = await officerSession();
    const officerB = await officerSession();
    const boardA = dashboard(await t.connect({ cookie: officerA.cookieHeader }));
    const boardB = dashboard(await t.connect({ cookie: officerB.cookieHeader }));
    const watcher = await t.connect({ cookie: officerA.cookieHeader });
    const caseId = (await me.sync()).caseId;
    const watched: StaffCaseUpdate[] = [];
    watcher.on('staff:case-update', (u) => watched.push(u));
    expect((await watcher.emitWithAck('staff:watch', { caseId, after: 0 })).ok).toBe(true);

    const latencies: number[] = [];
    let version = 0;
    const step = async (send: () => Promise<unknown>) => {
      await send();
      const acked = performance.now();
      version = (await t.services().cases.store.load(caseId)).version;
      for (const board of [boardA, boardB]) latencies.push((await board.arrival(caseId, version)) - acked);
    };
    const upload = async () =>
      (await applicantHttp.request('/api/photos', { method: 'PUT', body: new Uint8Array(photo) })).data.photoId as string;

    await step(() => me.must({ type: 'ACKNOWLEDGE' }));
    await step(() => me.must({ type: 'CONFIRM_IDENTITY', answer: 'yes' }));
    await step(() => me.must({ type: 'ANSWER_IN_CANADA', answer: 'yes' }));
    await step(() => me.must({ type: 'ANSWER_ENTRY_DATE', date: '2024-03-05' }));
    await step(() => me.must({ type: 'DECLARE_PRESENCE' }));
    await step(() => me.must({ type: 'ANSWER_CHANGE', question: 'marital', answer: 'yes' }));
    for (const question of ['dependants', 'criminal', 'medical'] as const)
      await step(() => me.must({ type: 'ANSWER_CHANGE', question, answer: 'no' }));
    await step(() => me.must({ type: 'EXPLAIN_CHANGES', text: 'We married in May.' }));
    await step(() => me.must({ type: 'SUBMIT_ADDRESS', kind: 'residential', address }));
    await step(() => me.must({ type: 'MAILING_SAME_AS_RESIDENTIAL', same: true }));
    const firstPhoto = await upload();
    await step(() => me.must({ type: 'PHOTO_UPLOADED', photoId: firstPhoto }));
    await step(() => me.must({ type: 'SIGN', signature: 'Zoe Levesque-Tremblay' }));
    expect(boardB.patches.at(-1)!.patch.row).toMatchObject({
      step: 'submitted',
      flags: expect.arrayContaining(['changes_declared', 'photo_waiting']),
    });

    // Confirming is refused while a flag is open and the photo is not approved.
    const early = await officerA.post(`/api/staff/cases/${caseId}/confirm`);
    expect(early.status).toBe(422);

    await step(() => officerA.post(`/api/staff/cases/${caseId}/photo/reject`, { reason: 'too_dark' }));
    expect(me.view?.step).toBe('photoRejected');
    expect([...me.entries.values()].some((e) => e.message.key === 'conversation.photoReason.too_dark')).toBe(true);
    const secondPhoto = await upload();
    await step(() => me.must({ type: 'PHOTO_UPLOADED', photoId: secondPhoto }));
    expect(me.view?.step).toBe('submitted');
    await step(() => officerB.post(`/api/staff/cases/${caseId}/photo/approve`));
    await step(() =>
      officerB.post(`/api/staff/cases/${caseId}/flags/resolve`, { flag: 'changes_declared', note: 'Marriage certificate on file.' }),
    );
    await step(() => officerA.post(`/api/staff/cases/${caseId}/confirm`));
    await expect.poll(() => me.view?.step).toBe('confirmed');
    expect(me.view?.confirmation?.documentNumber).toMatch(/^ECOPR-/);
    expect(boardA.patches.at(-1)!.patch).toMatchObject({ row: { step: 'confirmed', flags: [] }, previousStep: 'submitted' });

    // The applicant downloads the eCOPR; the public verification shows initials and date only.
    const pdf = await fetch(t.url('/api/ecopr'), { headers: { cookie: applicantHttp.cookieHeader } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const documentNumber = me.view!.confirmation!.documentNumber;
    const verified = await (await fetch(t.url(`/api/verify/${documentNumber}`))).json();
    expect(verified).toEqual({ genuine: true, initials: expect.any(String), prDate: me.view!.confirmation!.prDate });

    // The watching officer saw internal entries the applicant never gets.
    expect(watched.some((u) => u.entries.some((e) => e.visibility === 'staff'))).toBe(true);
    expect([...me.entries.values()].every((e) => e.visibility === 'all')).toBe(true);

    // Emails for the rejection and the confirmation.
    await t.deliverEmails();
    const mail = (await (await fetch(t.url('/api/dev/mailbox'))).json()) as { subject: string }[];
    expect(mail.map((m) => m.subject).join('|')).toMatch(/photo/i);

    const detail = await officerA.request(`/api/staff/cases/${caseId}`);
    expect(detail.data.audit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['case.photo_rejected', 'case.photo_approved', 'case.flag_resolved', 'case.pr_confirmed']),
    );

    console.info(
      `dashboard fan-out after the applicant's ack (${latencies.length} deliveries): median ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`,
    );
  });

  it('filters, searches, sorts and pages on the server, with a funnel', async () => {
    const officer = await officerSession();
    for (const name of ['Ana', 'Ben', 'Chloé']) {
      const user = await createApplicant(t.db(), { givenName: name });
      const http = await signIn(t.url(), user, clock);
      const client = new ConversationClient(await t.connect({ cookie: http.cookieHeader }));
      await client.sync();
      if (name !== 'Chloé') await client.must({ type: 'ACKNOWLEDGE' });
      if (name === 'Ben') await client.must({ type: 'REQUEST_HELP' });
    }
    const all = await officer.request('/api/board?sort=personName&dir=asc&pageSize=2');
    expect(all.data.total).toBe(3);
    expect(all.data.rows.map((r: { personName: string }) => r.personName)).toEqual(['Ana Okafor', 'Ben Okafor']);
    expect(all.data.funnel).toMatchObject({ identity: 2, welcome: 1 });
    const help = await officer.request('/api/board?flag=help_requested');
    expect(help.data.rows.map((r: { personName: string }) => r.personName)).toEqual(['Ben Okafor']);
    const search = await officer.request('/api/board?q=chlo');
    expect(search.data.total).toBe(1);
    clock.advance(49 * 3_600_000);
    const later = await officerSession();
    const stuck = await later.request('/api/board?stuck=1');
    expect(stuck.data.total).toBe(3);
    const bad = await later.request('/api/board?sort=password');
    expect(bad.status).toBe(422);
  });
});

describe('confirming twice', () => {
  it('keeps the eCOPR when an officer double-clicks "Confirm PR"', async () => {
    const applicant = await createApplicant(t.db(), { givenName: 'Ana' });
    const http = await signIn(t.url(), applicant, clock);
    const me = new ConversationClient(await t.connect({ cookie: http.cookieHeader }));
    const { caseId } = await me.sync();
    for (const event of [
      { type: 'ACKNOWLEDGE' },
      { type: 'CONFIRM_IDENTITY', answer: 'yes' },
      { type: 'ANSWER_IN_CANADA', answer: 'yes' },
      { type: 'ANSWER_ENTRY_DATE', date: '2024-03-05' },
      { type: 'DECLARE_PRESENCE' },
      ...(['marital', 'dependants', 'criminal', 'medical'] as const).map((question) => ({ type: 'ANSWER_CHANGE', question, answer: 'no' })),
      { type: 'SUBMIT_ADDRESS', kind: 'residential', address },
      { type: 'MAILING_SAME_AS_RESIDENTIAL', same: true },
    ] as const)
      await me.must(event as never);
    const photoId = (await http.request('/api/photos', { method: 'PUT', body: new Uint8Array(photo) })).data.photoId;
    await me.must({ type: 'PHOTO_UPLOADED', photoId });
    await me.must({ type: 'SIGN', signature: 'Ana Okafor' });
    const officer = await officerSession();
    await officer.post(`/api/staff/cases/${caseId}/photo/approve`);
    const [first, second] = await Promise.all([
      officer.post(`/api/staff/cases/${caseId}/confirm`),
      officer.post(`/api/staff/cases/${caseId}/confirm`),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 422]);
    await expect.poll(() => me.view?.confirmation?.documentNumber).toMatch(/^ECOPR-/);
    const verified = await (await fetch(t.url(`/api/verify/${me.view!.confirmation!.documentNumber}`))).json();
    expect(verified.genuine).toBe(true);
    expect((await fetch(t.url('/api/ecopr'), { headers: { cookie: http.cookieHeader } })).status).toBe(200);
  });
});

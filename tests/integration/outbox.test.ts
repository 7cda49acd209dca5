import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../server/clock';
import { DevMailboxSender, listMailbox } from '../../server/email/dev-mailbox.sender';
import { EmailSendError, type EmailSender, type OutgoingEmail, type SendOptions } from '../../server/email/email';
import { Outbox, OutboxWorker, type OutboxWorkerOptions } from '../../server/email/outbox';
import { outboxClaimModel, outboxModel } from '../../server/email/outbox.model';
import { useTestDatabase } from '../support/database';

const db = useTestDatabase('outbox');

/** A real dev-mailbox sender that records every call and can be told to fail or stall first. */
class ScriptedSender implements EmailSender {
  readonly kind = 'dev' as const;
  readonly keys: string[] = [];
  /** Each call takes the next step: an error to throw, 'stall' to deliver and then never answer, or nothing. */
  constructor(
    private readonly inner: EmailSender,
    private readonly steps: (Error | 'stall' | ((key: string) => Promise<void>))[] = [],
  ) {}
  async send(email: OutgoingEmail, options: SendOptions) {
    this.keys.push(options.idempotencyKey);
    const step = this.steps.shift();
    if (step instanceof Error) throw step;
    if (typeof step === 'function') await step(options.idempotencyKey);
    const result = await this.inner.send(email, options);
    if (step === 'stall') return new Promise<never>(() => undefined);
    return result;
  }
}

let clock: ManualClock;
let outbox: Outbox;
beforeEach(() => {
  clock = new ManualClock();
  outbox = new Outbox(db(), clock);
});

function sampleEmail(n = 1): OutgoingEmail {
  return {
    to: `person${n}@example.com`,
    subject: `Invitation ${n}`,
    text: `Accept: http://localhost:3000/invitations/accept?token=t${n}`,
    html: `<p><a href="http://localhost:3000/invitations/accept?token=t${n}">Accept</a></p>`,
    links: [`http://localhost:3000/invitations/accept?token=t${n}`],
  };
}

function worker(sender: EmailSender, options: Partial<OutboxWorkerOptions> = {}) {
  return new OutboxWorker({ db: db(), sender, clock, random: () => 0.5, ...options });
}

describe('outbox delivery', () => {
  it('delivers an enqueued email to the dev mailbox and forgets its body', async () => {
    const id = await outbox.enqueue(sampleEmail(), { kind: 'invitation', personId: 'p1', caseId: 'c1' });
    expect(await outbox.outboxDepth()).toBe(1);

    expect(await worker(new DevMailboxSender(db(), clock)).processDue()).toEqual({ sent: 1, retried: 0, failed: 0 });

    const mailbox = await listMailbox(db());
    expect(mailbox).toEqual([{ ...sampleEmail(), sentAt: clock.now() }]);
    const entry = await outbox.find(id);
    expect(entry).toMatchObject({ status: 'sent', attempts: 1, personId: 'p1', caseId: 'c1', sentAt: clock.now() });
    expect(entry?.providerId).toBe(`dev_${id}`);
    expect(await outbox.outboxDepth()).toBe(0);
    const stored = await outboxModel(db()).findById(id).lean();
    expect(stored).toMatchObject({ text: '', html: '', links: [] });
  });

  it("keeps under the provider's rate: sendsPerSecond spaces the sends of a batch", async () => {
    for (let n = 0; n < 5; n++) await outbox.enqueue(sampleEmail(n), { kind: 'invitation' });
    const sentAt: number[] = [];
    const sender: EmailSender = {
      kind: 'resend',
      send: async () => {
        sentAt.push(performance.now());
        return { providerId: `p${sentAt.length}` };
      },
    };
    expect(await worker(sender, { sendsPerSecond: 10 }).processDue()).toEqual({ sent: 5, retried: 0, failed: 0 });
    const gaps = sentAt.slice(1).map((at, i) => at - sentAt[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(95);
  });

  it('refuses an invalid email and stores nothing', async () => {
    const bad = { ...sampleEmail(), to: 'not-an-address', subject: 'Hi\r\nBcc: x@example.com', links: ['javascript:alert(1)'] };
    await expect(outbox.enqueue(bad, { kind: 'invitation' })).rejects.toMatchObject({
      code: 'validation_failed',
      fields: { to: expect.any(String), subject: expect.any(String), 'links.0': expect.any(String) },
    });
    await expect(outbox.enqueue(sampleEmail(), { kind: 'spam' as never })).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await outboxModel(db()).countDocuments()).toBe(0);
  });

  it('retries a failing send with growing delays and delivers it exactly once', async () => {
    const flaky = () => new EmailSendError('Resend 500 internal_server_error', true, 500);
    const sender = new ScriptedSender(new DevMailboxSender(db(), clock), [flaky(), flaky()]);
    const id = await outbox.enqueue(sampleEmail(), { kind: 'credentials' });
    const w = worker(sender);

    expect(await w.processDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const first = await outbox.find(id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Resend 500 internal_server_error' });
    expect(first!.nextAttemptAt.getTime() - clock.now().getTime()).toBe(15_000);

    expect(await w.processDue()).toEqual({ sent: 0, retried: 0, failed: 0 }); // not due yet
    clock.advance(15_000);
    expect(await w.processDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const second = await outbox.find(id);
    expect(second!.nextAttemptAt.getTime() - clock.now().getTime()).toBe(30_000);

    clock.advance(29_999);
    expect(await w.processDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(1);
    expect(await w.processDue()).toEqual({ sent: 1, retried: 0, failed: 0 });

    expect(sender.keys).toEqual([id, id, id]);
    expect(await listMailbox(db())).toHaveLength(1);
    expect(await outbox.find(id)).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('gives up after the last allowed attempt', async () => {
    const down = () => new EmailSendError('Resend network application_error', true);
    const sender = new ScriptedSender(new DevMailboxSender(db(), clock), [down(), down(), down()]);
    const id = await outbox.enqueue(sampleEmail(), { kind: 'invitation' });
    const w = worker(sender, { maxAttempts: 3 });
    for (let i = 0; i < 3; i++) {
      await w.processDue();
      clock.advance(60 * 60_000);
    }
    expect(await outbox.find(id)).toMatchObject({ status: 'failed', attempts: 3 });
    expect(await listMailbox(db())).toHaveLength(0);
  });
});

describe('outbox after a crash', () => {
  it('reclaims a message whose sender died mid-send and delivers it once', async () => {
    const mailbox = new DevMailboxSender(db(), clock);
    const crashed = new ScriptedSender(mailbox, ['stall']);
    const id = await outbox.enqueue(sampleEmail(), { kind: 'invitation' });

    void worker(crashed, { leaseMs: 60_000 }).processDue(); // delivers, then never records the outcome
    await vi.waitFor(async () => expect(await listMailbox(db())).toHaveLength(1));
    expect(await outbox.find(id)).toMatchObject({ status: 'sending', attempts: 1 });

    const survivor = new ScriptedSender(mailbox);
    const w = worker(survivor, { leaseMs: 60_000 });
    expect(await w.processDue()).toEqual({ sent: 0, retried: 0, failed: 0 }); // the lease still holds
    clock.advance(60_000);
    expect(await w.processDue()).toEqual({ sent: 1, retried: 0, failed: 0 });

    expect(survivor.keys).toEqual([id]);
    expect(crashed.keys).toEqual([id]);
    expect(await listMailbox(db())).toHaveLength(1); // same idempotency key: no second copy
    expect(await outbox.find(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('never loses a message left `sending` by a process that died before sending', async () => {
    const id = await outbox.enqueue(sampleEmail(), { kind: 'invitation' });
    await outboxModel(db()).updateOne(
      { _id: id },
      { $set: { status: 'sending', attempts: 1, claimToken: 'dead-process', leaseUntil: new Date(clock.now().getTime() - 1) } },
    );
    expect(await outbox.outboxDepth()).toBe(1);
    expect(await worker(new DevMailboxSender(db(), clock)).processDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await listMailbox(db())).toHaveLength(1);
    expect(await outbox.find(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('takes over a claim left by a worker that died before marking the message', async () => {
    const id = await outbox.enqueue(sampleEmail(), { kind: 'invitation' });
    await outboxClaimModel(db()).create({ _id: `${id}:1`, messageId: id, at: clock.now() });
    const w = worker(new DevMailboxSender(db(), clock), { leaseMs: 60_000 });

    expect(await w.processDue()).toEqual({ sent: 0, retried: 0, failed: 0 }); // that claim may still be alive
    clock.advance(60_000);
    expect(await w.processDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await listMailbox(db())).toHaveLength(1);
  });
});

describe('failed messages', () => {
  it('stops at a permanent error, lists it for officers, and delivers it when retried', async () => {
    const sender = new ScriptedSender(new DevMailboxSender(db(), clock), [
      new EmailSendError('Resend 422 validation_error: bad to', false, 422),
    ]);
    const id = await outbox.enqueue(sampleEmail(), { kind: 'invitation', caseId: 'c7' });
    const w = worker(sender);

    expect(await w.processDue()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const failed = await outbox.listFailed();
    expect(failed).toEqual([
      expect.objectContaining({
        id,
        status: 'failed',
        caseId: 'c7',
        attempts: 1,
        lastError: 'Resend 422 validation_error: bad to',
        failedAt: clock.now(),
      }),
    ]);
    expect(failed[0]).not.toHaveProperty('html');
    expect(await outbox.outboxDepth()).toBe(0);
    clock.advance(24 * 60 * 60_000);
    expect(await w.processDue()).toEqual({ sent: 0, retried: 0, failed: 0 }); // failed stays failed

    await outbox.retryFailed(id);
    expect(await outbox.outboxDepth()).toBe(1);
    expect(await w.processDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await outbox.listFailed()).toEqual([]);
    expect(await listMailbox(db())).toHaveLength(1);
    expect(sender.keys).toEqual([id, id]);
  });

  it('retries only failed messages that exist', async () => {
    const id = await outbox.enqueue(sampleEmail(), { kind: 'invitation' });
    await expect(outbox.retryFailed(id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(outbox.retryFailed('0123456789abcdef01234567')).rejects.toMatchObject({ code: 'not_found' });
    await expect(outbox.retryFailed('nope')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('several workers', () => {
  it('never send the same message twice when they run at the same time', async () => {
    const mailbox = new DevMailboxSender(db(), clock);
    const ids = new Set<string>();
    for (let n = 1; n <= 12; n++) ids.add(await outbox.enqueue(sampleEmail(n), { kind: 'invitation' }));
    const pause = () => new Promise<void>((resolve) => setTimeout(resolve, Math.random() * 10));
    const senders = [0, 1, 2].map(
      () =>
        new ScriptedSender(
          mailbox,
          Array.from({ length: 12 }, () => pause),
        ),
    );

    const results = await Promise.all(senders.map((sender) => worker(sender).processDue()));

    const keys = senders.flatMap((sender) => sender.keys);
    expect(keys.sort()).toEqual([...ids].sort());
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(12);
    expect(await listMailbox(db())).toHaveLength(12);
    expect(await outboxModel(db()).countDocuments({ status: 'sent', attempts: 1 })).toBe(12);
    expect(await outboxClaimModel(db()).countDocuments()).toBe(12);
  });

  it('start() polls on its own and stop() waits for the batch in progress', async () => {
    const w = new OutboxWorker({ db: db(), sender: new DevMailboxSender(db()), pollIntervalMs: 20 });
    w.start();
    w.start();
    try {
      await new Outbox(db()).enqueue(sampleEmail(), { kind: 'notice' });
      await vi.waitFor(async () => expect(await listMailbox(db())).toHaveLength(1), { timeout: 5000 });
    } finally {
      await w.stop();
    }
    await new Outbox(db()).enqueue(sampleEmail(2), { kind: 'notice' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await listMailbox(db())).toHaveLength(1);
  });
});

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ManualClock } from '../../server/clock';
import { EmailSendError, type OutgoingEmail } from '../../server/email/email';
import { Outbox, OutboxWorker } from '../../server/email/outbox';
import { ResendSender } from '../../server/email/resend.sender';
import { useTestDatabase } from '../support/database';

const API_KEY = 're_test_4f9c2a';
const FROM = 'Landing Portal <no-reply@landing.test>';

/** What Resend's `POST /emails` accepts from us: the fields we send, nothing missing. */
const resendEmailBody = z.object({
  from: z.string().min(1),
  to: z.union([z.email(), z.array(z.email()).min(1)]),
  subject: z.string().min(1),
  html: z.string().min(1),
  text: z.string().min(1),
});

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/**
 * A stand-in for api.resend.com on loopback. It checks requests the way Resend does and answers in
 * its format; `script` holds canned answers (status + body, or 'hang') for the next requests.
 */
function resendStandIn() {
  const received: Received[] = [];
  const script: ({ status: number; body: unknown } | 'hang')[] = [];
  const idsByKey = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const answer = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const body: unknown = raw ? JSON.parse(raw) : undefined;
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const next = script.shift();
      if (next === 'hang') return;
      if (next) return answer(next.status, next.body);
      if (req.method !== 'POST' || req.url !== '/emails') return answer(404, { statusCode: 404, name: 'not_found', message: 'Not found' });
      if (req.headers.authorization !== `Bearer ${API_KEY}`)
        return answer(401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key' });
      const parsed = resendEmailBody.safeParse(body);
      if (!parsed.success) return answer(422, { statusCode: 422, name: 'validation_error', message: parsed.error.message });
      const key = req.headers['idempotency-key'];
      const id = (typeof key === 'string' && idsByKey.get(key)) || `re_${received.length}_${Date.now()}`;
      if (typeof key === 'string') idsByKey.set(key, id);
      answer(200, { id });
    });
  });
  return { server, received, script, idsByKey };
}

const standIn = resendStandIn();
let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(standIn.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  standIn.server.closeAllConnections();
  await new Promise((resolve) => standIn.server.close(resolve));
});
beforeEach(() => {
  standIn.received.length = 0;
  standIn.script.length = 0;
  standIn.idsByKey.clear();
});

const email: OutgoingEmail = {
  to: 'ana.silva@example.com',
  subject: 'Invitation: confirm your permanent residence online / Invitation : confirmez votre résidence permanente en ligne',
  text: 'Yes, I want to finish online:\nhttps://portal.example/invitations/accept?token=abc',
  html: '<p><a href="https://portal.example/invitations/accept?token=abc">Yes</a></p>',
  links: ['https://portal.example/invitations/accept?token=abc'],
};

function sender(timeoutMs?: number) {
  return new ResendSender({ apiKey: API_KEY, from: FROM, baseUrl, timeoutMs });
}

async function sendError(promise: Promise<unknown>): Promise<EmailSendError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EmailSendError);
  return err as EmailSendError;
}

describe('ResendSender', () => {
  it("sends Resend's request format and returns Resend's id", async () => {
    const { providerId } = await sender().send(email, { idempotencyKey: 'outbox-1' });

    expect(standIn.received).toHaveLength(1);
    const [request] = standIn.received;
    expect(request).toMatchObject({ method: 'POST', url: '/emails' });
    expect(request!.headers).toMatchObject({ authorization: `Bearer ${API_KEY}`, 'idempotency-key': 'outbox-1' });
    expect(request!.headers['content-type']).toMatch(/^application\/json/);
    expect(request!.body).toMatchObject({ from: FROM, to: email.to, subject: email.subject, html: email.html, text: email.text });
    expect(providerId).toBe(standIn.idsByKey.get('outbox-1'));
  });

  it.each([
    [500, 'internal_server_error'],
    [429, 'rate_limit_exceeded'],
    [429, 'daily_quota_exceeded'],
    [409, 'concurrent_idempotent_requests'],
  ])('treats %i %s as worth retrying', async (status, name) => {
    standIn.script.push({ status, body: { statusCode: status, name, message: 'try later' } });
    const err = await sendError(sender().send(email, { idempotencyKey: 'k' }));
    expect(err).toMatchObject({ retryable: true, status });
    expect(err.message).toContain(name);
  });

  it.each([
    [422, 'validation_error'],
    [403, 'invalid_api_key'],
    [409, 'invalid_idempotent_request'],
  ])('treats %i %s as permanent', async (status, name) => {
    standIn.script.push({ status, body: { statusCode: status, name, message: 'no' } });
    expect(await sendError(sender().send(email, { idempotencyKey: 'k' }))).toMatchObject({ retryable: false, status });
  });

  it('treats an answer that never comes as worth retrying', async () => {
    standIn.script.push('hang');
    expect(await sendError(sender(300).send(email, { idempotencyKey: 'k' }))).toMatchObject({ retryable: true, status: null });
  });

  it('treats a server that cannot be reached as worth retrying', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = new ResendSender({ apiKey: API_KEY, from: FROM, baseUrl: `http://127.0.0.1:${port}` });
    expect(await sendError(unreachable.send(email, { idempotencyKey: 'k' }))).toMatchObject({ retryable: true, status: null });
  });
});

describe('ResendSender behind the outbox', () => {
  const db = useTestDatabase('resend_sender');

  it('retries a 500 with the same idempotency key and then records the provider id', async () => {
    const clock = new ManualClock();
    const outbox = new Outbox(db(), clock);
    const worker = new OutboxWorker({ db: db(), sender: sender(), clock, random: () => 0.5 });
    const id = await outbox.enqueue(email, { kind: 'invitation' });
    standIn.script.push({ status: 500, body: { statusCode: 500, name: 'internal_server_error', message: 'boom' } });

    expect(await worker.processDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    clock.advance(15_000);
    expect(await worker.processDue()).toEqual({ sent: 1, retried: 0, failed: 0 });

    expect(standIn.received.map((r) => r.headers['idempotency-key'])).toEqual([id, id]);
    expect(await outbox.find(id)).toMatchObject({ status: 'sent', providerId: standIn.idsByKey.get(id), attempts: 2 });
  });
});

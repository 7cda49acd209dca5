import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Connection } from 'mongoose';
import { io as connectSocket } from 'socket.io-client';
import type { BoardPatch } from '../../src/lib/shared/board.contract';
import type { StaffCaseUpdate } from '../../src/lib/shared/socket-contract';
import { systemClock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import { connectMongoose } from '../../server/db/database';
import { createLogger } from '../../server/logger';
import { startPortal, type RunningPortal } from '../../server/server';
import { createServices } from '../../server/services';
import { connectRedis, type RedisClient } from '../../server/sockets/redis-adapter';
import { createApplicant, createUser, signIn } from '../fixtures/users';
import { ConversationClient } from '../support/conversation-client';
import { useTestDatabase } from '../support/database';
import type { TestSocket } from '../support/portal';
import { startRedisServer, type RedisServer } from '../support/redis-server';

/** Two real portals ("processes" A and B) in this test process: one database, one Redis, separate services. */
const db = useTestDatabase('multi-node', { resetEachTest: false });
let redisServer: RedisServer;
const nodes: { portal: RunningPortal; redis: RedisClient; connection: Connection }[] = [];
const sockets: TestSocket[] = [];

beforeAll(async () => {
  redisServer = await startRedisServer();
  for (const name of ['A', 'B']) {
    const connection = name === 'A' ? db() : await connectMongoose(inject('mongoUri'), db().name);
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATA_DIR: mkdtempSync(join(tmpdir(), `landing-multi-node-${name}-`)),
    });
    const infrastructure = { config, logger: createLogger(config.LOG_LEVEL, { node: name }), db: connection, clock: systemClock };
    const redis = await connectRedis(redisServer.url, infrastructure.logger);
    const portal = await startPortal({ ...infrastructure, services: createServices(infrastructure), redis }, { port: 0 });
    nodes.push({ portal, redis, connection });
  }
  await crossNodeReady();
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  for (const node of nodes) {
    await node.portal.close();
    await node.redis.close();
    if (node.connection !== db()) await node.connection.close(true);
  }
  await redisServer?.stop();
});

const [A, B] = [0, 1] as const;
const url = (node: number) => nodes[node]!.portal.url;

async function connect(node: number, cookie: string): Promise<TestSocket> {
  const socket: TestSocket = connectSocket(url(node), {
    transports: ['websocket'],
    extraHeaders: { cookie },
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Resolves with the first `event` payload matching `match`, or fails after 5 s. */
function next<T>(socket: TestSocket, event: string, match: (payload: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching ${event} within 5 s`)), 5000);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event as never, listener as never);
      resolve(payload);
    };
    socket.on(event as never, listener as never);
  });
}

/** Each node's Redis stream reader is running: a broadcast from one node reaches a socket on the other. */
async function crossNodeReady() {
  const officer = await signIn(url(A), await createUser(db(), 'officer'), systemClock);
  for (const [from, to] of [
    [A, B],
    [B, A],
  ] as const) {
    const listener = await connect(to, officer.cookieHeader);
    const heard = next(listener, 'system:notice', (n: { code: string }) => n.code === 'probe');
    const probe = setInterval(() => nodes[from]!.portal.io.to('staff').emit('system:notice', { code: 'probe', message: 'probe' }), 50);
    await heard.finally(() => clearInterval(probe));
    listener.disconnect();
  }
}

/** An applicant signed in over HTTP on `httpNode`, with a live socket on `socketNode`. */
async function applicantOn(socketNode: number, httpNode = socketNode) {
  const http = await signIn(url(httpNode), await createApplicant(db(), { givenName: 'Zoë' }), systemClock);
  const client = new ConversationClient(await connect(socketNode, http.cookieHeader));
  const { caseId } = await client.sync();
  return { http, client, caseId };
}

const agentOn = async (node: number, name: string) =>
  connect(node, (await signIn(url(node), await createUser(db(), 'agent', { displayName: name }), systemClock)).cookieHeader);

describe('several portal processes behind one Redis', () => {
  it('shows a step made by an applicant on A to a dashboard connected to B', async () => {
    const officer = await signIn(url(B), await createUser(db(), 'officer'), systemClock);
    const dashboard = await connect(B, officer.cookieHeader);
    const { client, caseId } = await applicantOn(A);
    const patch = next<BoardPatch>(dashboard, 'board:patch', (p) => p.row.caseId === caseId && p.row.step === 'identity');
    await client.must({ type: 'ACKNOWLEDGE' });
    expect(await patch).toMatchObject({ row: { caseId, step: 'identity' }, previousStep: 'welcome' });
  });

  it('lets an agent on A join an applicant on B, and they chat both ways', async () => {
    const { client, caseId } = await applicantOn(B);
    await client.must({ type: 'ACKNOWLEDGE' });
    await client.must({ type: 'REQUEST_HELP' });
    const agent = await agentOn(A, 'Amira');
    const joined = await agent.emitWithAck('agent:join', { caseId });
    expect(joined.ok).toBe(true);
    await expect.poll(() => client.view?.help).toEqual({ status: 'agentJoined', agentName: 'Amira' });

    const toApplicant = await agent.emitWithAck('agent:message', { caseId, clientEventId: 'cross-node-msg-01', text: 'Hello from node A' });
    expect(toApplicant.ok).toBe(true);
    await expect.poll(() => [...client.entries.values()].some((e) => e.message.params?.text === 'Hello from node A')).toBe(true);

    const toAgent = next<StaffCaseUpdate>(agent, 'staff:case-update', (u) =>
      u.entries.some((e) => e.message.params?.text === 'Hello from node B'),
    );
    await client.text('Hello from node B');
    expect((await toAgent).caseId).toBe(caseId);

    const typing = next<{ from: string }>(client.socket, 'chat:typing');
    agent.emit('chat:typing', { caseId, typing: true });
    expect(await typing).toMatchObject({ from: 'agent' });
  });

  it('never lets two agents on different processes take the same help request', async () => {
    const { client, caseId } = await applicantOn(A);
    await client.must({ type: 'ACKNOWLEDGE' });
    await client.must({ type: 'REQUEST_HELP' });
    const [onA, onB] = [await agentOn(A, 'Bruno'), await agentOn(B, 'Chen')];
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([onA.emitWithAck('agent:join', { caseId }), onB.emitWithAck('agent:join', { caseId })]);
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(round === 0 ? 1 : 0);
      const loser = a.ok ? b : a;
      expect(loser).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    expect(await nodes[B]!.connection.collection('help_claims').countDocuments({ caseId })).toBe(1);
  });

  it('disconnects the socket on B of the session a new sign-in on A replaces', async () => {
    const user = await createApplicant(db(), { givenName: 'Zoë' });
    const http = await signIn(url(A), user, systemClock);
    const socket = await connect(B, http.cookieHeader);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    expect((await http.post('/api/auth/login', { username: user.username, password: user.password })).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
  });

  it('takes an agent’s tab on B out of the case when they leave it on A', async () => {
    const { client, caseId } = await applicantOn(A);
    await client.must({ type: 'REQUEST_HELP' });
    const agentHttp = await signIn(url(A), await createUser(db(), 'agent', { displayName: 'Dara' }), systemClock);
    const [tabOnA, tabOnB] = [await connect(A, agentHttp.cookieHeader), await connect(B, agentHttp.cookieHeader)];
    expect((await tabOnA.emitWithAck('agent:join', { caseId })).ok).toBe(true);
    expect((await tabOnB.emitWithAck('staff:watch', { caseId, after: 0 })).ok).toBe(true);
    const watching = next<StaffCaseUpdate>(tabOnB, 'staff:case-update', (u) => u.caseId === caseId);
    await client.text('are you there?');
    await watching;
    expect((await tabOnA.emitWithAck('agent:leave', { caseId, outcome: 'resolved' })).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 300)); // the leave crosses Redis
    const afterLeave: StaffCaseUpdate[] = [];
    tabOnB.on('staff:case-update', (u) => afterLeave.push(u));
    await client.text('hello?');
    await new Promise((r) => setTimeout(r, 500));
    expect(afterLeave).toEqual([]);
  });

  it('disconnects the applicant’s socket on B when they sign out on A', async () => {
    const { http, client } = await applicantOn(B, A);
    const gone = new Promise<string>((resolve, reject) => {
      setTimeout(() => reject(new Error('the socket on B was not disconnected within 5 s')), 5000);
      client.socket.once('disconnect', (reason) => resolve(reason));
    });
    const out = await http.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect(await gone).toBe('io server disconnect');
  });
});

import { describe, expect, it } from 'vitest';
import { auditModel } from '../../server/audit/audit.model';
import { createApplicant, createUser, signIn } from '../fixtures/users';
import { ConversationClient } from '../support/conversation-client';
import { ManualClock, useTestPortal, type TestSocket } from '../support/portal';

const clock = new ManualClock(new Date());
const t = useTestPortal('agents', { clock });

async function agentSocket(name: string) {
  clock.advance(31_000);
  const http = await signIn(t.url(), await createUser(t.db(), 'agent', { displayName: name }), clock);
  return { http, socket: await t.connect({ cookie: http.cookieHeader }) };
}

const next = <T>(socket: TestSocket, event: 'chat:typing' | 'chat:read' | 'staff:case-update' | 'case:update') =>
  new Promise<T>((resolve) => socket.once(event, ((payload: T) => resolve(payload)) as never));

describe('support agents join live conversations', () => {
  it('lets exactly one of two agents take a request; chat flows both ways; no representatives; leave hands back', async () => {
    const applicant = await createApplicant(t.db(), { givenName: 'Zoë' });
    const applicantHttp = await signIn(t.url(), applicant, clock);
    const me = new ConversationClient(await t.connect({ cookie: applicantHttp.cookieHeader }));
    const { caseId } = await me.sync();
    await me.must({ type: 'ACKNOWLEDGE' });
    await me.must({ type: 'REQUEST_HELP' });
    const amira = await agentSocket('Amira');
    const bruno = await agentSocket('Bruno');

    const queue = await amira.http.request('/api/help-queue');
    expect(queue.data).toMatchObject([{ caseId, status: 'requested', agentName: null }]);

    // Both click "Join" at the same instant: exactly one wins, the other is told who has it.
    const [a, b] = await Promise.all([
      amira.socket.emitWithAck('agent:join', { caseId }),
      bruno.socket.emitWithAck('agent:join', { caseId }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const [winner, loser] = a.ok ? [amira, b] : [bruno, a];
    const winnerName = a.ok ? 'Amira' : 'Bruno';
    expect(loser).toMatchObject({ ok: false, error: { code: 'conflict', fields: { agentName: winnerName } } });
    await expect.poll(() => me.view?.help).toEqual({ status: 'agentJoined', agentName: winnerName });
    expect([...me.entries.values()].some((e) => e.message.key === 'conversation.notice.agentJoined')).toBe(true);

    // Typing and read marks, both ways.
    const agentSeesTyping = next<{ from: string; typing: boolean }>(winner.socket, 'chat:typing');
    me.socket.emit('chat:typing', { typing: true });
    expect(await agentSeesTyping).toMatchObject({ from: 'applicant', typing: true });
    const applicantSeesTyping = next<{ from: string; name: string }>(me.socket, 'chat:typing');
    winner.socket.emit('chat:typing', { caseId, typing: true });
    expect(await applicantSeesTyping).toMatchObject({ from: 'agent', name: winnerName });

    // Messages both ways, in order; the applicant's text goes to the agent, not to the assistant.
    const agentGets = next<{ entries: { author: string; message: { params?: { text?: string } } }[] }>(winner.socket, 'staff:case-update');
    await me.text('I am not sure which address to give');
    expect((await agentGets).entries.map((e) => [e.author, e.message.params?.text])).toEqual([
      ['applicant', 'I am not sure which address to give'],
    ]);
    for (const text of ['Hello! Give the address where you live now.', 'The card is mailed there.']) {
      const ack = await winner.socket.emitWithAck('agent:message', { caseId, clientEventId: `msg-${text.length}-abcdef`, text });
      expect(ack.ok).toBe(true);
    }
    await expect
      .poll(() => [...me.entries.values()].filter((e) => e.author === 'agent').map((e) => e.message.params?.text))
      .toEqual(['Hello! Give the address where you live now.', 'The card is mailed there.']);
    const readMark = next<{ from: string; seq: number }>(winner.socket, 'chat:read');
    me.socket.emit('chat:read', { seq: me.lastSeq });
    expect(await readMark).toMatchObject({ from: 'applicant', seq: me.lastSeq });

    // No representatives: the agent cannot answer, sign or upload for the applicant.
    for (const event of [
      { type: 'CONFIRM_IDENTITY', answer: 'yes' },
      { type: 'SIGN', signature: 'Zoë Okafor' },
      { type: 'PHOTO_UPLOADED', photoId: 'abcdefgh' },
    ]) {
      const ack = await winner.socket.emitWithAck('case:answer', { clientEventId: 'agent-try-000001', event } as never);
      expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect((await winner.http.request('/api/photos', { method: 'PUT', body: new Uint8Array([0xff, 0xd8, 0xff]) })).status).toBe(403);
    const note = await winner.socket.emitWithAck('agent:note', { caseId, text: 'Unsure about address; explained.' });
    expect(note.ok).toBe(true);
    expect([...me.entries.values()].some((e) => e.message.key === 'conversation.agent.note')).toBe(false);
    expect((await bruno.socket.emitWithAck('agent:message', { caseId, clientEventId: 'bruno-cuts-in-01', text: 'hi' })).ok).toBe(
      winner === bruno,
    );

    // Drop the applicant's connection for a while: nothing lost, nothing doubled.
    me.socket.disconnect();
    await winner.socket.emitWithAck('agent:message', { caseId, clientEventId: 'while-away-00001', text: 'Are you still there?' });
    await winner.socket.emitWithAck('agent:message', { caseId, clientEventId: 'while-away-00001', text: 'Are you still there?' });
    await new Promise((r) => setTimeout(r, 1500));
    me.socket.connect();
    await new Promise((r) => me.socket.once('connect', () => r(null)));
    await me.sync();
    const texts = [...me.entries.values()].filter((e) => e.author === 'agent').map((e) => e.message.params?.text);
    expect(texts.filter((x) => x === 'Are you still there?')).toHaveLength(1);
    // The same as a fresh device's full history (internal entries leave gaps in the applicant's seqs).
    const fresh = new ConversationClient(await t.connect({ cookie: applicantHttp.cookieHeader }));
    await fresh.sync();
    expect([...me.entries.keys()].sort((x, y) => x - y)).toEqual([...fresh.entries.keys()].sort((x, y) => x - y));

    // Leaving hands the conversation back: the assistant repeats the current question.
    const left = await winner.socket.emitWithAck('agent:leave', { caseId, outcome: 'resolved' });
    expect(left.ok).toBe(true);
    await expect.poll(() => me.view?.help.status).toBe('none');
    const tail = [...me.entries.values()]
      .sort((x, y) => x.seq - y.seq)
      .slice(-2)
      .map((e) => e.message.key);
    expect(tail).toEqual(['conversation.notice.agentLeft', 'conversation.identity.prompt']);
    const actions = (await auditModel(t.db()).find({ caseId }).lean()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['help.joined', 'help.note', 'help.left']));
  });
});

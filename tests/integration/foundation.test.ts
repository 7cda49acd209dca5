import { describe, expect, it } from 'vitest';
import { Schema } from 'mongoose';
import { createUser, signIn } from '../fixtures/users';
import { useTestPortal } from '../support/portal';

const t = useTestPortal('foundation');

describe('one process, one port', () => {
  it('answers /api/health with the database up', async () => {
    const res = await fetch(t.url('/api/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
    expect(res.headers.get('x-request-id')).toMatch(/\S+/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await fetch(t.url('/api/nope'));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'not_found' });
  });

  it('refuses unsafe requests from a foreign origin', async () => {
    const res = await fetch(t.url('/api/health'), { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'forbidden' });
  });

  it('serves Socket.IO on the same port, with acks and payload validation', async () => {
    const user = await createUser(t.db(), 'applicant');
    const http = await signIn(t.url(), user, t.clock);
    const socket = await t.connect({ cookie: http.cookieHeader });
    const ok = await socket.emitWithAck('system:ping', { clientTime: 42 });
    expect(ok).toMatchObject({ ok: true, data: { clientTime: 42 } });
    const bad = await socket.emitWithAck('system:ping', { clientTime: 'soon' } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const extra = await socket.emitWithAck('system:ping', { clientTime: 1, admin: true } as never);
    expect(extra).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('writes and reads through Mongoose on the real database', async () => {
    const Note = t.db().model('Note', new Schema({ text: String }));
    await Note.create({ text: 'hello' });
    expect(await Note.countDocuments()).toBe(1);
    expect((await Note.findOne().lean())?.text).toBe('hello');
  });
});

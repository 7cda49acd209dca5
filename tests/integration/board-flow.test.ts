import { describe, expect, it } from 'vitest';
import { StepFlowCounter } from '../../server/board/step-flow';
import { stepFlowModel } from '../../server/board/step-flow.model';
import { createLogger } from '../../server/logger';
import type { StepFlow } from '../../src/lib/shared/step-flow';
import { createApplicant, createUser, signIn } from '../fixtures/users';
import { answersBeforePhoto } from '../resilience/support/landing-script';
import { ConversationClient } from '../support/conversation-client';
import { ManualClock, useTestPortal } from '../support/portal';

// 04:50 UTC on December 5 is 23:50 on December 4 in Toronto: the day edge is 10 minutes away.
const clock = new ManualClock(new Date('2026-12-05T04:50:00Z'));
const t = useTestPortal('board-flow', { clock, resetEachTest: false });
const logger = createLogger('silent');

async function officer() {
  clock.advance(31_000);
  return signIn(t.url(), await createUser(t.db(), 'officer'), clock);
}
const sum = (rows: { entered: number; left: number }[], side: 'entered' | 'left') => rows.reduce((n, r) => n + r[side], 0);

describe('GET /api/board/flow: cases entering and leaving each step', () => {
  it('counts the commit path’s step changes in the officer’s days and hours, without a write per answer', async () => {
    const http = await officer();
    const flow = async (query: string): Promise<StepFlow> => {
      const res = await http.request(`/api/board/flow?${query}`);
      expect(res.status).toBe(200);
      return res.data as StepFlow;
    };
    const before = await flow('step=identity&tz=America/Toronto');
    expect(before.today).toBe('2026-12-04');

    const applicant = await createApplicant(t.db());
    const me = new ConversationClient(await t.connect({ cookie: (await signIn(t.url(), applicant, clock)).cookieHeader }));
    await me.sync();
    await me.must(answersBeforePhoto[0]!); // welcome → identity at 23:50:31 Toronto
    clock.set(new Date('2026-12-05T05:10:00Z')); // 00:10 on December 5 in Toronto
    await me.must(answersBeforePhoto[1]!); // identity → presence
    expect(await stepFlowModel(t.db()).countDocuments()).toBe(0); // nothing written yet: write-behind

    const toronto = await flow('step=identity&tz=America/Toronto');
    expect(toronto.today).toBe('2026-12-05');
    expect(toronto.days.at(-2)).toEqual({ date: '2026-12-04', entered: before.days.at(-1)!.entered + 1, left: before.days.at(-1)!.left });
    expect(toronto.days.at(-1)).toEqual({ date: '2026-12-05', entered: 0, left: 1 });
    expect(toronto.hours[0]).toEqual({ hour: 0, entered: 0, left: 1 });
    // In UTC both moves are on December 5, at 04:xx and 05:xx.
    const utc = await flow('step=identity&tz=UTC');
    expect(utc.hours[4]).toEqual({ hour: 4, entered: 1, left: 0 });
    expect(utc.hours[5]).toEqual({ hour: 5, entered: 0, left: 1 });
    // All steps: the case entered welcome (created), identity and presence, and left welcome and identity.
    const all = await flow('tz=UTC');
    expect(all.step).toBeNull();
    expect(sum(all.hours, 'entered')).toBeGreaterThanOrEqual(3);
    expect(sum(all.hours, 'left')).toBeGreaterThanOrEqual(2);

    // The write-behind adds this process's counts to the database, keyed by half hour.
    await t.services().stepFlow.flush();
    const docs = await stepFlowModel(t.db()).find().lean();
    expect(docs.map((d) => d._id.split('/')[0])).toEqual(expect.arrayContaining(['2026-12-05T04:30Z', '2026-12-05T05:00Z']));
    // A process started now loads the same chart from those documents.
    const restarted = new StepFlowCounter(t.db(), clock, { shared: false, logger });
    expect(await restarted.report({ step: 'identity', tz: 'America/Toronto' })).toEqual(toronto);
  });

  it('sums what several processes count, each written with $inc', async () => {
    const a = new StepFlowCounter(t.db(), clock, { shared: true, logger, refreshMs: 0 });
    const b = new StepFlowCounter(t.db(), clock, { shared: true, logger, refreshMs: 0 });
    const start = await a.report({ step: 'mailing', tz: 'UTC' });
    a.moved('residential', 'mailing', clock.now());
    b.moved('residential', 'mailing', clock.now());
    b.moved('residential', 'mailing', clock.now());
    await Promise.all([a.flush(), b.flush()]);
    for (const counter of [a, b, new StepFlowCounter(t.db(), clock, { shared: false, logger })]) {
      const now = await counter.report({ step: 'mailing', tz: 'UTC' });
      expect(now.days.at(-1)!.entered - start.days.at(-1)!.entered).toBe(3);
    }
    // Not yet written counts show in the process that counted them, and are written once.
    a.moved('mailing', 'photo', clock.now());
    expect((await a.report({ step: 'mailing', tz: 'UTC' })).days.at(-1)!.left - start.days.at(-1)!.left).toBe(1);
    await a.flush();
    await a.flush();
    expect((await b.report({ step: 'mailing', tz: 'UTC' })).days.at(-1)!.left - start.days.at(-1)!.left).toBe(1);
  });

  it('refuses a made-up time zone or step with a clear error, and anyone but officers and admins', async () => {
    const http = await officer();
    for (const query of ['tz=Mars/Olympus', 'step=lunch', 'tz=UTC&extra=1']) {
      const res = await http.request(`/api/board/flow?${query}`);
      expect(res.status).toBe(422);
      expect(res.data.code).toBe('validation_failed');
    }
    clock.advance(31_000);
    const agent = await signIn(t.url(), await createUser(t.db(), 'agent'), clock);
    expect((await agent.request('/api/board/flow')).status).toBe(403);
    clock.advance(31_000);
    const applicant = await signIn(t.url(), await createApplicant(t.db()), clock);
    expect((await applicant.request('/api/board/flow')).status).toBe(403);
  });
});

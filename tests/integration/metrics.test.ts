import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { createServices } from '../../server/services';
import { createApplicant, signIn } from '../fixtures/users';
import { ConversationClient } from '../support/conversation-client';
import { useTestPortal } from '../support/portal';

const t = useTestPortal('metrics');

/** The value of one sample in a Prometheus text exposition (0 when absent). */
function sample(text: string, name: string, labels = ''): number {
  const escaped = `${name}${labels ? `{${labels}}` : ''}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^${escaped} (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

const scrape = async () => {
  const res = await fetch(t.url('/metrics'));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
};

/** The real app object with its own configuration, asked as if from `remoteAddress`. */
function appWith(env: Record<string, string>) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/tmp/landing-metrics-test', ...env });
  const infrastructure = { config, logger: createLogger('silent'), db: t.db(), clock: t.clock };
  const app = createApp({ ...infrastructure, services: createServices(infrastructure) });
  return (remoteAddress: string, headers: Record<string, string> = {}) =>
    app.request('/metrics', { headers }, { incoming: { socket: { remoteAddress } }, outgoing: {} } as never);
}

describe('GET /metrics', () => {
  it('counts sockets, steps, acks, fan-out and help requests as an applicant moves on', async () => {
    const before = await scrape();
    expect(before).toMatch(/^nodejs_eventloop_lag_p99_seconds \S+$/m);
    expect(before).toMatch(/^landing_email_outbox_depth \d+$/m);
    expect(sample(before, 'landing_sockets_connected', 'role="applicant"')).toBe(0);
    expect(sample(before, 'landing_help_queue_length')).toBe(0);

    const user = await createApplicant(t.db());
    const http = await signIn(t.url(), user, t.clock);
    const me = new ConversationClient(await t.connect({ cookie: http.cookieHeader }));
    await me.sync();
    await me.must({ type: 'ACKNOWLEDGE' });
    await me.must({ type: 'CONFIRM_IDENTITY', answer: 'yes' });
    await me.must({ type: 'ANSWER_IN_CANADA', answer: 'yes' });
    await me.must({ type: 'REQUEST_HELP' });

    const after = await scrape();
    expect(sample(after, 'landing_sockets_connected', 'role="applicant"')).toBe(1);
    expect(sample(after, 'landing_steps_completed_total', 'step="welcome"')).toBe(1);
    expect(sample(after, 'landing_steps_completed_total', 'step="identity"')).toBe(1);
    expect(sample(after, 'landing_socket_ack_seconds_count', 'event="case:answer"')).toBe(4);
    expect(sample(after, 'landing_socket_ack_seconds_count', 'event="case:sync"')).toBe(1);
    expect(sample(after, 'landing_fanout_seconds_count')).toBeGreaterThanOrEqual(4);
    expect(sample(after, 'landing_db_ping_seconds_count')).toBe(sample(before, 'landing_db_ping_seconds_count') + 1);
    // Every database command is timed by command and collection: a step inserts its commit.
    const commitInserts = (text: string) =>
      sample(text, 'landing_db_command_seconds_count', 'command="insert",collection="case_commits",filter=""');
    expect(commitInserts(after) - commitInserts(before)).toBeGreaterThanOrEqual(4);
    expect(sample(after, 'landing_db_command_seconds_count', 'command="find",collection="cases",filter="_id"')).toBeGreaterThan(
      sample(before, 'landing_db_command_seconds_count', 'command="find",collection="cases",filter="_id"'),
    );
    expect(sample(after, 'landing_help_queue_length')).toBe(1);
    expect(sample(after, 'landing_help_queue_oldest_wait_seconds')).toBeGreaterThanOrEqual(0);
    me.socket.disconnect();
  });

  it('answers loopback only when no token is configured', async () => {
    const ask = appWith({});
    expect((await ask('127.0.0.1')).status).toBe(200);
    expect((await ask('::ffff:127.0.0.1')).status).toBe(200);
    const remote = await ask('203.0.113.7');
    expect(remote.status).toBe(403);
    expect(await remote.json()).toMatchObject({ code: 'forbidden' });
  });

  it('requires the bearer token, from anywhere, when METRICS_TOKEN is set', async () => {
    const token = 'a-long-metrics-token-0123456789';
    const ask = appWith({ METRICS_TOKEN: token });
    expect((await ask('203.0.113.7')).status).toBe(401);
    expect((await ask('127.0.0.1')).status).toBe(401);
    expect((await ask('203.0.113.7', { authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(401);
    expect((await ask('203.0.113.7', { authorization: `Bearer ${token}x` })).status).toBe(401);
    const ok = await ask('203.0.113.7', { authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/^landing_sockets_connected\{role="officer"\} 0$/m);
  });
});

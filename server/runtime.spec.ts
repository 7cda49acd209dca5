import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pinnedNodeVersion } from '../tests/support/pinned-node';
import { createLogger } from './logger';
import { logRuntime, runtimeStatus } from './runtime';

function capturedLogger() {
  const lines: { level: number; msg: string; node: string; endOfLife: string | null }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: createLogger('info', {}, sink), lines };
}

describe('runtimeStatus', () => {
  it('dates each release line from the Node.js release schedule', () => {
    expect(runtimeStatus('v20.20.2', new Date('2026-04-29T23:59:59Z'))).toEqual({
      version: 'v20.20.2',
      endOfLife: '2026-04-30',
      pastEndOfLife: false,
    });
    expect(runtimeStatus('v20.20.2', new Date('2026-04-30T00:00:00Z')).pastEndOfLife).toBe(true);
    expect(runtimeStatus('v22.12.0', new Date('2026-12-05T00:00:00Z'))).toMatchObject({ endOfLife: '2027-04-30', pastEndOfLife: false });
    expect(runtimeStatus('v24.22.3', new Date('2028-05-01T00:00:00Z'))).toMatchObject({ endOfLife: '2028-04-30', pastEndOfLife: true });
    expect(runtimeStatus('v19.9.0', new Date('2026-12-05T00:00:00Z'))).toMatchObject({ endOfLife: null, pastEndOfLife: false });
  });
});

describe('logRuntime', () => {
  it('logs the version and warns when its line is past its end of life', async () => {
    const { logger, lines } = capturedLogger();
    logRuntime(logger, new Date('2026-12-05T10:00:00Z'), 'v20.20.2');
    logRuntime(logger, new Date('2026-12-05T10:00:00Z'), 'v24.22.3');
    logRuntime(logger, new Date('2026-12-05T10:00:00Z'), 'v19.9.0');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((line) => [line.level, line.node, line.msg.split(':')[0]])).toEqual([
      [30, 'v20.20.2', 'node runtime'],
      [40, 'v20.20.2', 'this Node.js release line is past its end of life and gets no security fixes'],
      [30, 'v24.22.3', 'node runtime'],
      [30, 'v19.9.0', 'node runtime'],
      [40, 'v19.9.0', 'unknown Node.js release line'],
    ]);
  });
});

describe('the Node.js that runs the tests', () => {
  it('is the version package.json pins (npm test puts node_modules/.bin/node first on the PATH)', () => {
    const pinned = pinnedNodeVersion();
    expect(pinned, `no node-${process.platform}-${process.arch} in optionalDependencies`).toBeDefined();
    expect(process.version).toBe(pinned);
  });
});

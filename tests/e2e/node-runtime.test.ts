import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageJson, pinnedNodeVersion } from '../support/pinned-node';

interface LogLine {
  level: number;
  msg: string;
  node?: string;
}

/**
 * `npm run serve` as a user types it: a PATH without `node_modules/.bin` (npm must put it first
 * itself) and whatever `npm` the machine has (here Debian's, on Node 20). Resolves with its log once
 * it is listening.
 */
function npmRunServe(dataDir: string) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'MONGODB_URI'));
  env.PATH = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !dir.includes('node_modules'))
    .join(delimiter);
  const child = spawn('npm', ['run', 'serve'], {
    env: { ...env, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const started = new Promise<{ url: string; log: LogLine[] }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run serve did not start in 60 s:\n${out}`)), 60_000);
    child.stdout.on('data', () => {
      const match = /Landing Portal is running at (http:\/\/\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      const log = out.split('\n').flatMap((line) => (line.startsWith('{') ? [JSON.parse(line) as LogLine] : []));
      resolve({ url: match[1]!.replace('localhost', '127.0.0.1'), log });
    });
    void exited.then(() => reject(new Error(`npm run serve exited before starting:\n${out}`)));
  });
  return {
    started,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
}

describe('the Node.js the portal runs on', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'landing-runtime-'));
  const serve = npmRunServe(dataDir);
  afterAll(async () => {
    await serve.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is the pinned version under `npm run serve`, logged at start, with no end-of-life warning', async () => {
    const { url, log } = await serve.started;
    const runtime = log.find((line) => line.msg === 'node runtime');
    expect(runtime?.node).toBe(pinnedNodeVersion());
    expect(log.filter((line) => line.level >= 40 && /Node\.js/.test(line.msg))).toEqual([]);
    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('is the same under `npm start`, which builds and then runs the serve command', () => {
    expect(packageJson.scripts.start).toBe(`vite build --logLevel warn && ${packageJson.scripts.serve}`);
  });
});

import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { HttpSession } from '../support/http-session';

const DEMO_PASSWORD = 'demo passphrase for compression tests';

let app: AppProcess;
let officer: HttpSession;
beforeAll(async () => {
  app = await startAppProcess({ DEMO_PASSWORD });
  officer = new HttpSession(app.url);
  expect((await officer.post('/api/auth/login', { username: 'officer', password: DEMO_PASSWORD })).status).toBe(200);
  expect((await officer.post('/api/auth/totp/skip')).status).toBe(200);
});
afterAll(async () => {
  await app?.stop();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they crossed the wire. */
  wire: Buffer;
  /** The same bytes decoded by their Content-Encoding. */
  text: string;
}

/** GET with node:http, which (unlike fetch) hands back the body exactly as it was sent. */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${app.url}${path}`, { headers: { 'accept-encoding': 'br, gzip', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const wire = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const body = encoding === 'br' ? brotliDecompressSync(wire) : encoding === 'gzip' ? gunzipSync(wire) : wire;
        resolve({ status: res.statusCode!, headers: res.headers, wire, text: body.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

function expectCompressed(answer: RawAnswer) {
  expect(answer.status).toBe(200);
  expect(answer.headers['content-encoding']).toBe('br');
  expect(String(answer.headers.vary)).toMatch(/accept-encoding/i);
  expect(answer.wire.length).toBeLessThan(Buffer.byteLength(answer.text));
}

describe('compression and caching', () => {
  it('serves a hashed script precompressed, cached for a year, and the same bytes uncompressed to a client that asks', async () => {
    const page = await rawGet('/signin');
    const script = /\/_app\/immutable\/entry\/app\.[^"']+\.js/.exec(page.text)?.[0];
    expect(script).toBeTruthy();
    const compressed = await rawGet(script!);
    expectCompressed(compressed);
    expect(compressed.headers['cache-control']).toBe('public,max-age=31536000,immutable');
    const gzip = await rawGet(script!, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await rawGet(script!, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(compressed.text).toBe(plain.text);
    expect(gzip.text).toBe(plain.text);
  });

  it('compresses a page on the fly and never lets it be cached', async () => {
    const page = await rawGet('/signin');
    expectCompressed(page);
    expect(page.text).toContain('<html');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('compresses a JSON answer and the CSV export on the fly', async () => {
    const openapi = await rawGet('/api/openapi.json');
    expectCompressed(openapi);
    expect(JSON.parse(openapi.text)).toHaveProperty('openapi');

    const csv = await rawGet('/api/board/export.csv', { cookie: officer.cookieHeader });
    expectCompressed(csv);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toMatch(/^caseId,personName,/);
    expect(csv.text).toContain('Okafor');
  });

  it('leaves small answers and Socket.IO long-polling alone', async () => {
    const health = await rawGet('/api/health');
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.text)).toEqual({ status: 'ok', db: 'ok' });
    const polling = await rawGet('/socket.io/?EIO=4&transport=polling', { origin: app.url });
    expect(polling.status).toBe(200);
    expect(polling.headers['content-encoding']).toBeUndefined();
    expect(polling.text).toMatch(/^0\{"sid":/);
  });
});

import { Agent, request } from 'node:http';
import { nested, toJsonText, type HostilePayload } from './hostile-values';
import type { SeededRandom } from './seeded-random';

/** One raw HTTP request, exactly as sent: the path is not normalised, the body is bytes. */
export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** The loopback address to send from (127.0.0.2, ...), to look like another client. */
  localAddress?: string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/** Sends a request with node:http so that odd paths and invalid bytes reach the server untouched. */
export function sendRaw(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        localAddress: req.localAddress,
        headers: { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) },
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}

/** A JSON payload as a body; the server must refuse it whatever it holds. */
export const jsonBody = (payload: HostilePayload) => Buffer.from(toJsonText(payload.value));

/** Bodies no JSON encoder would produce: broken bytes, broken JSON, deep nesting, wrong content types. */
export function hostileRawBodies(rng: SeededRandom): { kind: string; contentType?: string; body: Buffer }[] {
  const json = 'application/json';
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  return [
    { kind: 'invalid-utf8', contentType: json, body: Buffer.from([0xff, 0xfe, 0xfd, 0x7b, 0x7d]) },
    {
      kind: 'invalid-utf8-in-string',
      contentType: json,
      body: Buffer.concat([utf8('{"username":"'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), utf8('","password":"x"}')]),
    },
    {
      kind: 'overlong-utf8',
      contentType: json,
      body: Buffer.concat([utf8('{"a":"'), Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf]), utf8('"}')]),
    },
    { kind: 'utf8-surrogate', contentType: json, body: Buffer.concat([utf8('{"a":"'), Buffer.from([0xed, 0xa0, 0x80]), utf8('"}')]) },
    { kind: 'truncated-utf8', contentType: json, body: Buffer.concat([utf8('{"a":"'), Buffer.from([0xe2, 0x82])]) },
    { kind: 'nested-10000-text', contentType: json, body: utf8(nested(10_000).text) },
    { kind: 'nested-objects-10000-text', contentType: json, body: utf8(nested(10_000, 'object').text) },
    { kind: 'nested-60000-text', contentType: json, body: utf8(nested(60_000).text) },
    { kind: 'truncated-json', contentType: json, body: utf8('{"username": "a", "pass') },
    { kind: 'trailing-garbage', contentType: json, body: utf8('{}garbage') },
    { kind: 'duplicate-keys', contentType: json, body: utf8('{"username":"a","username":{"$gt":""},"__proto__":{"polluted":"yes"}}') },
    { kind: 'constructor-prototype', contentType: json, body: utf8('{"constructor":{"prototype":{"polluted":"yes"}}}') },
    { kind: 'empty', contentType: json, body: Buffer.alloc(0) },
    { kind: 'json-null', contentType: json, body: utf8('null') },
    { kind: 'bom-empty-object', contentType: json, body: utf8('\ufeff{"__proto__":1}') },
    { kind: '1mb-garbage', contentType: json, body: Buffer.from(Array.from({ length: 1024 * 1024 }, () => rng.int(0, 255))) },
    { kind: 'text-plain', contentType: 'text/plain', body: utf8('{"username":"a","password":"b"}') },
    {
      kind: 'form-urlencoded',
      contentType: 'application/x-www-form-urlencoded',
      body: utf8('username=a&password=b&__proto__[polluted]=yes'),
    },
    {
      kind: 'multipart',
      contentType: 'multipart/form-data; boundary=xyz',
      body: utf8('--xyz\r\nContent-Disposition: form-data; name="username"\r\n\r\na\r\n--xyz--\r\n'),
    },
    { kind: 'utf16-charset', contentType: 'application/json; charset=utf-16', body: Buffer.from('{"a":1}', 'utf16le') },
    { kind: 'no-content-type', body: utf8('{"a":1}') },
    {
      kind: 'xml',
      contentType: 'application/xml',
      body: utf8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'),
    },
    { kind: 'huge-content-type', contentType: `application/json; ${'x'.repeat(8_000)}`, body: utf8('{}') },
  ];
}

/** Query strings: prototype-named keys, repeated keys, bad escapes, numbers out of range, floods. */
export function hostileQueries(rng: SeededRandom): string[] {
  return [
    '?__proto__=1',
    '?__proto__[polluted]=yes',
    '?constructor=1&prototype=2',
    '?constructor[prototype][polluted]=yes',
    `?unknown=${rng.string(8)}`,
    '?page=-1&pageSize=0',
    '?page=1e400',
    '?pageSize=99999999',
    `?q=${'x'.repeat(10_000)}`,
    '?sort=__proto__&dir=sideways',
    '?step=%ff&flag=%00',
    '?%ff%fe=1',
    '?search=a&search=b',
    '?q[$gt]=',
    `?${Array.from({ length: 1_000 }, (_, i) => `p${i}=${i}`).join('&')}`,
    '?limit=NaN&to=%E2%80%AE',
  ];
}

/** Path segments where a route takes an id: empty, huge, traversal, bad escapes, prototype names. */
export function hostileSegments(rng: SeededRandom): string[] {
  return [
    'x'.repeat(10_000),
    '%00',
    '..%2F..%2F..%2Fetc%2Fpasswd',
    '__proto__',
    'constructor',
    '%ff%fe',
    '%E2%80%AE',
    "'%20OR%201=1--",
    '%2e%2e',
    `case-${'0'.repeat(36)}%0d%0aSet-Cookie:%20x=1`,
    rng.string(43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'),
    '%7B%22%24gt%22%3A%22%22%7D',
  ];
}

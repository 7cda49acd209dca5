import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Cloudinary's API signature, written from its documentation rather than from the SDK:
 * every parameter except `file`, `cloud_name`, `resource_type`, `api_key` (and `signature`),
 * sorted by name, joined as `name=value` with `&`, then the API secret appended, SHA-1 in hex.
 * https://cloudinary.com/documentation/authentication_signatures
 */
export function cloudinarySignature(params: Record<string, string>, apiSecret: string): string {
  const unsigned = new Set(['file', 'cloud_name', 'resource_type', 'api_key', 'signature']);
  const toSign = Object.entries(params)
    .filter(([name, value]) => !unsigned.has(name) && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return createHash('sha1')
    .update(toSign + apiSecret)
    .digest('hex');
}

export interface RecordedRequest {
  method: string;
  path: string;
  fields: Record<string, string>;
  file?: Buffer;
}

export interface CloudinaryStandIn {
  /** The API base to give the adapter, e.g. `http://127.0.0.1:41234`. */
  url: string;
  requests: RecordedRequest[];
  /** Assets by `<type>/<public_id>`. */
  assets: Map<string, Buffer>;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readFields(req: IncomingMessage): Promise<{ fields: Record<string, string>; file?: Buffer }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
  const fields: Record<string, string> = {};
  let file: Buffer | undefined;
  for (const [name, value] of form) {
    if (typeof value === 'string') fields[name] = value;
    else if (name === 'file') file = Buffer.from(await value.arrayBuffer());
  }
  return { fields, file };
}

/**
 * A loopback stand-in for the parts of Cloudinary's Upload API the photo store uses: signed
 * `upload` and `destroy` (multipart POST) and the signed `download` of private assets. It checks
 * the cloud name, API key, timestamp freshness (1 hour) and signature, and answers like Cloudinary.
 */
export async function startCloudinaryStandIn(cloud: string, apiKey: string, apiSecret: string): Promise<CloudinaryStandIn> {
  const requests: RecordedRequest[] = [];
  const assets = new Map<string, Buffer>();

  const refuse = (fields: Record<string, string>): string | null => {
    if (fields.api_key !== apiKey) return `Invalid api_key ${fields.api_key ?? ''}`;
    if (Math.abs(Date.now() / 1000 - Number(fields.timestamp)) > 3600) return 'Stale request - reported time is too old';
    const expected = cloudinarySignature(fields, apiSecret);
    return fields.signature === expected ? null : `Invalid Signature ${fields.signature ?? ''}.`;
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const match = /^\/v1_1\/([^/]+)\/image\/(upload|destroy|download)$/.exec(url.pathname);
    if (!match || match[1] !== cloud) return send(res, 404, { error: { message: 'Invalid cloud_name or path' } });
    const action = match[2]!;
    const handle = async () => {
      const { fields, file } =
        req.method === 'GET' ? { fields: Object.fromEntries(url.searchParams), file: undefined } : await readFields(req);
      requests.push({ method: req.method ?? '', path: url.pathname, fields, file });
      const refusal = refuse(fields);
      if (refusal) return send(res, 401, { error: { message: refusal } });
      const id = `${fields.type ?? 'upload'}/${fields.public_id ?? ''}`;
      if (action === 'upload') {
        if (!file || file.length === 0) return send(res, 400, { error: { message: 'Missing required parameter - file' } });
        if (assets.has(id) && fields.overwrite !== '1') return send(res, 200, { public_id: fields.public_id, existing: true });
        assets.set(id, file);
        const version = Math.floor(Date.now() / 1000);
        return send(res, 200, {
          public_id: fields.public_id,
          version,
          signature: createHash('sha1').update(`public_id=${fields.public_id}&version=${version}${apiSecret}`).digest('hex'),
          format: 'jpg',
          resource_type: 'image',
          type: fields.type ?? 'upload',
          bytes: file.length,
          created_at: new Date().toISOString(),
          secure_url: `https://res.cloudinary.com/${cloud}/image/${fields.type ?? 'upload'}/s--sig--/v${version}/${fields.public_id}.jpg`,
        });
      }
      if (action === 'destroy') return send(res, 200, { result: assets.delete(id) ? 'ok' : 'not found' });
      if (Number(fields.expires_at) < Date.now() / 1000) return send(res, 401, { error: { message: 'URL expired' } });
      const asset = assets.get(id);
      if (!asset) return send(res, 404, { error: { message: 'Resource not found' } });
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end(asset);
    };
    handle().catch((error: unknown) => send(res, 500, { error: { message: String(error) } }));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    assets,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

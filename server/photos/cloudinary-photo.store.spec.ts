import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudinarySignature, startCloudinaryStandIn, type CloudinaryStandIn } from '../../tests/support/cloudinary-stand-in';
import { makePhoto } from '../../tests/fixtures/photos';
import { CloudinaryPhotoStore } from './cloudinary-photo.store';
import { LocalPhotoStore } from './local-photo.store';
import { createPhotoStore } from './photo.store';

const CLOUD = 'landing-test';
const KEY = '614335564976464';
const SECRET = 'a676b67565c6767a6767d6767f676fe1';

describe('CloudinaryPhotoStore against a loopback stand-in', () => {
  let standIn: CloudinaryStandIn;
  let store: CloudinaryPhotoStore;
  let photo: Buffer;

  beforeAll(async () => {
    standIn = await startCloudinaryStandIn(CLOUD, KEY, SECRET);
    store = CloudinaryPhotoStore.fromUrl(`cloudinary://${KEY}:${SECRET}@${CLOUD}`, { apiBase: standIn.url });
    photo = await makePhoto({ width: 715, height: 1001 });
  });
  afterAll(() => standIn.close());

  it('signs the stand-in the way Cloudinary documents it (their published example)', () => {
    expect(cloudinarySignature({ public_id: 'sample_image', timestamp: '1315060510' }, 'abcd')).toBe(
      'b4ad47fb4e25c7bf5f92a20089f9db59bc302313',
    );
  });

  it('uploads with a signed multipart request to /v1_1/<cloud>/image/upload, as an authenticated asset', async () => {
    const stored = await store.put('cases/case1/photo-a', photo, 'image/jpeg');
    expect(stored).toEqual({ key: 'cases/case1/photo-a', size: photo.length, contentType: 'image/jpeg' });

    const upload = standIn.requests.find((r) => r.path === `/v1_1/${CLOUD}/image/upload` && r.fields.public_id === 'cases/case1/photo-a');
    expect(upload?.method).toBe('POST');
    expect(upload?.fields).toMatchObject({ api_key: KEY, type: 'authenticated', overwrite: '1' });
    expect(upload?.fields.timestamp).toMatch(/^\d+$/);
    expect(upload?.fields.signature).toBe(cloudinarySignature(upload!.fields, SECRET));
    expect(upload?.file?.equals(photo)).toBe(true);
    expect(standIn.assets.has('authenticated/cases/case1/photo-a')).toBe(true);
    expect(standIn.assets.has('upload/cases/case1/photo-a')).toBe(false);
  });

  it('reads the photo back through a signed, expiring download URL', async () => {
    await store.put('cases/case1/photo-b', photo, 'image/jpeg');
    const bytes = await store.get('cases/case1/photo-b');
    expect(bytes?.equals(photo)).toBe(true);

    const download = standIn.requests.findLast((r) => r.path.endsWith('/image/download'));
    expect(download?.method).toBe('GET');
    expect(download?.fields).toMatchObject({ public_id: 'cases/case1/photo-b', type: 'authenticated', api_key: KEY });
    expect(Number(download?.fields.expires_at)).toBeGreaterThan(Date.now() / 1000);
    expect(download?.fields.signature).toBe(cloudinarySignature(download!.fields, SECRET));
  });

  it('answers null for a missing photo, and deletes idempotently', async () => {
    expect(await store.get('cases/nobody/photo')).toBeNull();
    await store.put('cases/case1/photo-c', photo, 'image/jpeg');
    await store.delete('cases/case1/photo-c');
    expect(await store.get('cases/case1/photo-c')).toBeNull();
    await expect(store.delete('cases/case1/photo-c')).resolves.toBeUndefined();
    const destroy = standIn.requests.findLast((r) => r.path.endsWith('/image/destroy'));
    expect(destroy?.fields.signature).toBe(cloudinarySignature(destroy!.fields, SECRET));
  });

  it('is refused by the stand-in when the signature is wrong, and stores nothing', async () => {
    const forger = new CloudinaryPhotoStore({ cloudName: CLOUD, apiKey: KEY, apiSecret: 'not-the-secret', apiBase: standIn.url });
    await expect(forger.put('cases/case1/forged', photo, 'image/jpeg')).rejects.toThrow(/Invalid Signature/);
    expect(standIn.assets.has('authenticated/cases/case1/forged')).toBe(false);
    await expect(forger.get('cases/case1/photo-b')).rejects.toThrow(/HTTP 401/);

    const tampered = { ...standIn.requests[0]!.fields, public_id: 'cases/other/photo' };
    const form = new FormData();
    for (const [name, value] of Object.entries(tampered)) form.set(name, value);
    form.set('file', new Blob([new Uint8Array(photo)]), 'file');
    const response = await fetch(`${standIn.url}/v1_1/${CLOUD}/image/upload`, { method: 'POST', body: form });
    expect(response.status).toBe(401);
  });

  it('refuses unsafe keys before any request', async () => {
    const before = standIn.requests.length;
    await expect(store.put('../escape', photo, 'image/jpeg')).rejects.toMatchObject({ code: 'bad_request' });
    await expect(store.get('a/../../b')).rejects.toMatchObject({ code: 'bad_request' });
    expect(standIn.requests.length).toBe(before);
  });

  it('only talks plain http to loopback', () => {
    expect(() => new CloudinaryPhotoStore({ cloudName: CLOUD, apiKey: KEY, apiSecret: SECRET, apiBase: 'http://api.example.com' })).toThrow(
      /https/,
    );
    expect(() => CloudinaryPhotoStore.fromUrl('cloudinary://key:@cloud')).toThrow();
  });
});

describe('createPhotoStore', () => {
  it('uses Cloudinary when CLOUDINARY_URL is set, the data directory otherwise', async () => {
    expect(createPhotoStore({ CLOUDINARY_URL: 'cloudinary://k:s@cloud', dataPath: '/srv/data' })).toBeInstanceOf(CloudinaryPhotoStore);
    const dataPath = await mkdtemp(join(tmpdir(), 'landing-data-'));
    const local = createPhotoStore({ CLOUDINARY_URL: undefined, dataPath });
    expect(local).toBeInstanceOf(LocalPhotoStore);
    await local.put('cases/c1/p1', Buffer.from('jpeg bytes'), 'image/jpeg');
    expect(await readFile(join(dataPath, 'photos', 'cases', 'c1', 'p1'), 'utf8')).toBe('jpeg bytes');
    await rm(dataPath, { recursive: true });
  });
});

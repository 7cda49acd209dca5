import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalPhotoStore } from './local-photo.store';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('LocalPhotoStore', () => {
  let sandbox: string;
  let root: string;
  let store: LocalPhotoStore;

  beforeEach(async () => {
    sandbox = await mkdtemp(join(tmpdir(), 'photo-store-'));
    root = join(sandbox, 'photos');
    store = new LocalPhotoStore(root);
  });
  afterEach(() => rm(sandbox, { recursive: true, force: true }));

  it('stores, replaces, reads and deletes a photo', async () => {
    const stored = await store.put('cases/c1/first', Buffer.from('one'), 'image/jpeg');
    expect(stored).toEqual({ key: 'cases/c1/first', size: 3, contentType: 'image/jpeg' });
    expect((await store.get('cases/c1/first'))?.toString()).toBe('one');
    await store.put('cases/c1/first', Buffer.from('two!'), 'image/jpeg');
    expect((await store.get('cases/c1/first'))?.toString()).toBe('two!');
    expect(await filesUnder(root)).toEqual(['cases/c1/first']);
    await store.delete('cases/c1/first');
    expect(await store.get('cases/c1/first')).toBeNull();
    await expect(store.delete('cases/c1/first')).resolves.toBeUndefined();
  });

  it('answers null for a missing photo or a folder of photos', async () => {
    expect(await store.get('nothing-here')).toBeNull();
    await store.put('cases/c2/p', Buffer.from('x'), 'image/jpeg');
    expect(await store.get('cases/c2')).toBeNull();
  });

  it.each([
    '../outside',
    '../../etc/passwd',
    '/etc/passwd',
    'cases/../../outside',
    'cases/./p',
    'cases//p',
    'cases\\..\\outside',
    '%2e%2e/outside',
    'photo.jpg',
    '.hidden',
    '',
    'a/b/c/d/e',
    'cases/c1/p\u0000',
  ])('refuses the unsafe key %j before touching the disk', async (key) => {
    await writeFile(join(sandbox, 'outside'), 'keep me');
    await expect(store.put(key, Buffer.from('evil'), 'image/jpeg')).rejects.toMatchObject({ code: 'bad_request' });
    await expect(store.get(key)).rejects.toMatchObject({ code: 'bad_request' });
    await expect(store.delete(key)).rejects.toMatchObject({ code: 'bad_request' });
    expect(await readFile(join(sandbox, 'outside'), 'utf8')).toBe('keep me');
    expect(await filesUnder(sandbox)).toEqual(['outside']);
  });

  it('writes through a temporary file: a failed write leaves the old photo and no debris', async () => {
    await store.put('cases/c3/p', Buffer.from('original'), 'image/jpeg');
    // A folder now sits where `cases/c3/q` would go: the final rename fails.
    await mkdir(join(root, 'cases', 'c3', 'q', 'inner'), { recursive: true });
    await writeFile(join(root, 'cases', 'c3', 'q', 'inner', 'x'), 'x');
    await expect(store.put('cases/c3/q', Buffer.from('new'), 'image/jpeg')).rejects.toThrow();
    expect((await store.get('cases/c3/p'))?.toString()).toBe('original');
    expect(await filesUnder(root)).toEqual(['cases/c3/p', 'cases/c3/q/inner/x']);
  });

  it('never lets a reader see a partial photo while writers race', async () => {
    const big = (fill: number) => Buffer.alloc(512 * 1024, fill);
    await store.put('cases/c4/p', big(1), 'image/jpeg');
    const writes = [2, 3, 4, 5].map((fill) => store.put('cases/c4/p', big(fill), 'image/jpeg'));
    const reads = Array.from({ length: 20 }, () => store.get('cases/c4/p'));
    for (const bytes of await Promise.all(reads)) {
      expect(bytes?.length).toBe(512 * 1024);
      expect(bytes?.every((b) => b === bytes[0])).toBe(true);
    }
    await Promise.all(writes);
    expect(await filesUnder(root)).toEqual(['cases/c4/p']);
  });
});

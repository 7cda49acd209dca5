#!/usr/bin/env node
// Builds the embedded database (FerretDB 1.24.2) into .tools/bin, once.
// Runs from `npm install` / `npm ci` (the "prepare" script). Skipped when MONGODB_URI is set.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const binary = join(root, '.tools', 'bin', 'ferretdb');
/** Written beside the binary once it is built with every patch below; a build without it is redone. */
const patchStamp = `${binary}.patches`;

/**
 * Source patches applied before building, each an exact text replacement that must apply.
 * `sqlite-id-index`: FerretDB 1.24.2 creates the `_id` index on `_ferretdb_sjson->"_id"` but looks
 * `_id` up (find, update, delete by `_id`) with `_ferretdb_sjson->'$._id'`: the same value, but not
 * the same expression, so SQLite never uses the index and every `_id` lookup reads the whole table
 * (EXPLAIN QUERY PLAN: SCAN). Writing the lookup as the index writes it makes it an index SEARCH.
 * tests/integration/ferretdb-id-index.test.ts holds it.
 */
const FSQL = 'internal/util/fsql/db.go';
const PATCHES = [
  {
    id: 'sqlite-id-index',
    file: 'internal/backends/sqlite/metadata/metadata.go',
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: 'IDColumn = DefaultColumn + `->"_id"`',
  },
  // `writer-queue` (four replacements): SQLite has one writer per database file. FerretDB 1.24.2
  // lets every command race for it, and a loser sleeps in SQLite's busy handler (1, 2, 5, 10, 15,
  // 20, 25 … 100 ms), so under load a write waits in sleeps far longer than the writes ahead of it
  // take, and a late arrival can overtake a write that has waited for a while. With these, write
  // transactions and statements wait for the database's one writer slot in a Go channel instead:
  // in arrival order, woken the moment the slot is free, and giving up when their command's
  // context ends. Reads (WAL) do not take the slot. tests/integration/ferretdb-writer-queue.test.ts
  // holds it.
  {
    id: 'writer-queue-field',
    file: FSQL,
    from: '\tBatchSize int\n}',
    to: '\tBatchSize int\n\n\t// writer is the one write slot: a write holds it from BEGIN to COMMIT.\n\twriter chan struct{}\n}',
  },
  {
    id: 'writer-queue-make',
    file: FSQL,
    from: '\t\ttoken:            resource.NewToken(),\n',
    to: '\t\ttoken:            resource.NewToken(),\n\t\twriter:           make(chan struct{}, 1),\n',
  },
  {
    id: 'writer-queue-transaction',
    file: FSQL,
    from: 'func (db *DB) InTransaction(ctx context.Context, f func(*Tx) error) (err error) {\n',
    to:
      'func (db *DB) InTransaction(ctx context.Context, f func(*Tx) error) (err error) {\n' +
      '\tselect {\n\tcase db.writer <- struct{}{}:\n\tcase <-ctx.Done():\n\t\treturn lazyerrors.Error(ctx.Err())\n\t}\n' +
      '\tdefer func() { <-db.writer }()\n\n',
  },
  {
    id: 'writer-queue-exec',
    file: FSQL,
    from: 'func (db *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {\n',
    to:
      'func (db *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {\n' +
      '\tselect {\n\tcase db.writer <- struct{}{}:\n\tcase <-ctx.Done():\n\t\treturn nil, lazyerrors.Error(ctx.Err())\n\t}\n' +
      '\tdefer func() { <-db.writer }()\n\n',
  },
];
const patchIds = PATCHES.map((patch) => patch.id).join('\n') + '\n';

function installedVersion() {
  if (!existsSync(binary)) return null;
  const run = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  const match = /version:\s*(v\S+)/.exec(run.stdout ?? '');
  return match ? match[1] : null;
}

if (process.env.MONGODB_URI) {
  console.log('[ferretdb] MONGODB_URI is set: the embedded database is not needed, nothing to build.');
  process.exit(0);
}
const installedPatches = existsSync(patchStamp) ? readFileSync(patchStamp, 'utf8') : '';
if (installedVersion() === VERSION && installedPatches === patchIds) {
  console.log(`[ferretdb] ${VERSION} already built at ${binary}`);
  process.exit(0);
}

const go = spawnSync('go', ['version'], { encoding: 'utf8' });
if (go.error || go.status !== 0) {
  console.error(`
[ferretdb] Go is needed once, to build the embedded database (FerretDB ${VERSION}), and it was not found.
  Either install Go 1.22 or newer (https://go.dev/doc/install) so that \`go version\` works, then run \`npm install\` again,
  or point the portal at an existing MongoDB: \`export MONGODB_URI=mongodb://host:27017/landing\` before \`npm install\`.
`);
  process.exit(1);
}

console.log(`[ferretdb] building FerretDB ${VERSION} with ${go.stdout.trim()} (first time only, a few minutes)...`);
// `go install …@v1.24.2` builds a binary that panics at start: the module zip lacks the generated
// build/version/version.txt. So we copy the module source, add that file, and build it ourselves.
const info = JSON.parse(execFileSync('go', ['mod', 'download', '-json', `${MODULE}@${VERSION}`], { encoding: 'utf8' }));
const work = mkdtempSync(join(tmpdir(), 'ferretdb-src-'));
try {
  cpSync(info.Dir, work, { recursive: true });
  execFileSync('chmod', ['-R', 'u+w', work]);
  writeFileSync(join(work, 'build', 'version', 'version.txt'), `${VERSION}\n`);
  for (const patch of PATCHES) {
    const file = join(work, patch.file);
    const source = readFileSync(file, 'utf8');
    if (!source.includes(patch.from)) throw new Error(`[ferretdb] patch ${patch.id} no longer applies to ${patch.file}`);
    writeFileSync(file, source.replace(patch.from, patch.to));
    console.log(`[ferretdb] patched: ${patch.id}`);
  }
  mkdirSync(dirname(binary), { recursive: true });
  execFileSync('go', ['build', '-trimpath', '-o', binary, './cmd/ferretdb'], {
    cwd: work,
    stdio: 'inherit',
    env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod -buildvcs=false' },
  });
  chmodSync(binary, 0o755);
} finally {
  rmSync(work, { recursive: true, force: true });
}
const built = installedVersion();
if (built !== VERSION) {
  console.error(`[ferretdb] build finished but ${binary} reports ${built ?? 'nothing'}, expected ${VERSION}`);
  process.exit(1);
}
writeFileSync(patchStamp, patchIds);
console.log(`[ferretdb] built ${VERSION} (${PATCHES.map((patch) => patch.id).join(', ')}) at ${binary}`);

#!/usr/bin/env node
// The multi-process tests (and `npm run bench -- --nodes 2`) start a throwaway redis-server. Install
// Debian's package with apt when we can; otherwise say how. Those tests are never skipped.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const path = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
if (existsSync(path)) process.exit(0);

const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
  console.log('[tests] redis-server is missing: installing it with apt-get (Debian package "redis-server")...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  const install =
    update.status === 0 && spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { stdio: 'inherit', env });
  if (install && install.status === 0 && existsSync(path)) process.exit(0);
}
console.error(`
[tests] redis-server was not found at ${path} and could not be installed automatically.
  On Debian or Ubuntu run:  sudo apt-get update && sudo apt-get install -y redis-server
  Or point REDIS_SERVER_PATH at an installed redis-server binary.
The multi-process tests are part of \`npm test\` and are never skipped.
`);
process.exit(1);

#!/usr/bin/env node
// The browser tests need Debian's Chromium. Install it with apt when we can; otherwise say how.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
  console.log('[tests] Chromium is missing: installing it with apt-get (Debian package "chromium")...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
  if (install && install.status === 0 && existsSync(path)) process.exit(0);
}
console.error(`
[tests] Chromium was not found at ${path} and could not be installed automatically.
  On Debian or Ubuntu run:  sudo apt-get update && sudo apt-get install -y chromium
  Or point CHROMIUM_PATH at an installed Chromium or Chrome binary.
The browser tests are part of \`npm test\` and are never skipped.
`);
process.exit(1);

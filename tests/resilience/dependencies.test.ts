import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printFigures } from './support/figures';

/**
 * Minimum versions of the packages that face the network, each past a published advisory. Checked
 * on what is installed (node_modules), offline, so it holds where `npm audit` cannot reach its
 * advisory endpoint.
 */
const floors: Record<string, string> = {
  hono: '4.13.11',
  '@hono/node-server': '2.1.3',
  ws: '8.17.1',
  'socket.io': '4.8.4',
  '@sveltejs/kit': '2.69.1',
  '@sveltejs/adapter-node': '5.5.1',
};

const installed = (name: string) =>
  (JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;
const parts = (version: string) => version.split(/[.+-]/).slice(0, 3).map(Number);
const atLeast = (version: string, floor: string) => {
  const [a, b] = [parts(version), parts(floor)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return true;
};

describe('dependencies', () => {
  it('are at least the versions past their advisories', () => {
    const found = Object.fromEntries(Object.keys(floors).map((name) => [name, installed(name)]));
    printFigures('dependencies', found);
    for (const [name, floor] of Object.entries(floors))
      expect(atLeast(found[name]!, floor), `${name} ${found[name]} < ${floor}`).toBe(true);
  });
});

/**
 * `node --import tsx tests/load/bundle-cost.ts [route]`: builds the web app and prints what each
 * dependency costs the first load of a page (default `/conversation`): the chunks the page imports
 * statically, their modules grouped by package or source folder, raw and gzipped. Lazy chunks are
 * listed apart. A measuring aid, not a test.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';

interface Chunk {
  fileName: string;
  imports: string[];
  dynamicImports: string[];
  modules: Record<string, string>;
}

const route = process.argv[2] ?? '/conversation';
const report = join(tmpdir(), `landing-bundle-${process.pid}.json`);
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV'));
execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...env, BUNDLE_REPORT: report },
});
const chunks = new Map((JSON.parse(readFileSync(report, 'utf8')) as Chunk[]).map((c) => [c.fileName, c]));

const pageSource = `src/routes${route === '/' ? '' : route}/+page.svelte`;
const pageChunk = [...chunks.values()].find(
  (c) => c.fileName.includes('/nodes/') && Object.keys(c.modules).some((id) => id.endsWith(pageSource)),
);
if (!pageChunk) throw new Error(`no chunk holds ${pageSource}`);
const roots = [...chunks.values()].filter((c) => /entry\/(app|start)\.|nodes\/0\./.test(c.fileName)).concat(pageChunk);

/** Everything a page's first load fetches: its roots and their static imports, transitively. */
function staticClosure(start: Chunk[]) {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    chunks.get(name)?.imports.forEach(visit);
  };
  start.forEach((c) => visit(c.fileName));
  return seen;
}
const initial = staticClosure(roots);
const lazyRoots = [...initial]
  .flatMap((name) => chunks.get(name)!.dynamicImports)
  .filter((name) => !initial.has(name) && !/\/nodes\//.test(name));
const lazy = new Set([...staticClosure(lazyRoots.map((name) => chunks.get(name)!))].filter((name) => !initial.has(name)));

const groupOf = (id: string) => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (pkg) return pkg[1]!;
  const src = /\/(src\/(?:lib\/[^/]+|routes\/[^/]+)|machines|\.svelte-kit)/.exec(id);
  return src ? src[1]! : id;
};
const gz = (text: string) => gzipSync(text, { level: 9 }).length;
const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);

/** The chunk as shipped (minified), gzipped. */
const shippedGz = (chunk: Chunk) => gz(readFileSync(join('.svelte-kit/output/client', chunk.fileName), 'utf8'));

/**
 * Each group's share of the page, in shipped bytes: a chunk's minified gzip size is split between
 * its modules in proportion to their (unminified) rendered code, gzipped one by one.
 */
function table(title: string, names: Set<string>) {
  const groups = new Map<string, { raw: number; gz: number }>();
  let total = 0;
  for (const name of names) {
    const chunk = chunks.get(name)!;
    const shipped = shippedGz(chunk);
    total += shipped;
    const modules = Object.entries(chunk.modules).map(([id, code]) => ({ group: groupOf(id), raw: code.length, gz: code ? gz(code) : 0 }));
    const sum = modules.reduce((n, m) => n + m.gz, 0) || 1;
    for (const m of modules) {
      const row = groups.get(m.group) ?? { raw: 0, gz: 0 };
      groups.set(m.group, { raw: row.raw + m.raw, gz: row.gz + (shipped * m.gz) / sum });
    }
  }
  const rows = [...groups].map(([group, v]) => ({ group, ...v })).sort((a, b) => b.gz - a.gz);
  console.log(`\n${title}: ${names.size} chunks, ${kb(total).trim()} KB gz as shipped (minified, gzip -9)`);
  console.log(`${'package or folder'.padEnd(44)}${'source KB'.padStart(10)}${'shipped gz KB'.padStart(15)}`);
  for (const row of rows) if (row.gz > 100) console.log(`${row.group.padEnd(44)}${kb(row.raw).padStart(10)}${kb(row.gz).padStart(15)}`);
}

table(`First load of ${route}`, initial);
if (lazy.size)
  table(`Reachable later from ${route} by dynamic import (fetched only when needed: widgets, other languages and areas)`, lazy);

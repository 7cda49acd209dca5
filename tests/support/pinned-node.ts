import { readFileSync } from 'node:fs';

interface PackageJson {
  optionalDependencies?: Record<string, string>;
  scripts: Record<string, string>;
}

export const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageJson;

/**
 * The Node.js version package.json pins for this machine: the registry's `node-<platform>-<arch>`
 * package, whose `bin/node` npm links as `node_modules/.bin/node` and puts first on every npm
 * script's PATH. `undefined` on a platform without a pinned package.
 */
export function pinnedNodeVersion(platform = process.platform, arch = process.arch): string | undefined {
  const version = packageJson.optionalDependencies?.[`node-${platform}-${arch}`];
  return version && `v${version}`;
}

import { writeFileSync } from 'node:fs';

/**
 * With BUNDLE_REPORT=<file>, writes what each client chunk is made of (module ids and their rendered
 * code) so that `tests/load/bundle-cost.ts` can say what each dependency costs a page. Off otherwise.
 * @returns {import('vite').Plugin}
 */
export function bundleReport() {
  return {
    name: 'landing-bundle-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const file = process.env.BUNDLE_REPORT;
      if (!file || this.environment?.config?.build?.ssr) return;
      const chunks = Object.values(bundle)
        .filter((item) => item.type === 'chunk')
        .map((chunk) => ({
          fileName: chunk.fileName,
          imports: chunk.imports,
          dynamicImports: chunk.dynamicImports,
          modules: Object.fromEntries(Object.entries(chunk.modules).map(([id, m]) => [id, m.code ?? ''])),
        }));
      writeFileSync(file, JSON.stringify(chunks));
    },
  };
}

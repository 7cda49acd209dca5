/**
 * Fewer, larger chunks for the browser. Left to itself the bundler cut the applicant's first load of
 * `/conversation` into 21 files, many of a few hundred bytes (a re-export of `$app/navigation`, one
 * date helper, one text field). Each file is compressed on its own, so each pays gzip's header and
 * starts with an empty dictionary: the same code gzipped as one file is about 4 KB smaller (measured
 * with `tests/load/bundle-cost.ts`). Two groups gather what always travels together:
 * - `framework`: the Svelte runtime, SvelteKit's client and the portal's own always-loaded helpers
 *   (the root layout's i18n state). Every page loads all of it anyway.
 * - `realtime`: the Socket.IO client and the small pieces the applicant's conversation shares with its
 *   lazy widgets and the agent pages (transcript, typing and read signals, outbox, dates, refusals,
 *   the connection pill). Pages without a socket (sign-in, invitation) never load it.
 * Everything else (each page, the string catalogues, lazy widgets) keeps the
 * bundler's own splitting. Client build only: the server bundle is left as it was.
 * @returns {import('vite').Plugin}
 */
export function clientChunks() {
  return {
    name: 'landing-client-chunks',
    apply: 'build',
    outputOptions(options) {
      if (this.environment?.config?.build?.ssr) return null;
      return {
        ...options,
        codeSplitting: {
          groups: [
            { name: 'framework', test: FRAMEWORK, priority: 2 },
            { name: 'realtime', test: REALTIME, priority: 1 },
          ],
        },
      };
    },
  };
}

const FRAMEWORK =
  /node_modules[\\/](svelte|@sveltejs[\\/]kit|devalue|clsx|esm-env)[\\/]|vite[\\/]preload-helper|rolldown[\\/]runtime|src[\\/]lib[\\/]i18n[\\/](define|messages|areas|lang|i18n\.svelte)\.ts$/;

const REALTIME =
  /node_modules[\\/](socket\.io-client|socket\.io-parser|engine\.io-client|engine\.io-parser|@socket\.io[\\/]component-emitter)[\\/]|src[\\/]lib[\\/](chat[\\/](outbox|chat-signals\.svelte|remote-typing\.svelte|typing-signal|transcript-log|refusal-text)\.ts|portal-socket\.ts|components[\\/]StatusPill\.svelte|dates[\\/]readable-date\.ts|shared[\\/]landing[\\/]dates\.ts)/;

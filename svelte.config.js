import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  // discloseVersion: no `window.__svelte` version stamp in the browser bundle (bytes for nothing).
  compilerOptions: { runes: true, discloseVersion: false },
  kit: {
    router: { resolution: 'server' },
    // The Node server in server/ mounts the handler; adapter-node's own entry is not used.
    // `precompress` writes .br and .gz beside every static asset; its sirv serves them by Accept-Encoding.
    adapter: adapter({ out: 'build', precompress: true }),
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'connect-src': ['self'],
        'font-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;

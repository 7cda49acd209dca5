import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { bundleReport } from './scripts/bundle-report-plugin.js';
import { clientChunks } from './scripts/client-chunks-plugin.js';
import { socketTransports } from './scripts/socket-transports-plugin.js';

export default defineConfig({
  plugins: [sveltekit(), socketTransports(), clientChunks(), bundleReport()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['machines/**/*.spec.ts', 'server/**/*.spec.ts', 'src/**/*.spec.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/ferretdb.global.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          server: { deps: { external: [/\/build\//] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/build.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'resilience',
          environment: 'node',
          include: ['tests/resilience/**/*.test.ts'],
          globalSetup: ['tests/support/ferretdb.global.ts', 'tests/support/build.global.ts'],
          testTimeout: 240_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // Kills, outages and timing: after every other project, one file at a time.
          sequence: { groupOrder: 1 },
          server: { deps: { external: [/\/build\//] } },
        },
      },
    ],
  },
});

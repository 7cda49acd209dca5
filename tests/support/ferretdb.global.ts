import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startFerretDb } from '../../server/db/ferretdb';
import { createLogger } from '../../server/logger';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

/** One real FerretDB for the integration run; each test file uses its own database in it. */
export default async function setup(project: TestProject) {
  if (process.env.MONGODB_URI) {
    project.provide('mongoUri', process.env.MONGODB_URI);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'landing-test-db-'));
  const ferret = await startFerretDb({
    binary: resolve('.tools/bin/ferretdb'),
    dataDir,
    logger: createLogger('error', { component: 'test-db' }),
  });
  project.provide('mongoUri', ferret.uri);
  return async () => {
    await ferret.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

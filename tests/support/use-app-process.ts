import { afterAll, beforeAll } from 'vitest';
import { startAppProcess, type AppProcess } from './app-process';

/** The portal for one test file: started before its tests (`startAppProcess(env)`), stopped after them. */
export function useAppProcess(env: Record<string, string> = {}): () => AppProcess {
  let app: AppProcess | undefined;
  beforeAll(async () => {
    app = await startAppProcess(env);
  });
  afterAll(async () => {
    await app?.stop();
  });
  return () => app!;
}

import type { Logger } from './logger';

/**
 * End of life of each Node.js release line, from the Node.js release schedule
 * (https://github.com/nodejs/Release, `schedule.json`, as of 2026-07-02). After its end of life a
 * line gets no security fixes. Add a line here when the project moves to it.
 */
export const nodeEndOfLife: Readonly<Record<number, string>> = {
  18: '2025-04-30',
  20: '2026-04-30',
  22: '2027-04-30',
  24: '2028-04-30',
  25: '2026-06-01',
  26: '2029-04-30',
};

export interface RuntimeStatus {
  version: string;
  endOfLife: string | null;
  pastEndOfLife: boolean;
}

/** Where `version` (as `process.version` spells it) stands on `today`; an unknown line has no date. */
export function runtimeStatus(version: string, today: Date): RuntimeStatus {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  const endOfLife = nodeEndOfLife[major] ?? null;
  return { version, endOfLife, pastEndOfLife: endOfLife !== null && today.getTime() >= Date.parse(`${endOfLife}T00:00:00Z`) };
}

/** Logs the Node.js version the portal runs on, and warns when that line no longer gets security fixes. */
export function logRuntime(logger: Logger, today: Date, version = process.version) {
  const status = runtimeStatus(version, today);
  logger.info({ node: status.version, endOfLife: status.endOfLife }, 'node runtime');
  if (status.pastEndOfLife)
    logger.warn(
      { node: status.version, endOfLife: status.endOfLife },
      'this Node.js release line is past its end of life and gets no security fixes: run the portal with `npm start` or `npm run serve`, which use the pinned Node.js',
    );
  else if (status.endOfLife === null)
    logger.warn({ node: status.version }, 'unknown Node.js release line: its end of life is not in server/runtime.ts');
  return status;
}

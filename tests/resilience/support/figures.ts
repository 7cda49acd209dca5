/**
 * One fixed-format line per resilience test, so a run's figures can be read (or grepped) at the end:
 * `[resilience] <test>: key=value key=value ...`.
 */
export function printFigures(test: string, figures: Record<string, string | number | boolean>) {
  const parts = Object.entries(figures).map(([key, value]) => `${key}=${value}`);
  console.info(`[resilience] ${test}: ${parts.join(' ')}`);
}

/** Runs `work` over `items`, at most `width` at a time. */
export async function inParallel<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

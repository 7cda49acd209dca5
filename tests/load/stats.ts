/** Latency samples (milliseconds) and the arithmetic the bench report needs. */
export class Samples {
  private readonly values: number[] = [];

  add(ms: number) {
    if (Number.isFinite(ms)) this.values.push(ms);
  }

  get count(): number {
    return this.values.length;
  }

  /** Nearest-rank percentile; NaN when there is no sample. */
  percentile(p: number): number {
    if (!this.values.length) return Number.NaN;
    const sorted = [...this.values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  }

  get p50() {
    return this.percentile(50);
  }

  get p95() {
    return this.percentile(95);
  }

  get p99() {
    return this.percentile(99);
  }
}

/** A small async semaphore: at most `limit` calls of `run` at once. */
export function limiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `mean` ± 50 %, uniformly. */
export const jitter = (mean: number) => mean * (0.5 + Math.random());

const ms = (value: number) => (Number.isNaN(value) ? '–' : Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (ours: number, base: number) =>
  Number.isNaN(ours) || Number.isNaN(base) || base <= 0 ? '–' : `${(ours / base).toFixed(1)}×`;

export interface LatencyRow {
  label: string;
  ours: Samples;
  baseline?: { label: string; samples: Samples };
}

/** Renders the one results table: latencies against their baselines, then single figures. */
export function renderTable(rows: LatencyRow[], figures: [string, string][]): string {
  const header = ['metric', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'baseline', 'base p50/p95/p99 ms', '× p50', '× p95'];
  const lines: string[][] = [header];
  for (const { label, ours, baseline } of rows) {
    const base = baseline?.samples;
    lines.push([
      label,
      String(ours.count),
      ms(ours.p50),
      ms(ours.p95),
      ms(ours.p99),
      baseline?.label ?? '',
      base ? `${ms(base.p50)} / ${ms(base.p95)} / ${ms(base.p99)}` : '',
      base ? ratio(ours.p50, base.p50) : '',
      base ? ratio(ours.p95, base.p95) : '',
    ]);
  }
  for (const [label, value] of figures) lines.push([label, '', '', '', '', value, '', '', '']);
  const widths = header.map((_, i) => Math.max(...lines.map((line) => line[i]!.length)));
  const render = (line: string[]) =>
    `| ${line.map((cell, i) => (i >= 1 && i <= 4 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [render(lines[0]!), rule, ...lines.slice(1, rows.length + 1).map(render), rule, ...lines.slice(rows.length + 1).map(render)].join(
    '\n',
  );
}

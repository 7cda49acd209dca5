import { parseArgs } from 'node:util';
import { z } from 'zod';

const count = (max: number) => z.coerce.number().int().min(0).max(max);

const schema = z.strictObject({
  applicants: count(5000).default(500),
  dashboards: count(200).min(1).default(20),
  agents: count(100).default(10),
  /** Seconds of load: applicants start within the first 15 % and think about 0.75 × duration / 14 per step. */
  duration: z.coerce.number().int().min(20).max(3600).default(300),
  nodes: z.coerce.number().int().min(1).max(2).default(1),
  /** Share of applicants who ask for a person halfway through. */
  help: z.coerce.number().min(0).max(1).default(0.1),
  /** Capacity mode: hold this many idle authenticated applicant sockets on one process. */
  capacity: count(20_000).min(1).optional(),
  /** Write `node --cpu-prof` profiles of the portal process(es) here and print where time went. */
  'cpu-prof': z.string().min(1).optional(),
});

export type BenchArgs = z.infer<typeof schema>;

/** `--applicants 500 --dashboards 20 --agents 10 --duration 300 --nodes 1|2 [--help 0.1] [--cpu-prof dir] [--capacity 5000]` */
export function benchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(
      ['applicants', 'dashboards', 'agents', 'duration', 'nodes', 'help', 'capacity', 'cpu-prof'].map((name) => [name, { type: 'string' }]),
    ),
  });
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  --${issue.path.join('.')}: ${issue.message}`).join('\n');
    console.error(
      `npm run bench: invalid flags\n${problems}\nUsage: npm run bench -- --applicants 500 --dashboards 20 --agents 10 --duration 300 --nodes 1|2 [--cpu-prof dir] | --capacity 5000`,
    );
    process.exit(2);
  }
  return parsed.data;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const root = join(import.meta.dirname, '../..');

/**
 * The functions where a portal process spent its CPU time, from the `.cpuprofile` files that
 * `node --cpu-prof` wrote into `dir` (the bench's `--cpu-prof <dir>`): self time, heaviest first.
 */
export function summariseCpuProfiles(dir: string, top = 15): string {
  const self = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, i) => {
      const frame = byId.get(id)?.callFrame;
      if (frame?.functionName === '(idle)') return;
      const where = frame?.url ? `${relative(root, frame.url.replace(/^file:\/\//, ''))}:${frame.lineNumber + 1}` : '(native)';
      const key = `${frame?.functionName || '(anonymous)'} ${where}`;
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      self.set(key, (self.get(key) ?? 0) + ms);
      total += ms;
    });
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  return rows.map(([key, ms]) => `${((ms / total) * 100).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms  ${key}`).join('\n');
}

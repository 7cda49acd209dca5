import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { Connection } from 'mongoose';
import { caseEntryModel } from '../../../server/cases/case.model';
import { connectMongoose } from '../../../server/db/database';
import { childProcessesNamed, type AppProcess } from '../../support/app-process';
import type { ResilientApplicant } from './resilient-applicant';

/** Connects to the embedded FerretDB of a running portal process (its `landing` database). */
export async function connectToAppDatabase(app: AppProcess): Promise<Connection> {
  const [pid] = childProcessesNamed(app.child.pid!, 'ferretdb');
  if (!pid) throw new Error('the portal has no FerretDB child');
  const port = /--listen-addr=127\.0\.0\.1:(\d+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '))?.[1];
  return connectMongoose(`mongodb://127.0.0.1:${port}/`, 'landing');
}

/**
 * After a test that killed portals: stops a FerretDB a dead portal left behind in `dataDir` (its
 * pid file names it) and removes the directory.
 */
export function cleanUpDataDir(dataDir: string) {
  const pidFile = `${dataDir}/ferretdb.pid`;
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0;
  try {
    if (pid > 1 && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir)) process.kill(pid, 'SIGKILL');
  } catch {
    // not running
  }
  rmSync(dataDir, { recursive: true, force: true });
}

export interface DeliveryAudit {
  acknowledged: number;
  /** Acknowledged answers with no entry in `case_entries`. */
  lost: number;
  /** Acknowledged answers stored more than once, plus repeated sequence numbers. */
  duplicates: number;
  /** Cases whose sequence numbers are not 1, 2, 3, ... */
  outOfOrder: number;
  /** Clients whose transcript differs from the stored one. */
  diverged: number;
}

/**
 * Checks the database against what clients were told: every acknowledged answer stored exactly
 * once (by its client event id), every case's log numbered 1..n without gaps or repeats, and each
 * client's transcript equal to the stored entries everyone may see.
 */
export async function auditDelivery(db: Connection, clients: ResilientApplicant[]): Promise<DeliveryAudit> {
  const result: DeliveryAudit = { acknowledged: 0, lost: 0, duplicates: 0, outOfOrder: 0, diverged: 0 };
  // One read of the whole log (a query per answer is slow on FerretDB), then everything in memory.
  const all = await caseEntryModel(db).find({}, { caseId: 1, seq: 1, visibility: 1, message: 1, clientEventId: 1 }).lean();
  const byCase = groupBy(all, (e) => e.caseId);
  for (const client of clients) {
    const log = (byCase.get(client.view!.caseId) ?? []).sort((a, b) => a.seq - b.seq);
    const stored = groupBy(
      log.filter((e) => e.clientEventId),
      (e) => e.clientEventId!,
    );
    for (const id of client.acknowledged) {
      result.acknowledged++;
      const copies = stored.get(id)?.length ?? 0;
      if (copies === 0) result.lost++;
      if (copies > 1) result.duplicates += copies - 1;
    }
    const seqs = log.map((e) => e.seq);
    result.duplicates += seqs.length - new Set(seqs).size;
    if (seqs.some((seq, i) => seq !== i + 1)) result.outOfOrder++;
    const visible = log.filter((e) => e.visibility === 'all').map((e) => `${e.seq}:${JSON.stringify(e.message)}`);
    const seen = [...client.entries.values()].sort((a, b) => a.seq - b.seq).map((e) => `${e.seq}:${JSON.stringify(e.message)}`);
    if (JSON.stringify(visible) !== JSON.stringify(seen)) result.diverged++;
  }
  return result;
}

/** `Map.groupBy`, which Node 20 lacks. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

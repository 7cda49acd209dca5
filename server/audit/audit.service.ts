import type { Connection } from 'mongoose';
import type { Clock } from '../clock';
import { derivedObjectId } from '../db/derived-id';
import { insertNew } from '../db/insert-new';
import type { Logger } from '../logger';
import { InsertBatcher, UNORDERED } from '../db/insert-batcher';
import { auditModel } from './audit.model';

export interface Actor {
  id: string;
  role: string;
  name: string;
}

export interface AuditInput {
  action: string;
  actor?: Actor | null;
  ip?: string | null;
  caseId?: string | null;
  target?: string | null;
  details?: Record<string, unknown>;
}

const SECRET_KEY = /pass|token|secret|totp|code|cookie|session/i;

/** Drops any field whose name suggests a secret, at any depth. */
function scrub(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, v]) => [key, scrub(v, depth + 1)]),
  );
}

/** The audit log: every sign-in, invitation event and staff action. */
export class AuditLog {
  /** Entries written while another insert is in flight go together in the next (a sign-in storm). */
  private readonly inserts: InsertBatcher<Record<string, unknown>>;

  constructor(
    private readonly db: Connection,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.inserts = new InsertBatcher((docs) => auditModel(db).insertMany(docs, UNORDERED));
  }

  /** Appends an entry. Secrets are scrubbed; a failure is logged and rethrown. */
  async record(input: AuditInput): Promise<void> {
    try {
      await this.inserts.insert([this.entry(input)]);
    } catch (err) {
      this.logger.error({ err, action: input.action }, 'audit write failed');
      throw err;
    }
  }

  /**
   * Appends many entries in one write (a CSV import's registrations), each under an `_id` derived
   * from its `key`, `at` and `rank` (see `derivedObjectId`), so an interrupted import run again
   * records nothing twice.
   */
  async recordMany(inputs: (AuditInput & { key: string; at: Date; rank: number })[]): Promise<void> {
    try {
      await insertNew(
        auditModel(this.db),
        inputs.map(({ key, at, rank, ...input }) => ({ _id: derivedObjectId(`audit:${key}`, at, rank), ...this.entry(input) })),
      );
    } catch (err) {
      this.logger.error({ err, action: inputs[0]?.action }, 'audit write failed');
      throw err;
    }
  }

  private entry(input: AuditInput) {
    return {
      at: this.clock.now(),
      action: input.action,
      actorId: input.actor?.id ?? null,
      actorRole: input.actor?.role ?? null,
      actorName: input.actor?.name ?? null,
      ip: input.ip ?? null,
      caseId: input.caseId ?? null,
      target: input.target ?? null,
      details: scrub(input.details ?? {}),
    };
  }

  /** Newest first. */
  async list(filter: { caseId?: string; action?: string; actorId?: string } = {}, limit = 100) {
    const query: Record<string, string> = {};
    if (filter.caseId) query.caseId = filter.caseId;
    if (filter.action) query.action = filter.action;
    if (filter.actorId) query.actorId = filter.actorId;
    return auditModel(this.db).find(query).sort({ at: -1 }).limit(limit).lean();
  }
}

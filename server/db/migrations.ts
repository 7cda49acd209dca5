import { Schema, type Connection } from 'mongoose';
import type { Logger } from '../logger';
import { isDuplicateKey } from './claim';
import { defineModel } from './define-model';

/** A start-up migration that has run to the end on this database (`_id`: its name). */
const migrationSchema = new Schema(
  { _id: { type: String, required: true }, finishedAt: { type: Date, required: true } },
  { versionKey: false },
);
const migrationModel = defineModel('Migration', migrationSchema, 'migrations');

export interface Migration {
  name: string;
  /** Must be idempotent: two processes starting at once may both run it. */
  run(db: Connection): Promise<number>;
}

/**
 * Runs each migration not yet marked finished, then marks it (one read by `_id` per migration once
 * they have run). A process killed half-way leaves no mark, so the next start runs it again.
 */
export async function runMigrations(db: Connection, migrations: Migration[], logger: Logger): Promise<void> {
  for (const migration of migrations) {
    if (await migrationModel(db).exists({ _id: migration.name })) continue;
    const started = performance.now();
    const changed = await migration.run(db);
    try {
      await migrationModel(db).create({ _id: migration.name, finishedAt: new Date() });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    logger.info({ migration: migration.name, changed, ms: Math.round(performance.now() - started) }, 'migration finished');
  }
}

/** Inserts `docs` in batches, ignoring the ones already there (unique `_id`); answers how many were new. */
export async function insertMissing(insertMany: (docs: object[]) => Promise<unknown>, docs: object[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < docs.length; i += 1000) {
    const batch = docs.slice(i, i + 1000);
    try {
      await insertMany(batch);
      inserted += batch.length;
    } catch (err) {
      const writeErrors = (err as { writeErrors?: { code?: number; err?: { code?: number } }[] }).writeErrors ?? [];
      const onlyDuplicates = writeErrors.length > 0 && writeErrors.every((e) => (e.code ?? e.err?.code) === 11000);
      if (!onlyDuplicates && !isDuplicateKey(err)) throw err;
      inserted += batch.length - writeErrors.length;
    }
  }
  return inserted;
}

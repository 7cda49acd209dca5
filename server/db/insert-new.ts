import { isDuplicateKey } from './claim';

/** Any Mongoose model (its `insertMany` is all this needs). */
interface Insertable {
  insertMany(docs: object[], options: { ordered: false; throwOnValidationError: true }): Promise<unknown>;
}

interface WriteError {
  index?: number;
  code?: number;
  err?: { index?: number; code?: number };
}

/**
 * Inserts `docs` in one unordered round trip. A duplicate key means the document is already there
 * (its `_id` is derived from what it is, so an earlier or concurrent run wrote it); any other error
 * is thrown. Returns the positions in `docs` that were already there. No transaction is needed: each
 * document is inserted once, whoever gets there first.
 */
export async function insertNew(model: Insertable, docs: object[]): Promise<Set<number>> {
  if (!docs.length) return new Set();
  try {
    await model.insertMany(docs, { ordered: false, throwOnValidationError: true });
    return new Set();
  } catch (err) {
    const writeErrors = (err as { writeErrors?: WriteError[] }).writeErrors;
    if (!writeErrors?.length) {
      if (docs.length === 1 && isDuplicateKey(err)) return new Set([0]);
      throw err;
    }
    if (!writeErrors.every((e) => (e.code ?? e.err?.code) === 11000)) throw err;
    return new Set(writeErrors.map((e) => e.index ?? e.err?.index ?? -1));
  }
}

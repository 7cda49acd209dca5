import { duplicateIndexes } from './claim';
import { UNORDERED } from './insert-batcher';

/** Any Mongoose model (its `insertMany` is all this needs). */
interface Insertable {
  insertMany(docs: object[], options: typeof UNORDERED): Promise<unknown>;
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
    await model.insertMany(docs, UNORDERED);
    return new Set();
  } catch (err) {
    const already = duplicateIndexes(err, docs.length);
    if (!already) throw err;
    return new Set(already);
  }
}

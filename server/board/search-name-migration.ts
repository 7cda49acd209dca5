import type { Migration } from '../db/migrations';
import { caseModel } from '../cases/case.model';
import { foldForSearch } from './board-search';

/** Gives cases opened before the board's accent-insensitive search their `searchName` (one scan, once). */
export const caseSearchNames: Migration = {
  name: 'case-search-names-v1',
  async run(db) {
    const cases = await caseModel(db).find({}, { personName: 1, searchName: 1 }).lean();
    const stale = cases.filter((c) => c.searchName !== foldForSearch(c.personName));
    for (const c of stale) await caseModel(db).updateOne({ _id: c._id }, { $set: { searchName: foldForSearch(c.personName) } });
    return stale.length;
  },
};

/**
 * Records against the digests their audit rows hold (electron/data/recordDigests.ts): every
 * document and original's entry is digested as it is now and compared with the digest written by
 * its last audited change. A difference means the record was changed outside any audited
 * operation (direct SQL, a replaced file with its SHA-256 column updated); a record no audit row
 * speaks of was never produced by one.
 */
import type { IntegrityReport, RecordProblem } from '../../../shared/contract/types/safety';
import { allRecordDigests, type DigestedEntity } from '../../data/recordDigests';
import type { ServiceContext } from '../context';

const LISTED = 500;

export function checkRecords(ctx: ServiceContext): NonNullable<IntegrityReport['records']> {
  const { catalogue } = ctx;
  const problems: RecordProblem[] = [];
  let checked = 0;
  let notCovered = 0;
  let more = 0;
  for (const entityType of ['document', 'attachment'] as const satisfies readonly DigestedEntity[]) {
    const recorded = catalogue.repos.integrity.latestRecordDigests(entityType);
    for (const { id, digest } of allRecordDigests(catalogue.db, entityType)) {
      checked++;
      const expected = recorded.get(id);
      let problem: RecordProblem['problem'] | null = null;
      if (expected === undefined) problem = 'unaudited';
      else if (expected === null) notCovered++;
      else if (expected !== digest) problem = 'changed';
      if (problem === null) continue;
      if (problems.length < LISTED) problems.push({ entityType, id, label: catalogue.repos.integrity.recordLabel(entityType, id), problem });
      else more++;
    }
  }
  // The count is what matters past the listed ones; the list names the first.
  return { checked, notCovered, problems, ...(more > 0 ? { unlisted: more } : {}) };
}

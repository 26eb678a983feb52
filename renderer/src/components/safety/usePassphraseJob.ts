/**
 * Follows an encryption (or passphrase change) job until it ends, then fetches what it did with
 * `catalogue.passphraseResult` and tells every view the catalogue changed (backups were re-keyed,
 * originals sealed) — also when it stopped part way.
 */
import type { JobStatus } from '@shared/contract/types';
import type { EncryptionResult } from '@shared/contract/types/safety';
import { announceChange } from '../../api/changes';
import { call } from '../../api/client';
import { useJobResult } from '../../api/useJobResult';

// Announced here rather than in onEnd, so views learn of the change even when this one closed meanwhile.
async function fetchWhatItDid(status: JobStatus): Promise<EncryptionResult | null> {
  const result = status.state === 'done' ? (await call('catalogue.passphraseResult', { jobId: status.id })).result : null;
  announceChange('catalogue.setPassphrase');
  return result;
}

export function usePassphraseJob(jobId: string | null) {
  return useJobResult(jobId, fetchWhatItDid);
}

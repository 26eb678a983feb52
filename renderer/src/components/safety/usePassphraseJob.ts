/**
 * Follows an encryption (or passphrase change) job until it ends, then fetches what it did with
 * `catalogue.passphraseResult` and tells every view the catalogue changed (backups were re-keyed,
 * originals sealed).
 */
import { useEffect, useState } from 'react';
import type { EncryptionResult } from '@shared/contract/types/safety';
import { announceChange } from '../../api/changes';
import { call } from '../../api/client';
import { useJobProgress } from '../../api/useJobProgress';

export function usePassphraseJob(jobId: string | null) {
  const [result, setResult] = useState<EncryptionResult | null>(null);
  useEffect(() => setResult(null), [jobId]);
  const progress = useJobProgress(jobId, async (status, live) => {
    const r = status.state === 'done' ? (await call('catalogue.passphraseResult', { jobId: status.id })).result : null;
    announceChange('catalogue.setPassphrase');
    if (live()) setResult(r);
  });
  return { ...progress, result };
}

/** The short bulk forms: confirm review fields, add to a handover batch, remove with a reason. */
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { Field } from '../common/Field';
import type { FormProps } from './forms';

export function ReviewForm({ count, onSpec }: FormProps) {
  const t = useT();
  useEffect(() => {
    onSpec({ build: (s) => ({ action: 'documents.confirmReview', selection: s.documents! }), summary: t('bulk.review.summary', { n: count.toLocaleString('vi-VN') }) });
  }, [count]); // the summary depends on the count only
  return null;
}

export function BatchForm({ target, count, onSpec }: FormProps) {
  const t = useT();
  const listed = useQuery('handover.batches.list', {}, { followChanges: false });
  const batches = useMemo(() => (listed.data ? listed.data.filter((b) => b.direction === 'outgoing' && b.status === 'draft') : listed.error ? [] : null), [listed.data, listed.error]);
  const [batchId, setBatchId] = useState('');
  const [reason, setReason] = useState('');
  useEffect(() => {
    const batch = batches?.find((b) => String(b.id) === batchId);
    const what = t(target === 'files' ? 'bulk.batch.summaryFiles' : 'bulk.batch.summaryDocuments', { n: count.toLocaleString('vi-VN') });
    const secretReason = reason.trim().length >= 5 ? reason.trim() : undefined;
    onSpec({
      build: batch ? (s) => ({ action: 'files.addToBatch', selection: s.files, batchId: batch.id, ...(secretReason ? { secretReason } : {}) }) : null,
      summary: batch ? t('bulk.batch.summary', { what, batch: batch.code }) : '',
    });
  }, [batches, batchId, reason]);

  if (batches !== null && batches.length === 0) return <p className="warn-text">{t('bulk.batch.none')}</p>;
  return (
    <div className="form-grid">
      <Field id="bulk-batch" label={t('bulk.batch.batch')} wide>
        <select id="bulk-batch" value={batchId} onChange={(e) => setBatchId(e.target.value)} data-testid="bulk-batch">
          <option value="">{t('bulk.batch.choose')}</option>
          {(batches ?? []).map((b) => (
            <option key={b.id} value={b.id}>
              {b.code} — {b.fromOrganizationName} → {b.toOrganizationName ?? '…'}
            </option>
          ))}
        </select>
      </Field>
      <Field id="bulk-batch-reason" label={t('bulk.batch.secretReason')} wide hint={t('bulk.batch.secretHint')}>
        <textarea id="bulk-batch-reason" rows={2} value={reason} maxLength={2_000} onChange={(e) => setReason(e.target.value)} data-testid="bulk-batch-reason" />
      </Field>
    </div>
  );
}

export function RemoveForm({ target, count, onSpec }: FormProps) {
  const t = useT();
  const [reason, setReason] = useState('');
  useEffect(() => {
    const ok = reason.trim().length >= 5;
    const n = count.toLocaleString('vi-VN');
    onSpec({
      build: ok
        ? (s) => (target === 'documents' ? { action: 'documents.remove', selection: s.documents!, reason: reason.trim() } : { action: 'files.remove', selection: s.files, reason: reason.trim() })
        : null,
      summary: ok ? t(target === 'documents' ? 'bulk.remove.summary.documents' : 'bulk.remove.summary.files', { n }) : t('bulk.remove.tooShort'),
    });
  }, [reason]);
  return (
    <div className="form-grid">
      <Field id="bulk-remove-reason" label={t('bulk.remove.reason')} required wide>
        <textarea id="bulk-remove-reason" rows={3} value={reason} maxLength={2_000} onChange={(e) => setReason(e.target.value)} data-testid="bulk-remove-reason" />
      </Field>
    </div>
  );
}

/**
 * The next step of a batch and what stands in its way: list the files, build the package (a job
 * with progress and cancel), confirm the handover, record the receipt; or reopen to correct.
 */
import { useState } from 'react';
import type { BatchDetail } from '@shared/contract/types/handover';
import { useMutation, useQuery } from '../../api/hooks';
import { refreshAfterChange } from '../../stores/refresh';
import { useLocale, useT } from '../../i18n';
import { errorMessage } from '../../util/errors';
import { sentence } from '@shared/contract/errors';
import { ErrorBanner } from '../common/ErrorBanner';
import { Field } from '../common/Field';
import { JobProgress } from '../common/JobProgress';
import { useHandoverJob } from './useHandoverJob';

export function BatchActions({ detail, onChange, reload }: { detail: BatchDetail; onChange(d: BatchDetail): void; reload(): Promise<void> }) {
  const t = useT();
  const locale = useLocale();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [target, setTarget] = useState('');
  const [receiptPath, setReceiptPath] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [reopening, setReopening] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useHandoverJob(jobId, () => {
    void reload();
    void refreshAfterChange();
  });
  const packing = job.status?.state === 'running';
  const advance = useMutation('handover.batches.advance');
  const reopen = useMutation('handover.batches.reopen');
  const recordReceipt = useMutation('handover.batches.recordReceipt');
  const startPackaging = useMutation('handover.package.start');
  const encrypted = useQuery('catalogue.encryption', {}).data?.encrypted ?? false;

  // Nothing is left to do on a received batch, nor on one received from elsewhere.
  if (detail.direction !== 'outgoing' || detail.status === 'received') return null;

  const act = async (fn: () => Promise<BatchDetail | void>) => {
    setError(null);
    setBusy(true);
    try {
      const d = await fn();
      if (d) onChange(d);
      await refreshAfterChange();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const startPackage = () =>
    act(async () => {
      setJobId(null);
      const { jobId: id } = await startPackaging.send({ batchId: detail.id, ...(target.trim() ? { out: target.trim() } : {}) });
      setJobId(id);
    });

  const blocked = detail.blockers.length > 0;
  const canReopen = detail.status === 'listed' || detail.status === 'packed';

  return (
    <section className="panel hv-actions" data-testid="hv-actions">
      {detail.status !== 'handed_over' ? (
        blocked ? (
          <div className="hv-blockers" data-testid="hv-blockers">
            <h2 className="section-title warn-text">{t('handover.batch.blockers')}</h2>
            <ul>
              {detail.blockers.map((b) => (
                <li key={b.code} data-testid={`hv-blocker-${b.code}`}>
                  {sentence(locale, b.message)}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="ok-text" data-testid="hv-ready">
            {t('handover.batch.ready')}
          </p>
        )
      ) : null}
      <ErrorBanner message={error} testId="hv-action-error" />

      {detail.status === 'draft' ? (
        <button type="button" className="primary" disabled={busy || blocked} onClick={() => void act(() => advance.send({ id: detail.id, to: 'listed' }))} data-testid="hv-list">
          {t('handover.batch.list')}
        </button>
      ) : null}

      {detail.status === 'listed' || detail.status === 'packed' ? (
        <div className="hv-pack">
          <Field id="hv-target" label={encrypted ? t('handover.batch.packTargetEncrypted') : t('handover.batch.packTarget')} wide>
            <input id="hv-target" value={target} onChange={(e) => setTarget(e.target.value)} placeholder={detail.package?.path ?? ''} disabled={packing} data-testid="hv-target" />
          </Field>
          <button
            type="button"
            className={detail.status === 'listed' ? 'primary' : ''}
            disabled={busy || packing || (detail.status === 'listed' && blocked)}
            onClick={() => void startPackage()}
            data-testid="hv-pack"
          >
            {detail.status === 'packed' ? t('handover.batch.repack') : t('handover.batch.pack')}
          </button>
        </div>
      ) : null}
      {job.status && (packing || detail.status === 'listed' || detail.status === 'packed') ? <JobProgress status={job.status} onCancel={() => void job.cancel()} testId="hv-package-job" /> : null}
      <ErrorBanner message={job.error} testId="hv-job-error" />

      {detail.status === 'packed' ? (
        <button type="button" className="primary" disabled={busy || packing || blocked} onClick={() => void act(() => advance.send({ id: detail.id, to: 'handed_over' }))} data-testid="hv-hand-over">
          {t('handover.batch.handOver')}
        </button>
      ) : null}

      {detail.status === 'handed_over' ? (
        <div className="form-grid hv-receipt-form">
          <Field id="hv-receipt-path" label={t('handover.batch.receiptPath')} wide>
            <input id="hv-receipt-path" value={receiptPath} onChange={(e) => setReceiptPath(e.target.value)} data-testid="hv-receipt-path" />
          </Field>
          <Field id="hv-receipt-note" label={t('handover.batch.receiptNote')} wide>
            <input id="hv-receipt-note" value={note} onChange={(e) => setNote(e.target.value)} data-testid="hv-receipt-note" />
          </Field>
          <div>
            <button
              type="button"
              className="primary"
              disabled={busy || (!receiptPath.trim() && note.trim().length < 5)}
              onClick={() =>
                void act(() =>
                  recordReceipt.send({
                    id: detail.id,
                    ...(receiptPath.trim() ? { receiptPath: receiptPath.trim() } : {}),
                    ...(note.trim() ? { note: note.trim() } : {}),
                  }),
                )
              }
              data-testid="hv-record-receipt"
            >
              {t('handover.batch.recordReceipt')}
            </button>
          </div>
        </div>
      ) : null}

      {canReopen && !packing ? (
        reopening ? (
          <div className="hv-inline">
            <input aria-label={t('handover.batch.reopenReason')} placeholder={t('handover.batch.reopenReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="hv-reopen-reason" />
            <button type="button" disabled={busy || reason.trim().length < 5} onClick={() => void act(() => reopen.send({ id: detail.id, reason: reason.trim() }))} data-testid="hv-reopen-confirm">
              {t('handover.batch.reopen')}
            </button>
            <button type="button" onClick={() => setReopening(false)}>
              {t('common.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="link hv-reopen" onClick={() => setReopening(true)} data-testid="hv-reopen">
            {t('handover.batch.reopen')}
          </button>
        )
      ) : null}
    </section>
  );
}

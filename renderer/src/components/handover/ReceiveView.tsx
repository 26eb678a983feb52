/** Tiếp nhận: check a package first, then receive it; the result and the receipt for the sender. */
import { useState } from 'react';
import type { HandoverJobResult } from '@shared/contract/types/handover';
import { useMutation } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { refreshAfterChange } from '../../stores/refresh';
import { useT } from '../../i18n';
import { errorMessage } from '../../util/errors';
import { ErrorBanner } from '../common/ErrorBanner';
import { Field, invalidProps } from '../common/Field';
import { JobProgress } from '../common/JobProgress';
import { useHandoverJob } from './useHandoverJob';
import { VerificationReportView } from './VerificationReportView';
import './handover.css';

export function ReceiveView() {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  const [location, setLocation] = useState('');
  // The package's digest as printed on the Biên bản giao nhận (optional): the package must be that one.
  const [digest, setDigest] = useState('');
  const [pathError, setPathError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [kind, setKind] = useState<'verify' | 'receive' | null>(null);
  const startVerify = useMutation('handover.verify.start', { announces: false });
  const startReceive = useMutation('handover.receive.start', { announces: false });
  const job = useHandoverJob(jobId, (status) => {
    if (status.kind === 'receive') void refreshAfterChange();
  });
  const running = job.status?.state === 'running';
  const result = job.result as Extract<HandoverJobResult, { kind: 'verify' | 'receive' }> | null;
  const received = result?.kind === 'receive' ? result.result : null;

  const start = async (what: 'verify' | 'receive') => {
    setError(null);
    if (!location.trim()) {
      setPathError(t('handover.recv.pathRequired'));
      return;
    }
    setPathError(null);
    try {
      setJobId(null);
      const input = { path: location.trim(), ...(digest.trim() ? { expectedDigest: digest.trim() } : {}) };
      // What a job changes is announced when it ends (refreshAfterChange), not when it starts.
      const { jobId: id } = what === 'verify' ? await startVerify.send(input) : await startReceive.send(input);
      setKind(what);
      setJobId(id);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section className="view hv-view" data-testid="handover-receive">
      <header className="view-header">
        <div>
          <p className="eyebrow">
            <button type="button" className="link" onClick={() => navigate({ kind: 'handover' })}>
              {t('handover.home.title')}
            </button>
          </p>
          <h1>{t('handover.recv.title')}</h1>
          <p className="muted">{t('handover.recv.intro')}</p>
        </div>
      </header>
      <section className="panel hv-section">
        <Field id="hv-recv-path" label={t('handover.recv.path')} error={pathError} wide>
          <input id="hv-recv-path" value={location} onChange={(e) => setLocation(e.target.value)} disabled={running} placeholder="/…/goi-ban-giao.zip" data-testid="hv-recv-path" {...invalidProps('hv-recv-path', pathError)} />
        </Field>
        <Field id="hv-recv-digest" label={t('handover.recv.digest')} wide>
          <input id="hv-recv-digest" value={digest} onChange={(e) => setDigest(e.target.value)} disabled={running} spellCheck={false} data-testid="hv-recv-digest" />
        </Field>
        <div className="view-actions hv-recv-buttons">
          <button type="button" disabled={running} onClick={() => void start('verify')} data-testid="hv-recv-verify">
            {t('handover.recv.verify')}
          </button>
          <button type="button" className="primary" disabled={running || !(kind === 'verify' && result?.report.valid)} onClick={() => void start('receive')} data-testid="hv-recv-receive">
            {t('handover.recv.receive')}
          </button>
        </div>
        <ErrorBanner message={error ?? job.error} testId="hv-recv-error" />
        {job.status ? <JobProgress status={job.status} onCancel={() => void job.cancel()} testId="hv-recv-job" /> : null}
      </section>
      {result ? (
        <section className="panel hv-section">
          <VerificationReportView report={result.report} />
        </section>
      ) : null}
      {received ? (
        <section className="panel hv-section hv-received" data-testid="hv-received">
          <p className="ok-text">{t('handover.recv.done', { files: received.files, documents: received.documents, attachments: received.attachments })}</p>
          {received.duplicates.length > 0 ? <p className="warn-text">{t('handover.recv.held', { n: received.duplicates.length })}</p> : null}
          {received.receiptPath ? (
            <p className="break" data-testid="hv-receipt-file">
              {t('handover.recv.receipt', { path: received.receiptPath })}
            </p>
          ) : null}
          <button type="button" onClick={() => navigate({ kind: 'handoverBatch', batchId: received.batchId })} data-testid="hv-open-received">
            {t('handover.recv.openBatch')}
          </button>
        </section>
      ) : null}
    </section>
  );
}

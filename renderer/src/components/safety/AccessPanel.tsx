/** Tài liệu mật (unlock with a reason, audited) and mã hóa danh mục (passphrase). */
import { type FormEvent, useEffect, useState } from 'react';
import type { SecretsStatus } from '@shared/contract/types/safety';
import { useMutation, useQuery } from '../../api/hooks';
import { refreshAfterChange } from '../../stores/refresh';
import { useT } from '../../i18n';
import { formatDateTime } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { Field } from '../common/Field';
import { EncryptionForm } from './EncryptionForm';

export function AccessPanel() {
  const t = useT();
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState('15');
  const [purpose, setPurpose] = useState<'view' | 'export'>('view');
  const [current, setCurrent] = useState<SecretsStatus | null>(null);
  const status = useQuery('access.status', {});
  const unlock = useMutation('access.unlockSecrets');
  const lock = useMutation('access.lockSecrets');
  useEffect(() => {
    if (status.data) setCurrent(status.data);
  }, [status.data]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await unlock.run({ reason, purpose, durationMinutes: Number(minutes) });
    if (r) {
      setCurrent(r);
      setReason('');
      await refreshAfterChange();
    }
  };
  const relock = async () => {
    const r = await lock.run({});
    if (r) {
      setCurrent(r);
      await refreshAfterChange();
    }
  };

  return (
    <div className="safety-panels">
      <section className="panel" aria-labelledby="safety-access-title">
        <h2 id="safety-access-title" className="section-title">
          {t('safety.access.title')}
        </h2>
        <p className="muted">{t('safety.access.hint')}</p>
        <ErrorBanner message={status.message ?? unlock.error ?? lock.error} />
        {current ? (
          <div data-testid="secrets-status">
            <p>{t('safety.access.count', { n: current.secretDocuments })}</p>
            <p className={current.visible ? 'warn-text' : 'safety-ok'} data-testid="secrets-visibility">
              <strong>{current.visible ? t('safety.access.visible') : t('safety.access.hidden')}</strong>
              {current.exportable ? ` ${t('safety.access.exportable')}` : ''}
            </p>
            {current.grant ? (
              <p className="muted" data-testid="secrets-grant">
                {t('safety.access.grant', { by: current.grant.by, at: formatDateTime(current.grant.at), until: formatDateTime(current.grant.until), reason: current.grant.reason })}
              </p>
            ) : null}
            {current.grant ? (
              <button type="button" onClick={() => void relock()} disabled={lock.busy} data-testid="secrets-lock">
                {t('safety.access.lock')}
              </button>
            ) : null}
          </div>
        ) : null}
        <form className="form-grid" onSubmit={(e) => void submit(e)} data-testid="secrets-unlock-form">
          <Field id="secrets-reason" label={t('safety.access.reason')} required wide>
            <input id="secrets-reason" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="secrets-reason" />
          </Field>
          <Field id="secrets-minutes" label={t('safety.access.duration')}>
            <input id="secrets-minutes" type="number" min={1} max={480} value={minutes} onChange={(e) => setMinutes(e.target.value)} data-testid="secrets-minutes" />
          </Field>
          <Field id="secrets-purpose" label={t('safety.access.purpose')}>
            <select id="secrets-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value as 'view' | 'export')} data-testid="secrets-purpose">
              <option value="view">{t('safety.access.purpose.view')}</option>
              <option value="export">{t('safety.access.purpose.export')}</option>
            </select>
          </Field>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={unlock.busy || reason.trim().length < 3} data-testid="secrets-unlock">
              {t('safety.access.unlock')}
            </button>
          </div>
        </form>
      </section>
      <EncryptionForm />
    </div>
  );
}

/** Mã hóa danh mục: encrypt it with a passphrase, or change the passphrase. */
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { fieldErrors } from '../../util/errors';
import { ErrorBanner } from '../common/ErrorBanner';
import { Field, invalidProps } from '../common/Field';

export function EncryptionForm() {
  const t = useT();
  const [form, setForm] = useState({ current: '', next: '', repeat: '' });
  const [mismatch, setMismatch] = useState(false);
  const status = useQuery('catalogue.encryption', {});
  const change = useMutation('catalogue.setPassphrase');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.next !== form.repeat) return setMismatch(true);
    setMismatch(false);
    if (await change.run({ next: form.next, ...(status.data?.encrypted ? { current: form.current } : {}) })) {
      setForm({ current: '', next: '', repeat: '' });
    }
  };
  const enc = status.data;
  if (!enc) return null;
  const errors = fieldErrors(change.failure) ?? {};
  const input = (key: keyof typeof form, label: string, error?: string | null) => (
    <Field id={`passphrase-${key}`} label={label} error={error} required>
      <input
        id={`passphrase-${key}`}
        type="password"
        autoComplete={key === 'current' ? 'current-password' : 'new-password'}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        data-testid={`passphrase-${key}`}
        {...invalidProps(`passphrase-${key}`, error)}
      />
    </Field>
  );
  return (
    <section className="panel" aria-labelledby="safety-encryption-title">
      <h2 id="safety-encryption-title" className="section-title">
        {t('safety.encryption.title')}
      </h2>
      <p className={enc.encrypted ? 'safety-ok' : 'warn-text'} data-testid="encryption-status">
        {enc.encrypted ? `✓ ${t('safety.encryption.on', { cipher: enc.cipher ?? '' })}` : t('safety.encryption.off')}
      </p>
      <p className="muted">{t('safety.encryption.originalsNote')}</p>
      {change.result ? <p className="safety-ok">✓ {t('safety.encryption.done', { n: change.result.backupsRekeyed })}</p> : null}
      <form className="form-grid" onSubmit={(e) => void submit(e)} data-testid="encryption-form">
        {enc.encrypted ? input('current', t('safety.encryption.current'), errors.current) : null}
        {input('next', t('safety.encryption.next'), errors.next)}
        {input('repeat', t('safety.encryption.repeat'), mismatch ? t('safety.encryption.mismatch') : null)}
        <ErrorBanner message={change.error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={change.busy || form.next.length < 8} data-testid="encryption-submit">
            {change.busy ? t('safety.working') : enc.encrypted ? t('safety.encryption.change') : t('safety.encryption.encrypt')}
          </button>
        </div>
      </form>
    </section>
  );
}

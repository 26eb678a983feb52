/**
 * Mã hóa danh mục: encrypt it with a passphrase, or change the passphrase. Exports made earlier
 * into the exports folder make the service refuse, naming them: the form then asks whether to move
 * them to a folder outside the data folder or to remove them, and sends the answer with the passphrase.
 * The work runs as a job (backup, catalogue and backups re-encrypted, originals sealed) whose
 * progress shows below the form; it can be cancelled until the catalogue's key changes.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { fieldErrors } from '../../util/errors';
import { ErrorBanner } from '../common/ErrorBanner';
import { Field, invalidProps } from '../common/Field';
import { JobProgress } from '../common/JobProgress';
import { FolderField } from '../common/FolderField';
import { usePassphraseJob } from './usePassphraseJob';

type ExportsChoice = 'move' | 'remove';

const codeOf = (err: unknown): string | null => (err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : null);

export function EncryptionForm() {
  const t = useT();
  const [form, setForm] = useState({ current: '', next: '', repeat: '' });
  const [mismatch, setMismatch] = useState(false);
  // Asked once the service named exports in the data folder; kept while the user answers.
  const [exportsAsked, setExportsAsked] = useState(false);
  const [exportsChoice, setExportsChoice] = useState<ExportsChoice>('move');
  const [moveTo, setMoveTo] = useState('');
  const status = useQuery('catalogue.encryption', {});
  const change = useMutation('catalogue.setPassphrase');
  const [jobId, setJobId] = useState<string | null>(null);
  const job = usePassphraseJob(jobId);
  const done = job.result;
  const running = job.status?.state === 'running' || (jobId !== null && job.status === null);
  const failedOn = codeOf(change.failure);
  useEffect(() => {
    if (failedOn === 'passphrase.exportsInDataFolder') setExportsAsked(true);
  }, [failedOn]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.next !== form.repeat) return setMismatch(true);
    setMismatch(false);
    const exportsAnswer = !exportsAsked ? {} : exportsChoice === 'remove' ? { removeExports: true as const } : moveTo.trim() ? { moveExportsTo: moveTo.trim() } : {};
    const started = await change.run({ next: form.next, ...(status.data?.encrypted ? { current: form.current } : {}), ...exportsAnswer });
    if (started) {
      setJobId(started.jobId);
      setForm({ current: '', next: '', repeat: '' });
      setExportsAsked(false);
      setMoveTo('');
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
      {done ? <p className="safety-ok">✓ {t('safety.encryption.done', { n: done.backupsRekeyed })}</p> : null}
      {done && done.exportsMoved.length > 0 ? (
        <p className="safety-ok break" data-testid="encryption-exports-moved">
          {t('safety.encryption.exports.moved', { n: done.exportsMoved.length, path: done.exportsMoved.map((p) => p.replace(/[/\\][^/\\]*$/, '')).filter((d, i, all) => all.indexOf(d) === i).join(', ') })}
        </p>
      ) : null}
      {done && done.exportsRemoved.length > 0 ? <p className="safety-ok">{t('safety.encryption.exports.removed', { n: done.exportsRemoved.length })}</p> : null}
      <form className="form-grid" onSubmit={(e) => void submit(e)} data-testid="encryption-form">
        {enc.encrypted ? input('current', t('safety.encryption.current'), errors.current) : null}
        {input('next', t('safety.encryption.next'), errors.next)}
        {input('repeat', t('safety.encryption.repeat'), mismatch ? t('safety.encryption.mismatch') : null)}
        {exportsAsked ? (
          <fieldset className="field field-wide radio-group" data-testid="encryption-exports">
            <legend>{t('safety.encryption.exports.title')}</legend>
            <label className="radio">
              <input type="radio" name="encryption-exports" checked={exportsChoice === 'move'} onChange={() => setExportsChoice('move')} data-testid="encryption-exports-move" />{' '}
              {t('safety.encryption.exports.move')}
            </label>
            <label className="radio">
              <input type="radio" name="encryption-exports" checked={exportsChoice === 'remove'} onChange={() => setExportsChoice('remove')} data-testid="encryption-exports-remove" />{' '}
              {t('safety.encryption.exports.remove')}
            </label>
          </fieldset>
        ) : null}
        {exportsAsked && exportsChoice === 'move' ? (
          <FolderField id="encryption-exports-folder" label={t('safety.encryption.exports.folder')} value={moveTo} onChange={setMoveTo} error={errors.moveExportsTo} testId="encryption-exports-folder" />
        ) : null}
        <ErrorBanner message={change.error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={change.busy || running || form.next.length < 8} data-testid="encryption-submit">
            {change.busy || running ? t('safety.working') : enc.encrypted ? t('safety.encryption.change') : t('safety.encryption.encrypt')}
          </button>
        </div>
      </form>
      {job.status ? <JobProgress status={job.status} onCancel={() => void job.cancel()} testId="encryption-job" /> : null}
      <ErrorBanner message={job.error} />
    </section>
  );
}

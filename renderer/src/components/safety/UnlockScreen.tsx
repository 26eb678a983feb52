/** Before the app, for an encrypted catalogue: the passphrase, sent to `catalogue.unlock`. */
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { ErrorBanner } from '../common/ErrorBanner';
import './safety.css';

export function UnlockScreen({ onUnlocked }: { onUnlocked(): void }) {
  const t = useT();
  const [passphrase, setPassphrase] = useState('');
  const lockState = useQuery('catalogue.lockState', {});
  const path = lockState.data?.cataloguePath ?? '';
  const unlock = useMutation('catalogue.unlock');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await unlock.run({ passphrase });
    setPassphrase('');
    if (r && !r.locked) onUnlocked();
  };
  return (
    <div className="splash safety-unlock" data-testid="unlock-screen">
      <form onSubmit={(e) => void submit(e)} className="safety-unlock-form">
        <h1>{t('safety.unlock.title')}</h1>
        <p className="muted">{t('safety.unlock.body', { path })}</p>
        <label htmlFor="unlock-passphrase">{t('safety.unlock.passphrase')}</label>
        <input id="unlock-passphrase" type="password" autoFocus autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} data-testid="unlock-passphrase" />
        <ErrorBanner message={unlock.error} />
        <button type="submit" className="primary" disabled={unlock.busy || passphrase.length === 0} data-testid="unlock-submit">
          {unlock.busy ? t('safety.working') : t('safety.unlock.submit')}
        </button>
      </form>
    </div>
  );
}

/** Shown while the catalogue holds no fonds: what Kho Lưu is, and two ways to begin. */
import { useMutation } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { useCatalogueStore } from '../../stores/catalogueStore';
import { useDialogStore } from '../../stores/dialogStore';
import { refreshAfterChange } from '../../stores/refresh';
import { useT } from '../../i18n';
import { ErrorBanner } from '../common/ErrorBanner';

export function Welcome() {
  const t = useT();
  const samplesAvailable = useAppStore((s) => s.info?.samplesAvailable ?? true);
  const navigate = useAppStore((s) => s.navigate);
  const openDialog = useDialogStore((s) => s.open);
  const samples = useMutation('samples.load');
  const { busy, error } = samples;

  const loadSamples = async () => {
    const loaded = await samples.run({});
    if (!loaded) return;
    await refreshAfterChange();
    useCatalogueStore.getState().expand(loaded.fondsId);
    navigate({ kind: 'fonds', fondsId: loaded.fondsId });
  };

  return (
    <section className="view welcome" data-testid="welcome">
      <h1>{t('welcome.title')}</h1>
      <p className="welcome-text">{t('welcome.body')}</p>
      <ErrorBanner message={error} />
      <div className="welcome-actions">
        {samplesAvailable ? (
          <button type="button" className="primary large" disabled={busy} onClick={() => void loadSamples()} data-testid="load-samples">
            {busy ? t('welcome.loadingSamples') : t('welcome.loadSamples')}
          </button>
        ) : null}
        <button type="button" className="large" disabled={busy} onClick={() => openDialog({ kind: 'newFonds' })} data-testid="welcome-new-fonds">
          {t('welcome.newFonds')}
        </button>
      </div>
    </section>
  );
}

/** The start page: the welcome on an empty catalogue, otherwise the list of fonds. */
import { useAppStore } from '../../stores/appStore';
import { useCatalogueStore } from '../../stores/catalogueStore';
import { useDialogStore } from '../../stores/dialogStore';
import { useT } from '../../i18n';
import { ErrorBanner } from '../common/ErrorBanner';
import { Welcome } from './Welcome';

export function HomeView() {
  const t = useT();
  const counts = useAppStore((s) => s.counts);
  const navigate = useAppStore((s) => s.navigate);
  const fonds = useCatalogueStore((s) => s.fonds);
  const error = useCatalogueStore((s) => s.error);
  const openDialog = useDialogStore((s) => s.open);

  if (counts && counts.fonds === 0) return <Welcome />;

  return (
    <section className="view" data-testid="home-view">
      <header className="view-header">
        <h1>{t('home.title')}</h1>
        <div className="view-actions">
          <button type="button" className="primary" onClick={() => openDialog({ kind: 'newFonds' })} data-testid="home-new-fonds">
            {t('home.newFonds')}
          </button>
        </div>
      </header>
      <ErrorBanner message={error} />
      <table className="data-table" data-testid="fonds-table">
        <thead>
          <tr>
            <th>{t('fonds.code')}</th>
            <th>{t('fonds.name')}</th>
            <th>{t('fonds.organization')}</th>
            <th>{t('fonds.status')}</th>
            <th className="num">{t('fonds.files')}</th>
            <th className="num">{t('fonds.documents')}</th>
          </tr>
        </thead>
        <tbody>
          {fonds.map((f) => (
            <tr key={f.id}>
              <td>
                <button type="button" className="link" onClick={() => navigate({ kind: 'fonds', fondsId: f.id })} data-testid={`fonds-link-${f.id}`}>
                  {f.code}
                </button>
              </td>
              <td>{f.name}</td>
              <td>{f.organizationName}</td>
              <td>{t(f.status === 'open' ? 'fonds.status.open' : 'fonds.status.closed')}</td>
              <td className="num">{f.fileCount}</td>
              <td className="num">{f.documentCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

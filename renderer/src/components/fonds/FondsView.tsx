/** Một phông: its files (mục lục hồ sơ) in a table, and a button to add one. */
import { useAppStore } from '../../stores/appStore';
import { unfiledCount, useCatalogueStore, useFondsFiles } from '../../stores/catalogueStore';
import { useDialogStore } from '../../stores/dialogStore';
import { useT } from '../../i18n';
import { ErrorBanner } from '../common/ErrorBanner';
import { FilesTable } from './FilesTable';
// Editing the fonds, and its body's 2025 lineage
import { FondsLineage } from '../structure/FondsLineage';

export function FondsView({ fondsId }: { fondsId: number }) {
  const t = useT();
  const fonds = useCatalogueStore((s) => s.fonds.find((f) => f.id === fondsId));
  const files = useFondsFiles(fondsId);
  const loaded = useCatalogueStore((s) => s.loaded);
  const error = useCatalogueStore((s) => s.error);
  const navigate = useAppStore((s) => s.navigate);
  const openDialog = useDialogStore((s) => s.open);

  if (!fonds) {
    return (
      <section className="view">
        <ErrorBanner message={error} />
        {loaded ? null : <p className="muted">{t('common.loading')}</p>}
      </section>
    );
  }
  const unfiled = unfiledCount(fonds, files);

  return (
    <section className="view" data-testid="fonds-view">
      <header className="view-header">
        <div>
          <p className="eyebrow">
            {t('doc.fonds')} · {fonds.code}
          </p>
          <h1 data-testid="fonds-title">{fonds.name}</h1>
          <p className="muted">
            {fonds.organizationName} · {t(fonds.status === 'open' ? 'fonds.status.open' : 'fonds.status.closed')}
          </p>
          <FondsLineage fonds={fonds} />
        </div>
        <div className="view-actions">
          {/* The fonds' inventory and statistics */}
          <button type="button" onClick={() => navigate({ kind: 'inventory', fondsId })} data-testid="fonds-inventory">
            {t('handover.inv.open')}
          </button>
          <button type="button" onClick={() => openDialog({ kind: 'import', fondsId, fileId: null })} data-testid="fonds-import">
            {t('top.import')}
          </button>
          <button type="button" className="primary" onClick={() => openDialog({ kind: 'newFile', fondsId })} data-testid="add-file">
            + {t('fonds.addFile')}
          </button>
        </div>
      </header>
      <ErrorBanner message={error} />
      <h2 className="section-title">{t('fonds.fileList')}</h2>
      {files && files.length > 0 ? (
        <FilesTable fondsId={fondsId} files={files} onOpen={(fileId) => navigate({ kind: 'file', fileId })} />
      ) : (
        <p className="muted" data-testid="no-files">
          {t('fonds.noFiles')}
        </p>
      )}
      {unfiled > 0 ? (
        <p>
          <button type="button" className="link" onClick={() => navigate({ kind: 'unfiled', fondsId })} data-testid="fonds-unfiled-link">
            {t('fonds.unfiledDocs', { n: unfiled })}
          </button>
        </p>
      ) : null}
    </section>
  );
}

/** Một hồ sơ: its description and its documents; "Sửa hồ sơ". */
import { useQuery } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { useCatalogueStore } from '../../stores/catalogueStore';
import { useDialogStore } from '../../stores/dialogStore';
import { useT } from '../../i18n';
import { ErrorBanner } from '../common/ErrorBanner';
import { DocumentsTable } from './DocumentsTable';
import { FileSummary } from './FileSummary';
import { RemoveRecordButton } from '../safety/RemoveRecordButton';

export function FileView({ fileId }: { fileId: number }) {
  const t = useT();
  const fonds = useCatalogueStore((s) => s.fonds);
  const navigate = useAppStore((s) => s.navigate);
  const openDialog = useDialogStore((s) => s.open);
  const read = useQuery('files.get', { id: fileId });
  const file = read.data;
  const error = read.message;

  if (!file) return <section className="view">{error ? <ErrorBanner message={error} /> : <p className="muted">{t('common.loading')}</p>}</section>;
  const parent = fonds.find((f) => f.id === file.fondsId);

  return (
    <section className="view" data-testid="file-view">
      <header className="view-header">
        <div>
          <p className="eyebrow">
            <button type="button" className="link" onClick={() => navigate({ kind: 'fonds', fondsId: file.fondsId })}>
              {t('doc.fonds')} · {parent ? `${parent.code} — ${parent.name}` : file.fondsId}
            </button>
          </p>
          <h1 data-testid="file-title">
            <span className="code">{file.code}</span> {file.title}
          </h1>
        </div>
        <div className="view-actions">
          {/* Removal needs a reason and can be undone */}
          <RemoveRecordButton kind="file" id={file.id} fondsId={file.fondsId} />
          <button type="button" onClick={() => openDialog({ kind: 'import', fondsId: file.fondsId, fileId: file.id })} data-testid="file-import">
            {t('file.importHere')}
          </button>
          <button type="button" className="primary" onClick={() => openDialog({ kind: 'editFile', fileId: file.id })} data-testid="edit-file">
            {t('file.edit')}
          </button>
        </div>
      </header>
      <ErrorBanner message={error} />
      <FileSummary file={file} />
      <h2 className="section-title">
        {t('doc.title')} ({file.documentCount})
      </h2>
      <DocumentsTable query={{ fileId: file.id }} fondsId={file.fondsId} emptyText={t('file.noDocuments')} />
    </section>
  );
}

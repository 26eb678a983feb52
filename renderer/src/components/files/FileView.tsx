/** Một hồ sơ: its description and its documents; "Sửa hồ sơ". */
import { useEffect, useState } from 'react';
import type { ArchiveFile } from '@shared/contract/types';
import { call } from '../../api/client';
import { useAppStore } from '../../stores/appStore';
import { useCatalogueStore } from '../../stores/catalogueStore';
import { useDialogStore } from '../../stores/dialogStore';
import { useT } from '../../i18n';
import { errorMessage } from '../../util/errors';
import { ErrorBanner } from '../common/ErrorBanner';
import { DocumentsTable } from './DocumentsTable';
import { FileSummary } from './FileSummary';
import { RemoveRecordButton } from '../safety/RemoveRecordButton';

export function FileView({ fileId }: { fileId: number }) {
  const t = useT();
  const revision = useCatalogueStore((s) => s.revision);
  const fonds = useCatalogueStore((s) => s.fonds);
  const navigate = useAppStore((s) => s.navigate);
  const openDialog = useDialogStore((s) => s.open);
  const [file, setFile] = useState<ArchiveFile | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('files.get', { id: fileId })
      .then((f) => live && setFile(f))
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [fileId, revision]);

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

/** Một văn bản: metadata, its file, originals, full text and change history. */
import { useEffect, useMemo, useState } from 'react';
import { useAppStore } from '../../stores/appStore';
import { useDialogStore } from '../../stores/dialogStore';
import { useDocumentStore } from '../../stores/documentStore';
import { useT } from '../../i18n';
import { formatDate } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { Attachments } from './Attachments';
import { AuditHistory } from './AuditHistory';
import { DocumentFileCard } from './DocumentFileCard';
import { DocumentMetadata } from './DocumentMetadata';
import { RemoveRecordButton, RemovedBanner } from '../safety/RemoveRecordButton';
import { DocumentCitations } from './DocumentCitations';
import { ReadingNotice } from '../registers/ReadingNotice';
// The original beside its record
import { OriginalViewer } from '../viewer/OriginalViewer';
import { useSearchStore } from '../../stores/searchStore';
import { highlightTerms } from '@shared/text/findTerms';
import { fieldTerms } from '@shared/text/fieldTerms';

export function DocumentView({ documentId }: { documentId: number }) {
  const t = useT();
  const detail = useDocumentStore((s) => (s.documentId === documentId ? s.detail : null));
  const audit = useDocumentStore((s) => s.audit);
  const error = useDocumentStore((s) => s.error);
  const load = useDocumentStore((s) => s.load);
  const navigate = useAppStore((s) => s.navigate);
  const openDialog = useDialogStore((s) => s.open);
  // The words of the search that led here are marked in the original.
  const searchText = useSearchStore((s) => s.text);
  const searchTerms = useMemo(() => highlightTerms(searchText), [searchText]);
  const [located, setLocated] = useState<string | null>(null);

  useEffect(() => {
    void load(documentId);
  }, [documentId, load]);

  if (!detail) {
    return <section className="view">{error ? <ErrorBanner message={error} /> : <p className="muted">{t('common.loading')}</p>}</section>;
  }

  return (
    <section className="view document-view" data-testid="document-view">
      <header className="view-header">
        <div>
          <p className="eyebrow">
            <button type="button" className="link" onClick={() => navigate({ kind: 'fonds', fondsId: detail.fonds.id })}>
              {t('doc.fonds')} · {detail.fonds.code} — {detail.fonds.name}
            </button>
          </p>
          <h1 data-testid="document-title">
            {detail.docType ? <span className="doc-type">{detail.docType}</span> : null}{' '}
            <span data-testid="document-number">{detail.numberSymbol ?? t('doc.untitled')}</span>
            {detail.issueDate ? <span className="muted title-date"> · {formatDate(detail.issueDate)}</span> : null}
          </h1>
          {detail.subject ? <p className="doc-subject">{detail.subject}</p> : null}
        </div>
        <div className="view-actions">
          {/* Removal needs a reason and can be undone */}
          {detail.removal ? null : <RemoveRecordButton kind="document" id={detail.id} fondsId={detail.fondsId} />}
          <button type="button" className="primary" onClick={() => openDialog({ kind: 'editDocument', documentId: detail.id })} disabled={!!detail.removal} data-testid="edit-document">
            {t('doc.edit')}
          </button>
        </div>
      </header>
      {detail.removal ? <RemovedBanner documentId={detail.id} removal={detail.removal} /> : null}
      <ErrorBanner message={error} />
      <ReadingNotice documentId={detail.id} />
      <div className="document-compare">
        <div className="document-main">
          <DocumentMetadata doc={detail} located={located} onLocate={setLocated} />
          <DocumentFileCard file={detail.file} />
          <Attachments attachments={detail.attachments} />
          <section className="panel" aria-labelledby="fulltext-heading">
            <h2 id="fulltext-heading" className="section-title">
              {t('doc.fullText')}
            </h2>
            {detail.fullText ? (
              <div className="full-text" data-testid="full-text">
                {detail.fullText}
              </div>
            ) : (
              <p className="muted">{t('doc.noFullText')}</p>
            )}
          </section>
          <DocumentCitations documentId={detail.id} />
        </div>
        <OriginalViewer
          key={detail.id}
          attachments={detail.attachments}
          searchTerms={searchTerms}
          fieldTerms={located ? fieldTerms(located, detail[located as keyof typeof detail]) : []}
          documentId={detail.id}
          field={located}
        />
      </div>
      <AuditHistory entries={audit} />
    </section>
  );
}

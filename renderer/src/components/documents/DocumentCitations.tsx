/** Trích dẫn: what the document cites (linked, not identified, or missing) and what cites it. */
import type { CitationLink, DocumentRef } from '@shared/contract/types/importing';
import { useMutation, useQuery } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { useT } from '../../i18n';
import { formatDate } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import '../import/importArea.css';

function DocLink({ doc }: { doc: DocumentRef }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  return (
    <button type="button" className="link cite-doc" onClick={() => navigate({ kind: 'document', documentId: doc.id })} data-testid="cite-doc-link">
      <strong>{doc.numberSymbol ?? t('doc.untitled')}</strong>
      {doc.issueDate ? ` · ${formatDate(doc.issueDate)}` : ''}
      {doc.subject ? <span className="muted"> — {doc.subject}</span> : null}
      <span className="muted"> ({doc.fondsCode})</span>
    </button>
  );
}

function CiteItem({ c, onLink }: { c: CitationLink; onLink(citationId: number, documentId: number | null): void }) {
  const t = useT();
  const stateLabel =
    c.state === 'linked' ? t('import.cite.linked') : c.state === 'ambiguous' ? t('import.cite.ambiguous', { n: c.candidates.length }) : t('import.cite.missing');
  const stateClass = c.state === 'linked' ? 'ok-text' : c.state === 'ambiguous' ? 'warn-text' : 'muted';
  return (
    <li className="cite-item" data-testid="cite-item" data-state={c.state} data-number={c.numberSymbol}>
      <div>
        {c.docType ? `${c.docType} ` : ''}
        <strong>{c.numberSymbol}</strong>
        {c.citedDate ? ` ${t('import.cite.dated', { date: formatDate(c.citedDate) })}` : ''}{' '}
        <span className={`cite-state ${stateClass}`} data-testid="cite-state">
          {stateLabel}
        </span>
        {c.linkMethod === 'manual' ? <span className="muted"> · {t('import.cite.manual')}</span> : null}
      </div>
      {c.target ? (
        <div className="cite-target">
          <DocLink doc={c.target} />
          {c.linkMethod === 'manual' ? (
            <button type="button" className="link" onClick={() => onLink(c.id, null)} data-testid="cite-unlink">
              {t('import.cite.unlink')}
            </button>
          ) : null}
        </div>
      ) : null}
      {c.candidates.length > 0 ? (
        <ul className="cite-candidates">
          {c.candidates.map((d) => (
            <li key={d.id}>
              <DocLink doc={d} />{' '}
              <button type="button" onClick={() => onLink(c.id, d.id)} data-testid="cite-choose">
                {t('import.cite.choose')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** Read again after every change in the window (an edit of this document, a link made). */
export function DocumentCitations({ documentId }: { documentId: number }) {
  const t = useT();
  const citations = useQuery('documents.citations', { id: documentId });
  const linkCitation = useMutation('citations.link');
  const data = citations.data;
  const error = citations.message ?? linkCitation.error;

  const link = async (citationId: number, target: number | null) => {
    await linkCitation.run({ citationId, documentId: target });
  };

  return (
    <section className="panel" aria-labelledby="citations-heading" data-testid="document-citations">
      <h2 id="citations-heading" className="section-title">
        {t('import.cite.title')}
      </h2>
      <ErrorBanner message={error} />
      {data ? (
        <div className="cite-columns">
          <div>
            <h3 className="cite-subtitle">{t('import.cite.cites')}</h3>
            {data.cites.length === 0 ? (
              <p className="muted">{t('import.cite.none')}</p>
            ) : (
              <ul className="cite-list" data-testid="cites-list">
                {data.cites.map((c) => (
                  <CiteItem key={c.id} c={c} onLink={(id, d) => void link(id, d)} />
                ))}
              </ul>
            )}
          </div>
          <div>
            <h3 className="cite-subtitle">{t('import.cite.citedBy')}</h3>
            {data.citedBy.length === 0 ? (
              <p className="muted">{t('import.cite.noneCitedBy')}</p>
            ) : (
              <ul className="cite-list" data-testid="cited-by-list">
                {data.citedBy.map((c) => (
                  <li key={c.citationId} className="cite-item" data-testid="cited-by-item" data-linked={c.linked}>
                    <DocLink doc={c.source} />
                    {c.linked ? null : <span className="warn-text"> · {t('import.cite.possibly')}</span>}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </section>
  );
}

/** "Cites / cited by" of one hit, loaded when asked (`documents.citations`, import area). */
import { useState } from 'react';
import type { DocumentRef } from '@shared/contract/types/importing';
import { useQuery } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { useT } from '../../i18n';
import { formatDate } from '../../util/format';

function Ref({ doc }: { doc: DocumentRef }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  return (
    <button type="button" className="link" onClick={() => navigate({ kind: 'document', documentId: doc.id })} data-testid="hit-citation-link">
      {doc.numberSymbol ?? t('doc.untitled')}
      {doc.issueDate ? ` · ${formatDate(doc.issueDate)}` : ''}
      {doc.subject ? <span className="muted"> — {doc.subject}</span> : null}
    </button>
  );
}

export function HitCitations({ documentId }: { documentId: number }) {
  const t = useT();
  // Read when the hit's citations are first opened, not for every hit of the page.
  const [opened, setOpened] = useState(false);
  const citations = useQuery('documents.citations', { id: documentId }, { enabled: opened });
  const data = citations.data;
  const error = citations.message;
  return (
    <details
      className="hit-citations"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open) setOpened(true);
      }}
      data-testid="hit-citations"
    >
      <summary>{t('search.citations')}</summary>
      {error ? <p className="field-error">{error}</p> : null}
      {data ? (
        data.cites.length === 0 && data.citedBy.length === 0 ? (
          <p className="muted">{t('search.citations.none')}</p>
        ) : (
          <div className="hit-citations-body">
            {data.cites.length > 0 ? (
              <div>
                <strong>{t('search.citations.cites', { n: data.cites.length })}</strong>
                <ul>
                  {data.cites.map((c) => (
                    <li key={c.id}>
                      {c.target ? <Ref doc={c.target} /> : (
                        <span>
                          {c.numberSymbol} <span className="muted">({t('search.citations.notInCatalogue')})</span>
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {data.citedBy.length > 0 ? (
              <div>
                <strong>{t('search.citations.citedBy', { n: data.citedBy.length })}</strong>
                <ul>
                  {data.citedBy.map((c) => (
                    <li key={c.citationId}>
                      <Ref doc={c.source} />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        )
      ) : null}
    </details>
  );
}

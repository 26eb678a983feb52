/** One hit: number-symbol, type, date, issuer, fonds/file, and the snippet with hits in <mark>. */
import type { SearchHit } from '@shared/contract/types';
import { useAppStore } from '../../stores/appStore';
import { useT } from '../../i18n';
import { formatDate } from '../../util/format';

export function SearchHitItem({ hit }: { hit: SearchHit }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  return (
    <li className="hit" data-testid="search-hit" data-document-id={hit.documentId}>
      <button type="button" className="hit-open" onClick={() => navigate({ kind: 'document', documentId: hit.documentId })} data-testid="search-hit-open">
        <span className="hit-number" data-testid="search-hit-number">
          {hit.numberSymbol ?? t('doc.untitled')}
        </span>
        {hit.docType ? <span className="hit-type">{hit.docType}</span> : null}
        {hit.issueDate ? <span className="hit-date">{formatDate(hit.issueDate)}</span> : null}
      </button>
      {hit.subject ? <div className="hit-subject">{hit.subject}</div> : null}
      <div className="hit-meta muted">
        {hit.issuer ? <span>{hit.issuer}</span> : null}
        <span>
          {t('doc.fonds')} {hit.fondsCode}
        </span>
        <span>{hit.fileTitle ? t('search.inFile', { title: hit.fileTitle }) : t('search.unfiled')}</span>
      </div>
      {hit.snippet.length > 0 ? (
        <p className="hit-snippet" data-testid="search-hit-snippet">
          {hit.snippet.map((seg, i) => (seg.hit ? <mark key={i}>{seg.text}</mark> : <span key={i}>{seg.text}</span>))}
        </p>
      ) : null}
    </li>
  );
}

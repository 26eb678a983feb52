/**
 * One hit: number-symbol, type, date, issuer, subject, fonds/file, signer, why it matched, the
 * snippet with the typed words marked (text segments only: markup in a document stays text), and
 * its citations.
 */
import type { ReactNode } from 'react';
import type { SearchHit } from '@shared/contract/types';
import { useAppStore } from '../../stores/appStore';
import { useT } from '../../i18n';
import { formatDate } from '../../util/format';
import { HitCitations } from './HitCitations';

/** `select`: the hit's selection checkbox and row handlers, when the list is selectable. */
export function SearchHitItem({ hit, select }: { hit: SearchHit; select?: { checkbox: ReactNode; rowProps: Record<string, unknown> } }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  const issuer = hit.issuer ? (hit.parentIssuer ? `${hit.issuer} — ${hit.parentIssuer}` : hit.issuer) : null;
  return (
    <li
      {...select?.rowProps}
      className={`hit${select?.rowProps.className ? ` ${String(select.rowProps.className)}` : ''}`}
      data-testid="search-hit"
      data-document-id={hit.documentId}
      data-matched-by={hit.matchedBy ?? ''}
    >
      {select ? <span className="hit-select">{select.checkbox}</span> : null}
      <button type="button" className="hit-open" onClick={() => navigate({ kind: 'document', documentId: hit.documentId })} data-testid="search-hit-open">
        <span className="hit-number" data-testid="search-hit-number">
          {hit.numberSymbol ?? t('doc.untitled')}
        </span>
        {hit.docType ? <span className="hit-type">{hit.docType}</span> : null}
        {hit.issueDate ? <span className="hit-date">{formatDate(hit.issueDate)}</span> : null}
        {hit.securityLevel ? <span className="hit-secret">{t(`security.${hit.securityLevel}`)}</span> : null}
      </button>
      {hit.subject ? <div className="hit-subject">{hit.subject}</div> : null}
      <div className="hit-meta muted">
        {issuer ? <span>{issuer}</span> : null}
        {hit.signerName ? <span>{t('search.signedBy', { name: hit.signerName })}</span> : null}
        <span>
          {t('doc.fonds')} {hit.fondsCode}
        </span>
        <span>{hit.fileTitle ? t('search.inFile', { title: hit.fileTitle }) : t('search.unfiled')}</span>
        {hit.matchedBy && hit.matchedBy !== 'browse' ? (
          <span className="hit-why" data-testid="search-hit-why">
            {t(`search.matched.${hit.matchedBy}`)}
            {hit.exact ? ` · ${t('search.exact')}` : ''}
            {hit.corrected ? ` · ${t('search.corrected.badge')}` : ''}
          </span>
        ) : null}
      </div>
      {hit.snippet.length > 0 ? (
        <p className="hit-snippet" data-testid="search-hit-snippet">
          {hit.snippet.map((seg, i) => (seg.hit ? <mark key={i}>{seg.text}</mark> : <span key={i}>{seg.text}</span>))}
        </p>
      ) : null}
      <HitCitations documentId={hit.documentId} />
    </li>
  );
}

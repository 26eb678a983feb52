/** The document's metadata; fields in `reviewFields` carry a "cần rà soát" mark. */
import type { ReactNode } from 'react';
import type { DocumentRecord } from '@shared/contract/types';
import { useT, type MessageKey } from '../../i18n';
import { formatDate } from '../../util/format';
import { ReviewBadge } from '../common/ReviewBadge';

interface Row {
  field: keyof DocumentRecord;
  label: MessageKey;
  value: ReactNode;
}

export function DocumentMetadata({ doc, located, onLocate }: { doc: DocumentRecord; located?: string | null; onLocate?(field: string | null): void }) {
  const t = useT();
  const list = (items: string[]) =>
    items.length > 0 ? (
      <ul className="plain-list">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    ) : null;
  const stamp = doc.incomingStamp
    ? t('doc.incomingStampValue', {
        receiver: doc.incomingStamp.receiver ?? '—',
        number: doc.incomingStamp.number ?? '—',
        date: doc.incomingStamp.date ?? '—',
      })
    : null;

  const rows: Row[] = [
    { field: 'docType', label: 'doc.type', value: doc.docType },
    { field: 'numberSymbol', label: 'doc.numberSymbol', value: doc.numberSymbol },
    { field: 'issueDate', label: 'doc.issueDate', value: doc.issueDate ? formatDate(doc.issueDate) : null },
    { field: 'place', label: 'doc.place', value: doc.place },
    { field: 'parentIssuer', label: 'doc.parentIssuer', value: doc.parentIssuer },
    { field: 'issuer', label: 'doc.issuer', value: doc.issuer },
    { field: 'subject', label: 'doc.subject', value: doc.subject },
    { field: 'addressees', label: 'doc.addressees', value: list(doc.addressees) },
    { field: 'signingAuthority', label: 'doc.signingAuthority', value: doc.signingAuthority },
    { field: 'signerTitle', label: 'doc.signerTitle', value: doc.signerTitle },
    { field: 'signerName', label: 'doc.signerName', value: doc.signerName },
    { field: 'recipients', label: 'doc.recipients', value: list(doc.recipients) },
    { field: 'securityLevel', label: 'doc.securityLevel', value: doc.securityLevel ? t(`security.${doc.securityLevel}`) : null },
    { field: 'urgency', label: 'doc.urgency', value: doc.urgency ? t(`urgency.${doc.urgency}`) : null },
    { field: 'incomingStamp', label: 'doc.incomingStamp', value: stamp },
    { field: 'notes', label: 'doc.notes', value: doc.notes },
  ];
  const review = new Set(doc.reviewFields);

  return (
    <section className="panel" aria-labelledby="metadata-heading" data-testid="document-metadata">
      <h2 id="metadata-heading" className="section-title">
        {t('doc.metadata')}
        {review.size > 0 ? <span className="muted section-note"> · {t('doc.reviewSummary', { n: review.size })}</span> : null}
      </h2>
      <dl className="metadata-grid">
        {rows.map((row) => (
          <div key={row.field} className={review.has(row.field) ? 'meta-row needs-review' : 'meta-row'} data-testid={`meta-${row.field}`}>
            <dt>
              {t(row.label)}
              {review.has(row.field) ? <ReviewBadge field={row.field} /> : null}
              {onLocate && row.value ? (
                <button
                  type="button"
                  className="link locate-field"
                  aria-pressed={located === row.field}
                  onClick={() => onLocate(located === row.field ? null : row.field)}
                  title={t('viewer.locate')}
                  data-testid={`locate-${row.field}`}
                >
                  <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6">
                    <circle cx="7" cy="7" r="4.5" />
                    <path d="M10.5 10.5 14 14" strokeLinecap="round" />
                  </svg>
                  <span className="visually-hidden">{t('viewer.locateField', { field: t(row.label) })}</span>
                </button>
              ) : null}
            </dt>
            <dd className={row.field === 'securityLevel' && doc.securityLevel ? 'secret-text' : ''}>{row.value ?? <span className="muted">—</span>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

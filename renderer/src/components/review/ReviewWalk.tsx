/**
 * Rà soát từng văn bản: the review queue walked one document at a time, the original on the left
 * and the flagged fields on the right, by keyboard: ↑/↓ pick a field (its place is marked on the
 * original), E corrects it, Enter accepts the document's fields (with the corrections) and opens
 * the next one, N or → skips, P or ← goes back, Esc returns to the queue.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { InputOf } from '@shared/contract/api';
import type { DocumentDetail } from '@shared/contract/types';
import type { ReviewItem } from '@shared/contract/types/importing';
import { fieldTerms } from '@shared/text/fieldTerms';
import { isIsoDate } from '@shared/text/dates';
import { useLazyQuery, useMutation } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { refreshAfterChange } from '../../stores/refresh';
import { useT } from '../../i18n';
import { errorMessage } from '../../util/errors';
import { formatDate } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { OriginalViewer } from '../viewer/OriginalViewer';
import { ReviewWalkField } from './ReviewWalkField';
import { EDITABLE, fromInput, toInput } from './reviewFields';
import './reviewWalk.css';

type Patch = NonNullable<InputOf<'review.confirm'>['patch']>;

interface Props {
  fondsId?: number;
  field?: string;
}

export function ReviewWalk({ fondsId, field }: Props) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  /** Documents passed over without confirming: the walk reads the queue from there. */
  const [skipped, setSkipped] = useState(0);
  const [item, setItem] = useState<ReviewItem | null>(null);
  const [detail, setDetail] = useState<DocumentDetail | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [corrections, setCorrections] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  // The walk reads one document at a time, in its own order: reads on demand, not followed queries.
  const readQueue = useLazyQuery('review.list');
  const readDocument = useLazyQuery('documents.get');
  const confirm = useMutation('review.confirm');

  const load = useCallback(async () => {
    try {
      const page = await readQueue.send({ fondsId, field, offset: skipped, limit: 1 });
      setTotal(page.total);
      const next = page.items[0] ?? null;
      // Past the end after skipping: back to the last document still waiting.
      if (!next && skipped > 0 && page.total > 0) return setSkipped(page.total - 1);
      setItem(next);
      setActive(0);
      setEditing(null);
      setCorrections({});
      setErrors({});
      setError(null);
      setDetail(next ? await readDocument.send({ id: next.document.id }) : null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [fondsId, field, skipped]);

  useEffect(() => {
    void load();
  }, [load]);

  // The fields take the keyboard as soon as a document is shown.
  useEffect(() => {
    if (item && editing === null) panel.current?.focus({ preventScroll: true });
  }, [item, editing]);

  const accept = async () => {
    if (!item || busy) return;
    const patch: Record<string, unknown> = {};
    const invalid: Record<string, string> = {};
    for (const f of item.fields) {
      const kind = EDITABLE[f.field];
      const typed = corrections[f.field];
      if (!kind || typed === undefined || typed === toInput(f.value)) continue;
      const value = fromInput(kind, typed);
      if (kind === 'date' && typeof value === 'string' && !isIsoDate(value)) invalid[f.field] = t('common.invalidDate');
      patch[f.field] = value;
    }
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    setBusy(true);
    try {
      await confirm.send({
        documentId: item.document.id,
        fields: item.fields.map((f) => f.field) as InputOf<'review.confirm'>['fields'],
        ...(Object.keys(patch).length > 0 ? { patch: patch as Patch } : {}),
      });
      setNotice(t('import.review.confirmed', { n: item.fields.length, doc: item.document.numberSymbol ?? `#${item.document.id}` }));
      void refreshAfterChange();
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const skip = (step: 1 | -1) => {
    if (total === null) return;
    setNotice(null);
    setSkipped((s) => Math.min(Math.max(0, s + step), Math.max(0, total - 1)));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!item || editing !== null || e.ctrlKey || e.metaKey || e.altKey) return;
    const n = item.fields.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        setActive((a) => (a + 1) % n);
        break;
      case 'ArrowUp':
      case 'k':
        setActive((a) => (a - 1 + n) % n);
        break;
      case 'e':
      case 'E':
      case 'F2':
        if (EDITABLE[item.fields[active]!.field]) setEditing(item.fields[active]!.field);
        break;
      case 'Enter':
      case 'a':
        void accept();
        break;
      case 'n':
      case 'ArrowRight':
        skip(1);
        break;
      case 'p':
      case 'ArrowLeft':
        skip(-1);
        break;
      case 'Escape':
        navigate({ kind: 'review', ...(fondsId !== undefined ? { fondsId } : {}), ...(field ? { field } : {}) });
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const current = item?.fields[active] ?? null;
  const terms = current ? (current.excerpt ? [current.excerpt.match] : fieldTerms(current.field, corrections[current.field] ?? current.value)) : [];
  const doc = item?.document;

  return (
    <section className="view review-walk" data-testid="review-walk">
      <header className="view-header">
        <div>
          <h1>{t('review.walk.title')}</h1>
          <p className="muted" data-testid="review-walk-position">
            {total === null ? t('common.loading') : total === 0 ? t('import.review.empty') : t('review.walk.position', { n: Math.min(skipped + 1, total), total })}
          </p>
        </div>
        <div className="view-actions">
          <button type="button" onClick={() => navigate({ kind: 'review', ...(fondsId !== undefined ? { fondsId } : {}), ...(field ? { field } : {}) })} data-testid="review-walk-leave">
            {t('review.walk.leave')}
          </button>
        </div>
      </header>
      <ErrorBanner message={error} />
      {notice ? (
        <p className="notice" role="status" data-testid="review-walk-notice">
          {notice}
        </p>
      ) : null}
      {item && doc ? (
        <div className="review-walk-columns">
          <div className="review-walk-original">{detail ? <OriginalViewer key={doc.id} attachments={detail.attachments} fieldTerms={terms} documentId={doc.id} field={current?.field ?? null} fill /> : <p className="muted">{t('common.loading')}</p>}</div>
          <div
            ref={panel}
            className="panel review-walk-fields"
            tabIndex={0}
            role="group"
            aria-label={t('review.walk.fields', { doc: doc.numberSymbol ?? t('doc.untitled') })}
            aria-describedby="review-walk-keys"
            onKeyDown={onKeyDown}
            data-testid="review-walk-fields"
            data-document-id={doc.id}
          >
            <h2 className="review-walk-doc">
              <button type="button" className="link" onClick={() => navigate({ kind: 'document', documentId: doc.id })} data-testid="review-walk-open">
                {doc.docType ? <span className="doc-type">{doc.docType}</span> : null} {doc.numberSymbol ?? t('doc.untitled')}
              </button>
              {doc.issueDate ? <span className="muted"> · {formatDate(doc.issueDate)}</span> : null}
            </h2>
            {doc.subject ? <p className="review-subject">{doc.subject}</p> : null}
            <ul className="review-walk-list" aria-label={t('import.review.field')}>
              {item.fields.map((f, i) => (
                <ReviewWalkField
                  key={f.field}
                  field={f}
                  active={i === active}
                  editing={editing === f.field}
                  corrected={corrections[f.field]}
                  error={errors[f.field]}
                  onPick={() => setActive(i)}
                  onEdit={() => setEditing(f.field)}
                  onCorrect={(value) => {
                    setCorrections((c) => ({ ...c, [f.field]: value }));
                    setEditing(null);
                  }}
                  onCancel={() => setEditing(null)}
                />
              ))}
            </ul>
            <footer className="review-actions">
              <button type="button" className="primary" onClick={() => void accept()} disabled={busy} data-testid="review-walk-accept">
                {t('review.walk.accept')} <kbd>Enter</kbd>
              </button>
              <button type="button" onClick={() => skip(-1)} disabled={skipped === 0} data-testid="review-walk-prev">
                {t('review.walk.prev')} <kbd>P</kbd>
              </button>
              <button type="button" onClick={() => skip(1)} disabled={total === null || skipped + 1 >= total} data-testid="review-walk-skip">
                {t('review.walk.skip')} <kbd>N</kbd>
              </button>
            </footer>
            <p id="review-walk-keys" className="muted review-walk-keys">
              {t('review.walk.keys')}
            </p>
          </div>
        </div>
      ) : total === 0 ? (
        <p className="muted">{t('import.review.empty')}</p>
      ) : null}
    </section>
  );
}

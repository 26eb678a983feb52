/**
 * One document in the review queue: each flagged field with its value, why it waits, and the
 * passage where the parser found it (or "không tìm thấy trong văn bản"); confirm, or edit then confirm.
 */
import { useState } from 'react';
import type { ReviewField, ReviewItem } from '@shared/contract/types/importing';
import type { InputOf } from '@shared/contract/api';
import { useMutation } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { useT } from '../../i18n';
import { formatDate } from '../../util/format';
import { errorMessage, fieldErrors, textOf } from '../../util/errors';
import { ErrorBanner } from '../common/ErrorBanner';
import { EDITABLE, FIELD_LABELS, fromInput, shownValue, toInput } from './reviewFields';
import { DateInput } from '../common/DateInput';
import { isIsoDate } from '@shared/text/dates';

type Patch = NonNullable<InputOf<'review.confirm'>['patch']>;

function Excerpt({ f }: { f: ReviewField }) {
  const t = useT();
  if (!f.excerpt) return <span className="muted review-notfound">{t('import.review.notFound')}</span>;
  return (
    <span className="review-excerpt" data-testid="review-excerpt">
      {f.excerpt.before}
      <mark>{f.excerpt.match}</mark>
      {f.excerpt.after}
    </span>
  );
}

export function ReviewCard({ item, onConfirmed }: { item: ReviewItem; onConfirmed(message: string): void }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  const doc = item.document;
  const [selected, setSelected] = useState<Set<string>>(() => new Set(item.fields.map((f) => f.field)));
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(item.fields.map((f) => [f.field, toInput(f.value)])));
  const confirmOp = useMutation('review.confirm');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const toggle = (field: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(field)) next.delete(field);
      else next.add(field);
      return next;
    });

  const confirm = async () => {
    if (selected.size === 0) {
      setError(t('import.review.noneSelected'));
      return;
    }
    const patch: Record<string, unknown> = {};
    const invalid: Record<string, string> = {};
    if (editing) {
      for (const f of item.fields) {
        const kind = EDITABLE[f.field];
        if (!kind || !selected.has(f.field) || values[f.field] === toInput(f.value)) continue;
        const value = fromInput(kind, values[f.field] ?? '');
        if (kind === 'date' && typeof value === 'string' && !isIsoDate(value)) invalid[f.field] = t('common.invalidDate');
        patch[f.field] = value;
      }
    }
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const fields = [...selected];
      await confirmOp.send({ documentId: doc.id, fields, ...(Object.keys(patch).length > 0 ? { patch: patch as Patch } : {}) });
      onConfirmed(t('import.review.confirmed', { n: fields.length, doc: doc.numberSymbol ?? `#${doc.id}` }));
    } catch (err) {
      setError(errorMessage(err));
      setErrors(fieldErrors(err) ?? {});
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="panel review-card" data-testid="review-card" data-document-id={doc.id}>
      <header className="review-card-head">
        <button type="button" className="link" onClick={() => navigate({ kind: 'document', documentId: doc.id })} data-testid="review-open">
          {doc.docType ? <span className="doc-type">{doc.docType}</span> : null} <strong>{doc.numberSymbol ?? t('doc.untitled')}</strong>
          {doc.issueDate ? <span className="muted"> · {formatDate(doc.issueDate)}</span> : null}
        </button>
        <span className="muted">
          {t('doc.fonds')} {doc.fondsCode}
        </span>
      </header>
      {doc.subject ? <p className="review-subject">{doc.subject}</p> : null}
      <ErrorBanner message={error} />
      <table className="data-table review-table">
        <thead>
          <tr>
            <th aria-label={t('import.review.field')} />
            <th>{t('import.review.field')}</th>
            <th>{t('import.review.value')}</th>
            <th>{t('import.review.where')}</th>
          </tr>
        </thead>
        <tbody>
          {item.fields.map((f) => {
            const kind = EDITABLE[f.field];
            const label = t(FIELD_LABELS[f.field] ?? 'import.review.field');
            const inputId = `review-${doc.id}-${f.field}`;
            return (
              <tr key={f.field} data-testid="review-field" data-field={f.field} data-reason={f.reason}>
                <td>
                  <input type="checkbox" checked={selected.has(f.field)} onChange={() => toggle(f.field)} aria-label={t('import.review.select', { field: label })} data-testid="review-select" />
                </td>
                <td className="nowrap">
                  <label htmlFor={inputId}>{label}</label>
                  <div className={f.reason === 'doubtful' || f.reason === 'duplicate' ? 'warn-text review-reason' : 'muted review-reason'}>{t(`import.review.reason.${f.reason}`)}</div>
                  {f.reason === 'duplicate' && f.note ? (
                    <div className="muted review-reason" data-testid="review-note">
                      {textOf({ message: f.note, text: f.noteText })}
                    </div>
                  ) : null}
                </td>
                <td className="review-value">
                  {editing && kind && selected.has(f.field) ? (
                    <>
                      {kind === 'lines' || kind === 'longText' ? (
                        <textarea id={inputId} rows={kind === 'lines' ? 3 : 2} value={values[f.field] ?? ''} onChange={(e) => setValues((v) => ({ ...v, [f.field]: e.target.value }))} data-testid="review-input" />
                      ) : (
                        kind === 'date' ? (
                          <DateInput id={inputId} value={values[f.field] ?? ''} onChange={(value) => setValues((v) => ({ ...v, [f.field]: value }))} data-testid="review-input" />
                        ) : (
                          <input id={inputId} type="text" value={values[f.field] ?? ''} onChange={(e) => setValues((v) => ({ ...v, [f.field]: e.target.value }))} data-testid="review-input" />
                        )
                      )}
                      {kind === 'lines' ? <div className="field-hint">{t('import.review.onePerLine')}</div> : null}
                      {errors[f.field] ? <div className="field-error">{errors[f.field]}</div> : null}
                    </>
                  ) : (
                    <>
                      <span id={inputId} className="break">{shownValue(f.field, f.value, t) || <span className="muted">—</span>}</span>
                      {editing && !kind ? <div className="field-hint">{t('import.review.notEditable')}</div> : null}
                    </>
                  )}
                </td>
                <td className="review-where">
                  <Excerpt f={f} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <footer className="review-actions">
        <button type="button" className="primary" onClick={() => void confirm()} disabled={busy} data-testid="review-confirm">
          {editing ? t('import.review.save') : t('import.review.confirm')}
        </button>
        <button type="button" onClick={() => setEditing((e) => !e)} disabled={busy} data-testid="review-edit">
          {editing ? t('import.review.cancelEdit') : t('import.review.edit')}
        </button>
      </footer>
    </article>
  );
}

/** One flagged field in the review walk: its value (or the correction typed), why it waits, where it was read. */
import { useEffect, useRef, useState } from 'react';
import type { ReviewField } from '@shared/contract/types/importing';
import { useT } from '../../i18n';
import { textOf } from '../../util/errors';
import { DateInput } from '../common/DateInput';
import { EDITABLE, FIELD_LABELS, displayValue, shownValue, toInput } from './reviewFields';

interface Props {
  field: ReviewField;
  active: boolean;
  editing: boolean;
  /** The value typed for this field, if it was corrected. */
  corrected: string | undefined;
  error: string | undefined;
  onPick(): void;
  onEdit(): void;
  onCorrect(value: string): void;
  onCancel(): void;
}

export function ReviewWalkField({ field: f, active, editing, corrected, error, onPick, onEdit, onCorrect, onCancel }: Props) {
  const t = useT();
  const kind = EDITABLE[f.field];
  const label = t(FIELD_LABELS[f.field] ?? 'import.review.field');
  const [draft, setDraft] = useState(corrected ?? toInput(f.value));
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const row = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (editing) {
      setDraft(corrected ?? toInput(f.value));
      requestAnimationFrame(() => input.current?.focus());
    }
  }, [editing, corrected, f.value]);
  useEffect(() => {
    if (active) row.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const keys = (e: React.KeyboardEvent) => {
    // Enter keeps the correction (Ctrl+Enter in a list of lines), Esc drops it; neither reaches the walk.
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && (kind !== 'lines' && kind !== 'longText' ? true : e.ctrlKey)) {
      e.preventDefault();
      e.stopPropagation();
      onCorrect(draft);
    } else e.stopPropagation();
  };

  const shown = corrected !== undefined ? displayValue(kind === 'lines' ? corrected.split('\n') : corrected) : shownValue(f.field, f.value, t);
  const inputId = `walk-input-${f.field}`;
  return (
    <li
      ref={row}
      className={`review-walk-field${active ? ' active' : ''}`}
      aria-current={active ? 'true' : undefined}
      onClick={onPick}
      data-testid="review-walk-field"
      data-field={f.field}
      data-active={active}
    >
      <div className="review-walk-label">
        {editing ? <label htmlFor={inputId}>{label}</label> : <strong>{label}</strong>}
        <span className={f.reason === 'doubtful' || f.reason === 'duplicate' ? 'warn-text review-reason' : 'muted review-reason'}> · {t(`import.review.reason.${f.reason}`)}</span>
        {f.reason === 'duplicate' && f.note ? <span className="muted review-reason"> ({textOf({ message: f.note, text: f.noteText })})</span> : null}
        {corrected !== undefined ? <span className="review-corrected"> · {t('review.walk.corrected')}</span> : null}
      </div>
      {editing && kind ? (
        <div className="review-walk-edit">
          {kind === 'date' ? (
            <DateInput id={inputId} ref={input} value={draft} onChange={setDraft} onKeyDown={keys} data-testid="review-walk-input" />
          ) : kind === 'lines' || kind === 'longText' ? (
            <textarea id={inputId} ref={input} rows={kind === 'lines' ? 4 : 3} value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={keys} data-testid="review-walk-input" />
          ) : (
            <input id={inputId} ref={input} type="text" value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={keys} data-testid="review-walk-input" />
          )}
          <div className="field-hint">{kind === 'lines' || kind === 'longText' ? t('review.walk.editHintLines') : t('review.walk.editHint')}</div>
        </div>
      ) : (
        <div className="review-walk-value" data-testid="review-walk-value">
          {shown || <span className="muted">—</span>}
          {active && kind ? (
            <button
              type="button"
              className="link small review-walk-correct"
              onClick={(e) => {
                e.stopPropagation();
                onEdit();
              }}
              data-testid="review-walk-correct"
            >
              {t('review.walk.correct')} <kbd>E</kbd>
            </button>
          ) : null}
        </div>
      )}
      {error ? <div className="field-error">{error}</div> : null}
      {f.excerpt ? (
        <div className="review-excerpt muted">
          {f.excerpt.before}
          <mark>{f.excerpt.match}</mark>
          {f.excerpt.after}
        </div>
      ) : (
        <div className="muted review-notfound">{t('import.review.notFound')}</div>
      )}
    </li>
  );
}

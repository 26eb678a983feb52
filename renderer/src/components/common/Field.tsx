/** A labelled form field with the message of its error beside it. */
import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  error?: string | null | undefined;
  hint?: string;
  required?: boolean;
  wide?: boolean;
  /** Shown after the label text, e.g. a "cần rà soát" mark. */
  badge?: ReactNode;
  children: ReactNode;
}

export function Field({ id, label, error, hint, required, wide, badge, children }: FieldProps) {
  return (
    <div className={`field${wide ? ' field-wide' : ''}${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required-mark" aria-hidden="true"> *</span> : null}
        {badge}
      </label>
      {children}
      {hint && !error ? <div className="field-hint">{hint}</div> : null}
      {error ? (
        <div className="field-error" id={`${id}-error`} role="alert" data-testid={`error-${id}`}>
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** Props that tie an input to its Field's error message. */
export function invalidProps(id: string, error: string | null | undefined) {
  return error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
}

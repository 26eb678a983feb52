/**
 * A date typed as dd/mm/yyyy in both hosts and every locale (the browser's `type="date"` follows
 * the system's locale, often mm/dd/yyyy). The form holds ISO `YYYY-MM-DD` once the text reads as a
 * real day, '' when empty, and the text itself otherwise so that the form's check can refuse it.
 */
import { useEffect, useState, type InputHTMLAttributes, type Ref } from 'react';
import { dateFieldValue, formatDayMonthYear } from '@shared/text/dates';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: string;
  onChange(value: string): void;
  ref?: Ref<HTMLInputElement>;
};

export function DateInput({ value, onChange, ...rest }: Props) {
  const [text, setText] = useState(() => formatDayMonthYear(value));
  // A value set from outside (a reset, a loaded record) replaces what is shown; the value this
  // input itself reported does not, so typing `5/6/2025` is not rewritten under the cursor.
  useEffect(() => {
    setText((current) => (dateFieldValue(current) === value ? current : formatDayMonthYear(value)));
  }, [value]);
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={rest.placeholder ?? 'dd/mm/yyyy'}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(dateFieldValue(e.target.value));
      }}
      onBlur={(e) => {
        // Once left, a date that reads is shown in the one canonical form.
        const v = dateFieldValue(text);
        if (v !== text && /^\d{4}-\d{2}-\d{2}$/.test(v)) setText(formatDayMonthYear(v));
        rest.onBlur?.(e);
      }}
    />
  );
}

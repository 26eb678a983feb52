/** A `<select>` of the catalogue's fonds (`CODE — Name`), with an empty first choice when `emptyLabel` is given. */
import { useCatalogueStore } from '../../stores/catalogueStore';
import { invalidProps } from './Field';

interface Props {
  id?: string;
  value: number | null | undefined;
  onChange(fondsId: number | null): void;
  emptyLabel?: string;
  /** The field's error (marks the select invalid and points to the message under it). */
  error?: string | null;
  disabled?: boolean;
  testId?: string;
}

export function FondsSelect({ id, value, onChange, emptyLabel, error, disabled, testId }: Props) {
  const fonds = useCatalogueStore((s) => s.fonds);
  return (
    <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} disabled={disabled} {...(id ? invalidProps(id, error) : {})} data-testid={testId}>
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {fonds.map((f) => (
        <option key={f.id} value={f.id}>
          {f.code} — {f.name}
        </option>
      ))}
    </select>
  );
}

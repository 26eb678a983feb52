/** A `<select>` of organizations by name, an empty first choice, leaving out the one being edited. */
import type { Organization } from '@shared/contract/types';
import { invalidProps } from '../common/Field';

interface Props {
  id: string;
  /** The chosen organization's id as text; '' for none. */
  value: string;
  onChange(value: string): void;
  organizations: readonly Organization[];
  /** The organization the choice is about: it cannot be its own parent or successor. */
  exclude: number;
  emptyLabel: string;
  error?: string | null;
  testId: string;
}

export function OrganizationSelect({ id, value, onChange, organizations, exclude, emptyLabel, error, testId }: Props) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...invalidProps(id, error)} data-testid={testId}>
      <option value="">{emptyLabel}</option>
      {organizations
        .filter((o) => o.id !== exclude)
        .map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
    </select>
  );
}

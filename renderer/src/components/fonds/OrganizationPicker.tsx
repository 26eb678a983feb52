/** Đơn vị hình thành phông: pick one that exists, or type the name of a new one. */
import type { Organization } from '@shared/contract/types';
import { useT } from '../../i18n';
import { Field, invalidProps } from '../common/Field';

export type OrganizationChoice = { kind: 'existing'; id: number | null } | { kind: 'new'; name: string };

const NEW = '__new__';

interface Props {
  organizations: Organization[] | null;
  value: OrganizationChoice;
  onChange(value: OrganizationChoice): void;
  error: string | undefined;
}

export function OrganizationPicker({ organizations, value, onChange, error }: Props) {
  const t = useT();
  const selectValue = value.kind === 'new' ? NEW : value.id === null ? '' : String(value.id);
  return (
    <>
      <Field id="fonds-org" label={t('fonds.organization')} error={value.kind === 'existing' ? error : undefined} required wide>
        <select
          id="fonds-org"
          value={selectValue}
          disabled={organizations === null}
          onChange={(e) => {
            const v = e.target.value;
            if (v === NEW) onChange({ kind: 'new', name: '' });
            else onChange({ kind: 'existing', id: v ? Number(v) : null });
          }}
          {...invalidProps('fonds-org', value.kind === 'existing' ? error : undefined)}
          data-testid="fonds-org"
        >
          <option value="">{t('org.choose')}</option>
          {(organizations ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
          <option value={NEW}>{t('org.new')}</option>
        </select>
      </Field>
      {value.kind === 'new' ? (
        <Field id="fonds-org-new" label={t('org.newName')} error={error} required wide>
          <input
            id="fonds-org-new"
            value={value.name}
            maxLength={500}
            onChange={(e) => onChange({ kind: 'new', name: e.target.value })}
            {...invalidProps('fonds-org-new', error)}
            data-testid="fonds-org-new"
          />
        </Field>
      ) : null}
    </>
  );
}

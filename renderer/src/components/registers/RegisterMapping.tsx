/** Ghép cột: one select per document field, listing the register's columns. */
import type { RegisterColumn } from '@shared/contract/types/registers';
import { useT } from '../../i18n';
import { type Mapping, REGISTER_FIELDS, columnLetter } from './registerForm';

interface Props {
  columns: RegisterColumn[];
  mapping: Mapping;
  suggested: Mapping;
  onChange(mapping: Mapping): void;
}

export function RegisterMapping({ columns, mapping, suggested, onChange }: Props) {
  const t = useT();
  return (
    <div className="register-mapping" data-testid="register-mapping">
      {REGISTER_FIELDS.map((field) => {
        const id = `register-map-${field}`;
        const value = mapping[field];
        return (
          <div key={field} className="field">
            <label htmlFor={id}>
              {t(`import.registers.field.${field}`)}
              {value !== null && value === suggested[field] ? <span className="register-suggested"> · {t('import.registers.suggested')}</span> : null}
            </label>
            <select id={id} value={value ?? ''} onChange={(e) => onChange({ ...mapping, [field]: e.target.value === '' ? null : Number(e.target.value) })} data-testid={id}>
              <option value="">{t('import.registers.notImported')}</option>
              {columns.map((c) => (
                <option key={c.index} value={c.index}>
                  {c.header ? t('import.registers.column', { letter: columnLetter(c.index), header: c.header }) : t('import.registers.columnNoHeader', { letter: columnLetter(c.index) })}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </div>
  );
}

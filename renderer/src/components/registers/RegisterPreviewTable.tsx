/** The register's first rows under its headers, each column marked with the field it feeds. */
import type { RegisterPreview } from '@shared/contract/types/registers';
import { parseRegisterDate } from '@shared/registers/values';
import { useT } from '../../i18n';
import { type Mapping, columnLetter, fieldsByColumn } from './registerForm';

export function RegisterPreviewTable({ preview, mapping }: { preview: RegisterPreview; mapping: Mapping }) {
  const t = useT();
  const feeds = fieldsByColumn(mapping);
  return (
    <div className="register-table-wrap">
      <table className="data-table register-table" data-testid="register-preview-table">
        <thead>
          <tr>
            <th scope="col">{t('import.registers.row')}</th>
            {preview.columns.map((c) => {
              const fields = feeds.get(c.index) ?? [];
              return (
                <th key={c.index} scope="col" className={fields.length ? 'register-col-mapped' : 'register-col-skipped'}>
                  <span className="register-col-letter">{columnLetter(c.index)}</span> {c.header}
                  {fields.map((f) => (
                    <span key={f} className="register-col-field" data-testid={`register-col-${c.index}-${f}`}>
                      → {t(`import.registers.field.${f}`)}
                    </span>
                  ))}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, r) => (
            <tr key={preview.rowNumbers[r]}>
              <td className="muted">{preview.rowNumbers[r]}</td>
              {row.map((cell, i) => {
                // A date the import will not take is shown as such before importing.
                const badDate = i === mapping.issueDate && cell.trim() !== '' && parseRegisterDate(cell) === null;
                return (
                  <td key={i} className={badDate ? 'register-bad-date' : feeds.has(i) ? undefined : 'muted'} title={badDate ? t('import.registers.badDate') : undefined} data-bad-date={badDate || undefined}>
                    {cell}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

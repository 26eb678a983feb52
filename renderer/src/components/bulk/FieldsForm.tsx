/**
 * The fields to set on every selected record: each with a tick saying "set this one" (a ticked
 * field left empty is cleared), so nothing changes that the user did not choose. Documents: type,
 * issuer, date, security level…; files (hồ sơ): retention, completion, box, dates….
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { isMessageKey, useLocale, useT, type MessageKey } from '../../i18n';
import { EMPTY_LIST } from '../../util/empty';
import { DateInput } from '../common/DateInput';
import type { FormProps } from './forms';

type Kind = 'text' | 'date' | 'area' | { options: Array<{ value: string; label: string }> };

interface FieldDef {
  key: string;
  kind: Kind;
  max?: number;
}

const DOCUMENT_FIELDS: FieldDef[] = [
  { key: 'docType', kind: 'text', max: 100 },
  { key: 'issuer', kind: 'text', max: 500 },
  { key: 'parentIssuer', kind: 'text', max: 500 },
  { key: 'place', kind: 'text', max: 200 },
  { key: 'issueDate', kind: 'date' },
  { key: 'securityLevel', kind: 'text' },
  { key: 'urgency', kind: 'text' },
  { key: 'language', kind: 'text', max: 50 },
  { key: 'reliability', kind: 'text', max: 100 },
  { key: 'notes', kind: 'area' },
];

const FILE_FIELDS: FieldDef[] = [
  { key: 'retentionCode', kind: 'text' },
  { key: 'completion', kind: 'text' },
  { key: 'box', kind: 'text', max: 50 },
  { key: 'accessRegime', kind: 'text' },
  { key: 'startDate', kind: 'date' },
  { key: 'endDate', kind: 'date' },
  { key: 'physicalCondition', kind: 'text', max: 1_000 },
  { key: 'notes', kind: 'area' },
];

function labelKey(target: 'documents' | 'files', key: string): MessageKey {
  const candidates = target === 'documents' ? [`doc.${key}`, `field.${key}`] : [`field.${key}`, `doc.${key}`];
  if (key === 'docType') candidates.unshift('doc.type');
  return (candidates.find(isMessageKey) ?? 'common.none') as MessageKey;
}

export function FieldsForm({ target, count, selections, onSpec, fileLevel: fileFields }: FormProps & { fileLevel: boolean }) {
  const t = useT();
  const locale = useLocale();
  const periods = useAppStore((s) => s.codeLists?.retentionPeriods ?? EMPTY_LIST);
  const docTypes = useAppStore((s) => s.codeLists?.docTypes ?? EMPTY_LIST);
  const fileLevel = target === 'files' || fileFields;
  const defs = fileLevel ? FILE_FIELDS : DOCUMENT_FIELDS;
  const [on, setOn] = useState<Record<string, boolean>>({});
  const [values, setValues] = useState<Record<string, string>>({});

  const options: Record<string, Array<{ value: string; label: string }>> = {
    securityLevel: ['mat', 'toi_mat', 'tuyet_mat'].map((v) => ({ value: v, label: t(`security.${v}` as MessageKey) })),
    urgency: ['khan', 'thuong_khan', 'hoa_toc'].map((v) => ({ value: v, label: t(`urgency.${v}` as MessageKey) })),
    retentionCode: periods.map((p) => ({ value: p.code, label: locale === 'vi' ? p.labelVi : p.labelEn })),
    completion: ['completed', 'unfinished'].map((v) => ({ value: v, label: t(`file.completion.${v}` as MessageKey) })),
    accessRegime: ['public', 'conditional', 'secret'].map((v) => ({ value: v, label: t(`access.${v}` as MessageKey) })),
  };

  // Files holding the selected documents: counted by the services, so the dialog says how many.
  const documents = selections.documents;
  const counted = useQuery('bulk.count', { target: 'files', selection: { kind: 'ofDocuments', documents: documents! } }, { enabled: fileLevel && target === 'documents' && !!documents, followChanges: false });
  const scope = useMemo(() => (counted.data ? { files: counted.data.count, loose: counted.data.withoutFile ?? 0 } : null), [counted.data]);

  useEffect(() => {
    const chosen = defs.filter((d) => on[d.key]);
    const fields: Record<string, string | null> = {};
    for (const d of chosen) fields[d.key] = (values[d.key] ?? '').trim() === '' ? null : values[d.key]!.trim();
    const badDate = chosen.some((d) => d.kind === 'date' && fields[d.key] !== null && !/^\d{4}-\d{2}-\d{2}$/.test(fields[d.key]!));
    const names = chosen.map((d) => t(labelKey(target === 'files' || fileLevel ? 'files' : 'documents', d.key)).toLowerCase()).join(', ');
    const n = (fileLevel && target === 'documents' ? (scope?.files ?? count) : count).toLocaleString('vi-VN');
    onSpec({
      build:
        chosen.length === 0 || badDate
          ? null
          : (s) => (fileLevel ? { action: 'files.setFields', selection: s.files, fields } : { action: 'documents.setFields', selection: s.documents!, fields }),
      summary: chosen.length === 0 ? t('bulk.fields.none') : t('bulk.fields.summary', { fields: names, n, what: t(fileLevel ? 'bulk.what.files' : 'bulk.what.documents') }),
    });
  }, [on, values, scope, fileLevel]);

  const input = (d: FieldDef): ReactNode => {
    const id = `bulk-field-${d.key}`;
    const common = { id, disabled: !on[d.key], 'data-testid': id };
    const value = values[d.key] ?? '';
    const set = (v: string) => setValues((x) => ({ ...x, [d.key]: v }));
    if (options[d.key]) {
      return (
        <select {...common} value={value} onChange={(e) => set(e.target.value)}>
          <option value="">{t('common.none')}</option>
          {options[d.key]!.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    }
    if (d.kind === 'date') return <DateInput {...common} value={value} onChange={set} />;
    if (d.kind === 'area') return <textarea {...common} rows={2} value={value} onChange={(e) => set(e.target.value)} />;
    return <input {...common} value={value} maxLength={d.max} list={d.key === 'docType' ? 'bulk-doc-types' : undefined} onChange={(e) => set(e.target.value)} />;
  };

  return (
    <div className="bulk-fields">
      {fileLevel && target === 'documents' ? (
        <p className="muted" data-testid="bulk-file-scope">
          {scope ? t('bulk.fileFields.scope', { files: scope.files.toLocaleString('vi-VN'), loose: scope.loose.toLocaleString('vi-VN') }) : t('bulk.fileFields.scopeCounting')}
        </p>
      ) : null}
      <p className="field-hint">{t('bulk.fields.hint')}</p>
      <datalist id="bulk-doc-types">
        {docTypes.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      <table className="bulk-field-table">
        <tbody>
          {defs.map((d) => {
            const label = t(labelKey(fileLevel ? 'files' : 'documents', d.key));
            return (
              <tr key={d.key}>
                <td>
                  <input
                    type="checkbox"
                    id={`bulk-on-${d.key}`}
                    checked={on[d.key] ?? false}
                    onChange={(e) => setOn((x) => ({ ...x, [d.key]: e.target.checked }))}
                    aria-label={`${t('bulk.fields.apply')} ${label}`}
                    data-testid={`bulk-on-${d.key}`}
                  />
                </td>
                <td>
                  <label htmlFor={`bulk-field-${d.key}`}>{label}</label>
                </td>
                <td>{input(d)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The inputs of the file form. */
import { useAppStore } from '../../stores/appStore';
import { useLocale, useT } from '../../i18n';
import { Field, invalidProps } from '../common/Field';
import type { FileFormValues } from './fileForm';
import { EMPTY_LIST } from '../../util/empty';
import { DateInput } from '../common/DateInput';

interface Props {
  values: FileFormValues;
  errors: Record<string, string>;
  onChange(values: FileFormValues): void;
}

export function FileFormFields({ values, errors, onChange }: Props) {
  const t = useT();
  const locale = useLocale();
  const periods = useAppStore((s) => s.codeLists?.retentionPeriods ?? EMPTY_LIST);
  const set = <K extends keyof FileFormValues>(key: K) => (value: FileFormValues[K]) => onChange({ ...values, [key]: value });
  const text = (key: 'code' | 'title' | 'box' | 'sheetCount' | 'startDate' | 'endDate', label: string, opts: { required?: boolean; type?: string; wide?: boolean; max?: number } = {}) => {
    const id = `file-${key}`;
    return (
      <Field id={id} label={label} error={errors[key]} required={opts.required ?? false} wide={opts.wide ?? false}>
        <input
          id={id}
          type={opts.type ?? 'text'}
          inputMode={key === 'sheetCount' ? 'numeric' : undefined}
          value={values[key]}
          maxLength={opts.max}
          onChange={(e) => set(key)(e.target.value)}
          {...invalidProps(id, errors[key])}
          data-testid={id}
        />
      </Field>
    );
  };

  const date = (key: 'startDate' | 'endDate', label: string) => {
    const id = `file-${key}`;
    return (
      <Field id={id} label={label} error={errors[key]}>
        <DateInput id={id} value={values[key]} onChange={set(key)} {...invalidProps(id, errors[key])} data-testid={id} />
      </Field>
    );
  };

  return (
    <div className="form-grid">
      {text('code', t('file.code'), { required: true, max: 100 })}
      {text('box', t('file.box'), { max: 50 })}
      {text('title', t('file.title'), { required: true, wide: true, max: 1000 })}
      <Field id="file-retentionCode" label={t('file.retention')} error={errors['retentionCode']}>
        <select id="file-retentionCode" value={values.retentionCode} onChange={(e) => set('retentionCode')(e.target.value)} {...invalidProps('file-retentionCode', errors['retentionCode'])} data-testid="file-retentionCode">
          <option value="">{t('common.notSet')}</option>
          {periods.map((p) => (
            <option key={p.code} value={p.code}>
              {locale === 'vi' ? p.labelVi : p.labelEn}
            </option>
          ))}
        </select>
      </Field>
      <Field id="file-completion" label={t('file.completion')} error={errors['completion']}>
        <select id="file-completion" value={values.completion} onChange={(e) => set('completion')(e.target.value as FileFormValues['completion'])} data-testid="file-completion">
          <option value="">{t('common.notSet')}</option>
          <option value="completed">{t('file.completion.completed')}</option>
          <option value="unfinished">{t('file.completion.unfinished')}</option>
        </select>
      </Field>
      {date('startDate', t('file.startDate'))}
      {date('endDate', t('file.endDate'))}
      {text('sheetCount', t('file.sheets'), { max: 7 })}
      <Field id="file-accessRegime" label={t('file.access')} error={errors['accessRegime']}>
        <select id="file-accessRegime" value={values.accessRegime} onChange={(e) => set('accessRegime')(e.target.value as FileFormValues['accessRegime'])} data-testid="file-accessRegime">
          <option value="">{t('common.notSet')}</option>
          <option value="public">{t('access.public')}</option>
          <option value="conditional">{t('access.conditional')}</option>
          <option value="secret">{t('access.secret')}</option>
        </select>
      </Field>
      <Field id="file-notes" label={t('file.notes')} error={errors['notes']} wide>
        <textarea id="file-notes" rows={3} value={values.notes} onChange={(e) => set('notes')(e.target.value)} {...invalidProps('file-notes', errors['notes'])} data-testid="file-notes" />
      </Field>
    </div>
  );
}

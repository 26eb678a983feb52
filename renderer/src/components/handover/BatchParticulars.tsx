/** The particulars of the minutes (parties, representatives, basis, date, place, condition), editable until handed over. */
import { useEffect, useState } from 'react';
import type { BatchDetail } from '@shared/contract/types/handover';
import { useMutation } from '../../api/hooks';
import { useT, type MessageKey } from '../../i18n';
import { useFormSubmit } from '../../util/useFormSubmit';
import { ErrorBanner } from '../common/ErrorBanner';
import { Field, invalidProps } from '../common/Field';
import { DateInput } from '../common/DateInput';
import { isIsoDate } from '@shared/text/dates';

type TextKey = 'legalBasis' | 'place' | 'senderRepresentative' | 'senderPosition' | 'receiverRepresentative' | 'receiverPosition' | 'condition' | 'notes';
const TEXT_FIELDS: Array<{ key: TextKey; wide?: boolean; rows?: number }> = [
  { key: 'senderRepresentative' },
  { key: 'senderPosition' },
  { key: 'receiverRepresentative' },
  { key: 'receiverPosition' },
  { key: 'place' },
  { key: 'legalBasis', wide: true, rows: 3 },
  { key: 'condition', wide: true, rows: 2 },
  { key: 'notes', wide: true, rows: 2 },
];

type Values = Record<TextKey | 'handoverDate' | 'shelfMetres', string>;

function toValues(d: BatchDetail): Values {
  const v = {} as Values;
  for (const { key } of TEXT_FIELDS) v[key] = d[key] ?? '';
  v.handoverDate = d.handoverDate ?? '';
  v.shelfMetres = d.shelfMetres === null ? '' : String(d.shelfMetres);
  return v;
}

export function BatchParticulars({ detail, editable, onSaved }: { detail: BatchDetail; editable: boolean; onSaved(d: BatchDetail): void }) {
  const t = useT();
  const [values, setValues] = useState<Values>(() => toValues(detail));
  const [saved, setSaved] = useState(false);
  const { errors, banner, busy, submit } = useFormSubmit();
  useEffect(() => setValues(toValues(detail)), [detail]);

  const update = useMutation('handover.batches.update');
  const set = (key: keyof Values, value: string) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const validate = () => {
    const e: Record<string, string> = {};
    if (values.shelfMetres.trim() && !(Number(values.shelfMetres.replace(',', '.')) >= 0)) e.shelfMetres = t('common.invalidNumber');
    if (values.handoverDate && !isIsoDate(values.handoverDate)) e.handoverDate = t('common.invalidDate');
    return e;
  };
  const save = () =>
    submit(validate(), async () => {
      const patch: Record<string, string | number | null> = {};
      for (const { key } of TEXT_FIELDS) patch[key] = values[key].trim() || null;
      patch.handoverDate = values.handoverDate || null;
      patch.shelfMetres = values.shelfMetres.trim() ? Number(values.shelfMetres.replace(',', '.')) : null;
      onSaved(await update.send({ id: detail.id, patch }));
      setSaved(true);
    });

  return (
    <section className="panel hv-section" data-testid="hv-particulars">
      <h2 className="section-title">{t('handover.batch.particulars')}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset disabled={!editable || busy} className="form-grid">
          <ErrorBanner message={banner} />
          <Field id="hv-date" label={t('handover.field.handoverDate')} error={errors.handoverDate}>
            <DateInput id="hv-date" value={values.handoverDate} onChange={(v) => set('handoverDate', v)} {...invalidProps('hv-date', errors.handoverDate)} data-testid="hv-date" />
          </Field>
          <Field id="hv-metres" label={t('handover.field.shelfMetres')} error={errors.shelfMetres}>
            <input id="hv-metres" inputMode="decimal" value={values.shelfMetres} onChange={(e) => set('shelfMetres', e.target.value)} {...invalidProps('hv-metres', errors.shelfMetres)} />
          </Field>
          {TEXT_FIELDS.map(({ key, wide, rows }) => {
            const id = `hv-${key}`;
            const label = t(`handover.field.${key}` as MessageKey);
            return (
              <Field key={key} id={id} label={label} error={errors[key]} wide={wide}>
                {rows ? (
                  <textarea id={id} rows={rows} value={values[key]} onChange={(e) => set(key, e.target.value)} />
                ) : (
                  <input id={id} value={values[key]} onChange={(e) => set(key, e.target.value)} {...invalidProps(id, errors[key])} />
                )}
              </Field>
            );
          })}
        </fieldset>
        {editable ? (
          <div className="form-actions">
            {saved ? <span className="ok-text hv-saved">{t('handover.batch.saved')}</span> : null}
            <button type="submit" className="primary" disabled={busy} data-testid="hv-save-particulars">
              {busy ? t('common.saving') : t('handover.batch.saveParticulars')}
            </button>
          </div>
        ) : null}
      </form>
    </section>
  );
}

/** Ghi quan hệ kế thừa: what became of a body in 2025 — dissolved into, merged into, succeeded by — from when, on what basis. */
import { useState } from 'react';
import type { Organization, SuccessionKind } from '@shared/contract/types';
import { useMutation } from '../../api/hooks';
import { useT } from '../../i18n';
import { useFormSubmit } from '../../util/useFormSubmit';
import { isIsoDate } from '@shared/text/dates';
import { DateInput } from '../common/DateInput';
import { Field, invalidProps } from '../common/Field';
import { FormDialog } from '../common/FormDialog';
import { OrganizationSelect } from './OrganizationSelect';

const KINDS: SuccessionKind[] = ['dissolved', 'merged', 'succeeded'];

export function LineageDialog({ org, all, onSaved, onClose }: { org: Organization; all: Organization[]; onSaved(): Promise<void>; onClose(): void }) {
  const t = useT();
  const [kind, setKind] = useState<SuccessionKind>('dissolved');
  const [other, setOther] = useState('');
  const [date, setDate] = useState(org.endDate ?? '');
  const [basis, setBasis] = useState('');
  const { errors, banner, busy, submit } = useFormSubmit();
  const mutation = useMutation('organizations.addSuccessor');
  const validate = () => {
    const e: Record<string, string> = {};
    if (!other) e.other = t('common.required');
    if (date && !isIsoDate(date)) e.date = t('common.invalidDate');
    return e;
  };
  const save = () =>
    submit(validate(), async () => {
      await mutation.send({ predecessorId: org.id, successorId: Number(other), kind, effectiveDate: date || null, basis: basis.trim() || null });
      await onSaved();
      onClose();
    });
  return (
    <FormDialog title={t('structure.addLineageOf', { name: org.name })} onClose={onClose} testId="lineage-dialog" formTestId="lineage-form" wide banner={banner} busy={busy} submitLabel={t('common.save')} onSubmit={save}>
      <fieldset className="field field-wide radio-group">
        <legend>{t('lineage.kind')}</legend>
        {KINDS.map((k) => (
          <label key={k} className="radio">
            <input type="radio" name="lineage-kind" checked={kind === k} onChange={() => setKind(k)} data-testid={`lineage-kind-${k}`} /> {t(`lineage.choose.${k}`)}
          </label>
        ))}
      </fieldset>
      <Field id="lineage-other" label={t('lineage.other')} error={errors.other} required wide>
        <OrganizationSelect id="lineage-other" value={other} onChange={setOther} organizations={all} exclude={org.id} emptyLabel={t('org.choose')} error={errors.other} testId="lineage-other" />
      </Field>
      <Field id="lineage-date" label={t('lineage.date')} error={errors.date}>
        <DateInput id="lineage-date" value={date} onChange={setDate} {...invalidProps('lineage-date', errors.date)} data-testid="lineage-date" />
      </Field>
      <Field id="lineage-basis" label={t('lineage.basis')}>
        <input id="lineage-basis" value={basis} maxLength={1_000} onChange={(e) => setBasis(e.target.value)} data-testid="lineage-basis" />
      </Field>
    </FormDialog>
  );
}

/** Sửa đơn vị: name, code, level, superior body, dates, notes. */
import { useState } from 'react';
import type { Organization, OrganizationLevel } from '@shared/contract/types';
import { useMutation } from '../../api/hooks';
import { useT, type MessageKey } from '../../i18n';
import { useFormSubmit } from '../../util/useFormSubmit';
import { isIsoDate } from '@shared/text/dates';
import { DateInput } from '../common/DateInput';
import { Field, invalidProps } from '../common/Field';
import { FormDialog } from '../common/FormDialog';
import { OrganizationSelect } from './OrganizationSelect';

const LEVELS: OrganizationLevel[] = ['central', 'province', 'district', 'commune', 'grassroots', 'agency', 'other'];

export function OrganizationDialog({ org, all, onSaved, onClose }: { org: Organization; all: Organization[]; onSaved(): Promise<void>; onClose(): void }) {
  const t = useT();
  const [v, setV] = useState({
    name: org.name,
    code: org.code ?? '',
    level: org.level,
    parentId: org.parentId === null ? '' : String(org.parentId),
    startDate: org.startDate ?? '',
    endDate: org.endDate ?? '',
    notes: org.notes ?? '',
  });
  const { errors, banner, busy, submit } = useFormSubmit();
  const mutation = useMutation('organizations.update');
  const set = (k: keyof typeof v, value: string) => setV((x) => ({ ...x, [k]: value }));
  const validate = () => {
    const e: Record<string, string> = {};
    if (!v.name.trim()) e.name = t('common.required');
    for (const k of ['startDate', 'endDate'] as const) if (v[k] && !isIsoDate(v[k])) e[k] = t('common.invalidDate');
    if (!e.startDate && !e.endDate && v.startDate && v.endDate && v.startDate > v.endDate) e.endDate = t('common.dateOrder');
    return e;
  };
  const save = () =>
    submit(validate(), async () => {
      await mutation.send({
        id: org.id,
        patch: {
          name: v.name.trim(),
          code: v.code.trim() || null,
          level: v.level,
          parentId: v.parentId ? Number(v.parentId) : null,
          startDate: v.startDate || null,
          endDate: v.endDate || null,
          notes: v.notes.trim() || null,
        },
      });
      await onSaved();
      onClose();
    });
  return (
    <FormDialog title={t('structure.editOrg', { name: org.name })} onClose={onClose} testId="org-dialog" formTestId="org-form" wide banner={banner} busy={busy} onSubmit={save}>
      <Field id="org-name" label={t('org.name')} error={errors.name} required wide>
        <input id="org-name" value={v.name} maxLength={500} onChange={(e) => set('name', e.target.value)} {...invalidProps('org-name', errors.name)} data-testid="org-name" />
      </Field>
      <Field id="org-code" label={t('org.code')} error={errors.code}>
        <input id="org-code" value={v.code} maxLength={50} onChange={(e) => set('code', e.target.value)} data-testid="org-code" />
      </Field>
      <Field id="org-level" label={t('org.level')}>
        <select id="org-level" value={v.level} onChange={(e) => set('level', e.target.value)} data-testid="org-level">
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`org.level.${l}` as MessageKey)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="org-parent" label={t('org.parent')} wide>
        <OrganizationSelect id="org-parent" value={v.parentId} onChange={(x) => set('parentId', x)} organizations={all} exclude={org.id} emptyLabel={t('common.none')} testId="org-parent" />
      </Field>
      <Field id="org-start" label={t('org.startDate')} error={errors.startDate}>
        <DateInput id="org-start" value={v.startDate} onChange={(x) => set('startDate', x)} {...invalidProps('org-start', errors.startDate)} data-testid="org-start" />
      </Field>
      <Field id="org-end" label={t('org.endDate')} error={errors.endDate}>
        <DateInput id="org-end" value={v.endDate} onChange={(x) => set('endDate', x)} {...invalidProps('org-end', errors.endDate)} data-testid="org-end" />
      </Field>
      <Field id="org-notes" label={t('org.notes')} wide>
        <textarea id="org-notes" rows={2} value={v.notes} onChange={(e) => set('notes', e.target.value)} data-testid="org-notes" />
      </Field>
    </FormDialog>
  );
}

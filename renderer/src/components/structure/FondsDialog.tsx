/** Sửa phông: code, name, creating body, open/closed, history, access regime, language, notes. */
import { useState } from 'react';
import type { AccessRegime, Fonds, FondsStatus } from '@shared/contract/types';
import { useMutation, useQuery } from '../../api/hooks';
import { useT, type MessageKey } from '../../i18n';
import { useFormSubmit } from '../../util/useFormSubmit';
import { Field, invalidProps } from '../common/Field';
import { FormDialog } from '../common/FormDialog';

export function FondsDialog({ fonds, onSaved, onClose }: { fonds: Fonds; onSaved(): Promise<void>; onClose(): void }) {
  const t = useT();
  const orgList = useQuery('organizations.list', {});
  const orgs = orgList.data ?? [];
  const update = useMutation('fonds.update');
  const [v, setV] = useState({
    code: fonds.code,
    name: fonds.name,
    organizationId: String(fonds.organizationId),
    status: fonds.status as FondsStatus,
    history: fonds.history ?? '',
    accessRegime: (fonds.accessRegime ?? '') as AccessRegime | '',
    language: fonds.language ?? '',
    notes: fonds.notes ?? '',
  });
  const { errors, banner, busy, submit } = useFormSubmit();
  const set = (k: keyof typeof v, value: string) => setV((x) => ({ ...x, [k]: value }));
  const validate = () => {
    const e: Record<string, string> = {};
    if (!v.code.trim()) e.code = t('common.required');
    if (!v.name.trim()) e.name = t('common.required');
    return e;
  };
  const save = () =>
    submit(validate(), async () => {
      await update.send({
        id: fonds.id,
        patch: {
          code: v.code.trim(),
          name: v.name.trim(),
          organizationId: Number(v.organizationId),
          status: v.status,
          history: v.history.trim() || null,
          accessRegime: v.accessRegime || null,
          language: v.language.trim() || null,
          notes: v.notes.trim() || null,
        },
      });
      await onSaved();
      onClose();
    });
  return (
    <FormDialog title={t('structure.editFonds', { code: fonds.code })} onClose={onClose} testId="fonds-dialog" formTestId="fonds-edit-form" wide banner={banner ?? orgList.message} busy={busy} onSubmit={save}>
      <Field id="fonds-edit-code" label={t('fonds.code')} error={errors.code} required>
        <input id="fonds-edit-code" value={v.code} maxLength={50} onChange={(e) => set('code', e.target.value)} {...invalidProps('fonds-edit-code', errors.code)} data-testid="fonds-edit-code" />
      </Field>
      <Field id="fonds-edit-status" label={t('fonds.status')}>
        <select id="fonds-edit-status" value={v.status} onChange={(e) => set('status', e.target.value)} data-testid="fonds-edit-status">
          <option value="open">{t('fonds.status.open')}</option>
          <option value="closed">{t('fonds.status.closed')}</option>
        </select>
      </Field>
      <Field id="fonds-edit-name" label={t('fonds.name')} error={errors.name} required wide>
        <input id="fonds-edit-name" value={v.name} maxLength={500} onChange={(e) => set('name', e.target.value)} {...invalidProps('fonds-edit-name', errors.name)} data-testid="fonds-edit-name" />
      </Field>
      <Field id="fonds-edit-org" label={t('fonds.organization')} wide>
        <select id="fonds-edit-org" value={v.organizationId} onChange={(e) => set('organizationId', e.target.value)} data-testid="fonds-edit-org">
          {orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="fonds-edit-access" label={t('fonds.accessRegime')}>
        <select id="fonds-edit-access" value={v.accessRegime} onChange={(e) => set('accessRegime', e.target.value)} data-testid="fonds-edit-access">
          <option value="">{t('common.notSet')}</option>
          {(['public', 'conditional', 'secret'] as const).map((a) => (
            <option key={a} value={a}>
              {t(`access.${a}` as MessageKey)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="fonds-edit-language" label={t('fonds.language')}>
        <input id="fonds-edit-language" value={v.language} maxLength={50} onChange={(e) => set('language', e.target.value)} data-testid="fonds-edit-language" />
      </Field>
      <Field id="fonds-edit-history" label={t('fonds.history')} wide>
        <textarea id="fonds-edit-history" rows={3} value={v.history} onChange={(e) => set('history', e.target.value)} data-testid="fonds-edit-history" />
      </Field>
      <Field id="fonds-edit-notes" label={t('fonds.notes')} wide>
        <textarea id="fonds-edit-notes" rows={2} value={v.notes} onChange={(e) => set('notes', e.target.value)} data-testid="fonds-edit-notes" />
      </Field>
    </FormDialog>
  );
}

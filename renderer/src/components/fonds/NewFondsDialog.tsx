/** Tạo phông lưu trữ: code, name, the creating body (picked, or created here), open/closed. */
import { useEffect, useRef, useState } from 'react';
import type { FondsStatus } from '@shared/contract/types';
import { useMutation, useQuery } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { useCatalogueStore } from '../../stores/catalogueStore';
import { refreshAfterChange } from '../../stores/refresh';
import { useT } from '../../i18n';
import { errorMessage, fieldErrors } from '../../util/errors';
import { useFormSubmit } from '../../util/useFormSubmit';
import { Field, invalidProps } from '../common/Field';
import { FormDialog } from '../common/FormDialog';
import { OrganizationPicker, type OrganizationChoice } from './OrganizationPicker';

type Errors = Record<string, string>;

export function NewFondsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  const orgList = useQuery('organizations.list', {});
  const organizations = orgList.data;
  const createOrg = useMutation('organizations.create');
  const createFonds = useMutation('fonds.create');
  const firstList = useRef(true);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [org, setOrg] = useState<OrganizationChoice>({ kind: 'existing', id: null });
  const [status, setStatus] = useState<FondsStatus>('open');
  const { errors, setErrors, banner, setBanner, busy, submit: run } = useFormSubmit();

  useEffect(() => {
    if (!organizations || !firstList.current) return;
    firstList.current = false;
    // No body yet: the form opens on "new body" instead of an empty list.
    if (organizations.length === 0) setOrg({ kind: 'new', name: '' });
  }, [organizations]);
  useEffect(() => {
    if (orgList.message) setBanner(orgList.message);
  }, [orgList.message]);

  const clearError = (key: string) =>
    setErrors((e) => {
      if (!(key in e)) return e;
      const next = { ...e };
      delete next[key];
      return next;
    });

  const validate = (): Errors => {
    const e: Errors = {};
    if (!code.trim()) e['code'] = t('common.required');
    if (!name.trim()) e['name'] = t('common.required');
    if (org.kind === 'existing' ? org.id === null : !org.name.trim()) e['organizationId'] = t('org.required');
    return e;
  };

  const submit = () =>
    run(validate(), async () => {
      let organizationId: number;
      if (org.kind === 'new') {
        try {
          organizationId = (await createOrg.send({ name: org.name.trim() })).id;
        } catch (err) {
          // The new body's own fields belong beside the organisation picker.
          const fe = fieldErrors(err);
          if (fe) setErrors({ organizationId: Object.values(fe).join('; ') });
          else setBanner(errorMessage(err));
          return;
        }
        // The picker lists the new body before it is chosen.
        await orgList.reload();
        setOrg({ kind: 'existing', id: organizationId });
      } else {
        organizationId = org.id!;
      }
      const fonds = await createFonds.send({ code: code.trim(), name: name.trim(), organizationId, status });
      await refreshAfterChange();
      useCatalogueStore.getState().expand(fonds.id);
      navigate({ kind: 'fonds', fondsId: fonds.id });
      onClose();
    });

  return (
    <FormDialog title={t('fonds.new')} onClose={onClose} testId="new-fonds-dialog" formTestId="fonds-form" banner={banner} busy={busy} submitLabel={t('common.create')} onSubmit={submit}>
      <Field id="fonds-code" label={t('fonds.code')} error={errors['code']} required>
        <input id="fonds-code" value={code} maxLength={50} onChange={(e) => {
          setCode(e.target.value);
          clearError('code');
        }} {...invalidProps('fonds-code', errors['code'])} data-testid="fonds-code" />
      </Field>
      <Field id="fonds-name" label={t('fonds.name')} error={errors['name']} required wide>
        <input id="fonds-name" value={name} maxLength={500} onChange={(e) => {
          setName(e.target.value);
          clearError('name');
        }} {...invalidProps('fonds-name', errors['name'])} data-testid="fonds-name" />
      </Field>
      <OrganizationPicker organizations={organizations} value={org} onChange={(v) => {
        setOrg(v);
        clearError('organizationId');
      }} error={errors['organizationId']} />
      <fieldset className="field field-wide radio-group">
        <legend>{t('fonds.status')}</legend>
        {(['open', 'closed'] as const).map((s) => (
          <label key={s} className="radio">
            <input type="radio" name="fonds-status" value={s} checked={status === s} onChange={() => setStatus(s)} data-testid={`fonds-status-${s}`} />
            {t(s === 'open' ? 'fonds.status.open' : 'fonds.status.closed')}
          </label>
        ))}
      </fieldset>
    </FormDialog>
  );
}

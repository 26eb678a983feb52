/**
 * In an empty catalogue the import dialog offers to create the fonds in place: its code, its name
 * and the body that produced it (an existing one, or a new one typed here), then the import goes on.
 */
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { refreshAfterChange } from '../../stores/refresh';
import { useT } from '../../i18n';
import { errorMessage, fieldErrors } from '../../util/errors';
import { ErrorBanner } from '../common/ErrorBanner';
import { Field, invalidProps } from '../common/Field';
import { OrganizationPicker, type OrganizationChoice } from '../fonds/OrganizationPicker';

export function InlineFondsForm({ onCreated }: { onCreated(fondsId: number): void }) {
  const t = useT();
  const orgList = useQuery('organizations.list', {});
  const organizations = orgList.data;
  const createOrg = useMutation('organizations.create');
  const createFonds = useMutation('fonds.create');
  const firstList = useRef(true);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [org, setOrg] = useState<OrganizationChoice>({ kind: 'new', name: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!organizations || !firstList.current) return;
    firstList.current = false;
    if (organizations.length > 0) setOrg({ kind: 'existing', id: organizations[0]!.id });
  }, [organizations]);
  useEffect(() => {
    if (orgList.message) setBanner(orgList.message);
  }, [orgList.message]);

  const submit = async () => {
    const e: Record<string, string> = {};
    if (!code.trim()) e['code'] = t('common.required');
    if (!name.trim()) e['name'] = t('common.required');
    if (org.kind === 'existing' ? org.id === null : !org.name.trim()) e['organizationId'] = t('org.required');
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    setBanner(null);
    try {
      const organizationId = org.kind === 'new' ? (await createOrg.send({ name: org.name.trim() })).id : org.id!;
      if (org.kind === 'new') setOrg({ kind: 'existing', id: organizationId });
      const fonds = await createFonds.send({ code: code.trim(), name: name.trim(), organizationId });
      await refreshAfterChange();
      onCreated(fonds.id);
    } catch (err) {
      const fe = fieldErrors(err);
      if (fe) setErrors(fe);
      else setBanner(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="intake-new-fonds" aria-labelledby="intake-new-fonds-title" data-testid="import-new-fonds">
      <h3 id="intake-new-fonds-title" className="section-title">
        {t('intake.newFonds.title')}
      </h3>
      <p className="muted">{t('intake.newFonds.intro')}</p>
      <ErrorBanner message={banner} />
      <div className="form-grid">
        <Field id="fonds-code" label={t('fonds.code')} error={errors['code']} required>
          <input id="fonds-code" value={code} maxLength={50} onChange={(e) => setCode(e.target.value)} {...invalidProps('fonds-code', errors['code'])} data-testid="fonds-code" />
        </Field>
        <Field id="fonds-name" label={t('fonds.name')} error={errors['name']} required wide>
          <input id="fonds-name" value={name} maxLength={500} onChange={(e) => setName(e.target.value)} {...invalidProps('fonds-name', errors['name'])} data-testid="fonds-name" />
        </Field>
        <OrganizationPicker organizations={organizations} value={org} onChange={setOrg} error={errors['organizationId']} />
      </div>
      <footer className="form-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void submit()} data-testid="import-create-fonds">
          {t('intake.newFonds.create')}
        </button>
      </footer>
    </section>
  );
}

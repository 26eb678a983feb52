/** Tạo đợt bàn giao: its number, who hands over to whom, on what basis. The rest can follow later. */
import { useEffect, useRef, useState } from 'react';
import type { RecipientKind } from '@shared/contract/types/handover';
import { useMutation, useQuery } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { useT } from '../../i18n';
import { useFormSubmit } from '../../util/useFormSubmit';
import { Field, invalidProps } from '../common/Field';
import { FormDialog } from '../common/FormDialog';

const KINDS: RecipientKind[] = ['successor', 'provincial_archive', 'other'];
const NEW = '__new__';

export function NewBatchDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  const orgList = useQuery('organizations.list', {});
  const orgs = orgList.data ?? [];
  const createOrg = useMutation('organizations.create');
  const createBatch = useMutation('handover.batches.create');
  const proposed = useRef(false);
  const [code, setCode] = useState('');
  const [fromId, setFromId] = useState('');
  const [toId, setToId] = useState('');
  const [kind, setKind] = useState<RecipientKind>('successor');
  const [basis, setBasis] = useState(t('handover.new.basisDefault'));
  const [place, setPlace] = useState('');
  const [newTo, setNewTo] = useState('');
  const { errors, banner, busy, submit } = useFormSubmit();

  useEffect(() => {
    const list = orgList.data;
    if (!list || proposed.current) return;
    proposed.current = true;
    // A dissolved body hands over to its successor: offer that pair first.
    const ended = list.find((o) => o.endDate && o.successors.length > 0);
    if (ended) {
      setFromId(String(ended.id));
      setToId(String(ended.successors[0]!.organizationId));
    }
  }, [orgList.data]);

  const validate = () => {
    const e: Record<string, string> = {};
    if (!code.trim()) e.code = t('common.required');
    if (!fromId) e.fromOrganizationId = t('common.required');
    if (toId && toId === fromId) e.toOrganizationId = t('common.required');
    if (toId === NEW && !newTo.trim()) e.newTo = t('common.required');
    return e;
  };

  const onSubmit = () =>
    submit(validate(), async () => {
      // The receiving body may not be in the catalogue yet (e.g. the provincial archive): create it, level unknown.
      let to = toId && toId !== NEW ? Number(toId) : null;
      if (toId === NEW) to = (await createOrg.send({ name: newTo.trim(), level: 'other' })).id;
      const batch = await createBatch.send({
        code: code.trim(),
        fromOrganizationId: Number(fromId),
        toOrganizationId: to,
        recipientKind: kind,
        legalBasis: basis.trim() || null,
        place: place.trim() || null,
      });
      onClose();
      navigate({ kind: 'handoverBatch', batchId: batch.id });
    });

  const orgOptions = orgs.map((o) => (
    <option key={o.id} value={o.id}>
      {o.name}
    </option>
  ));
  return (
    <FormDialog title={t('handover.new.title')} onClose={onClose} testId="hv-new-dialog" formTestId="hv-new" wide banner={banner ?? orgList.message} busy={busy} submitLabel={t('common.create')} onSubmit={onSubmit}>
      <Field id="hv-code" label={t('handover.field.code')} error={errors.code} required>
        <input id="hv-code" value={code} onChange={(e) => setCode(e.target.value)} placeholder="01/BB-BG" {...invalidProps('hv-code', errors.code)} />
      </Field>
      <Field id="hv-kind" label={t('handover.field.recipientKind')}>
        <select id="hv-kind" value={kind} onChange={(e) => setKind(e.target.value as RecipientKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`handover.recipient.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="hv-from" label={t('handover.field.from')} error={errors.fromOrganizationId} required>
        <select id="hv-from" value={fromId} onChange={(e) => setFromId(e.target.value)} {...invalidProps('hv-from', errors.fromOrganizationId)}>
          <option value="">{t('handover.new.chooseOrg')}</option>
          {orgOptions}
        </select>
      </Field>
      <Field id="hv-to" label={t('handover.field.to')} error={errors.toOrganizationId}>
        <select id="hv-to" value={toId} onChange={(e) => setToId(e.target.value)} {...invalidProps('hv-to', errors.toOrganizationId)}>
          <option value="">{t('handover.new.chooseOrg')}</option>
          {orgOptions}
          <option value={NEW}>{t('org.new')}</option>
        </select>
      </Field>
      {toId === NEW ? (
        <Field id="hv-to-new" label={t('org.newName')} error={errors.newTo} required wide>
          <input id="hv-to-new" value={newTo} maxLength={500} onChange={(e) => setNewTo(e.target.value)} {...invalidProps('hv-to-new', errors.newTo)} />
        </Field>
      ) : null}
      <Field id="hv-basis" label={t('handover.field.legalBasis')} wide>
        <textarea id="hv-basis" rows={3} value={basis} onChange={(e) => setBasis(e.target.value)} />
      </Field>
      <Field id="hv-place" label={t('handover.field.place')}>
        <input id="hv-place" value={place} onChange={(e) => setPlace(e.target.value)} />
      </Field>
    </FormDialog>
  );
}

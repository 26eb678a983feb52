/**
 * Thêm hồ sơ vào đợt: pick files of a fonds that are in no batch yet. Secret documents in them
 * must each be confirmed, with a reason; the host records who confirmed and when.
 */
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { useCatalogueStore } from '../../stores/catalogueStore';
import { useLocale, useT } from '../../i18n';
import { retentionLabel } from '../../util/format';
import { useFormSubmit } from '../../util/useFormSubmit';
import { Field, invalidProps } from '../common/Field';
import { FondsSelect } from '../common/FondsSelect';
import { FormDialog } from '../common/FormDialog';
import type { BatchDetail } from '@shared/contract/types/handover';

export function AddFilesDialog({ batchId, onClose, onAdded }: { batchId: number; onClose(): void; onAdded(d: BatchDetail): void }) {
  const t = useT();
  const locale = useLocale();
  const fonds = useCatalogueStore((s) => s.fonds);
  const [fondsId, setFondsId] = useState<number | null>(fonds[0]?.id ?? null);
  const listed = useQuery('handover.batches.candidates', { batchId, fondsId: fondsId ?? 0 }, { enabled: fondsId !== null });
  const candidates = listed.data;
  const addFiles = useMutation('handover.batches.addFiles');
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [confirmed, setConfirmed] = useState<Set<number>>(new Set());
  const [reason, setReason] = useState('');
  const { errors, banner, busy, submit } = useFormSubmit();

  useEffect(() => {
    setChosen(new Set());
  }, [batchId, fondsId]);

  const secrets = useMemo(() => (candidates ?? []).filter((f) => chosen.has(f.id)).flatMap((f) => f.secretDocuments.map((d) => ({ ...d, file: f.code }))), [candidates, chosen]);

  const toggle = (set: Set<number>, id: number) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };

  const validate = () => {
    const e: Record<string, string> = {};
    if (chosen.size === 0) e.files = t('handover.add.pickOne');
    if (secrets.length > 0) {
      // A caller who may not see secret records is not told which they are: they must unlock to confirm them.
      if (secrets.some((s) => s.documentId === null)) e.secrets = t('handover.add.unlockToConfirm');
      else if (secrets.some((s) => !confirmed.has(s.documentId!))) e.secrets = t('handover.add.confirmAll');
      if (reason.trim().length < 5) e.reason = t('handover.add.reasonRequired');
    }
    return e;
  };

  const onSubmit = () =>
    submit(validate(), async () => {
      const detail = await addFiles.send({
        batchId,
        fileIds: [...chosen],
        ...(secrets.length > 0 ? { secretConfirmation: { documentIds: secrets.flatMap((s) => (s.documentId === null ? [] : [s.documentId])), reason: reason.trim() } } : {}),
      });
      onAdded(detail);
      onClose();
    });

  const all = candidates ?? [];
  return (
    <FormDialog title={t('handover.add.title')} onClose={onClose} testId="hv-add-dialog" formTestId="hv-add" wide grid={false} banner={banner ?? listed.message} busy={busy} submitLabel={t('handover.add.submit', { n: chosen.size })} onSubmit={onSubmit}>
      <Field id="hv-add-fonds" label={t('handover.add.fonds')}>
        <FondsSelect id="hv-add-fonds" value={fondsId} onChange={setFondsId} />
      </Field>
      {candidates && all.length === 0 ? <p className="muted">{t('handover.add.none')}</p> : null}
      {all.length > 0 ? (
        <table className="data-table hv-pick" data-testid="hv-candidates">
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label={t('handover.add.selectAll')}
                  checked={chosen.size === all.length}
                  onChange={(e) => setChosen(e.target.checked ? new Set(all.map((f) => f.id)) : new Set())}
                  data-testid="hv-select-all"
                />
              </th>
              <th>{t('file.codeShort')}</th>
              <th>{t('file.title')}</th>
              <th>{t('file.retention')}</th>
              <th>{t('file.box')}</th>
              <th className="num">{t('file.documents')}</th>
            </tr>
          </thead>
          <tbody>
            {all.map((f) => (
              <tr key={f.id}>
                <td>
                  <input type="checkbox" checked={chosen.has(f.id)} onChange={() => setChosen((c) => toggle(c, f.id))} aria-label={f.code} data-testid={`hv-pick-${f.id}`} />
                </td>
                <td>{f.code}</td>
                <td className="col-title">
                  {f.title}
                  {f.secretDocuments.length > 0 ? <span className="badge hv-badge-secret">{t('handover.batch.secretMark')}</span> : null}
                </td>
                <td>{retentionLabel(f.retention, locale) ?? t('common.notSet')}</td>
                <td>{f.box ?? '—'}</td>
                <td className="num">{f.documentCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {errors.files ? <p className="field-error">{errors.files}</p> : null}
      {secrets.length > 0 ? (
        <fieldset className="hv-secret-box" data-testid="hv-secret-box">
          <legend className="secret-text">{t('handover.add.secretTitle')}</legend>
          <p className="muted">{t('handover.add.secretExplain')}</p>
          <ul className="plain-list">
            {secrets.map((s, i) => (
              <li key={s.documentId ?? `an-${i}`}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    disabled={s.documentId === null}
                    checked={s.documentId !== null && confirmed.has(s.documentId)}
                    onChange={() => s.documentId !== null && setConfirmed((c) => toggle(c, s.documentId!))}
                    data-testid={`hv-confirm-${s.documentId ?? `an-${i}`}`}
                  />
                  {s.numberSymbol ?? (s.documentId !== null ? `#${s.documentId}` : t('handover.add.secretHidden'))} ({t(`security.${s.securityLevel}`)}) — {t('file.codeShort')} {s.file}: {t('handover.add.secretConfirm')}
                </label>
              </li>
            ))}
          </ul>
          {errors.secrets ? <p className="field-error">{errors.secrets}</p> : null}
          <Field id="hv-secret-reason" label={t('handover.add.reason')} error={errors.reason} required>
            <textarea id="hv-secret-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} {...invalidProps('hv-secret-reason', errors.reason)} />
          </Field>
        </fieldset>
      ) : null}
    </FormDialog>
  );
}

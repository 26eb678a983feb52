/** Ghi nhận quyết định tiêu hủy: number, date, who approved, on what basis, for the files picked. */
import { type FormEvent, useState } from 'react';
import type { DestructionCandidate } from '@shared/contract/types/safety';
import { useMutation } from '../../api/hooks';
import { useT } from '../../i18n';
import { fieldErrors } from '../../util/errors';
import { ErrorBanner } from '../common/ErrorBanner';
import { Field, invalidProps } from '../common/Field';
import { FormFooter } from '../common/FormFooter';
import { Modal } from '../common/Modal';
import { DateInput } from '../common/DateInput';
import { isIsoDate } from '@shared/text/dates';

export function DecisionForm({ fileIds, files, onClose, onRecorded }: { fileIds: number[]; files: DestructionCandidate[]; onClose(): void; onRecorded(): void }) {
  const t = useT();
  const [form, setForm] = useState({ decisionNumber: '', decisionDate: '', approvedBy: '', approverTitle: '', basis: '', notes: '' });
  const [fields, setFields] = useState<Record<string, string> | null>(null);
  const record = useMutation('destruction.record');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    for (const k of ['decisionNumber', 'decisionDate', 'approvedBy'] as const) if (!form[k].trim()) missing[k] = t('common.required');
    if (!missing['decisionDate'] && !isIsoDate(form.decisionDate)) missing['decisionDate'] = t('common.invalidDate');
    if (Object.keys(missing).length > 0) return setFields(missing);
    setFields(null);
    const recorded = await record.run({
      decisionNumber: form.decisionNumber,
      decisionDate: form.decisionDate,
      approvedBy: form.approvedBy,
      approverTitle: form.approverTitle || null,
      basis: form.basis || null,
      notes: form.notes || null,
      fileIds,
    });
    if (recorded) onRecorded();
  };
  const errors = fields ?? fieldErrors(record.failure) ?? {};
  const text = (key: keyof typeof form, label: string, props: { type?: string; required?: boolean; wide?: boolean } = {}) => (
    <Field id={`decision-${key}`} label={label} required={props.required} wide={props.wide} error={errors[key]}>
      <input
        id={`decision-${key}`}
        type={props.type ?? 'text'}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        data-testid={`decision-${key}`}
        {...invalidProps(`decision-${key}`, errors[key])}
      />
    </Field>
  );
  return (
    <Modal title={t('safety.destruction.record').replace('…', '')} onClose={onClose} testId="decision-form" wide>
      <form onSubmit={(e) => void submit(e)}>
        <div className="modal-body">
          <div className="form-grid">
            {text('decisionNumber', t('safety.destruction.number'), { required: true })}
            <Field id="decision-decisionDate" label={t('safety.destruction.date')} required error={errors['decisionDate']}>
              <DateInput id="decision-decisionDate" value={form.decisionDate} onChange={(v) => setForm({ ...form, decisionDate: v })} data-testid="decision-decisionDate" {...invalidProps('decision-decisionDate', errors['decisionDate'])} />
            </Field>
            {text('approvedBy', t('safety.destruction.approvedBy'), { required: true })}
            {text('approverTitle', t('safety.destruction.approverTitle'))}
            {text('basis', t('safety.destruction.basis'), { wide: true })}
            {text('notes', t('safety.destruction.notes'), { wide: true })}
          </div>
          <h3 className="section-title">{t('safety.destruction.files')}</h3>
          <ul className="plain-list" data-testid="decision-files">
            {files.map((f) => (
              <li key={f.fileId}>
                <span className="code">{f.fondsCode}</span> {f.code} — {f.title} ({f.retentionLabel})
              </li>
            ))}
          </ul>
          <ErrorBanner message={record.error} />
        </div>
        <FormFooter busy={record.busy} onCancel={onClose} submitLabel={t('common.save')} testId="decision-form" />
      </form>
    </Modal>
  );
}

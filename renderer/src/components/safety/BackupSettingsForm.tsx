/** Sao lưu tự động: how often, how many to keep, where. */
import { type FormEvent, useEffect, useState } from 'react';
import type { BackupSettings } from '@shared/contract/types/safety';
import { useMutation, useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { formatDateTime } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { Field } from '../common/Field';

/** The settings are read again after every change (a backup made updates "last backup"). */
export function BackupSettingsForm({ onSaved }: { onSaved(): void }) {
  const t = useT();
  const loaded = useQuery('backups.settings', {});
  const [settings, setSettings] = useState<BackupSettings | null>(null);
  const [form, setForm] = useState({ intervalHours: '', keepLast: '', keepDaily: '', keepWeekly: '', dir: '' });
  const save = useMutation('backups.configure');
  const show = (s: BackupSettings) => {
    setSettings(s);
    setForm({ intervalHours: String(s.intervalHours), keepLast: String(s.keepLast), keepDaily: String(s.keepDaily), keepWeekly: String(s.keepWeekly), dir: s.dir });
  };
  useEffect(() => {
    if (loaded.data) show(loaded.data);
  }, [loaded.data]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const num = (v: string) => Number(v);
    const s = await save.run({ intervalHours: num(form.intervalHours), keepLast: num(form.keepLast), keepDaily: num(form.keepDaily), keepWeekly: num(form.keepWeekly), dir: form.dir.trim() || null });
    if (s) {
      show(s);
      onSaved();
    }
  };
  if (!settings) return null;
  const input = (key: keyof typeof form, type = 'number') => (
    <input id={`backup-${key}`} type={type} min={0} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} data-testid={`backup-setting-${key}`} />
  );
  return (
    <section className="panel" aria-labelledby="safety-backup-settings">
      <h2 id="safety-backup-settings" className="section-title">
        {t('safety.backups.settings')}
      </h2>
      <p className="muted">{t('safety.backups.lastAt', { at: settings.lastBackupAt ? formatDateTime(settings.lastBackupAt) : t('safety.backups.never') })}</p>
      <form onSubmit={(e) => void submit(e)} className="form-grid safety-settings" data-testid="backup-settings">
        <Field id="backup-intervalHours" label={t('safety.backups.interval')}>
          {input('intervalHours')}
        </Field>
        <Field id="backup-keepLast" label={t('safety.backups.keepLast')}>
          {input('keepLast')}
        </Field>
        <Field id="backup-keepDaily" label={t('safety.backups.keepDaily')}>
          {input('keepDaily')}
        </Field>
        <Field id="backup-keepWeekly" label={t('safety.backups.keepWeekly')}>
          {input('keepWeekly')}
        </Field>
        <Field id="backup-dir" label={t('safety.backups.dir')} hint={t('safety.backups.dirHint')} wide>
          {input('dir', 'text')}
        </Field>
        <ErrorBanner message={save.error} />
        <div className="form-actions">
          <button type="submit" disabled={save.busy} data-testid="backup-settings-save">
            {save.busy ? t('common.saving') : t('safety.backups.saveSettings')}
          </button>
        </div>
      </form>
    </section>
  );
}

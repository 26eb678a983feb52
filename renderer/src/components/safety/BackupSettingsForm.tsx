/** Sao lưu tự động: how often, how many to keep, where. */
import { type FormEvent, useEffect, useState } from 'react';
import type { BackupSettings } from '@shared/contract/types/safety';
import { call } from '../../api/client';
import { useT } from '../../i18n';
import { formatDateTime } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { Field } from '../common/Field';
import { useAction } from './useAction';

/** `revision` changes when a backup is made, so "last backup" stays current. */
export function BackupSettingsForm({ revision, onSaved }: { revision: string; onSaved(): void }) {
  const t = useT();
  const [settings, setSettings] = useState<BackupSettings | null>(null);
  const [form, setForm] = useState({ intervalHours: '', keepLast: '', keepDaily: '', keepWeekly: '', dir: '' });
  const save = useAction(async () => {
    const num = (v: string) => Number(v);
    return call('backups.configure', { intervalHours: num(form.intervalHours), keepLast: num(form.keepLast), keepDaily: num(form.keepDaily), keepWeekly: num(form.keepWeekly), dir: form.dir.trim() || null });
  });
  const show = (s: BackupSettings) => {
    setSettings(s);
    setForm({ intervalHours: String(s.intervalHours), keepLast: String(s.keepLast), keepDaily: String(s.keepDaily), keepWeekly: String(s.keepWeekly), dir: s.dir });
  };
  useEffect(() => {
    void call('backups.settings', {}).then(show, () => undefined);
  }, [revision]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const s = await save.go();
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

/** Bản sao lưu: the list, "Sao lưu ngay", per backup "Kiểm tra" and "Khôi phục…", and the schedule. */
import { useState } from 'react';
import type { BackupVerification } from '@shared/contract/types/safety';
import { useMutation, useQuery } from '../../api/hooks';
import { useLocale, useT } from '../../i18n';
import { textsOf } from '../../util/errors';
import { formatDateTime, formatSize } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { BackupSettingsForm } from './BackupSettingsForm';
import { RestoreDialog } from './RestoreDialog';

function VerifyResult({ v }: { v: BackupVerification }) {
  const t = useT();
  const locale = useLocale();
  if (v.ok) return <span className="safety-ok" data-testid={`backup-verify-ok-${v.id}`}>✓ {t('safety.backups.verifyOk', { n: v.originalsChecked })}</span>;
  return (
    <div className="safety-bad" role="alert" data-testid={`backup-verify-bad-${v.id}`}>
      ✗ {t('safety.backups.verifyBad')}
      <ul className="plain-list">
        {textsOf(v.problems, v.problemTexts, locale).map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}

export function BackupsPanel() {
  const t = useT();
  const [verified, setVerified] = useState<Record<string, BackupVerification>>({});
  const [restoring, setRestoring] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useQuery('backups.list', {});
  const backups = load.data;
  const create = useMutation('backups.create');
  // Verifying reads the backups; it changes nothing another view shows.
  const verify = useMutation('backups.verify', { announces: false });
  const reload = load.reload;

  const backUpNow = async () => {
    const made = await create.run({});
    if (made) setNotice(t('safety.backups.done', { id: made.id }));
  };
  const check = async (id: string) => {
    const v = await verify.run({ id });
    if (v) setVerified((all) => ({ ...all, [id]: v }));
  };

  return (
    <div className="safety-panels">
      <section className="panel" aria-labelledby="safety-backups-title">
        <div className="safety-panel-head">
          <h2 id="safety-backups-title" className="section-title">
            {t('safety.backups.title')}
          </h2>
          <button type="button" className="primary" onClick={() => void backUpNow()} disabled={create.busy} data-testid="backup-now">
            {create.busy ? t('safety.working') : t('safety.backups.now')}
          </button>
        </div>
        <ErrorBanner message={load.message ?? create.error ?? verify.error} />
        {notice ? (
          <p className="safety-ok" data-testid="backup-notice">
            ✓ {notice}
          </p>
        ) : null}
        {backups && backups.length === 0 ? <p className="muted">{t('safety.backups.empty')}</p> : null}
        {backups && backups.length > 0 ? (
          <table className="data-table safety-backups" data-testid="backups-table">
            <thead>
              <tr>
                <th>{t('safety.backups.when')}</th>
                <th>{t('safety.backups.reason')}</th>
                <th>{t('safety.backups.contents')}</th>
                <th className="num">{t('safety.backups.size')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.id} data-testid={`backup-${b.id}`}>
                  <td className="nowrap">{formatDateTime(b.createdAt)}</td>
                  <td>
                    {t(`safety.backups.reason.${b.reason}`)}
                    {b.note ? <div className="muted small">{b.note}</div> : null}
                  </td>
                  <td>
                    {t('safety.backups.contentsValue', {
                      documents: b.summary.counts.documents,
                      files: b.summary.counts.files,
                      originals: b.originals.included ? b.originals.count : t('safety.backups.noOriginals'),
                    })}
                    {b.encrypted ? <span className="badge safety-badge">{t('safety.backups.encrypted')}</span> : null}
                    {verified[b.id] ? (
                      <div>
                        <VerifyResult v={verified[b.id]!} />
                      </div>
                    ) : null}
                  </td>
                  <td className="num nowrap">{formatSize(b.catalogueBytes + b.originals.bytes)}</td>
                  <td className="nowrap safety-row-actions">
                    <div>
                      <button type="button" className="small" onClick={() => void check(b.id)} disabled={verify.busy} data-testid={`backup-verify-${b.id}`}>
                        {t('safety.backups.verify')}
                      </button>
                      <button type="button" className="small" onClick={() => setRestoring(b.id)} data-testid={`backup-restore-${b.id}`}>
                        {t('safety.backups.restore')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <BackupSettingsForm onSaved={() => void reload()} />
      {restoring ? (
        <RestoreDialog
          id={restoring}
          onClose={() => setRestoring(null)}
          onRestored={(message) => {
            setRestoring(null);
            setNotice(message);
            void reload();
          }}
        />
      ) : null}
    </div>
  );
}

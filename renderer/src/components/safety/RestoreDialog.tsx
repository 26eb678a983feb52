/** Khôi phục: shows what the restore will replace (counts, dates, differences), then does it on confirmation. */
import type { CatalogueSummary, RestorePreview } from '@shared/contract/types/safety';
import { useMutation, useQuery } from '../../api/hooks';
import { refreshAfterChange } from '../../stores/refresh';
import { type MessageKey, useLocale, useT } from '../../i18n';
import { textsOf } from '../../util/errors';
import { formatDateTime } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { Modal } from '../common/Modal';

const ROWS: Array<{ key: keyof CatalogueSummary['counts']; label: MessageKey }> = [
  { key: 'fonds', label: 'safety.restore.fonds' },
  { key: 'files', label: 'safety.restore.files' },
  { key: 'documents', label: 'safety.restore.documents' },
  { key: 'removedDocuments', label: 'safety.restore.removedDocuments' },
  { key: 'attachments', label: 'safety.restore.originals' },
  { key: 'auditRows', label: 'safety.restore.auditRows' },
];

function Comparison({ p }: { p: RestorePreview }) {
  const t = useT();
  const now = p.current;
  const then = p.backup.summary;
  return (
    <table className="data-table safety-compare" data-testid="restore-compare">
      <thead>
        <tr>
          <th>{t('safety.restore.col')}</th>
          <th className="num">{t('safety.restore.now')}</th>
          <th className="num">{t('safety.restore.backup')}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>{t('safety.restore.lastChange')}</td>
          <td className="num">{now.lastAudit ? formatDateTime(now.lastAudit.at) : '—'}</td>
          <td className="num">{then.lastAudit ? formatDateTime(then.lastAudit.at) : '—'}</td>
        </tr>
        {ROWS.map((r) => (
          <tr key={r.key} className={now.counts[r.key] !== then.counts[r.key] ? 'safety-differs' : ''} data-testid={`restore-count-${r.key}`}>
            <td>{t(r.label)}</td>
            <td className="num">{now.counts[r.key]}</td>
            <td className="num">{then.counts[r.key]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RestoreDialog({ id, onClose, onRestored }: { id: string; onClose(): void; onRestored(message: string): void }) {
  const t = useT();
  const locale = useLocale();
  // The preview's confirmation token belongs to what was shown: it is not read again behind the user's back.
  const preview = useQuery('backups.previewRestore', { id }, { followChanges: false });
  const restore = useMutation('backups.restore');
  const p = preview.data;
  const confirm = async () => {
    if (!p) return;
    const r = await restore.run({ id, confirmToken: p.confirmToken });
    if (r) {
      await refreshAfterChange();
      onRestored(t('safety.restore.done', { id: r.restoredFrom, safety: r.safetyBackupId }));
    }
  };
  return (
    <Modal title={t('safety.restore.title', { id })} onClose={onClose} testId="restore-dialog" wide>
      <div className="modal-body">
        <ErrorBanner message={preview.message ?? restore.error} />
        {!p && !preview.error ? <p className="muted">{t('safety.restore.loading')}</p> : null}
        {p ? (
          <>
            <Comparison p={p} />
            <p className={p.changesUndone > 0 ? 'warn-text' : 'muted'} data-testid="restore-undone">
              {t('safety.restore.undone', { n: p.changesUndone })}
            </p>
            {p.warnings.length > 0 ? (
              <ul className="safety-warnings">
                {textsOf(p.warnings, p.warningTexts, locale).map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ) : null}
            {p.differences.length > 0 ? (
              <>
                <h3 className="section-title">{t('safety.restore.differences', { n: p.differencesTotal })}</h3>
                <table className="data-table" data-testid="restore-differences">
                  <tbody>
                    {p.differences.slice(0, 50).map((d) => (
                      <tr key={`${d.change}-${d.id}`}>
                        <td className={`nowrap safety-change-${d.change}`}>{t(`safety.restore.change.${d.change}`)}</td>
                        <td className="nowrap">{d.numberSymbol ?? `#${d.id}`}</td>
                        <td>{d.subject}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {p.differencesTotal - (p.differencesHidden ?? 0) > 50 ? <p className="muted">{t('safety.restore.more', { n: p.differencesTotal - (p.differencesHidden ?? 0) - 50 })}</p> : null}
              </>
            ) : null}
            {(p.differencesHidden ?? 0) > 0 ? (
              <p className="muted secret-text" data-testid="restore-hidden-secrets">
                {t('safety.restore.hiddenSecret', { n: p.differencesHidden ?? 0 })}
              </p>
            ) : null}
            <p className="muted">{t('safety.restore.safetyNote')}</p>
          </>
        ) : null}
      </div>
      <footer className="modal-footer">
        <button type="button" onClick={onClose} disabled={restore.busy} data-testid="restore-cancel">
          {t('common.cancel')}
        </button>
        <button type="button" className="primary danger" onClick={() => void confirm()} disabled={!p || restore.busy} data-testid="restore-confirm">
          {restore.busy ? t('safety.working') : t('safety.restore.confirm')}
        </button>
      </footer>
    </Modal>
  );
}

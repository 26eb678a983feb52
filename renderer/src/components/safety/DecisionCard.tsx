/** One destruction decision and its next step: export the list, confirm it, move the originals out. */
import { type ChangeEvent, useState } from 'react';
import type { DestructionDecision } from '@shared/contract/types/safety';
import { call } from '../../api/client';
import { refreshAfterChange } from '../../stores/refresh';
import { useT } from '../../i18n';
import { formatDate, formatDateTime } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { downloadText, sha256OfFile } from './download';
import { useAction } from './useAction';

export function DecisionCard({ decision: d, onChanged }: { decision: DestructionDecision; onChanged(): void }) {
  const t = useT();
  const [quarantine, setQuarantine] = useState('');
  const [cancelReason, setCancelReason] = useState<string | null>(null);
  const [moved, setMoved] = useState<string | null>(null);
  const run = useAction(async (work: () => Promise<unknown>) => {
    await work();
    await refreshAfterChange();
    onChanged();
    return true;
  });
  const exportList = () =>
    run.go(async () => {
      const list = await call('destruction.exportList', { id: d.id });
      downloadText(list.fileName, list.content, list.mediaType);
    });
  const confirmWith = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void run.go(async () => call('destruction.confirm', { id: d.id, listSha256: await sha256OfFile(file) }));
  };
  const move = () =>
    run.go(async () => {
      const r = await call('destruction.moveOriginals', { id: d.id, quarantineDir: quarantine.trim() });
      setMoved(t('safety.destruction.moved', { n: r.moved, path: r.quarantinePath }));
    });
  const open = d.state === 'approved' || d.state === 'list_exported';

  return (
    <article className={`safety-decision state-${d.state}`} data-testid={`decision-${d.id}`}>
      <header className="safety-decision-head">
        <h3>
          {d.decisionNumber} · {formatDate(d.decisionDate)}
        </h3>
        <span className={`badge safety-state-${d.state}`} data-testid={`decision-state-${d.id}`}>
          {t(`safety.destruction.state.${d.state}`)}
        </span>
      </header>
      <p>
        {d.approvedBy}
        {d.approverTitle ? `, ${d.approverTitle}` : ''}
        {d.basis ? <span className="muted"> — {d.basis}</span> : null}
      </p>
      <ul className="plain-list small">
        {d.items.map((it) => (
          <li key={it.fileId}>
            <span className="code">{it.fondsCode}</span> {it.code} — {it.title} ({formatDate(it.startDate)}–{formatDate(it.endDate)}, {it.retentionLabel}, {t('safety.destruction.itemDocuments', { n: it.documentCount })})
          </li>
        ))}
      </ul>
      <p className="muted small">
        {t('safety.destruction.recordedBy', { at: formatDateTime(d.recordedAt), by: d.recordedBy })}
        {d.listExportedAt ? <> · {t('safety.destruction.listExported', { at: formatDateTime(d.listExportedAt), sha: `${d.listSha256?.slice(0, 12)}…` })}</> : null}
        {d.executedAt ? <> · {t('safety.destruction.executedAt', { at: formatDateTime(d.executedAt), by: d.executedBy ?? '' })}</> : null}
        {d.quarantinePath ? <> · {t('safety.destruction.movedTo', { path: d.quarantinePath })}</> : null}
        {d.cancelReason ? <> · {d.cancelReason}</> : null}
      </p>
      <ErrorBanner message={run.error} />
      {moved ? <p className="safety-ok">✓ {moved}</p> : null}
      {open ? (
        <div className="safety-steps">
          <button type="button" onClick={() => void exportList()} disabled={run.busy} data-testid={`decision-export-${d.id}`}>
            {t('safety.destruction.exportList')}
          </button>
          {d.state === 'list_exported' ? (
            <label className="safety-file-pick">
              {t('safety.destruction.confirmLabel')}
              <input type="file" accept=".csv,text/csv" onChange={confirmWith} disabled={run.busy} data-testid={`decision-confirm-${d.id}`} />
              <span className="field-hint">{t('safety.destruction.confirmHint')}</span>
            </label>
          ) : null}
          {cancelReason === null ? (
            <button type="button" className="link" onClick={() => setCancelReason('')} data-testid={`decision-cancel-${d.id}`}>
              {t('safety.destruction.cancel')}
            </button>
          ) : (
            <span className="safety-inline-form">
              <input placeholder={t('safety.destruction.cancelReason')} value={cancelReason} onChange={(e) => setCancelReason(e.target.value)} data-testid={`decision-cancel-reason-${d.id}`} />
              <button type="button" onClick={() => void run.go(() => call('destruction.cancel', { id: d.id, reason: cancelReason }))} disabled={run.busy}>
                {t('common.save')}
              </button>
            </span>
          )}
        </div>
      ) : null}
      {d.state === 'executed' && !d.originalsMovedAt ? (
        <div className="safety-steps">
          <p className="muted">{t('safety.destruction.executedNote')}</p>
          <span className="safety-inline-form">
            <input placeholder={t('safety.destruction.quarantine')} value={quarantine} onChange={(e) => setQuarantine(e.target.value)} data-testid={`decision-quarantine-${d.id}`} />
            <button type="button" onClick={() => void move()} disabled={run.busy || quarantine.trim() === ''} data-testid={`decision-move-${d.id}`}>
              {t('safety.destruction.move')}
            </button>
          </span>
        </div>
      ) : null}
    </article>
  );
}

/** One destruction decision and its next step: export the list, confirm it, move the originals out. */
import { type ChangeEvent, useState } from 'react';
import type { DestructionDecision } from '@shared/contract/types/safety';
import { useMutation } from '../../api/hooks';
import { refreshAfterChange } from '../../stores/refresh';
import { useLocale, useT } from '../../i18n';
import { textsOf } from '../../util/errors';
import { formatDate, formatDateTime } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { downloadText, sha256OfFile } from './download';

export function DecisionCard({ decision: d, onChanged }: { decision: DestructionDecision; onChanged(): void }) {
  const t = useT();
  const locale = useLocale();
  const [quarantine, setQuarantine] = useState('');
  const [cancelReason, setCancelReason] = useState<string | null>(null);
  const [moved, setMoved] = useState<{ text: string; problems: string[] } | null>(null);
  const exportOp = useMutation('destruction.exportList');
  const confirmOp = useMutation('destruction.confirm');
  const moveOp = useMutation('destruction.moveOriginals');
  const cancelOp = useMutation('destruction.cancel');
  const busy = exportOp.busy || confirmOp.busy || moveOp.busy || cancelOp.busy;
  const error = exportOp.error ?? confirmOp.error ?? moveOp.error ?? cancelOp.error;
  /** After a step that went through: the counts and the decisions list show its effect. */
  const done = async <T,>(reply: T | null): Promise<T | null> => {
    if (reply === null) return null;
    await refreshAfterChange();
    onChanged();
    return reply;
  };
  const exportList = async () => {
    const list = await done(await exportOp.run({ id: d.id }));
    if (list) downloadText(list.fileName, list.content, list.mediaType);
  };
  const confirmWith = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void sha256OfFile(file).then(async (listSha256) => done(await confirmOp.run({ id: d.id, listSha256 })));
  };
  const move = async () => {
    const r = await done(await moveOp.run({ id: d.id, quarantineDir: quarantine.trim() }));
    if (r) setMoved({ text: t('safety.destruction.moved', { n: r.moved, path: r.quarantinePath }), problems: textsOf(r.problems, r.problemTexts, locale) });
  };
  const cancel = async (reason: string) => done(await cancelOp.run({ id: d.id, reason }));
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
      <ErrorBanner message={error} />
      {moved ? <p className="safety-ok">✓ {moved.text}</p> : null}
      {moved && moved.problems.length > 0 ? (
        <ul className="plain-list safety-bad" role="alert" data-testid={`decision-move-problems-${d.id}`}>
          {moved.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <div className="safety-steps">
          <button type="button" onClick={() => void exportList()} disabled={busy} data-testid={`decision-export-${d.id}`}>
            {t('safety.destruction.exportList')}
          </button>
          {d.state === 'list_exported' ? (
            <label className="safety-file-pick">
              {t('safety.destruction.confirmLabel')}
              <input type="file" accept=".csv,text/csv" onChange={confirmWith} disabled={busy} data-testid={`decision-confirm-${d.id}`} />
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
              <button type="button" onClick={() => void cancel(cancelReason)} disabled={busy}>
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
            <button type="button" onClick={() => void move()} disabled={busy || quarantine.trim() === ''} data-testid={`decision-move-${d.id}`}>
              {t('safety.destruction.move')}
            </button>
          </span>
        </div>
      ) : null}
    </article>
  );
}

/** Tiêu hủy: expired files, recorded decisions and their steps (export list → confirm → move originals). */
import { useState } from 'react';
import { useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { formatDate } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { DecisionCard } from './DecisionCard';
import { DecisionForm } from './DecisionForm';

export function DestructionPanel() {
  const t = useT();
  const [picked, setPicked] = useState<number[]>([]);
  const [recording, setRecording] = useState(false);
  const candidates = useQuery('destruction.candidates', {});
  const decisions = useQuery('destruction.list', {});
  const reload = async () => {
    await Promise.all([candidates.reload(), decisions.reload()]);
  };
  const toggle = (id: number) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const list = candidates.data ?? [];

  return (
    <div className="safety-panels">
      <section className="panel" aria-labelledby="safety-destruction-title">
        <h2 id="safety-destruction-title" className="section-title">
          {t('safety.destruction.title')}
        </h2>
        <p className="muted">{t('safety.destruction.hint')}</p>
        <ErrorBanner message={candidates.message ?? decisions.message} />
        <h3 className="section-title">{t('safety.destruction.candidates', { n: list.length })}</h3>
        {list.length === 0 ? (
          <p className="muted">{t('safety.destruction.noCandidates')}</p>
        ) : (
          <table className="data-table" data-testid="destruction-candidates">
            <thead>
              <tr>
                <th />
                <th>{t('field.code')}</th>
                <th>{t('field.title')}</th>
                <th>{t('field.endDate')}</th>
                <th>{t('field.retentionCode')}</th>
                <th>{t('safety.destruction.expiredOn')}</th>
                <th className="num">{t('doc.title')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.fileId}>
                  <td>
                    <input type="checkbox" checked={picked.includes(c.fileId)} onChange={() => toggle(c.fileId)} aria-label={c.title} data-testid={`candidate-${c.fileId}`} />
                  </td>
                  <td className="nowrap">
                    <span className="code">{c.fondsCode}</span> {c.code}
                  </td>
                  <td>{c.title}</td>
                  <td className="nowrap">{formatDate(c.endDate)}</td>
                  <td className="nowrap">{c.retentionLabel}</td>
                  <td className="nowrap">{formatDate(c.expiredOn)}</td>
                  <td className="num">{c.documentCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="form-actions">
          <button type="button" className="primary" disabled={picked.length === 0} onClick={() => setRecording(true)} data-testid="destruction-record">
            {t('safety.destruction.record')}
          </button>
        </div>
      </section>
      <section className="panel" aria-labelledby="safety-decisions-title">
        <h2 id="safety-decisions-title" className="section-title">
          {t('safety.destruction.decisions')}
        </h2>
        {decisions.data && decisions.data.length === 0 ? <p className="muted">{t('safety.destruction.none')}</p> : null}
        {(decisions.data ?? []).map((d) => (
          <DecisionCard key={d.id} decision={d} onChanged={() => void reload()} />
        ))}
      </section>
      {recording ? (
        <DecisionForm
          fileIds={picked}
          files={list.filter((c) => picked.includes(c.fileId))}
          onClose={() => setRecording(false)}
          onRecorded={() => {
            setRecording(false);
            setPicked([]);
            void reload();
          }}
        />
      ) : null}
    </div>
  );
}

/** "Kiểm tra nhật ký" and "Kiểm tra toàn vẹn": results in plain words, pointing at what is wrong. */
import type { AuditVerification, IntegrityReport } from '@shared/contract/types/safety';
import { useMutation } from '../../api/hooks';
import { useLocale, useT } from '../../i18n';
import { textOf } from '../../util/errors';
import { formatDateTime, formatSize } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { nameAsShown } from '../../util/withheld';

/** What the witnesses outside the catalogue file say of the chain (cut short, rewritten). */
function AnchorProblems({ v }: { v: AuditVerification }) {
  const t = useT();
  const locale = useLocale();
  if (!v.anchors || v.anchors.problems.length === 0) return null;
  return (
    <div className="safety-bad" role="alert" data-testid="audit-anchor-problems">
      <p>
        <strong>✗ {t('safety.audit.anchorsBad', { n: v.anchors.problems.length, compared: v.anchors.compared })}</strong>
      </p>
      <ul>
        {v.anchors.problems.map((p, i) => (
          <li key={i}>{textOf(p, locale)}</li>
        ))}
      </ul>
    </div>
  );
}

function AuditResult({ v }: { v: AuditVerification }) {
  const t = useT();
  if (v.ok) return <p className="safety-ok" data-testid="audit-ok">✓ {t('safety.audit.ok', { checked: v.checked, total: v.total })}</p>;
  if (v.firstBrokenId === null) return <AnchorProblems v={v} />;
  const b = v.firstBroken;
  return (
    <div className="safety-bad" role="alert" data-testid="audit-broken">
      <p>
        <strong>✗ {t('safety.audit.broken', { id: v.firstBrokenId ?? '?' })}</strong>
      </p>
      {b ? (
        <p className="mono" data-testid="audit-broken-row">
          {t('safety.audit.brokenRow', { id: b.id, at: formatDateTime(b.at), actor: b.actor, action: b.action, entity: `${b.entityType} ${b.entityId ?? ''}` })}
        </p>
      ) : null}
      <p className="muted">{t('safety.audit.brokenBefore', { checked: v.checked })}</p>
    </div>
  );
}

function IntegrityResult({ r }: { r: IntegrityReport }) {
  const t = useT();
  const locale = useLocale();
  const dbOk = r.integrity.length === 1 && r.integrity[0] === 'ok';
  const mark = (ok: boolean) => (ok ? <span className="safety-mark ok">✓</span> : <span className="safety-mark bad">✗</span>);
  return (
    <div data-testid="integrity-result">
      <p className={r.ok ? 'safety-ok' : 'safety-bad'} data-testid="integrity-verdict">
        <strong>{r.ok ? `✓ ${t('safety.check.ok')}` : `✗ ${t('safety.check.bad')}`}</strong> <span className="muted">{t('safety.check.at', { at: formatDateTime(r.checkedAt) })}</span>
      </p>
      <dl className="safety-checklist">
        <dt>
          {mark(dbOk)} {t('safety.check.database')}
        </dt>
        <dd className="mono">{r.integrity.slice(0, 5).join('; ')}</dd>
        <dt>
          {mark(r.foreignKeys.length === 0)} {t('safety.check.foreignKeys')}
        </dt>
        <dd>{r.foreignKeys.length === 0 ? 'ok' : t('safety.check.foreignKeysBad', { n: r.foreignKeys.length })}</dd>
        <dt>
          {mark(r.audit.ok)} {t('safety.check.audit')}
        </dt>
        <dd>
          {r.audit.ok
            ? t('safety.audit.ok', { checked: r.audit.checked, total: r.audit.total })
            : r.audit.firstBrokenId !== null
              ? t('safety.audit.broken', { id: r.audit.firstBrokenId })
              : (r.audit.anchors?.problems ?? []).map((p) => textOf(p, locale)).join(' ')}
        </dd>
        {r.records ? (
          <>
            <dt>
              {mark(r.records.problems.length === 0)} {t('safety.check.records')}
            </dt>
            <dd data-testid="record-check">
              {r.records.problems.length === 0
                ? t('safety.check.recordsOk', { checked: r.records.checked })
                : t('safety.check.recordsBad', { n: r.records.problems.length + (r.records.unlisted ?? 0), list: r.records.problems.slice(0, 10).map((p) => `${p.entityType === 'document' ? '#' : '@'}${p.id ?? '—'} ${nameAsShown(p.label, locale) ?? ''}`).join('; ') })}
            </dd>
          </>
        ) : null}
        <dt>
          {mark(r.originals.problems.length === 0)} {t('safety.check.originals')}
        </dt>
        <dd>
          {r.originals.problems.length === 0
            ? t('safety.check.originalsOk', { checked: r.originals.checked, size: formatSize(r.originals.bytes), moved: r.originals.movedOut })
            : t('safety.check.originalsBad', { n: r.originals.problems.length, checked: r.originals.checked })}
        </dd>
      </dl>
      {r.originals.problems.length > 0 ? (
        <table className="data-table" data-testid="fixity-problems">
          <tbody>
            {r.originals.problems.map((p) => (
              <tr key={p.attachmentId}>
                <td className="error-text nowrap">{t(`safety.check.problem.${p.problem}`)}</td>
                <td>{nameAsShown(p.fileName, locale)}</td>
                <td className="mono small">{p.storedPath}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

export function ChecksPanel() {
  const t = useT();
  // Checks read; they change nothing another view shows.
  const audit = useMutation('audit.verify', { announces: false });
  const check = useMutation('integrity.check', { announces: false });
  return (
    <div className="safety-panels">
      <section className="panel" aria-labelledby="safety-audit-title">
        <h2 id="safety-audit-title" className="section-title">
          {t('safety.audit.title')}
        </h2>
        <p className="muted">{t('safety.audit.hint')}</p>
        <button type="button" className="primary" onClick={() => void audit.run({})} disabled={audit.busy} data-testid="audit-verify">
          {audit.busy ? t('safety.working') : t('safety.audit.verify')}
        </button>
        <ErrorBanner message={audit.error} />
        {audit.result ? <AuditResult v={audit.result} /> : null}
      </section>
      <section className="panel" aria-labelledby="safety-check-title">
        <h2 id="safety-check-title" className="section-title">
          {t('safety.check.title')}
        </h2>
        <p className="muted">{t('safety.check.hint')}</p>
        <button type="button" className="primary" onClick={() => void check.run({ originals: true })} disabled={check.busy} data-testid="integrity-check">
          {check.busy ? t('safety.working') : t('safety.check.run')}
        </button>
        <ErrorBanner message={check.error} />
        {check.result ? <IntegrityResult r={check.result} /> : null}
      </section>
    </div>
  );
}

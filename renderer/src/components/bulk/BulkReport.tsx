/** What a bulk action did: changed, already as asked, and each refusal with its reason in words. */
import type { BulkRefusal, BulkResult, RefusalCode } from '@shared/contract/types/bulk';
import { isMessageKey, useT, type Translate } from '../../i18n';
import { formatDate } from '../../util/format';

/** Refusals listed one by one in the report (the rest are counted by reason). */
const SHOWN = 50;

/** A refusal's reason in the user's language, its dates as dd/mm/yyyy. */
export function refusalText(t: Translate, code: RefusalCode, params: BulkRefusal['params'] = {}): string {
  const vars: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v === null) vars[k] = '…';
    else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) vars[k] = formatDate(v);
    else if (k === 'status' && isMessageKey(`handover.status.${v}`)) vars[k] = t(`handover.status.${v}` as 'handover.status.draft');
    else vars[k] = v;
  }
  return t(`bulk.refusal.${code}`, vars);
}

function recordName(t: Translate, r: BulkRefusal): string {
  const label = r.label ?? t('bulk.report.noLabel', { id: r.id });
  return t(r.entityType === 'document' ? 'bulk.report.record.document' : 'bulk.report.record.file', { label });
}

export function BulkReport({ result }: { result: BulkResult }) {
  const t = useT();
  const byCode = Object.entries(result.refusedByCode) as Array<[RefusalCode, number]>;
  return (
    <section className="bulk-report" aria-labelledby="bulk-report-title" data-testid="bulk-report" data-changed={result.changed} data-refused={result.refusedCount}>
      <h3 id="bulk-report-title">{t('bulk.report.title')}</h3>
      {result.changed > 0 ? (
        <p className="ok-text" data-testid="bulk-report-changed">
          {t('bulk.report.changed', { n: result.changed.toLocaleString('vi-VN') })} {result.createdFileIds.length > 0 ? t('bulk.report.created', { n: result.createdFileIds.length }) : null}
        </p>
      ) : (
        <p>{t('bulk.report.nothing')}</p>
      )}
      {result.unchanged > 0 ? <p className="muted">{t('bulk.report.unchanged', { n: result.unchanged.toLocaleString('vi-VN') })}</p> : null}
      {result.refusedCount > 0 ? (
        <>
          <p className="warn-text" data-testid="bulk-report-refused">
            {t('bulk.report.refused', { n: result.refusedCount.toLocaleString('vi-VN') })}
          </p>
          <ul className="bulk-refusal-codes">
            {byCode.map(([code, n]) => (
              <li key={code} data-code={code}>
                {t(`bulk.reason.${code}`)}: <strong>{n.toLocaleString('vi-VN')}</strong>
              </li>
            ))}
          </ul>
          <ul className="bulk-refusals" data-testid="bulk-refusals">
            {result.refusals.slice(0, SHOWN).map((r) => (
              <li key={`${r.entityType}-${r.id}-${r.code}`} data-code={r.code}>
                {recordName(t, r)}: {refusalText(t, r.code, r.params)}
              </li>
            ))}
          </ul>
          {result.refusedCount > SHOWN ? <p className="muted">{t('bulk.report.more', { n: (result.refusedCount - SHOWN).toLocaleString('vi-VN') })}</p> : null}
        </>
      ) : null}
    </section>
  );
}

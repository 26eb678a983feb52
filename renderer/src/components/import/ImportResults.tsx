/** What happened to each file: Đã nhập / Trùng lặp / Lỗi, with a link to the document. */
import type { JobStatus } from '@shared/contract/types';
import { useAppStore } from '../../stores/appStore';
import { useLocale, useT } from '../../i18n';
import { textOf } from '../../util/errors';
import { nameAsShown } from '../../util/withheld';

const OUTCOME_CLASS = { imported: 'ok-text', duplicate: 'warn-text', failed: 'error-text' } as const;

export function ImportResults({ status, onOpen }: { status: JobStatus; onOpen(): void }) {
  const t = useT();
  const locale = useLocale();
  const navigate = useAppStore((s) => s.navigate);
  const runLink =
    status.runId !== null ? (
      <p>
        {status.results.length < status.processed ? (
          <span className="muted">{t('import.resultsTruncated', { n: status.results.length, total: status.processed })} </span>
        ) : null}
        <button
          type="button"
          className="link"
          onClick={() => {
            navigate({ kind: 'importRun', runId: status.runId! });
            onOpen();
          }}
          data-testid="import-run-link"
        >
          {t('import.runLink', { id: status.runId })}
        </button>
      </p>
    ) : null;
  if (status.results.length === 0) return runLink;
  return (
    <>
    {runLink}
    <table className="data-table" data-testid="import-results">
      <thead>
        <tr>
          <th>{t('doc.attachmentName')}</th>
          <th>{t('import.outcome')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {status.results.map((r, i) => (
          <tr key={`${r.name}-${i}`} data-testid="import-result" data-outcome={r.outcome}>
            <td className="break">{nameAsShown(r.name, locale)}</td>
            <td>
              <span className={OUTCOME_CLASS[r.outcome]} data-testid="import-result-outcome">
                {t(`import.outcome.${r.outcome}`)}
              </span>
              {r.message ? <div className="muted">{textOf(r, locale)}</div> : null}
            </td>
            <td className="nowrap">
              {r.documentId !== null ? (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    navigate({ kind: 'document', documentId: r.documentId! });
                    onOpen();
                  }}
                  data-testid="import-result-open"
                >
                  {t('import.open')}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </>
  );
}

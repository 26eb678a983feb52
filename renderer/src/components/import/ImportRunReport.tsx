/** One import run's report: every file with its outcome, filtered by outcome, exported as CSV or JSON. */
import { useState } from 'react';
import type { ImportOutcome } from '@shared/contract/types';
import { useLazyQuery, useQuery } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { useLocale, useT } from '../../i18n';
import { textOf } from '../../util/errors';
import { formatDateTime } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { Pager } from '../common/Pager';
import { downloadFile } from './download';
import { RunCounts, canResume, useResume } from './ImportRunsView';
import './importArea.css';
import { nameAsShown, namesAsShown } from '../../util/withheld';

const PAGE = 100;
const OUTCOME_CLASS = { imported: 'ok-text', duplicate: 'warn-text', failed: 'error-text' } as const;

export function ImportRunReport({ runId }: { runId: number }) {
  const t = useT();
  const locale = useLocale();
  const navigate = useAppStore((s) => s.navigate);
  const [outcome, setOutcome] = useState<ImportOutcome | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const runRead = useQuery('importRuns.get', { runId });
  const items = useQuery('importRuns.items', { runId, outcome, offset, limit: PAGE }, { keepPrevious: true });
  const exporter = useLazyQuery('importRuns.export');
  const run = runRead.data;
  const page = items.data;
  const [resumeError, setResumeError] = useState<string | null>(null);
  const error = runRead.message ?? items.message ?? exporter.error ?? resumeError;
  const resume = useResume(setResumeError);
  const load = async () => {
    await Promise.all([runRead.reload(), items.reload()]);
  };

  const exportAs = async (format: 'csv' | 'json') => {
    const file = await exporter.run({ runId, format, outcome });
    if (file) downloadFile(file);
  };

  const filters: Array<[ImportOutcome | undefined, string]> = run
    ? [
        [undefined, t('import.report.all', { n: run.processed })],
        ['imported', t('import.report.imported', { n: run.imported })],
        ['duplicate', t('import.report.duplicate', { n: run.duplicates })],
        ['failed', t('import.report.failed', { n: run.failed })],
      ]
    : [];

  return (
    <section className="view" data-testid="import-run-report" data-run-id={runId}>
      <header className="view-header">
        <div>
          <p className="eyebrow">
            <button type="button" className="link" onClick={() => navigate({ kind: 'importRuns' })}>
              {t('import.report.back')}
            </button>
          </p>
          <h1>{t('import.report.title', { id: runId })}</h1>
          {run ? (
            <p className="muted">
              <span className={`run-state run-state-${run.state}`} data-testid="import-run-state">
                {t(`import.runs.state.${run.state}`)}
              </span>{' '}
              · {formatDateTime(run.startedAt)}
              {run.finishedAt ? ` → ${formatDateTime(run.finishedAt)}` : ''} · {t('import.runs.fonds')} {run.fondsCode} · {run.actor}
            </p>
          ) : null}
          {run ? <RunCounts run={run} /> : null}
          {run ? <p className="muted break">{t('import.runs.sources')}: {namesAsShown(run.sources, locale).join(', ')}</p> : null}
          {run?.error ? (
            <p className="warn-text" data-testid="import-run-error">
              {textOf({ message: run.error, text: run.errorText }, locale)}
            </p>
          ) : null}
        </div>
        <div className="view-actions">
          <button type="button" onClick={() => void load()} data-testid="import-report-refresh">
            {t('import.report.refresh')}
          </button>
          {run && canResume(run) ? (
            <button type="button" onClick={() => void resume(runId)} data-testid="import-report-resume">
              {t('import.runs.resume')}
            </button>
          ) : null}
          <button type="button" onClick={() => void exportAs('csv')} data-testid="import-report-csv">
            {t('import.report.exportCsv')}
          </button>
          <button type="button" onClick={() => void exportAs('json')} data-testid="import-report-json">
            {t('import.report.exportJson')}
          </button>
        </div>
      </header>
      <ErrorBanner message={error} />
      <div className="segmented report-filter" role="group" aria-label={t('import.report.filter')}>
        {filters.map(([o, label]) => (
          <button
            key={o ?? 'all'}
            type="button"
            aria-pressed={outcome === o}
            className={outcome === o ? 'active' : ''}
            onClick={() => {
              setOutcome(o);
              setOffset(0);
            }}
            data-testid={`import-report-filter-${o ?? 'all'}`}
          >
            {label}
          </button>
        ))}
      </div>
      {page && page.items.length === 0 ? <p className="muted">{t('import.report.empty')}</p> : null}
      {page && page.items.length > 0 ? (
        <table className="data-table" data-testid="import-report-items">
          <thead>
            <tr>
              <th className="num">{t('import.report.seq')}</th>
              <th>{t('import.report.file')}</th>
              <th>{t('import.outcome')}</th>
              <th>{t('import.report.message')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.seq} data-testid="import-report-item" data-outcome={item.outcome}>
                <td className="num">{item.seq}</td>
                <td className="break">{nameAsShown(item.name, locale)}</td>
                <td className="nowrap">
                  <span className={OUTCOME_CLASS[item.outcome]}>{t(`import.outcome.${item.outcome}`)}</span>
                </td>
                <td>
                  {item.message ? <span data-testid="import-report-note">{textOf(item, locale)} </span> : null}
                  {item.documentId !== null ? (
                    <button type="button" className="link" onClick={() => navigate({ kind: 'document', documentId: item.documentId! })} data-testid="import-report-open">
                      {t('import.open')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {page ? <Pager offset={offset} limit={PAGE} total={page.total} onPrev={() => setOffset(Math.max(0, offset - PAGE))} onNext={() => setOffset(offset + PAGE)} testId="import-report-pager" /> : null}
    </section>
  );
}

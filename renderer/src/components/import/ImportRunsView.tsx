/** Lịch sử nhập: every import run, newest first, with its counts; open a report or resume a run. */
import { useState } from 'react';
import type { ImportRun } from '@shared/contract/types/importing';
import { useMutation, useQuery } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { useDialogStore } from '../../stores/dialogStore';
import { useImportStore } from '../../stores/importStore';
import { useLocale, useT } from '../../i18n';
import { formatDateTime } from '../../util/format';
import { errorMessage } from '../../util/errors';
import { ErrorBanner } from '../common/ErrorBanner';
import { Pager } from '../common/Pager';
import './importArea.css';
import { namesAsShown } from '../../util/withheld';

const PAGE = 50;

export function canResume(run: ImportRun): boolean {
  return run.resumable && (run.state === 'interrupted' || run.state === 'cancelled' || run.state === 'failed');
}

/** Starts `import.resume` and shows its progress in the import dialog. */
export function useResume(onError: (message: string) => void) {
  const watch = useImportStore((s) => s.watch);
  const openDialog = useDialogStore((s) => s.open);
  // What the run imports is announced when its job ends, not when it starts.
  const resume = useMutation('import.resume', { announces: false });
  return async (runId: number) => {
    try {
      const { jobId } = await resume.send({ runId });
      openDialog({ kind: 'import' });
      void watch(jobId);
    } catch (err) {
      onError(errorMessage(err));
    }
  };
}

export function RunCounts({ run }: { run: ImportRun }) {
  const t = useT();
  return (
    <span className="run-counts">
      <span className="nowrap">{t('import.runs.processedOf', { processed: run.processed, total: run.total ?? '?' })}</span>{' '}
      <span className="ok-text nowrap">{t('import.imported', { n: run.imported })}</span>{' '}
      <span className="warn-text nowrap">{t('import.duplicates', { n: run.duplicates })}</span>{' '}
      <span className="error-text nowrap">{t('import.failed', { n: run.failed })}</span>
    </span>
  );
}

export function ImportRunsView() {
  const t = useT();
  const locale = useLocale();
  const navigate = useAppStore((s) => s.navigate);
  const [offset, setOffset] = useState(0);
  const runs = useQuery('importRuns.list', { offset, limit: PAGE }, { keepPrevious: true });
  const page = runs.data;
  const load = runs.reload;
  const [resumeError, setResumeError] = useState<string | null>(null);
  const error = runs.message ?? resumeError;
  const resume = useResume(setResumeError);

  return (
    <section className="view" data-testid="import-runs-view">
      <header className="view-header">
        <h1>{t('import.runs.title')}</h1>
        <div className="view-actions">
          <button type="button" onClick={() => void load()} data-testid="import-runs-refresh">
            {t('import.report.refresh')}
          </button>
        </div>
      </header>
      <ErrorBanner message={error} />
      {page && page.total === 0 ? <p className="muted">{t('import.runs.empty')}</p> : null}
      {page && page.items.length > 0 ? (
        <table className="data-table" data-testid="import-runs">
          <thead>
            <tr>
              <th>{t('import.runs.number')}</th>
              <th>{t('import.runs.started')}</th>
              <th>{t('import.runs.state')}</th>
              <th>{t('import.runs.counts')}</th>
              <th>{t('import.runs.fonds')}</th>
              <th>{t('import.runs.actor')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {page.items.map((run) => (
              <tr key={run.id} data-testid="import-run-row" data-run-id={run.id} data-state={run.state}>
                <td className="num">{run.id}</td>
                <td className="nowrap">{formatDateTime(run.startedAt)}</td>
                <td className={`run-state run-state-${run.state}`}>{t(`import.runs.state.${run.state}`)}</td>
                <td>
                  <RunCounts run={run} />
                  <div className="muted break run-sources">{namesAsShown(run.sources.slice(0, 3), locale).join(', ')}{run.sources.length > 3 ? ', …' : ''}</div>
                </td>
                <td>{run.fondsCode}</td>
                <td>{run.actor}</td>
                <td className="nowrap">
                  <button type="button" className="link" onClick={() => navigate({ kind: 'importRun', runId: run.id })} data-testid="import-run-open">
                    {t('import.runs.open')}
                  </button>
                  {canResume(run) ? (
                    <>
                      {' · '}
                      <button type="button" className="link" onClick={() => void resume(run.id)} data-testid="import-run-resume">
                        {t('import.runs.resume')}
                      </button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {page ? <Pager offset={offset} limit={PAGE} total={page.total} onPrev={() => setOffset(Math.max(0, offset - PAGE))} onNext={() => setOffset(offset + PAGE)} testId="import-runs-pager" /> : null}
    </section>
  );
}

/**
 * Nhập sổ đăng ký: an existing register (.xlsx, .csv) previewed, its columns matched to document
 * fields (suggested from the headers, confirmed by the archivist), then imported into a fonds with
 * progress and a report of every row.
 */
import { useEffect, useState } from 'react';
import type { RegisterPreview } from '@shared/contract/types/registers';
import { useLazyQuery, useMutation } from '../../api/hooks';
import { useJobProgress } from '../../api/useJobProgress';
import { useAppStore } from '../../stores/appStore';
import { useCatalogueStore } from '../../stores/catalogueStore';
import { refreshAfterChange } from '../../stores/refresh';
import { useLocale, useT } from '../../i18n';
import { conversionText } from '@shared/importing/conversions';
import { errorMessage } from '../../util/errors';
import { ErrorBanner } from '../common/ErrorBanner';
import { Field } from '../common/Field';
import { FondsSelect } from '../common/FondsSelect';
import { JobCounts } from '../import/JobCounts';
import { RegisterMapping } from './RegisterMapping';
import { RegisterPreviewTable } from './RegisterPreviewTable';
import { MAX_REGISTER_BYTES } from '@shared/registers/fields';
import { type Mapping, encodingLabel, hasKeyColumn, readBase64 } from './registerForm';
import './registers.css';

export function RegisterImportView() {
  const t = useT();
  const locale = useLocale();
  const fonds = useCatalogueStore((s) => s.fonds);
  const navigate = useAppStore((s) => s.navigate);
  const [fondsId, setFondsId] = useState<number | null>(fonds[0]?.id ?? null);
  const [upload, setUpload] = useState<{ name: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<RegisterPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [headerRow, setHeaderRow] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [job, setJob] = useState<{ jobId: string; runId: number } | null>(null);
  const previewer = useLazyQuery('registers.preview');
  // What the import adds is announced when its job ends (refreshAfterChange).
  const startImport = useMutation('registers.import', { announces: false });
  const cancelJob = useMutation('jobs.cancel', { announces: false });

  useEffect(() => {
    if (fondsId === null && fonds[0]) setFondsId(fonds[0].id);
  }, [fonds, fondsId]);

  // Follows the import job until it ends, then refreshes what it changed.
  const progress = useJobProgress(job?.jobId ?? null, () => void refreshAfterChange());
  const status = progress.status;

  const read = async (source: { name: string; contentBase64: string }, options: { sheet?: string; headerRow?: number }) => {
    setBusy(true);
    setError(null);
    try {
      const p = await previewer.send({ source: { upload: source }, ...options });
      setPreview(p);
      setMapping(p.suggested);
      setHeaderRow(String(p.headerRow + 1));
    } catch (err) {
      setPreview(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const chooseFile = async (file: File | undefined) => {
    setPreview(null);
    setJob(null);
    if (!file) return;
    if (file.size > MAX_REGISTER_BYTES) {
      // Refused before reading it into memory.
      setError(t('import.registers.tooLarge', { file: file.name, mb: Math.round(file.size / 1048576), max: MAX_REGISTER_BYTES / 1048576 }));
      return;
    }
    try {
      const source = { name: file.name, contentBase64: await readBase64(file) };
      setUpload(source);
      await read(source, {});
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const start = async () => {
    if (!upload || !preview || !mapping || fondsId === null) return;
    setBusy(true);
    setError(null);
    try {
      setJob(await startImport.send({ target: { fondsId }, source: { upload }, sheet: preview.sheet, headerRow: preview.headerRow, mapping }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const running = status?.state === 'running' || (job !== null && status === null);
  const rowNumber = Number(headerRow);
  const headerRowValid = Number.isInteger(rowNumber) && rowNumber >= 1;

  return (
    <section className="view register-view" data-testid="register-import-view">
      <header className="view-header">
        <div>
          <h1>{t('import.registers.title')}</h1>
          <p className="muted section-note">{t('import.registers.intro')}</p>
        </div>
      </header>
      <ErrorBanner message={error ?? progress.error} />
      {fonds.length === 0 ? <p className="muted">{t('import.needFonds')}</p> : null}
      <div className="panel">
        <div className="form-grid">
          <Field id="register-fonds" label={t('import.registers.fonds')} required>
            <FondsSelect id="register-fonds" value={fondsId} onChange={setFondsId} disabled={running} testId="register-fonds" />
          </Field>
          <Field id="register-input" label={t('import.registers.file')} required hint={busy && !job ? t('import.registers.reading') : undefined}>
            <input id="register-input" type="file" accept=".xlsx,.csv" disabled={running} onChange={(e) => void chooseFile(e.target.files?.[0])} data-testid="register-input" />
          </Field>
        </div>
      </div>

      {preview && mapping ? (
        <div className="panel" data-testid="register-preview">
          <p className="register-summary" data-testid="register-summary">
            {t('import.registers.summary', { file: preview.fileName, rows: preview.totalRows, encoding: encodingLabel(preview.encoding) })}
            {preview.conversions.length ? (
              <span className="muted" data-testid="register-conversions">
                {' '}
                · {t('import.registers.converted', { list: preview.conversions.map((c) => conversionText(locale, c)).join(', ') })}
              </span>
            ) : null}
          </p>
          <div className="register-settings">
            {preview.sheets.length > 1 ? (
              <Field id="register-sheet" label={t('import.registers.sheet')}>
                <select id="register-sheet" value={preview.sheet} disabled={running || busy} onChange={(e) => upload && void read(upload, { sheet: e.target.value })} data-testid="register-sheet">
                  {preview.sheets.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
              </Field>
            ) : null}
            <Field id="register-header-row" label={t('import.registers.headerRow')} error={headerRowValid ? null : t('common.invalidNumber')}>
              <input id="register-header-row" type="number" min={1} value={headerRow} disabled={running} onChange={(e) => setHeaderRow(e.target.value)} data-testid="register-header-row" />
            </Field>
            <button
              type="button"
              disabled={running || busy || !headerRowValid || rowNumber - 1 === preview.headerRow}
              onClick={() => upload && void read(upload, { sheet: preview.sheet, headerRow: rowNumber - 1 })}
              data-testid="register-reread"
            >
              {t('import.registers.read')}
            </button>
          </div>
          <h2 className="section-title">{t('import.registers.mapping')}</h2>
          <p className="muted section-note">{t('import.registers.mappingHint')}</p>
          <RegisterMapping columns={preview.columns} mapping={mapping} suggested={preview.suggested} onChange={setMapping} />
          <h2 className="section-title">{t('import.registers.preview', { n: preview.rows.length })}</h2>
          <RegisterPreviewTable preview={preview} mapping={mapping} />
          <footer className="form-actions">
            {!hasKeyColumn(mapping) ? <span className="error-text" role="alert">{t('import.registers.needKey')}</span> : null}
            <button type="button" className="primary" disabled={running || busy || !hasKeyColumn(mapping) || fondsId === null || preview.totalRows === 0 || job !== null} onClick={() => void start()} data-testid="register-start">
              {t('import.registers.start', { n: preview.totalRows })}
            </button>
          </footer>
        </div>
      ) : null}

      {status ? (
        <div className="panel import-progress" data-testid="register-progress" data-state={status.state}>
          <JobCounts status={status} testPrefix="register" />
          <div className="form-actions">
            {status.state === 'running' ? (
              <button type="button" onClick={() => void cancelJob.run({ jobId: status.id })} data-testid="register-cancel">
                {t('common.cancel')}
              </button>
            ) : (
              <>
                <button type="button" onClick={() => job && navigate({ kind: 'importRun', runId: job.runId })} data-testid="register-open-run">
                  {t('import.registers.openRun')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setJob(null);
                    setPreview(null);
                    setUpload(null);
                  }}
                  data-testid="register-again"
                >
                  {t('import.registers.again')}
                </button>
              </>
            )}
          </div>
        </div>
      ) : null}
    </section>
  );
}

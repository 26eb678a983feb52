/** Target fonds and file (or "chưa lập hồ sơ"), and the .txt/.md/.docx/.pdf files to import. */
import { useState } from 'react';
import { useCatalogueStore, useFondsFiles } from '../../stores/catalogueStore';
import { useImportStore } from '../../stores/importStore';
import { useT } from '../../i18n';
import { ErrorBanner } from '../common/ErrorBanner';
import { Field, invalidProps } from '../common/Field';

interface Props {
  initialFondsId: number | undefined;
  initialFileId: number | null;
  reading: boolean;
}

const MB = 1024 * 1024;
/** What one upload may carry: the contract takes 140 million base64 characters (about 100 MB). */
const UPLOAD_MAX_BYTES = 100 * MB;

export function ImportForm({ initialFondsId, initialFileId, reading }: Props) {
  const t = useT();
  const fonds = useCatalogueStore((s) => s.fonds);
  const start = useImportStore((s) => s.start);
  const serverError = useImportStore((s) => s.error);
  const serverFields = useImportStore((s) => s.fieldErrors);
  const [fondsId, setFondsId] = useState<number | null>(initialFondsId ?? fonds[0]?.id ?? null);
  const [fileId, setFileId] = useState<number | null>(initialFondsId !== undefined ? initialFileId : null);
  const [files, setFiles] = useState<File[]>([]);
  // [import] a folder on this machine, for large batches (both hosts run on the user's machine).
  const [mode, setMode] = useState<'upload' | 'path'>('upload');
  const [pathText, setPathText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const fondsFiles = useFondsFiles(fondsId);

  if (fonds.length === 0) return <p className="muted">{t('import.needFonds')}</p>;
  const fileOptions = fondsFiles ?? [];
  const shown = { ...(serverFields ?? {}), ...errors };

  const submit = () => {
    const e: Record<string, string> = {};
    if (fondsId === null) e['fondsId'] = t('import.noFonds');
    if (mode === 'upload' && files.length === 0) e['uploads'] = t('import.noFiles');
    if (mode === 'path' && pathText.trim() === '') e['paths'] = t('import.noPath');
    // Uploads travel in one request, as base64: a large selection belongs to the folder mode.
    const uploadBytes = files.reduce((sum, f) => sum + f.size, 0);
    if (mode === 'upload' && uploadBytes > UPLOAD_MAX_BYTES) {
      e['uploads'] = t('import.tooLarge', { size: Math.ceil(uploadBytes / MB), max: UPLOAD_MAX_BYTES / MB });
    }
    setErrors(e);
    if (fondsId === null || Object.keys(e).length > 0) return;
    if (mode === 'path') void start({ fondsId, fileId }, [], [pathText.trim()]);
    else void start({ fondsId, fileId }, files);
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {serverError && !serverFields ? <ErrorBanner message={serverError} /> : null}
      <div className="form-grid">
        <Field id="import-fonds" label={t('import.fonds')} error={shown['fondsId']} required>
          <select
            id="import-fonds"
            value={fondsId ?? ''}
            onChange={(e) => {
              setFondsId(e.target.value ? Number(e.target.value) : null);
              setFileId(null);
            }}
            {...invalidProps('import-fonds', shown['fondsId'])}
            data-testid="import-fonds"
          >
            {fonds.map((f) => (
              <option key={f.id} value={f.id}>
                {f.code} — {f.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="import-file" label={t('import.file')} error={shown['fileId']}>
          <select id="import-file" value={fileId ?? ''} onChange={(e) => setFileId(e.target.value ? Number(e.target.value) : null)} data-testid="import-file">
            <option value="">{t('import.unfiled')}</option>
            {fileOptions.map((f) => (
              <option key={f.id} value={f.id}>
                {f.code} — {f.title}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="radio-group field-wide import-source">
          <legend>{t('import.source')}</legend>
          <label>
            <input type="radio" name="import-source" checked={mode === 'upload'} onChange={() => setMode('upload')} data-testid="import-mode-upload" /> {t('import.source.upload')}
          </label>
          <label>
            <input type="radio" name="import-source" checked={mode === 'path'} onChange={() => setMode('path')} data-testid="import-mode-path" /> {t('import.source.path')}
          </label>
        </fieldset>
        {mode === 'path' ? (
          <Field id="import-path" label={t('import.path')} error={shown['paths']} required wide hint={t('import.pathHint')}>
            <input
              id="import-path"
              type="text"
              value={pathText}
              onChange={(e) => setPathText(e.target.value)}
              {...invalidProps('import-path', shown['paths'])}
              data-testid="import-path"
            />
          </Field>
        ) : null}
        {mode === 'upload' ? (
          <Field id="import-input" label={t('import.files')} error={shown['uploads']} required wide hint={files.length > 0 ? t('import.selected', { n: files.length }) : undefined}>
            <input
              id="import-input"
              type="file"
              multiple
              accept=".txt,.md,.docx,.pdf"
              onChange={(e) => {
                setFiles(Array.from(e.target.files ?? []));
                setErrors(({ uploads: _dropped, ...rest }) => rest);
              }}
              {...invalidProps('import-input', shown['uploads'])}
              data-testid="import-input"
            />
          </Field>
        ) : null}
      </div>
      <footer className="form-actions">
        <button type="submit" className="primary" disabled={reading} data-testid="import-start">
          {reading ? t('import.reading') : t('import.start')}
        </button>
      </footer>
    </form>
  );
}

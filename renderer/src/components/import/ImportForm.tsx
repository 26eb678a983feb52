/**
 * Target fonds and file (or "chưa lập hồ sơ"), and what to import: files or a whole folder chosen
 * with a picker or dropped on the window (no path to type), or, for very large batches, a path on
 * this machine. In an empty catalogue the fonds is created here, in place.
 */
import { useEffect, useRef, useState } from 'react';
import { useCatalogueStore, useFondsFiles } from '../../stores/catalogueStore';
import { useImportStore } from '../../stores/importStore';
import { useIntakeStore } from '../../stores/intakeStore';
import { desktopShell } from '../../api/shell';
import { useT } from '../../i18n';
import { ErrorBanner } from '../common/ErrorBanner';
import { Field, invalidProps } from '../common/Field';
import { FondsSelect } from '../common/FondsSelect';
import { type Picked, fromInput, pickedRoots } from '../intake/pickedFiles';
import { InlineFondsForm } from '../intake/InlineFondsForm';

interface Props {
  initialFondsId: number | undefined;
  initialFileId: number | null;
  reading: boolean;
}

const MB = 1024 * 1024;
/** One file travels in one request as base64 (the contract takes 140 million characters): about 100 MB. */
const UPLOAD_MAX_BYTES = 100 * MB;
const EMPTY: Picked = { files: [], paths: [], skipped: [] };

export function ImportForm({ initialFondsId, initialFileId, reading }: Props) {
  const t = useT();
  const fonds = useCatalogueStore((s) => s.fonds);
  const start = useImportStore((s) => s.start);
  const serverError = useImportStore((s) => s.error);
  const serverFields = useImportStore((s) => s.fieldErrors);
  const [fondsId, setFondsId] = useState<number | null>(initialFondsId ?? fonds[0]?.id ?? null);
  const [fileId, setFileId] = useState<number | null>(initialFondsId !== undefined ? initialFileId : null);
  // What was dropped on the window before the dialog opened is taken over here.
  const [picked, setPicked] = useState<Picked>(() => useIntakeStore.getState().pending ?? EMPTY);
  const [mode, setMode] = useState<'upload' | 'path'>('upload');
  const [pathText, setPathText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    useIntakeStore.getState().hand(null);
    // Files dropped while the dialog is open join what is already chosen.
    return useIntakeStore.subscribe((s) => {
      if (!s.pending) return;
      const more = s.pending;
      setPicked((p) => ({ files: [...p.files, ...more.files], paths: [...p.paths, ...more.paths], skipped: [...p.skipped, ...more.skipped] }));
      setMode('upload');
      setErrors({});
      useIntakeStore.getState().hand(null);
    });
  }, []);

  useEffect(() => {
    if (fondsId === null && fonds.length > 0) setFondsId(fonds[0]!.id);
  }, [fonds, fondsId]);

  const fondsFiles = useFondsFiles(fondsId);

  if (fonds.length === 0) return <InlineFondsForm onCreated={(id) => setFondsId(id)} />;
  const fileOptions = fondsFiles ?? [];
  const shown = { ...(serverFields ?? {}), ...errors };
  const chosen = picked.files.length + picked.paths.length;

  const take = (next: Picked) => {
    setPicked(next);
    setErrors(({ uploads: _dropped, ...rest }) => rest);
  };

  const pickFolder = async () => {
    if (desktopShell) {
      const folders = await desktopShell.pickFolders();
      if (folders && folders.length > 0) take({ files: [], paths: folders, skipped: [] });
    } else folderInput.current?.click();
  };

  const submit = () => {
    const e: Record<string, string> = {};
    if (fondsId === null) e['fondsId'] = t('import.noFonds');
    if (mode === 'upload' && chosen === 0) e['uploads'] = t('import.noFiles');
    if (mode === 'path' && pathText.trim() === '') e['paths'] = t('import.noPath');
    // Several files go in several requests; one file must fit in one.
    const largest = picked.files.reduce((max, f) => Math.max(max, f.file.size), 0);
    if (mode === 'upload' && largest > UPLOAD_MAX_BYTES) {
      e['uploads'] = t('import.tooLarge', { size: Math.ceil(largest / MB), max: UPLOAD_MAX_BYTES / MB });
    }
    setErrors(e);
    if (fondsId === null || Object.keys(e).length > 0) return;
    if (mode === 'path') void start({ fondsId, fileId }, [], [pathText.trim()]);
    else void start({ fondsId, fileId }, picked.files, picked.paths);
  };

  const roots = pickedRoots(picked);
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
          <FondsSelect
            id="import-fonds"
            value={fondsId}
            onChange={(id) => {
              setFondsId(id);
              setFileId(null);
            }}
            error={shown['fondsId']}
            testId="import-fonds"
          />
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
            <input type="radio" name="import-source" checked={mode === 'upload'} onChange={() => setMode('upload')} data-testid="import-mode-upload" /> {t('intake.source.pick')}
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
        ) : (
          <div className={`field field-wide intake-choose${shown['uploads'] ? ' field-invalid' : ''}`} data-testid="import-choose">
            <div className="intake-buttons" role="group" aria-label={t('import.files')}>
              <button type="button" onClick={() => filesInput.current?.click()} data-testid="import-pick-files">
                {t('intake.pickFiles')}
              </button>
              <button type="button" onClick={() => void pickFolder()} data-testid="import-pick-folder">
                {t('intake.pickFolder')}
              </button>
              <span className="muted">{t('intake.orDrop')}</span>
            </div>
            {/* The browser's own pickers, opened by the buttons above. */}
            <input
              ref={filesInput}
              id="import-input"
              type="file"
              multiple
              hidden
              accept=".txt,.md,.docx,.pdf,.jpg,.jpeg,.png,.tif,.tiff"
              onChange={(e) => take(fromInput(e.target.files))}
              {...invalidProps('import-input', shown['uploads'])}
              data-testid="import-input"
            />
            <input
              ref={folderInput}
              type="file"
              hidden
              {...{ webkitdirectory: '', directory: '' }}
              onChange={(e) => take(fromInput(e.target.files))}
              data-testid="import-folder-input"
            />
            <div className="intake-summary" role="status" data-testid="import-selection">
              {chosen === 0 ? (
                <span className="muted">{t('intake.none')}</span>
              ) : (
                <>
                  <strong>{picked.paths.length > 0 ? t('intake.chosenPaths', { n: picked.paths.length }) : t('import.selected', { n: picked.files.length.toLocaleString('vi-VN') })}</strong>
                  {roots.length > 0 ? <span className="muted"> · {roots.slice(0, 3).join(', ')}{roots.length > 3 ? '…' : ''}</span> : null}
                  {picked.skipped.length > 0 ? <div className="warn-text" data-testid="import-skipped">{t('intake.skipped', { n: picked.skipped.length })}</div> : null}
                </>
              )}
            </div>
            {shown['uploads'] ? (
              <div className="field-error" id="import-input-error" role="alert" data-testid="error-import-input">
                {shown['uploads']}
              </div>
            ) : null}
          </div>
        )}
      </div>
      <footer className="form-actions">
        <button type="submit" className="primary" disabled={reading} data-testid="import-start">
          {reading ? t('import.reading') : t('import.start')}
        </button>
      </footer>
    </form>
  );
}

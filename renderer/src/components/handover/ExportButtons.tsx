/**
 * The forms of a batch or a fonds, one button per format; each writes the file where the user
 * says (or into the exports folder) and offers a download. An encrypted catalogue keeps no
 * readable export in its data folder: it needs a place, or (browser) gives a download only.
 */
import { useState } from 'react';
import type { ExportForm, ExportFormat } from '@shared/contract/types/handover';
import { hostKind } from '../../api/client';
import { useMutation, useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { errorMessage } from '../../util/errors';
import { ErrorBanner } from '../common/ErrorBanner';
import { FolderField } from '../common/FolderField';
import { downloadBase64 } from './download';

const BATCH_FORMS: Array<[ExportForm, ExportFormat[]]> = [
  ['fileList', ['xlsx', 'docx', 'csv']],
  ['documentList', ['xlsx', 'docx', 'csv']],
  ['minutes', ['docx', 'pdf']],
  ['boxLabels', ['pdf']],
  ['statistics', ['xlsx', 'csv']],
  ['catalogue', ['json', 'csv']],
];

const FONDS_FORMS: Array<[ExportForm, ExportFormat[]]> = [
  ['inventory', ['xlsx']],
  ['fileList', ['xlsx', 'docx', 'csv']],
  ['documentList', ['xlsx', 'csv']],
  ['boxLabels', ['pdf']],
  ['statistics', ['xlsx', 'csv', 'json']],
  ['catalogue', ['json', 'csv']],
];

export function ExportButtons({ scope }: { scope: { batchId: number } | { fondsId: number } }) {
  const t = useT();
  const [busy, setBusy] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const [target, setTarget] = useState('');
  const encrypted = useQuery('catalogue.encryption', {}).data?.encrypted ?? false;
  const [error, setError] = useState<string | null>(null);
  const forms = 'batchId' in scope ? BATCH_FORMS : FONDS_FORMS;
  // Writing a form changes no record a view shows.
  const exportForm = useMutation('handover.export', { announces: false });

  const run = async (form: ExportForm, format: ExportFormat) => {
    setBusy(`${form}-${format}`);
    setError(null);
    setSaved(null);
    setDownloaded(null);
    try {
      const out = target.trim();
      const r = await exportForm.send({ ...scope, form, format, download: hostKind === 'web', ...(out ? { out } : {}) });
      setSaved(r.path);
      if (r.path === null) setDownloaded(r.fileName);
      if (r.contentBase64) downloadBase64(r.contentBase64, r.fileName, r.mediaType);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel hv-exports" data-testid="hv-exports">
      <h2 className="section-title">{t('handover.exports')}</h2>
      <ErrorBanner message={error} testId="hv-export-error" />
      <FolderField
        id="hv-export-target"
        label={encrypted ? t('handover.exports.targetEncrypted') : t('handover.exports.target')}
        value={target}
        onChange={setTarget}
        disabled={busy !== null}
        testId="hv-export-target"
      />
      <table className="hv-export-table">
        <tbody>
          {forms.map(([form, formats]) => (
            <tr key={form}>
              <th scope="row">{t(`handover.form.${form}`)}</th>
              <td>
                {formats.map((format) => (
                  <button
                    key={format}
                    type="button"
                    className="small"
                    disabled={busy !== null}
                    onClick={() => void run(form, format)}
                    data-testid={`hv-export-${form}-${format}`}
                  >
                    {busy === `${form}-${format}` ? '…' : format.toUpperCase()}
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {saved ? (
        <p className="muted break" data-testid="hv-export-saved">
          {t('handover.export.saved', { path: saved })}
        </p>
      ) : downloaded ? (
        <p className="muted break" data-testid="hv-export-downloaded">
          {t('handover.export.downloaded', { name: downloaded })}
        </p>
      ) : (
        <p className="muted">{encrypted ? t('handover.exports.noteEncrypted') : t('handover.exports.note')}</p>
      )}
    </section>
  );
}

/** The forms of a batch or a fonds, one button per format; each writes the file and offers a download. */
import { useState } from 'react';
import type { ExportForm, ExportFormat } from '@shared/contract/types/handover';
import { hostKind } from '../../api/client';
import { useMutation } from '../../api/hooks';
import { useT } from '../../i18n';
import { errorMessage } from '../../util/errors';
import { ErrorBanner } from '../common/ErrorBanner';
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
  const [error, setError] = useState<string | null>(null);
  const forms = 'batchId' in scope ? BATCH_FORMS : FONDS_FORMS;
  // Writing a form changes no record a view shows.
  const exportForm = useMutation('handover.export', { announces: false });

  const run = async (form: ExportForm, format: ExportFormat) => {
    setBusy(`${form}-${format}`);
    setError(null);
    setSaved(null);
    try {
      const r = await exportForm.send({ ...scope, form, format, download: hostKind === 'web' });
      setSaved(r.path);
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
      ) : (
        <p className="muted">{t('handover.exports.note')}</p>
      )}
    </section>
  );
}

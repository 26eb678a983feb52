/** Where the selected documents go: an existing file of the fonds, or a new one made for them. */
import { useEffect, useState } from 'react';
import { useAppStore } from '../../stores/appStore';
import { useCatalogueStore, useFondsFiles } from '../../stores/catalogueStore';
import { useLocale, useT } from '../../i18n';
import { EMPTY_LIST } from '../../util/empty';
import { Field } from '../common/Field';
import type { FormProps } from './forms';

export function MoveForm({ count, fondsId: listFonds, onSpec }: FormProps) {
  const t = useT();
  const locale = useLocale();
  const allFonds = useCatalogueStore((s) => s.fonds);
  const periods = useAppStore((s) => s.codeLists?.retentionPeriods ?? EMPTY_LIST);
  const [fondsId, setFondsId] = useState<number | null>(listFonds ?? (allFonds.length === 1 ? allFonds[0]!.id : null));
  const files = useFondsFiles(fondsId) ?? EMPTY_LIST;
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [fileId, setFileId] = useState('');
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [retention, setRetention] = useState('');
  const [widen, setWiden] = useState(false);
  const n = count.toLocaleString('vi-VN');

  useEffect(() => {
    const file = files.find((f) => String(f.id) === fileId);
    if (mode === 'existing') {
      onSpec({
        build: file ? (s) => ({ action: 'documents.move', selection: s.documents!, to: { fileId: file.id }, widenFileDates: widen }) : null,
        summary: file ? t('bulk.move.summary', { n, file: `${file.code} — ${file.title}` }) : '',
      });
    } else {
      const ready = code.trim() !== '' && title.trim() !== '';
      onSpec({
        build: ready ? (s) => ({ action: 'documents.move', selection: s.documents!, to: { newFile: { code: code.trim(), title: title.trim(), retentionCode: retention || null } } }) : null,
        summary: ready ? t('bulk.move.summaryNew', { n, file: `${code.trim()} — ${title.trim()}` }) : '',
      });
    }
  }, [mode, fileId, code, title, retention, widen, files, n]);

  return (
    <div className="form-grid">
      <fieldset className="field field-wide radio-group">
        <legend>{t('bulk.move.file')}</legend>
        <label className="radio">
          <input type="radio" name="bulk-move-mode" checked={mode === 'existing'} onChange={() => setMode('existing')} data-testid="bulk-move-existing" /> {t('bulk.move.existing')}
        </label>
        <label className="radio">
          <input type="radio" name="bulk-move-mode" checked={mode === 'new'} onChange={() => setMode('new')} data-testid="bulk-move-new" /> {t('bulk.move.new')}
        </label>
      </fieldset>
      {mode === 'existing' ? (
        <>
          {listFonds === null ? (
            <Field id="bulk-move-fonds" label={t('doc.fonds')}>
              <select id="bulk-move-fonds" value={fondsId ?? ''} onChange={(e) => setFondsId(e.target.value ? Number(e.target.value) : null)} data-testid="bulk-move-fonds">
                <option value="">—</option>
                {allFonds.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.code} — {f.name}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          <Field id="bulk-move-file" label={t('bulk.move.file')} wide>
            <select id="bulk-move-file" value={fileId} onChange={(e) => setFileId(e.target.value)} data-testid="bulk-move-file">
              <option value="">{t('bulk.move.chooseFile')}</option>
              {files.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.code} — {f.title}
                </option>
              ))}
            </select>
          </Field>
          <label className="checkbox field-wide bulk-check">
            <input type="checkbox" checked={widen} onChange={(e) => setWiden(e.target.checked)} data-testid="bulk-move-widen" /> {t('bulk.move.widen')}
          </label>
        </>
      ) : (
        <>
          <Field id="bulk-move-code" label={t('bulk.move.newCode')} required>
            <input id="bulk-move-code" value={code} maxLength={100} onChange={(e) => setCode(e.target.value)} data-testid="bulk-move-code" />
          </Field>
          <Field id="bulk-move-retention" label={t('file.retention')}>
            <select id="bulk-move-retention" value={retention} onChange={(e) => setRetention(e.target.value)} data-testid="bulk-move-retention">
              <option value="">{t('common.notSet')}</option>
              {periods.map((p) => (
                <option key={p.code} value={p.code}>
                  {locale === 'vi' ? p.labelVi : p.labelEn}
                </option>
              ))}
            </select>
          </Field>
          <Field id="bulk-move-title" label={t('bulk.move.newTitle')} required wide hint={t('bulk.move.newDates')}>
            <input id="bulk-move-title" value={title} maxLength={1_000} onChange={(e) => setTitle(e.target.value)} data-testid="bulk-move-title" />
          </Field>
        </>
      )}
    </div>
  );
}

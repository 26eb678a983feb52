/** The file (hồ sơ) the document is in, with its retention, and "Sửa hồ sơ". */
import type { ArchiveFile } from '@shared/contract/types';
import { useAppStore } from '../../stores/appStore';
import { useDialogStore } from '../../stores/dialogStore';
import { useLocale, useT } from '../../i18n';
import { orDash, retentionLabel } from '../../util/format';

export function DocumentFileCard({ file }: { file: ArchiveFile | null }) {
  const t = useT();
  const locale = useLocale();
  const navigate = useAppStore((s) => s.navigate);
  const openDialog = useDialogStore((s) => s.open);

  if (!file) {
    return (
      <section className="panel" data-testid="document-file">
        <h2 className="section-title">{t('doc.file')}</h2>
        <p className="muted">{t('doc.noFile')}</p>
      </section>
    );
  }
  const retention = retentionLabel(file.retention, locale);
  return (
    <section className="panel" data-testid="document-file">
      <h2 className="section-title">{t('doc.file')}</h2>
      <p>
        <button type="button" className="link" onClick={() => navigate({ kind: 'file', fileId: file.id })} data-testid="document-file-link">
          <span className="code">{file.code}</span> {file.title}
        </button>
      </p>
      <dl className="summary-grid compact">
        <dt>{t('file.retention')}</dt>
        <dd className={retention ? '' : 'warn-text'} data-testid="document-file-retention">
          {retention ?? t('common.notSet')}
        </dd>
        <dt>{t('file.completion')}</dt>
        <dd>{file.completion ? t(`file.completion.${file.completion}`) : '—'}</dd>
        <dt>{t('file.box')}</dt>
        <dd>{orDash(file.box)}</dd>
        <dt>{t('file.handover')}</dt>
        <dd>{t(`handover.${file.handoverStatus}`)}</dd>
      </dl>
      <button type="button" onClick={() => openDialog({ kind: 'editFile', fileId: file.id })} data-testid="document-edit-file">
        {t('file.edit')}
      </button>
    </section>
  );
}

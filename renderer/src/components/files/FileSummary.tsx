/** A file's description as a compact list of terms. */
import type { ArchiveFile } from '@shared/contract/types';
import { useLocale, useT } from '../../i18n';
import { formatDate, orDash, retentionLabel } from '../../util/format';

export function FileSummary({ file }: { file: ArchiveFile }) {
  const t = useT();
  const locale = useLocale();
  const retention = retentionLabel(file.retention, locale);
  return (
    <dl className="summary-grid" data-testid="file-summary">
      <dt>{t('file.retention')}</dt>
      <dd className={retention ? '' : 'warn-text'} data-testid="file-retention">
        {retention ?? t('common.notSet')}
      </dd>
      <dt>{t('file.completion')}</dt>
      <dd>{file.completion ? t(`file.completion.${file.completion}`) : '—'}</dd>
      <dt>{t('file.dates')}</dt>
      <dd>
        {formatDate(file.startDate)} – {formatDate(file.endDate)}
      </dd>
      <dt>{t('file.box')}</dt>
      <dd>{orDash(file.box)}</dd>
      <dt>{t('file.sheets')}</dt>
      <dd>{orDash(file.sheetCount)}</dd>
      <dt>{t('file.access')}</dt>
      <dd>{file.accessRegime ? t(`access.${file.accessRegime}`) : '—'}</dd>
      <dt>{t('file.handover')}</dt>
      <dd>{t(`handover.${file.handoverStatus}`)}</dd>
      {file.notes ? (
        <>
          <dt>{t('file.notes')}</dt>
          <dd className="pre-wrap">{file.notes}</dd>
        </>
      ) : null}
    </dl>
  );
}

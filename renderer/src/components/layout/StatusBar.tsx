/** Counts from app.counts and where the catalogue lives. */
import { useAppStore } from '../../stores/appStore';
import { useT } from '../../i18n';

export function StatusBar() {
  const t = useT();
  const counts = useAppStore((s) => s.counts);
  const info = useAppStore((s) => s.info);
  return (
    <footer className="statusbar" data-testid="statusbar">
      {counts ? (
        <>
          <span data-testid="count-fonds">{t('status.fonds', { n: counts.fonds })}</span>
          <span data-testid="count-files">{t('status.files', { n: counts.files })}</span>
          <span data-testid="count-documents">{t('status.documents', { n: counts.documents })}</span>
          <span data-testid="count-review" className={counts.documentsNeedingReview > 0 ? 'status-warn' : ''}>
            {t('status.review', { n: counts.documentsNeedingReview })}
          </span>
        </>
      ) : null}
      {info ? (
        <span className="status-path" title={info.cataloguePath} data-testid="catalogue-path">
          {t('status.catalogue', { path: info.cataloguePath })}
        </span>
      ) : null}
    </footer>
  );
}

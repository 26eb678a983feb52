/** Văn bản chưa lập hồ sơ of one fonds. */
import { useAppStore } from '../../stores/appStore';
import { useCatalogueStore } from '../../stores/catalogueStore';
import { useT } from '../../i18n';
import { DocumentsTable } from './DocumentsTable';

export function UnfiledView({ fondsId }: { fondsId: number }) {
  const t = useT();
  const fonds = useCatalogueStore((s) => s.fonds.find((f) => f.id === fondsId));
  const navigate = useAppStore((s) => s.navigate);
  return (
    <section className="view" data-testid="unfiled-view">
      <header className="view-header">
        <div>
          <p className="eyebrow">
            <button type="button" className="link" onClick={() => navigate({ kind: 'fonds', fondsId })}>
              {t('doc.fonds')} · {fonds ? `${fonds.code} — ${fonds.name}` : fondsId}
            </button>
          </p>
          <h1>{t('unfiled.title')}</h1>
        </div>
      </header>
      <DocumentsTable query={{ fondsId, unfiled: true }} emptyText={t('unfiled.empty')} />
    </section>
  );
}

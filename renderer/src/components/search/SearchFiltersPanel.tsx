/** Bộ lọc: fonds, type, date range, retention class, handover status. */
import type { HandoverStatus } from '@shared/contract/types';
import { useAppStore } from '../../stores/appStore';
import { useCatalogueStore } from '../../stores/catalogueStore';
import { emptyFilters, useSearchStore, type RetentionFilter } from '../../stores/searchStore';
import { useT } from '../../i18n';
import { EMPTY_LIST } from '../../util/empty';

const RETENTION: RetentionFilter[] = ['permanent', 'fixed', 'none'];
const HANDOVER: HandoverStatus[] = ['not_started', 'listed', 'packed', 'handed_over', 'received'];

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function SearchFiltersPanel() {
  const t = useT();
  const filters = useSearchStore((s) => s.filters);
  const setFilters = useSearchStore((s) => s.setFilters);
  const clearFilters = useSearchStore((s) => s.clearFilters);
  const fonds = useCatalogueStore((s) => s.fonds);
  const docTypes = useAppStore((s) => s.codeLists?.docTypes ?? EMPTY_LIST);
  const active = JSON.stringify(filters) !== JSON.stringify(emptyFilters);

  return (
    <aside className="filters" aria-labelledby="filters-heading" data-testid="search-filters">
      <h2 id="filters-heading" className="section-title">
        {t('search.filters')}
      </h2>
      <div className="field">
        <label htmlFor="filter-fonds">{t('search.fonds')}</label>
        <select id="filter-fonds" value={filters.fondsId ?? ''} onChange={(e) => setFilters({ fondsId: e.target.value ? Number(e.target.value) : null })} data-testid="filter-fonds">
          <option value="">{t('common.all')}</option>
          {fonds.map((f) => (
            <option key={f.id} value={f.id}>
              {f.code} — {f.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-type">{t('search.type')}</label>
        <select id="filter-type" value={filters.docType} onChange={(e) => setFilters({ docType: e.target.value })} data-testid="filter-type">
          <option value="">{t('common.all')}</option>
          {docTypes.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-from">{t('search.dateFrom')}</label>
        <input id="filter-from" type="date" value={filters.dateFrom} onChange={(e) => setFilters({ dateFrom: e.target.value })} data-testid="filter-date-from" />
      </div>
      <div className="field">
        <label htmlFor="filter-to">{t('search.dateTo')}</label>
        <input id="filter-to" type="date" value={filters.dateTo} onChange={(e) => setFilters({ dateTo: e.target.value })} data-testid="filter-date-to" />
      </div>
      <fieldset className="field checkbox-group">
        <legend>{t('search.retention')}</legend>
        {RETENTION.map((r) => (
          <label key={r} className="checkbox">
            <input
              type="checkbox"
              checked={filters.retentionClasses.includes(r)}
              onChange={() => setFilters({ retentionClasses: toggle(filters.retentionClasses, r) })}
              data-testid={`filter-retention-${r}`}
            />
            {t(`retention.${r}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="field checkbox-group">
        <legend>{t('search.handover')}</legend>
        {HANDOVER.map((h) => (
          <label key={h} className="checkbox">
            <input
              type="checkbox"
              checked={filters.handoverStatuses.includes(h)}
              onChange={() => setFilters({ handoverStatuses: toggle(filters.handoverStatuses, h) })}
              data-testid={`filter-handover-${h}`}
            />
            {t(`handover.${h}`)}
          </label>
        ))}
      </fieldset>
      <button type="button" className="small" disabled={!active} onClick={clearFilters} data-testid="filter-clear">
        {t('search.clearFilters')}
      </button>
    </aside>
  );
}

/**
 * Bộ lọc: every facet with its counts (computed with the other filters applied), picked by
 * checkbox; the year list with a date range; the organization with its 2025 lineage.
 */
import { useMemo, useState } from 'react';
import type { FacetGroup, FacetKey, FacetValue } from '@shared/contract/types/search';
import { facetsMatchHits, hasFilters, selectedValues, useSearchStore } from '../../stores/searchStore';
import { useT, type Translate } from '../../i18n';
import { fold } from '@shared/text/fold';
import './search.css';
import { DateInput } from '../common/DateInput';
import { isIsoDate } from '@shared/text/dates';

/** A date filter applies once the typed text is a whole day, or is cleared; not at every keystroke. */
const whole = (v: string) => v === '' || isIsoDate(v);

/** Facets in the order an archivist narrows a search. */
const ORDER: FacetKey[] = ['docType', 'year', 'organization', 'fonds', 'issuer', 'signer', 'file', 'retentionClass', 'retention', 'completion', 'handover', 'security'];
const SHOWN = 8;

export function valueLabel(t: Translate, key: FacetKey, v: Pick<FacetValue, 'value' | 'label'>): string {
  if (v.value === 'none') {
    if (key === 'file') return t('search.facet.noFile');
    if (key === 'year') return t('search.facet.undated');
    if (key === 'security') return t('search.facet.notSecret');
    if (key === 'retentionClass') return t('retention.none');
    return t('search.facet.none');
  }
  switch (key) {
    case 'retentionClass':
      return t(`retention.${v.value as 'permanent' | 'fixed'}`);
    case 'handover':
      return t(`handover.${v.value as 'not_started' | 'listed' | 'packed' | 'handed_over' | 'received'}`);
    case 'completion':
      return t(`search.completion.${v.value as 'completed' | 'unfinished'}`);
    case 'security':
      return t(`security.${v.value as 'mat' | 'toi_mat' | 'tuyet_mat'}`);
    default:
      return v.label;
  }
}

function FacetList({ group }: { group: FacetGroup }) {
  const t = useT();
  const filters = useSearchStore((s) => s.filters);
  const toggle = useSearchStore((s) => s.toggleFacet);
  const showAll = useSearchStore((s) => s.showAllFacetValues);
  const [open, setOpen] = useState(false);
  const [needle, setNeedle] = useState('');
  const selected = selectedValues(filters, group.key);
  const values = useMemo(() => {
    const f = fold(needle.trim());
    return f ? group.values.filter((v) => fold(valueLabel(t, group.key, v)).includes(f)) : group.values;
  }, [group, needle, t]);
  // Undated documents and those in no file stay in view: they are what is left to catalogue.
  const visible = open ? values : values.filter((v, i) => i < SHOWN || selected.includes(v.value) || (v.value === 'none' && (group.key === 'year' || group.key === 'file')));
  const more = values.length > visible.length || group.truncated;
  return (
    <>
      {open && group.values.length > SHOWN ? (
        <input className="facet-needle" type="search" placeholder={t('search.facet.filter')} value={needle} onChange={(e) => setNeedle(e.target.value)} aria-label={t('search.facet.filter')} />
      ) : null}
      <ul className="facet-values">
        {visible.map((v) => {
          const checked = selected.includes(v.value);
          const label = valueLabel(t, group.key, v);
          return (
            <li key={v.value}>
              <label className={`facet-value${v.count === 0 && !checked ? ' facet-empty' : ''}`} title={v.detail ?? label}>
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={() => toggle(group.key, v.value)}
                  data-testid={`facet-${group.key}-${v.value}`}
                />
                <span className="facet-label">{label}</span>
                <span className="facet-count" data-testid="facet-count">
                  {v.count.toLocaleString('vi-VN')}
                </span>
              </label>
              {v.detail && group.key === 'organization' ? <div className="facet-detail muted">{v.detail}</div> : null}
            </li>
          );
        })}
      </ul>
      {more || open ? (
        <button
          type="button"
          className="link facet-more"
          onClick={() => {
            if (!open) showAll();
            setOpen(!open);
          }}
          data-testid={`facet-more-${group.key}`}
        >
          {open ? t('search.facet.less') : t('search.facet.more')}
        </button>
      ) : null}
    </>
  );
}

export function SearchFiltersPanel() {
  const t = useT();
  const facets = useSearchStore((s) => s.facets);
  const facetsLoading = useSearchStore((s) => s.facetsLoading);
  // Counts of other words (the typing has not paused yet) are dimmed, never shown as current.
  const stale = useSearchStore((s) => s.facets !== null && s.result !== null && !facetsMatchHits(s));
  const filters = useSearchStore((s) => s.filters);
  const setDates = useSearchStore((s) => s.setDates);
  const setLineage = useSearchStore((s) => s.setLineage);
  const clearFilters = useSearchStore((s) => s.clearFilters);
  const groups = ORDER.map((k) => facets?.groups.find((g) => g.key === k)).filter((g): g is FacetGroup => !!g);

  return (
    <aside className={`filters facets${stale ? ' facets-stale' : ''}`} aria-labelledby="filters-heading" aria-busy={facetsLoading || stale} data-testid="search-filters">
      <div className="facets-head">
        <h2 id="filters-heading" className="section-title">
          {t('search.filters')}
        </h2>
        <button type="button" className="small" disabled={!hasFilters(filters)} onClick={clearFilters} data-testid="filter-clear">
          {t('search.clearFilters')}
        </button>
      </div>
      {!facets ? <p className="muted">{t('search.facet.counting')}</p> : null}
      {groups.map((g) =>
        g.values.length === 0 && selectedValues(filters, g.key).length === 0 ? null : (
          <fieldset key={g.key} className="facet" data-testid={`facet-${g.key}`}>
            <legend>{t(`search.facet.${g.key}`)}</legend>
            {g.key === 'year' ? (
              <div className="facet-dates">
                <label>
                  <span className="visually-hidden">{t('search.dateFrom')}</span>
                  <DateInput value={filters.dateFrom ?? ''} onChange={(v) => whole(v) && setDates(v, filters.dateTo ?? '')} aria-label={t('search.dateFrom')} className="date-input" data-testid="filter-date-from" />
                </label>
                <span aria-hidden="true">–</span>
                <label>
                  <span className="visually-hidden">{t('search.dateTo')}</span>
                  <DateInput value={filters.dateTo ?? ''} onChange={(v) => whole(v) && setDates(filters.dateFrom ?? '', v)} aria-label={t('search.dateTo')} className="date-input" data-testid="filter-date-to" />
                </label>
              </div>
            ) : null}
            {g.key === 'organization' ? (
              <label className="checkbox facet-lineage">
                <input type="checkbox" checked={filters.organizationLineage !== false} onChange={(e) => setLineage(e.target.checked)} data-testid="filter-lineage" />
                {t('search.lineage')}
              </label>
            ) : null}
            <FacetList group={g} />
          </fieldset>
        ),
      )}
    </aside>
  );
}

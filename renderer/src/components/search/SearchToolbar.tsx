/** Sort order, saved searches and the history, above the hits. */
import { useEffect, useState } from 'react';
import type { SearchSort } from '@shared/contract/types/search';
import { useSearchStore } from '../../stores/searchStore';
import { useT } from '../../i18n';
import { formatDate } from '../../util/format';
import { errorMessage } from '../../util/errors';

const SORTS: SearchSort[] = ['relevance', 'date_desc', 'date_asc', 'number'];

function SaveForm({ onDone }: { onDone(): void }) {
  const t = useT();
  const save = useSearchStore((s) => s.saveCurrent);
  const [name, setName] = useState(useSearchStore.getState().text.slice(0, 80));
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="search-save-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        save(name.trim())
          .then(onDone)
          .catch((err: unknown) => setError(errorMessage(err)));
      }}
    >
      <label>
        {t('search.save.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} autoFocus data-testid="search-save-name" />
      </label>
      <button type="submit" className="primary small" disabled={!name.trim()} data-testid="search-save-confirm">
        {t('search.save.confirm')}
      </button>
      <button type="button" className="small" onClick={onDone}>
        {t('common.cancel')}
      </button>
      {error ? <p className="field-error">{error}</p> : null}
    </form>
  );
}

export function SearchToolbar() {
  const t = useT();
  const sort = useSearchStore((s) => s.sort);
  const setSort = useSearchStore((s) => s.setSort);
  const saved = useSearchStore((s) => s.saved);
  const history = useSearchStore((s) => s.history);
  const apply = useSearchStore((s) => s.apply);
  const deleteSaved = useSearchStore((s) => s.deleteSaved);
  const clearHistory = useSearchStore((s) => s.clearHistory);
  const loadLists = useSearchStore((s) => s.loadLists);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void loadLists();
  }, [loadLists]);

  return (
    <div className="search-toolbar" data-testid="search-toolbar">
      <label className="search-sort">
        {t('search.sort')}
        <select value={sort} onChange={(e) => setSort(e.target.value as SearchSort)} data-testid="search-sort">
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`search.sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <details className="search-menu" data-testid="search-saved">
        <summary>{t('search.saved')}</summary>
        <div className="search-menu-body">
          {saved.length === 0 ? <p className="muted">{t('search.saved.none')}</p> : null}
          <ul>
            {saved.map((s) => (
              <li key={s.id}>
                <button type="button" className="link" onClick={() => apply(s.query)} data-testid="search-saved-item">
                  {s.name}
                </button>
                <button type="button" className="link danger-link" aria-label={t('search.saved.delete', { name: s.name })} onClick={() => void deleteSaved(s.id)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
          {saving ? (
            <SaveForm onDone={() => setSaving(false)} />
          ) : (
            <button type="button" className="small" onClick={() => setSaving(true)} data-testid="search-save">
              {t('search.save')}
            </button>
          )}
        </div>
      </details>
      <details className="search-menu" data-testid="search-history">
        <summary>{t('search.history')}</summary>
        <div className="search-menu-body">
          {history.length === 0 ? <p className="muted">{t('search.history.empty')}</p> : null}
          <ul>
            {history.map((h) => (
              <li key={h.id}>
                <button type="button" className="link" onClick={() => apply(h.query)} data-testid="search-history-item">
                  {h.text || t('search.history.noWords')}
                </button>
                <span className="muted">
                  {' '}
                  · {h.total !== null ? t('search.history.hits', { n: h.total }) : ''} · {formatDate(h.at.slice(0, 10))}
                </span>
              </li>
            ))}
          </ul>
          {history.length > 0 ? (
            <button type="button" className="small" onClick={() => void clearHistory()}>
              {t('search.history.clear')}
            </button>
          ) : null}
        </div>
      </details>
    </div>
  );
}

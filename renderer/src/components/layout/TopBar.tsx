/** The bar across the top: name, search box, import, language, user. */
import { useAppStore } from '../../stores/appStore';
import { useDialogStore } from '../../stores/dialogStore';
import { useSearchStore } from '../../stores/searchStore';
import { useDocumentStore } from '../../stores/documentStore';
import { findFile, useCatalogueStore } from '../../stores/catalogueStore';
import { useT } from '../../i18n';
import { ActorEditor } from './ActorEditor';
import { LanguageSwitch } from './LanguageSwitch';
import { useHelpStore } from '../keyboard/helpStore';
import { rememberFocus } from '../keyboard/useShortcuts';

export function TopBar() {
  const t = useT();
  const text = useSearchStore((s) => s.text);
  const setText = useSearchStore((s) => s.setText);
  const navigate = useAppStore((s) => s.navigate);
  const openDialog = useDialogStore((s) => s.open);

  const onSearch = (value: string) => {
    setText(value);
    if (useAppStore.getState().view.kind !== 'search') navigate({ kind: 'search' });
  };

  return (
    <header className="topbar" data-testid="topbar">
      <button type="button" className="brand" onClick={() => navigate({ kind: 'home' })} data-testid="brand">
        {t('app.name')}
      </button>
      <form className="topbar-search" role="search" onSubmit={(e) => {
        e.preventDefault();
        // Enter: the search is recorded in the history, and a number-symbol opens its document.
        if (useAppStore.getState().view.kind !== 'search') navigate({ kind: 'search' });
        void useSearchStore.getState().submit();
      }}>
        <label htmlFor="top-search" className="visually-hidden">
          {t('top.search')}
        </label>
        <input
          id="top-search"
          type="search"
          value={text}
          placeholder={t('top.searchPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onSearch(e.target.value)}
          onFocus={() => {
            if (useAppStore.getState().view.kind !== 'search' && text) navigate({ kind: 'search' });
          }}
          data-testid="search-input"
        />
      </form>
      <button type="button" className="primary" onClick={() => openDialog({ kind: 'import', ...importTarget() })} data-testid="open-import">
        {t('top.import')}
      </button>
      <div className="topbar-end">
        {/* The keyboard shortcuts' help */}
        <button
          type="button"
          className="small"
          onClick={() => {
            rememberFocus();
            useHelpStore.getState().set(true);
          }}
          aria-keyshortcuts="Shift+?"
          data-testid="open-shortcuts"
        >
          {t('keys.open.button')} <kbd>?</kbd>
        </button>
        <LanguageSwitch />
        <ActorEditor />
      </div>
    </header>
  );
}

/** The fonds and file the user is looking at, as the import's default target. */
export function importTarget(): { fondsId?: number; fileId?: number | null } {
  const view = useAppStore.getState().view;
  const { filesByFonds } = useCatalogueStore.getState();
  switch (view.kind) {
    case 'fonds':
      return { fondsId: view.fondsId, fileId: null };
    case 'unfiled':
      return { fondsId: view.fondsId, fileId: null };
    case 'file': {
      const file = findFile(filesByFonds, view.fileId);
      return file ? { fondsId: file.fondsId, fileId: file.id } : {};
    }
    case 'document': {
      const detail = useDocumentStore.getState().detail;
      return detail ? { fondsId: detail.fondsId, fileId: detail.fileId } : {};
    }
    default:
      return {};
  }
}

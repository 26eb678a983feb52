/** The window: top bar, tree, main pane, status bar, and the open dialog. */
import { useCallback, useEffect, useMemo } from 'react';
import { useAppStore } from '../stores/appStore';
import { useCatalogueStore } from '../stores/catalogueStore';
import { useT } from '../i18n';
import { TopBar } from './layout/TopBar';
import { Sidebar } from './layout/Sidebar';
import { StatusBar } from './layout/StatusBar';
import { MainPane } from './layout/MainPane';
import { DialogHost } from './layout/DialogHost';
import { UnlockScreen } from './safety/UnlockScreen';
// Keyboard: skip link, shortcuts, help overlay
import { ShortcutsHelp } from './keyboard/ShortcutsHelp';
import { restoreFocus, useShortcuts } from './keyboard/useShortcuts';
import { useHelpStore } from './keyboard/helpStore';
import { DropZone } from './intake/DropZone';

export function App() {
  const t = useT();
  const booting = useAppStore((s) => s.booting);
  const bootError = useAppStore((s) => s.bootError);
  const locked = useAppStore((s) => s.locked);
  const locale = useAppStore((s) => s.locale);
  const boot = useAppStore((s) => s.boot);
  const loadCatalogue = useCatalogueStore((s) => s.load);
  const helpOpen = useHelpStore((s) => s.open);
  const setHelp = useHelpStore((s) => s.set);
  const openHelp = useCallback(() => setHelp(true), [setHelp]);
  useShortcuts(useMemo(() => ({ openHelp, helpOpen }), [openHelp, helpOpen]));

  useEffect(() => {
    void boot();
    void loadCatalogue();
  }, [boot, loadCatalogue]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  if (booting) {
    return (
      <div className="splash" data-testid="splash">
        {t('app.loading')}
      </div>
    );
  }
  // An encrypted catalogue: the passphrase first.
  if (locked) return <UnlockScreen onUnlocked={() => void boot().then(() => loadCatalogue())} />;
  if (bootError) {
    return (
      <div className="splash" data-testid="boot-error">
        <h1>{t('app.bootError')}</h1>
        <p className="error-banner">{bootError}</p>
        <button type="button" onClick={() => void boot().then(() => loadCatalogue())}>
          {t('app.retry')}
        </button>
      </div>
    );
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main-content" onClick={(e) => {
        e.preventDefault();
        document.getElementById('main-content')?.focus();
      }} data-testid="skip-link">
        {t('keys.skip')}
      </a>
      <TopBar />
      <div className="app-body">
        <Sidebar />
        <MainPane />
      </div>
      <StatusBar />
      <DialogHost />
      <DropZone />
      {helpOpen ? (
        <ShortcutsHelp
          onClose={() => {
            setHelp(false);
            // Once the dialog is gone: a modal dialog keeps the focus from the rest of the page.
            requestAnimationFrame(() => restoreFocus());
          }}
        />
      ) : null}
    </div>
  );
}

/** The window: top bar, tree, main pane, status bar, and the open dialog. */
import { useEffect } from 'react';
import { useAppStore } from '../stores/appStore';
import { useCatalogueStore } from '../stores/catalogueStore';
import { useT } from '../i18n';
import { TopBar } from './layout/TopBar';
import { Sidebar } from './layout/Sidebar';
import { StatusBar } from './layout/StatusBar';
import { MainPane } from './layout/MainPane';
import { DialogHost } from './layout/DialogHost';
import { UnlockScreen } from './safety/UnlockScreen';

export function App() {
  const t = useT();
  const booting = useAppStore((s) => s.booting);
  const bootError = useAppStore((s) => s.bootError);
  const locked = useAppStore((s) => s.locked);
  const locale = useAppStore((s) => s.locale);
  const boot = useAppStore((s) => s.boot);
  const loadCatalogue = useCatalogueStore((s) => s.load);

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
  // [safety] an encrypted catalogue: the passphrase first.
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
      <TopBar />
      <div className="app-body">
        <Sidebar />
        <MainPane />
      </div>
      <StatusBar />
      <DialogHost />
    </div>
  );
}

/** VI / EN. The choice is kept by the host (settings.update). */
import type { Locale } from '@shared/contract/types';
import { useAppStore } from '../../stores/appStore';
import { useT } from '../../i18n';

const LOCALES: Locale[] = ['vi', 'en'];

export function LanguageSwitch() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const setLocale = useAppStore((s) => s.setLocale);
  return (
    <div className="segmented" role="group" aria-label={t('top.language')} data-testid="language-switch">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          aria-pressed={locale === l}
          className={locale === l ? 'active' : ''}
          onClick={() => void setLocale(l)}
          data-testid={`locale-${l}`}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

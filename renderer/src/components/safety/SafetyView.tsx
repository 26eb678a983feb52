/** An toàn dữ liệu: checks, backups, removed records, destruction decisions, secret records and encryption. */
import { useAppStore, type View } from '../../stores/appStore';
import { type MessageKey, useT } from '../../i18n';
import { AccessPanel } from './AccessPanel';
import { BackupsPanel } from './BackupsPanel';
import { ChecksPanel } from './ChecksPanel';
import { DestructionPanel } from './DestructionPanel';
import { RemovedPanel } from './RemovedPanel';
import './safety.css';

export type SafetyTab = NonNullable<Extract<View, { kind: 'safety' }>['tab']>;

const TABS: Array<{ tab: SafetyTab; label: MessageKey }> = [
  { tab: 'check', label: 'safety.tab.check' },
  { tab: 'backups', label: 'safety.tab.backups' },
  { tab: 'removed', label: 'safety.tab.removed' },
  { tab: 'destruction', label: 'safety.tab.destruction' },
  { tab: 'access', label: 'safety.tab.access' },
];

export function SafetyView({ tab = 'check' }: { tab?: SafetyTab }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  return (
    <section className="view safety-view" data-testid="safety-view">
      <header className="view-header">
        <div>
          <h1>{t('safety.title')}</h1>
          <p className="muted safety-intro">{t('safety.intro')}</p>
        </div>
      </header>
      <div className="safety-tabs" role="tablist">
        {TABS.map((x) => (
          <button
            key={x.tab}
            type="button"
            role="tab"
            aria-selected={x.tab === tab}
            className={x.tab === tab ? 'active' : ''}
            onClick={() => navigate({ kind: 'safety', tab: x.tab })}
            data-testid={`safety-tab-${x.tab}`}
          >
            {t(x.label)}
          </button>
        ))}
      </div>
      {tab === 'check' ? <ChecksPanel /> : null}
      {tab === 'backups' ? <BackupsPanel /> : null}
      {tab === 'removed' ? <RemovedPanel /> : null}
      {tab === 'destruction' ? <DestructionPanel /> : null}
      {tab === 'access' ? <AccessPanel /> : null}
    </section>
  );
}

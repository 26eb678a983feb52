/** Links to the work areas beside the catalogue tree (review queue, handover, backups…). */
import type { ReactNode } from 'react';
import { useAppStore, type View } from '../../stores/appStore';
import { useT } from '../../i18n';
import './areaNav.css';

function NavLink({ view, testId, children }: { view: View; testId: string; children: ReactNode }) {
  const current = useAppStore((s) => s.view.kind);
  const navigate = useAppStore((s) => s.navigate);
  return (
    <li>
      <button type="button" className={`area-link${current === view.kind ? ' selected' : ''}`} onClick={() => navigate(view)} data-testid={testId}>
        {children}
      </button>
    </li>
  );
}

export function AreaNav() {
  const t = useT();
  const counts = useAppStore((s) => s.counts);
  const links: ReactNode[] = [
    <NavLink key="registerImport" view={{ kind: 'registerImport' }} testId="nav-register-import">
      {t('import.registers.nav')}
    </NavLink>,
    <NavLink key="review" view={{ kind: 'review' }} testId="nav-review">
      {t('import.nav.review')}
      {counts && counts.documentsNeedingReview > 0 ? <span className="badge badge-review" data-testid="nav-review-count">{counts.documentsNeedingReview}</span> : null}
    </NavLink>,
    <NavLink key="importRuns" view={{ kind: 'importRuns' }} testId="nav-import-runs">
      {t('import.nav.runs')}
    </NavLink>,
    <NavLink key="missingCitations" view={{ kind: 'missingCitations' }} testId="nav-missing-citations">
      {t('import.nav.missing')}
    </NavLink>,
    <NavLink key="handover" view={{ kind: 'handover' }} testId="nav-handover">
      {t('handover.nav')}
    </NavLink>,
    <NavLink key="safety" view={{ kind: 'safety' }} testId="nav-safety">
      {t('safety.nav')}
    </NavLink>,
    // Bodies and fonds, bulk actions with undo
    <NavLink key="structure" view={{ kind: 'structure' }} testId="nav-structure">
      {t('structure.nav')}
    </NavLink>,
    <NavLink key="bulkHistory" view={{ kind: 'bulkHistory' }} testId="nav-bulk-history">
      {t('bulk.history.nav')}
    </NavLink>,
  ];
  if (links.length === 0) return null;
  return (
    <ul className="area-nav" data-testid="area-nav">
      {links}
    </ul>
  );
}

export { NavLink };

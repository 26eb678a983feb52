/** Links to the work areas beside the catalogue tree (review queue, handover, backups…). */
import type { ReactNode } from 'react';
import { useAppStore, type View } from '../../stores/appStore';
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
  const links: ReactNode[] = [
    // [import] issue 3: add entries below this line
    // [search] issue 4: add entries below this line
    // [handover] issue 5: add entries below this line
    // [safety] issue 6: add entries below this line
  ];
  if (links.length === 0) return null;
  return (
    <ul className="area-nav" data-testid="area-nav">
      {links}
    </ul>
  );
}

export { NavLink };

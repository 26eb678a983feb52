/** Under a fonds' title: what became of its creating body in 2025, and the fonds' edit button. */
import { useState } from 'react';
import type { Fonds } from '@shared/contract/types';
import { useQuery } from '../../api/hooks';
import { refreshAfterChange } from '../../stores/refresh';
import { useT } from '../../i18n';
import { FondsDialog } from './FondsDialog';
import { LineageList } from './LineageList';

export function FondsLineage({ fonds }: { fonds: Fonds }) {
  const t = useT();
  // Read again after every change, so an edit of the fonds or of a body shows at once.
  const orgs = useQuery('organizations.list', {}).data;
  const [editing, setEditing] = useState(false);
  const org = orgs?.find((o) => o.id === fonds.organizationId);
  return (
    <div className="fonds-lineage" data-testid="fonds-lineage">
      {org && (org.successors.length > 0 || org.predecessors.length > 0) ? <LineageList org={org} all={orgs ?? []} /> : null}
      <button type="button" className="small" onClick={() => setEditing(true)} data-testid="fonds-edit">
        {t('fonds.edit')}
      </button>
      {editing ? <FondsDialog fonds={fonds} onSaved={refreshAfterChange} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}

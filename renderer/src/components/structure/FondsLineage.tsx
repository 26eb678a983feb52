/** Under a fonds' title: what became of its creating body in 2025, and the fonds' edit button. */
import { useEffect, useState } from 'react';
import type { Fonds, Organization } from '@shared/contract/types';
import { call } from '../../api/client';
import { refreshAfterChange } from '../../stores/refresh';
import { useT } from '../../i18n';
import { FondsDialog } from './FondsDialog';
import { LineageList } from './LineageList';

export function FondsLineage({ fonds }: { fonds: Fonds }) {
  const t = useT();
  const [orgs, setOrgs] = useState<Organization[] | null>(null);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    let live = true;
    call('organizations.list', {})
      .then((o) => live && setOrgs(o))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [fonds.organizationId, fonds.updatedAt]);
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

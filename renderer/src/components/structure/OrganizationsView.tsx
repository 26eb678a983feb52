/**
 * Đơn vị và phông: the creating bodies with their 2025 lineage, the fonds, and what was removed —
 * each correctable, removable with a reason, and restorable.
 */
import { useState } from 'react';
import type { Fonds, Organization } from '@shared/contract/types';
import { useMutation, useQuery } from '../../api/hooks';
import { refreshAfterChange } from '../../stores/refresh';
import { useT, type MessageKey } from '../../i18n';
import { formatDate, formatDateTime } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { FondsDialog } from './FondsDialog';
import { LineageDialog } from './LineageDialog';
import { LineageList } from './LineageList';
import { OrganizationDialog } from './OrganizationDialog';
import { ReasonDialog } from './ReasonDialog';
import './structure.css';

type Open =
  | { kind: 'editOrg'; org: Organization }
  | { kind: 'lineage'; org: Organization }
  | { kind: 'removeOrg'; org: Organization }
  | { kind: 'editFonds'; fonds: Fonds }
  | { kind: 'removeFonds'; fonds: Fonds }
  | { kind: 'removeLink'; predecessorId: number; successorId: number; label: string };

export function OrganizationsView() {
  const t = useT();
  const orgList = useQuery('organizations.list', {});
  const fondsList = useQuery('fonds.list', {});
  const removedList = useQuery('structure.removed', {});
  const orgs = orgList.data;
  const fonds = fondsList.data ?? [];
  const removed = removedList.data;
  const [open, setOpen] = useState<Open | null>(null);
  const restoreOrg = useMutation('organizations.restore');
  const restoreFonds = useMutation('fonds.restore');
  const removeOrg = useMutation('organizations.remove');
  const removeFonds = useMutation('fonds.remove');
  const removeLink = useMutation('organizations.removeSuccessor');
  const error = orgList.message ?? fondsList.message ?? removedList.message ?? restoreOrg.error ?? restoreFonds.error;
  // The lists here follow every change by themselves; the status bar and the tree are told.
  const saved = refreshAfterChange;

  const period = (o: Organization) => (o.startDate || o.endDate ? `${o.startDate ? formatDate(o.startDate) : '…'} – ${o.endDate ? formatDate(o.endDate) : '…'}` : '—');

  return (
    <section className="view structure-view" data-testid="structure-view">
      <header className="view-header">
        <div>
          <h1>{t('structure.title')}</h1>
          <p className="muted">{t('structure.intro')}</p>
        </div>
      </header>
      <ErrorBanner message={error} />

      <h2 className="section-title">{t('structure.organizations')}</h2>
      {orgs === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <table className="data-table" data-testid="org-table">
          <thead>
            <tr>
              <th>{t('structure.col.name')}</th>
              <th>{t('structure.col.level')}</th>
              <th>{t('structure.col.period')}</th>
              <th>{t('structure.col.lineage')}</th>
              <th>{t('structure.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {orgs.map((o) => (
              <tr key={o.id} data-testid={`org-row-${o.id}`}>
                <td>
                  {o.name}
                  {o.code ? <span className="muted"> ({o.code})</span> : null}
                </td>
                <td>{t(`org.level.${o.level}` as MessageKey)}</td>
                <td className="nowrap">{period(o)}</td>
                <td>
                  <LineageList org={o} all={orgs} onRemoveLink={(link) => setOpen({ kind: 'removeLink', ...link })} />
                </td>
                <td>
                  <div className="structure-actions">
                    <button type="button" className="small" onClick={() => setOpen({ kind: 'editOrg', org: o })} aria-label={t('structure.editOrg', { name: o.name })} data-testid={`org-edit-${o.id}`}>
                      {t('structure.edit')}
                    </button>
                    <button type="button" className="small" onClick={() => setOpen({ kind: 'lineage', org: o })} aria-label={t('structure.addLineageOf', { name: o.name })} data-testid={`org-lineage-${o.id}`}>
                      {t('structure.addLineage')}
                    </button>
                    <button type="button" className="small" onClick={() => setOpen({ kind: 'removeOrg', org: o })} aria-label={t('structure.removeOrg', { name: o.name })} data-testid={`org-remove-${o.id}`}>
                      {t('structure.remove')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="section-title">{t('structure.fonds')}</h2>
      <table className="data-table" data-testid="fonds-table">
        <thead>
          <tr>
            <th>{t('structure.col.code')}</th>
            <th>{t('structure.col.fondsName')}</th>
            <th>{t('fonds.organization')}</th>
            <th>{t('structure.col.status')}</th>
            <th className="num">{t('structure.col.counts')}</th>
            <th>{t('structure.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {fonds.map((f) => (
            <tr key={f.id} data-testid={`fonds-row-${f.id}`}>
              <td className="nowrap">{f.code}</td>
              <td>{f.name}</td>
              <td>{f.organizationName}</td>
              <td>{t(f.status === 'open' ? 'fonds.status.open' : 'fonds.status.closed')}</td>
              <td className="num">
                {f.fileCount} / {f.documentCount}
              </td>
              <td>
                <div className="structure-actions">
                  <button type="button" className="small" onClick={() => setOpen({ kind: 'editFonds', fonds: f })} aria-label={t('structure.editFonds', { code: f.code })} data-testid={`fonds-edit-${f.id}`}>
                    {t('structure.edit')}
                  </button>
                  <button type="button" className="small" onClick={() => setOpen({ kind: 'removeFonds', fonds: f })} aria-label={t('structure.removeFonds', { code: f.code })} data-testid={`fonds-remove-${f.id}`}>
                    {t('structure.remove')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="section-title">{t('structure.removed')}</h2>
      {removed && removed.organizations.length + removed.fonds.length > 0 ? (
        <ul className="plain-list" data-testid="structure-removed">
          {[...removed.organizations.map((o) => ({ key: `o${o.id}`, name: o.name, removal: o.removal, restore: () => restoreOrg.run({ id: o.id }) })), ...removed.fonds.map((f) => ({ key: `f${f.id}`, name: `${f.code} — ${f.name}`, removal: f.removal, restore: () => restoreFonds.run({ id: f.id }) }))].map((r) => (
            <li key={r.key}>
              <strong>{r.name}</strong> — {t('structure.removedLine', { at: formatDateTime(r.removal.at), by: r.removal.by, reason: r.removal.reason })}{' '}
              <button type="button" className="small" onClick={() => void r.restore().then((done) => done && saved())} data-testid={`structure-restore-${r.key}`}>
                {t('structure.restore')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('structure.noneRemoved')}</p>
      )}

      {open?.kind === 'editOrg' ? <OrganizationDialog org={open.org} all={orgs ?? []} onSaved={saved} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'lineage' ? <LineageDialog org={open.org} all={orgs ?? []} onSaved={saved} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'editFonds' ? <FondsDialog fonds={open.fonds} onSaved={saved} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'removeOrg' ? (
        <ReasonDialog
          title={t('structure.removeOrg', { name: open.org.name })}
          onConfirm={async (reason) => {
            await removeOrg.send({ id: open.org.id, reason });
            await saved();
          }}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'removeFonds' ? (
        <ReasonDialog
          title={t('structure.removeFonds', { code: open.fonds.code })}
          onConfirm={async (reason) => {
            await removeFonds.send({ id: open.fonds.id, reason });
            await saved();
          }}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'removeLink' ? (
        <ReasonDialog
          title={t('structure.removeLink', { link: open.label })}
          onConfirm={async (reason) => {
            await removeLink.send({ predecessorId: open.predecessorId, successorId: open.successorId, reason });
            await saved();
          }}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}

/**
 * An organization's 2025 lineage in words: what it became (dissolved into, merged into, succeeded
 * by — and which bodies merged with it), and what it took in. Each link can be taken back.
 */
import type { Organization, OrganizationLink } from '@shared/contract/types';
import { useT } from '../../i18n';
import { formatDate } from '../../util/format';

interface Props {
  org: Organization;
  /** Every organization, to name those merged together with this one. */
  all: Organization[];
  onRemoveLink?(link: { predecessorId: number; successorId: number; label: string }): void;
}

export function LineageList({ org, all, onRemoveLink }: Props) {
  const t = useT();
  const since = (l: OrganizationLink) => (l.effectiveDate ? ` ${t('lineage.since', { date: formatDate(l.effectiveDate) })}` : '');
  const basis = (l: OrganizationLink) => (l.basis ? ` (${l.basis})` : '');
  const lines: Array<{ key: string; text: string; link: { predecessorId: number; successorId: number; label: string } }> = [];
  for (const s of org.successors) {
    // Bodies merged into the same successor are merged *with* this one.
    const partners =
      s.kind === 'merged'
        ? all.filter((o) => o.id !== org.id && o.successors.some((x) => x.organizationId === s.organizationId && x.kind === 'merged')).map((o) => o.name)
        : [];
    const text = `${t(`lineage.out.${s.kind}`, { name: s.name })}${partners.length > 0 ? `, ${t('lineage.with', { names: partners.join(', ') })}` : ''}${since(s)}${basis(s)}`;
    lines.push({ key: `out-${s.organizationId}`, text, link: { predecessorId: org.id, successorId: s.organizationId, label: text } });
  }
  for (const p of org.predecessors) {
    const text = `${t(`lineage.in.${p.kind}`, { name: p.name })}${since(p)}${basis(p)}`;
    lines.push({ key: `in-${p.organizationId}`, text, link: { predecessorId: p.organizationId, successorId: org.id, label: text } });
  }
  if (lines.length === 0) return <span className="muted">{t('lineage.none')}</span>;
  return (
    <ul className="plain-list lineage-list" data-testid={`lineage-${org.id}`}>
      {lines.map((l) => (
        <li key={l.key}>
          {l.text}
          {onRemoveLink ? (
            <button type="button" className="icon-button" onClick={() => onRemoveLink(l.link)} aria-label={t('structure.removeLink', { link: l.text })} title={t('structure.remove')}>
              ×
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

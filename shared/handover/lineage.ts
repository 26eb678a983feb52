/**
 * The 2025 lineage of a creating body as sentences for the forms (inventory, Biên bản giao nhận):
 * what it became — dissolved with its work passed on, merged into another (with the bodies merged
 * together with it), succeeded — and what it took in, with the date and the basis when known.
 * Công văn 64-CV/TW: records follow the work to the successor body.
 */
import type { Organization, OrganizationLink } from '../contract/types';
import { viLongDate } from './forms';

function when(l: OrganizationLink): string {
  const date = l.effectiveDate ? ` từ ${viLongDate(l.effectiveDate)}` : '';
  const basis = l.basis ? ` (theo ${l.basis})` : '';
  return `${date}${basis}`;
}

/** One sentence per link of `org`; `all` names the bodies merged together with it. */
export function lineageSentences(org: Organization, all: readonly Organization[]): string[] {
  const out: string[] = [];
  for (const s of org.successors) {
    if (s.kind === 'dissolved') out.push(`${org.name} giải thể${when(s)}; công việc và tài liệu chuyển giao cho ${s.name}.`);
    else if (s.kind === 'merged') {
      const partners = all.filter((o) => o.id !== org.id && o.successors.some((x) => x.organizationId === s.organizationId && x.kind === 'merged')).map((o) => o.name);
      out.push(`${org.name}${partners.length > 0 ? ` cùng ${partners.join(', ')}` : ''} hợp nhất vào ${s.name}${when(s)}.`);
    } else out.push(`${s.name} kế thừa ${org.name}${when(s)}.`);
  }
  for (const p of org.predecessors) {
    if (p.kind === 'dissolved') out.push(`${org.name} tiếp nhận công việc và tài liệu của ${p.name} (giải thể)${when(p)}.`);
    else if (p.kind === 'merged') out.push(`${p.name} hợp nhất vào ${org.name}${when(p)}.`);
    else out.push(`${org.name} kế thừa ${p.name}${when(p)}.`);
  }
  return out;
}

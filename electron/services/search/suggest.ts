import MiniSearch from 'minisearch';
import type { SearchSuggestion } from '../../../shared/contract/types/search';
import { fold } from '../../../shared/text/fold';
import type { FacetStore } from './facetStore';

/**
 * Type-ahead over the catalogue's *metadata values* — issuers, signers, fonds, organizations,
 * types — with MiniSearch (in memory, prefix and fuzzy matching). A few thousand entries: built in
 * milliseconds from the facet columns, rebuilt when the catalogue changes. Full texts stay in
 * FTS5: the benchmark shows why (build time and memory of an in-memory index over bodies).
 */

interface Entry {
  id: number;
  kind: SearchSuggestion['kind'];
  value: string;
  label: string;
  text: string;
  count: number;
}

export class Suggester {
  private index: MiniSearch<Entry> | null = null;
  private builtFor = '';

  constructor(private readonly store: FacetStore) {}

  private build(secretsVisible: boolean): MiniSearch<Entry> {
    const s = this.store;
    const key = `${s.seq}:${s.maxId}:${secretsVisible}`;
    if (this.index && key === this.builtFor) return this.index;
    const issuer = new Map<number, number>();
    const signer = new Map<number, number>();
    const fonds = new Map<number, number>();
    const type = new Map<number, number>();
    const inc = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + 1);
    for (let id = 1; id <= s.maxId; id++) {
      if (s.present[id] !== 1 || (!secretsVisible && s.security[id] !== 0)) continue;
      inc(issuer, s.issuer[id]!);
      inc(signer, s.signer[id]!);
      inc(fonds, s.fonds[id]!);
      inc(type, s.type[id]!);
    }
    const entries: Entry[] = [];
    const add = (kind: Entry['kind'], value: string, label: string, count: number) =>
      entries.push({ id: entries.length + 1, kind, value, label, text: label, count });
    for (const [code, n] of issuer) if (code) {
      const v = s.issuers.values[code]!;
      const [name, parent] = v.split('\u0001');
      add('issuer', v, parent ? `${name} — ${parent}` : name!, n);
    }
    for (const [code, n] of signer) if (code) add('signer', s.signers.values[code]!, s.signers.values[code]!, n);
    for (const [code, n] of type) if (code) add('docType', s.types.values[code]!, s.types.values[code]!, n);
    const orgCounts = new Map<number, number>();
    for (const [fondsId, n] of fonds) {
      const f = s.fondsInfo.get(fondsId);
      if (!f) continue;
      add('fonds', String(fondsId), `${f.code} — ${f.name}`, n);
      const org = s.fondsOrg[fondsId]!;
      orgCounts.set(org, (orgCounts.get(org) ?? 0) + n);
    }
    for (const [orgId, n] of orgCounts) {
      const o = s.orgInfo.get(orgId);
      if (o) add('organization', String(orgId), o.name, n);
    }
    const ms = new MiniSearch<Entry>({
      fields: ['text'],
      storeFields: ['kind', 'value', 'label', 'count'],
      processTerm: (t) => fold(t),
      searchOptions: { prefix: true, fuzzy: (term) => (term.length >= 5 ? 1 : 0), combineWith: 'AND' },
    });
    ms.addAll(entries);
    this.index = ms;
    this.builtFor = key;
    return ms;
  }

  suggest(text: string, limit: number, secretsVisible: boolean): SearchSuggestion[] {
    if (fold(text).trim().length === 0) return [];
    this.store.ensureDocuments();
    const ms = this.build(secretsVisible);
    const found = ms.search(text);
    // Relevance first, then how many documents the value stands for; a few of each kind, so that
    // "huyện ủy krông" offers the bodies as printed on documents as well as the organizations.
    const ranked = found.map((r) => ({ r, rank: r.score * Math.log2(2 + (r.count as number)) })).sort((a, b) => b.rank - a.rank);
    const perKind = Math.max(2, Math.ceil(limit / 3));
    const taken = new Map<string, number>();
    const picked: typeof ranked = [];
    for (const x of ranked) {
      const k = x.r.kind as string;
      if ((taken.get(k) ?? 0) >= perKind) continue;
      taken.set(k, (taken.get(k) ?? 0) + 1);
      picked.push(x);
      if (picked.length >= limit) break;
    }
    for (const x of ranked) {
      if (picked.length >= limit) break;
      if (!picked.includes(x)) picked.push(x);
    }
    return picked.sort((a, b) => b.rank - a.rank).map(({ r }) => ({ kind: r.kind as Entry['kind'], value: r.value as string, label: r.label as string, count: r.count as number }));
  }
}

import type { z } from 'zod';
import type { searchFilters } from '../../../shared/contract/schemas';
import type { FacetKey } from '../../../shared/contract/types/search';
import { DOC_ID_BITS, dayOf, flag, keyRange } from '../../../shared/search/indexText';
import type { KeyBounds } from '../../data/repositories/searchIndex';
import { COMPLETION_CODES, HANDOVER_CODES, RETENTION_CLASS_CODES, SECURITY_CODES, type FacetStore } from './facetStore';

export type SearchFilters = z.output<typeof searchFilters>;

/** One filter, as a test on a document id (in memory) and, where it can, as index flag tokens. */
export interface FilterGroup {
  key: FacetKey;
  test: (id: number) => boolean;
  /** Alternatives of the `flags` column, when the index can apply this filter itself. */
  flags?: string[];
  /**
   * The index applies the filter exactly (its flags, or the date bounds): no test in memory. Flags
   * that only narrow (years within a date range) leave the exact cut to the bounds.
   */
  inIndex: boolean;
}

export interface FilterPlan {
  groups: FilterGroup[];
  /** Date range as index key bounds. */
  bounds: KeyBounds;
  /** Present (not removed) and visible to the caller. */
  base: (id: number) => boolean;
  /** Flag tokens excluded from every match (secrets, when hidden). */
  excludedFlags: string[];
  /** Groups the index cannot apply: tested in memory on what it returns. */
  memoryGroups: FilterGroup[];
  /**
   * Names the filters held in memory (equal keys, same test on the same columns), so what is
   * learnt about them — how often they pass — can be kept while only the words change.
   */
  memoryKey: string;
}

/** Whether the request filters at all (the lineage switch alone does not, nor a switch set to false). */
export function hasFilters(f: SearchFilters): boolean {
  return Object.entries(f).some(([k, v]) => k !== 'organizationLineage' && (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== '' && v !== false));
}

/** Date ranges spanning at most this many years are also filtered by year tokens. */
const YEAR_TOKENS = 12;

/** A token no document carries: a filter that selects nothing. */
const NOTHING = 'ʒnothing';

function flagsFor(values: Iterable<string>): string[] {
  const out = [...values];
  return out.length > 0 ? out : [NOTHING];
}

/** Turns the request's filters into tests and index tokens. */
export function planFilters(f: SearchFilters, store: FacetStore, secretsVisible: boolean): FilterPlan {
  const groups: FilterGroup[] = [];
  const s = store;

  if (f.fondsIds?.length) {
    const allowed = new Uint8Array(Math.max(...f.fondsIds) + 1);
    for (const id of f.fondsIds) allowed[id] = 1;
    groups.push({ key: 'fonds', test: (id) => allowed[s.fonds[id]!] === 1, flags: flagsFor(f.fondsIds.map(flag.fonds)), inIndex: true });
  }
  if (f.organizationIds?.length) {
    const orgs = f.organizationLineage === false ? new Set(f.organizationIds) : s.lineage(f.organizationIds);
    const fonds = s.fondsOf(orgs);
    const allowed = new Uint8Array(Math.max(0, ...fonds) + 1);
    for (const id of fonds) allowed[id] = 1;
    groups.push({ key: 'organization', test: (id) => allowed[s.fonds[id]!] === 1, flags: flagsFor(fonds.map(flag.fonds)), inIndex: true });
  }
  if (f.docTypes?.length) {
    const codes = new Set(f.docTypes.map((t) => s.types.find(t) ?? -1));
    const flags = flagsFor(f.docTypes.map((t) => flag.docType(t)));
    // A type's flag is its folded name: another type written alike (`Kết luận`, `KẾT LUẬN`) shares
    // it, and the exact value is then checked in memory too, so the count is the facet's.
    const shared = new Set(flags);
    const alike = s.types.values.some((v, c) => c > 0 && !codes.has(c) && shared.has(flag.docType(v)));
    groups.push({ key: 'docType', test: (id) => codes.has(s.type[id]!), flags, inIndex: !alike });
  }
  if (f.securityLevels?.length) {
    const codes = new Set(f.securityLevels.map((l) => SECURITY_CODES.indexOf(l)));
    groups.push({ key: 'security', test: (id) => codes.has(s.security[id]!), flags: flagsFor(f.securityLevels.map((l) => flag.security(l === 'none' ? null : l))), inIndex: true });
  }
  let bounds: KeyBounds = {};
  const ranged = !!(f.dateFrom || f.dateTo);
  if (ranged || f.undated) {
    const lo = f.dateFrom ? dayOf(f.dateFrom) : 1;
    const hi = f.dateTo ? dayOf(f.dateTo) : Number.MAX_SAFE_INTEGER;
    const inRange = (id: number) => s.day[id]! >= lo && s.day[id]! <= hi && s.day[id]! > 0;
    if (ranged && f.undated) {
      // A range or no date: two key ranges apart, so the test runs in memory.
      groups.push({ key: 'year', test: (id) => s.day[id] === 0 || inRange(id), inIndex: false });
    } else if (f.undated) {
      // Undated documents have the lowest keys (day 0).
      bounds = { lo: 0, hi: DOC_ID_BITS - 1 };
      groups.push({ key: 'year', test: (id) => s.day[id] === 0, inIndex: true });
    } else {
      const [klo, khi] = keyRange(f.dateFrom ?? null, f.dateTo ?? null);
      // Undated documents are outside any date range.
      bounds = { lo: Math.max(klo, keyRange('1900-01-01', null)[0]), hi: khi };
      // A range of a few years is also given to the index as year tokens: it then intersects
      // instead of reading every newer match before the range (the bounds still trim the edges).
      const y1 = f.dateFrom ? Number(f.dateFrom.slice(0, 4)) : 0;
      const y2 = f.dateTo ? Number(f.dateTo.slice(0, 4)) : 0;
      const years = y1 > 0 && y2 >= y1 && y2 - y1 < YEAR_TOKENS ? Array.from({ length: y2 - y1 + 1 }, (_, i) => flag.year(y1 + i)) : undefined;
      groups.push({ key: 'year', test: inRange, inIndex: true, ...(years ? { flags: years } : {}) });
    }
  }
  if (f.fileIds?.length || f.unfiled) {
    // File 0 is "in no file".
    const files = new Set([...(f.fileIds ?? []), ...(f.unfiled ? [0] : [])]);
    groups.push({ key: 'file', test: (id) => files.has(s.file[id]!), inIndex: false });
  }
  if (f.issuers?.length) {
    const codes = new Set(f.issuers.map((v) => s.issuers.find(v) ?? -1));
    groups.push({ key: 'issuer', test: (id) => codes.has(s.issuer[id]!), inIndex: false });
  }
  if (f.signers?.length) {
    const codes = new Set(f.signers.map((v) => s.signers.find(v) ?? -1));
    groups.push({ key: 'signer', test: (id) => codes.has(s.signer[id]!), inIndex: false });
  }
  if (f.retentionClasses?.length) {
    const codes = new Set(f.retentionClasses.map((c) => RETENTION_CLASS_CODES.indexOf(c)));
    groups.push({ key: 'retentionClass', test: (id) => codes.has(s.fileRetClass[s.file[id]!]!), inIndex: false });
  }
  if (f.retentionCodes?.length) {
    const codes = new Set(f.retentionCodes.map((c) => (c === 'none' ? 0 : (s.retentionCodes.find(c) ?? -1))));
    groups.push({ key: 'retention', test: (id) => codes.has(s.fileRet[s.file[id]!]!), inIndex: false });
  }
  if (f.completion?.length) {
    const codes = new Set(f.completion.map((c) => COMPLETION_CODES.indexOf(c)));
    groups.push({ key: 'completion', test: (id) => codes.has(s.fileCompletion[s.file[id]!]!), inIndex: false });
  }
  if (f.handoverStatuses?.length) {
    const codes = new Set(f.handoverStatuses.map((c) => HANDOVER_CODES.indexOf(c)));
    groups.push({ key: 'handover', test: (id) => codes.has(s.fileHandover[s.file[id]!]!), inIndex: false });
  }
  const base = secretsVisible ? (id: number) => s.present[id] === 1 : (id: number) => s.present[id] === 1 && s.security[id] === 0;
  return {
    groups,
    bounds,
    base,
    excludedFlags: secretsVisible ? [] : [flag.secret],
    memoryGroups: groups.filter((g) => !g.inIndex),
    memoryKey: JSON.stringify(groups.filter((g) => !g.inIndex).map((g) => [g.key, filterValues(f, g.key)])),
  };
}

/** Every filter and visibility, in memory: for browsing and candidate sets. */
export function fullTest(plan: FilterPlan): (id: number) => boolean {
  const tests = plan.groups.map((g) => g.test);
  const base = plan.base;
  if (tests.length === 0) return base;
  return (id) => {
    if (!base(id)) return false;
    for (const t of tests) if (!t(id)) return false;
    return true;
  };
}

/** The filters the index cannot apply, or null when it applies them all. */
export function memoryTest(plan: FilterPlan): ((id: number) => boolean) | null {
  const tests = plan.memoryGroups.map((g) => g.test);
  if (tests.length === 0) return null;
  return (id) => {
    for (const t of tests) if (!t(id)) return false;
    return true;
  };
}

/** The request's values for one facet's filter (to name the filters held in memory). */
function filterValues(f: SearchFilters, key: FacetKey): unknown {
  switch (key) {
    case 'fonds':
      return f.fondsIds;
    case 'organization':
      return [f.organizationIds, f.organizationLineage];
    case 'file':
      return [f.fileIds, f.unfiled];
    case 'docType':
      return f.docTypes;
    case 'issuer':
      return f.issuers;
    case 'signer':
      return f.signers;
    case 'year':
      return [f.dateFrom, f.dateTo, f.undated];
    case 'retentionClass':
      return f.retentionClasses;
    case 'retention':
      return f.retentionCodes;
    case 'completion':
      return f.completion;
    case 'handover':
      return f.handoverStatuses;
    case 'security':
      return f.securityLevels;
  }
}

/** Index flag groups of the plan (each group: one of its tokens must be present). */
export function flagGroups(plan: FilterPlan): string[][] {
  return plan.groups.filter((g) => g.flags).map((g) => g.flags!);
}

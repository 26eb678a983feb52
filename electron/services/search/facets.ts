import type { FacetGroup, FacetKey, FacetValue, SearchFacets } from '../../../shared/contract/types/search';
import { COMPLETION_CODES, HANDOVER_CODES, RETENTION_CLASS_CODES, SECURITY_CODES, type FacetStore } from './facetStore';
import type { FilterPlan, SearchFilters } from './filters';

/**
 * Facet counts for a search: for each facet, how many hits each value has with every *other*
 * filter applied (its own ignored, so several values of one facet can be picked) — the total the
 * search shows once that value is picked. One pass over the documents the words match: a document
 * failing no filter counts in every facet; failing exactly one, only in that filter's facet.
 *
 * An organization picked with its 2025 lineage (the default) also finds its predecessors' and
 * successors' records, so its count is theirs added up (a document then counts under each body
 * whose lineage holds it).
 */

const KEYS: FacetKey[] = ['fonds', 'organization', 'file', 'docType', 'issuer', 'signer', 'year', 'retentionClass', 'retention', 'completion', 'handover', 'security'];

/** Year (minus 1900) of each day number, built once: counting by year is then an array read. */
let yearOfDay = new Uint8Array(0);
function yearTable(maxDay: number): Uint8Array {
  if (yearOfDay.length > maxDay) return yearOfDay;
  const size = Math.max(maxDay + 1, 80_000);
  const t = new Uint8Array(size);
  for (let d = 1; d < size; d++) t[d] = new Date(Date.UTC(1900, 0, 1) + (d - 1) * 86_400_000).getUTCFullYear() - 1900;
  yearOfDay = t;
  return t;
}

function label(s: FacetStore, key: FacetKey, code: number): { value: string; label: string; detail?: string } | null {
  switch (key) {
    case 'fonds': {
      const f = s.fondsInfo.get(code);
      return f ? { value: String(code), label: `${f.code} — ${f.name}` } : null;
    }
    case 'organization': {
      const o = s.orgInfo.get(code);
      if (!o) return null;
      // A few names, then how many more: a district had a dozen predecessors and successors.
      const names = (ids: number[] | undefined) => {
        const all = (ids ?? []).map((i) => s.orgInfo.get(i)?.name).filter(Boolean) as string[];
        return all.length > 2 ? `${all.slice(0, 2).join(', ')} +${all.length - 2}` : all.join(', ');
      };
      const succ = names(s.successors.get(code));
      const pred = names(s.predecessors.get(code));
      const detail = [succ ? `→ ${succ}` : '', pred ? `← ${pred}` : ''].filter(Boolean).join(' · ');
      return { value: String(code), label: o.name, ...(detail ? { detail } : {}) };
    }
    case 'file': {
      if (code === 0) return { value: 'none', label: '' };
      const f = s.fileInfo.get(code);
      return f ? { value: String(code), label: `${f.code}. ${f.title}` } : null;
    }
    case 'docType':
      return code === 0 ? null : { value: s.types.values[code]!, label: s.types.values[code]! };
    case 'issuer': {
      if (code === 0) return null;
      const v = s.issuers.values[code]!;
      const [issuer, parent] = v.split('\u0001');
      return { value: v, label: parent ? `${issuer} — ${parent}` : issuer! };
    }
    case 'signer':
      return code === 0 ? null : { value: s.signers.values[code]!, label: s.signers.values[code]! };
    case 'year':
      return code === 0 ? { value: 'none', label: '' } : { value: String(code), label: String(code) };
    case 'retentionClass':
      return { value: RETENTION_CLASS_CODES[code]!, label: RETENTION_CLASS_CODES[code]! };
    case 'retention': {
      if (code === 0) return { value: 'none', label: '' };
      const c = s.retentionCodes.values[code]!;
      return { value: c, label: s.retentionInfo.get(c)?.labelVi ?? c };
    }
    case 'completion':
      return { value: COMPLETION_CODES[code]!, label: COMPLETION_CODES[code]! };
    case 'handover':
      return { value: HANDOVER_CODES[code]!, label: HANDOVER_CODES[code]! };
    case 'security':
      return { value: SECURITY_CODES[code]!, label: SECURITY_CODES[code]! };
  }
}

/** Values of the request's filters, by facet, to keep selected values listed even at zero. */
function selectedValues(f: SearchFilters): Partial<Record<FacetKey, string[]>> {
  const year = f.dateFrom?.slice(0, 4);
  const wholeYear = year && f.dateFrom === `${year}-01-01` && f.dateTo === `${year}-12-31` ? [year] : [];
  return {
    fonds: f.fondsIds?.map(String),
    organization: f.organizationIds?.map(String),
    file: [...(f.fileIds ?? []).map(String), ...(f.unfiled ? ['none'] : [])],
    docType: f.docTypes,
    issuer: f.issuers,
    signer: f.signers,
    year: [...wholeYear, ...(f.undated ? ['none'] : [])],
    retentionClass: f.retentionClasses,
    retention: f.retentionCodes,
    completion: f.completion,
    handover: f.handoverStatuses,
    security: f.securityLevels,
  };
}

/** Each organization's count with its lineage: the documents of every body a filter on it finds. */
function withLineage(store: FacetStore, own: Int32Array): Int32Array {
  let max = own.length - 1;
  for (const id of store.orgInfo.keys()) if (id > max) max = id;
  const out = new Int32Array(max + 1);
  out.set(own);
  for (const id of store.orgInfo.keys()) {
    if (!store.predecessors.has(id) && !store.successors.has(id)) continue;
    let n = 0;
    for (const o of store.lineage([id])) n += own[o] ?? 0;
    out[id] = n;
  }
  return out;
}

/**
 * `matches`: the documents the words match, visibility applied and no filter (null: no words,
 * every document). `plan`: the request's filters.
 */
export function computeFacets(
  store: FacetStore,
  matches: readonly number[] | null,
  plan: FilterPlan,
  input: { filters: SearchFilters; limit: number },
  secretsVisible: boolean,
): SearchFacets {
  const started = performance.now();
  const groups = plan.groups;
  const keyIndex = new Map(KEYS.map((k, i) => [k, i]));
  const groupKey = groups.map((g) => keyIndex.get(g.key)!);
  const st = store;
  let maxDay = 0;
  for (let id = 1; id <= st.maxId; id++) if (st.day[id]! > maxDay) maxDay = st.day[id]!;
  const years = yearTable(maxDay);
  const size = (a: ArrayLike<number>) => {
    let m = 0;
    for (let i = 0; i < a.length; i++) if (a[i]! > m) m = a[i]!;
    return m + 1;
  };
  // One counter array per facet, indexed by the value's code.
  const counts: Int32Array[] = [
    new Int32Array(st.fondsOrg.length + 1),
    new Int32Array(size(st.fondsOrg)),
    new Int32Array(st.fileFonds.length + 1),
    new Int32Array(st.types.values.length + 1),
    new Int32Array(st.issuers.values.length + 1),
    new Int32Array(st.signers.values.length + 1),
    new Int32Array(256),
    new Int32Array(4),
    new Int32Array(st.retentionCodes.values.length + 1),
    new Int32Array(4),
    new Int32Array(8),
    new Int32Array(8),
  ];
  const [cFonds, cOrg, cFile, cType, cIssuer, cSigner, cYear, cRetClass, cRet, cComp, cHand, cSec] = counts as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  const codeOf = (k: number, id: number): number => {
    const fi = st.file[id]!;
    switch (k) {
      case 0: return st.fonds[id]!;
      case 1: return st.fondsOrg[st.fonds[id]!] ?? 0;
      case 2: return fi;
      case 3: return st.type[id]!;
      case 4: return st.issuer[id]!;
      case 5: return st.signer[id]!;
      case 6: return years[st.day[id]!]!;
      case 7: return st.fileRetClass[fi]!;
      case 8: return st.fileRet[fi]!;
      case 9: return st.fileCompletion[fi]!;
      case 10: return st.fileHandover[fi]!;
      default: return st.security[id]!;
    }
  };
  // A document failing exactly one filter counts in that filter's facet only.
  const bumpOne = groupKey.map((k) => {
    const arr = counts[k]!;
    return (id: number) => {
      arr[codeOf(k, id)]!++;
    };
  });
  let total = 0;
  const visit = (id: number) => {
    if (!plan.base(id)) return;
    let failed = -1;
    let failures = 0;
    for (let g = 0; g < groups.length; g++) {
      if (!groups[g]!.test(id)) {
        failures++;
        failed = g;
        if (failures > 1) return;
      }
    }
    if (failures === 1) {
      bumpOne[failed]!(id);
      return;
    }
    total++;
    const f = st.fonds[id]!;
    const fi = st.file[id]!;
    cFonds[f]!++;
    cOrg[st.fondsOrg[f] ?? 0]!++;
    cFile[fi]!++;
    cType[st.type[id]!]!++;
    cIssuer[st.issuer[id]!]!++;
    cSigner[st.signer[id]!]!++;
    cYear[years[st.day[id]!]!]!++;
    cRetClass[st.fileRetClass[fi]!]!++;
    cRet[st.fileRet[fi]!]!++;
    cComp[st.fileCompletion[fi]!]!++;
    cHand[st.fileHandover[fi]!]!++;
    cSec[st.security[id]!]!++;
  };
  if (matches === null) {
    for (let id = 1; id <= st.maxId; id++) visit(id);
  } else {
    for (const id of matches) visit(id);
  }
  if (input.filters.organizationLineage !== false) counts[KEYS.indexOf('organization')] = withLineage(store, counts[KEYS.indexOf('organization')]!);
  // File titles are read only for the files about to be listed.
  const fileCounts = counts[KEYS.indexOf('file')]!;
  const topFiles = [...fileCounts.keys()].filter((c) => fileCounts[c]! > 0).sort((a, b) => fileCounts[b]! - fileCounts[a]!).slice(0, input.limit);
  store.fileLabels([...topFiles, ...(input.filters.fileIds ?? [])]);
  const selected = selectedValues(input.filters);
  const collator = new Intl.Collator('vi');
  const out: FacetGroup[] = KEYS.map((key, k) => {
    const chosen = new Set(selected[key] ?? []);
    const arr = counts[k]!;
    // Codes with hits, the largest first (numbers only: labels are made for the few listed).
    const codes: number[] = [];
    for (let c = 0; c < arr.length; c++) if (arr[c]! > 0) codes.push(c);
    const yearCode = (c: number) => (c > 0 ? c + 1900 : 0);
    if (key === 'year') codes.sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : b - a));
    else codes.sort((a, b) => arr[b]! - arr[a]! || a - b);
    const values: FacetValue[] = [];
    let more = 0;
    for (const c of codes) {
      const code = key === 'year' ? yearCode(c) : c;
      // The undated documents and those in no file are always listed: they are what an archivist
      // looks for to complete the catalogue, however few.
      const always = c === 0 && (key === 'year' || key === 'file');
      if (values.length >= input.limit && !always) {
        more++;
        continue;
      }
      const l = label(store, key, code);
      if (!l) {
        more++;
        continue;
      }
      if (key === 'security' && !secretsVisible && l.value !== 'none') continue;
      values.push({ ...l, count: arr[c]!, selected: chosen.has(l.value) });
    }
    // Selected values stay listed, with their count, even when small or zero.
    for (const v of chosen) {
      if (values.some((x) => x.value === v)) continue;
      const c = codes.find((x) => label(store, key, key === 'year' ? yearCode(x) : x)?.value === v);
      const l = c !== undefined ? label(store, key, key === 'year' ? yearCode(c) : c) : null;
      values.push({ value: v, label: l?.label ?? v, count: c !== undefined ? arr[c]! : 0, selected: true });
    }
    if (key !== 'year') values.sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
    return { key, values, truncated: more > 0 };
  });
  return { total, groups: out, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}

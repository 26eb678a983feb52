import type { FacetStore } from './facetStore';

/**
 * Documents by number (`12-…` before `1485-…`), then newest first; those without a number last.
 * With `need`, only the first `need` are ordered: a histogram of the numbers finds the cut, so a
 * million documents cost one pass instead of a sort.
 */
export function orderByNumber(store: FacetStore, ids: number[], need?: number): number[] {
  const num = store.number;
  const day = store.day;
  const cmp = (a: number, b: number) => {
    const na = num[a]!;
    const nb = num[b]!;
    if (na !== nb) return na < 0 ? 1 : nb < 0 ? -1 : na - nb;
    return day[b]! - day[a]! || b - a;
  };
  if (need === undefined || ids.length <= need * 4) return ids.sort(cmp).slice(0, need ?? ids.length);
  let max = 0;
  for (const id of ids) if (num[id]! > max) max = num[id]!;
  const counts = new Uint32Array(max + 2);
  for (const id of ids) counts[num[id]! < 0 ? max + 1 : num[id]!]!++;
  let cut = 0;
  for (let acc = 0; cut <= max + 1; cut++) {
    acc += counts[cut]!;
    if (acc >= need) break;
  }
  const keep = ids.filter((id) => (num[id]! < 0 ? max + 1 : num[id]!) <= cut);
  return keep.sort(cmp).slice(0, need);
}

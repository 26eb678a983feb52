import MiniSearch from 'minisearch';
import { Catalogue } from '../../../electron/data/catalogue';
import { SearchService } from '../../../electron/services/search/searchService';
import { fold } from '../../../shared/text/fold';
import { stats, type Stats } from './measure';
import type { BenchQuery } from './querySet';

/**
 * MiniSearch (in memory, prefix and fuzzy) against the FTS5 engine on the same documents and the
 * same word queries (no filters: MiniSearch has none of the catalogue's). Decides the engine by
 * measurement: build time, memory, latency, and whether the known answers come out in the top 3.
 */

interface Row {
  id: number;
  number_symbol: string | null;
  subject: string | null;
  issuer: string | null;
  parent_issuer: string | null;
  signer_name: string | null;
  place: string | null;
  full_text: string;
}

export interface MiniComparison {
  docs: number;
  buildMs: number;
  heapMB: number;
  mini: Stats;
  fts: Stats;
  miniTop3: number;
  ftsTop3: number;
  knownTotal: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

export async function compareMiniSearch(cataloguePath: string, queries: BenchQuery[], docs: number, rounds: number): Promise<MiniComparison> {
  const cat = Catalogue.open(cataloguePath);
  const rows = cat.db
    .prepare('SELECT id, number_symbol, subject, issuer, parent_issuer, signer_name, place, full_text FROM documents WHERE id <= ? ORDER BY id')
    .all(docs) as Row[];
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const t = performance.now();
  const ms = new MiniSearch<Row & { meta: string }>({
    fields: ['number_symbol', 'subject', 'meta', 'full_text'],
    storeFields: [],
    processTerm: (term) => fold(term),
    searchOptions: { boost: { number_symbol: 10, subject: 5, meta: 2 }, combineWith: 'AND' },
  });
  for (const r of rows) ms.add({ ...r, meta: [r.issuer, r.parent_issuer, r.signer_name, r.place].filter(Boolean).join(' ') });
  const buildMs = performance.now() - t;
  rows.length = 0;
  gc?.();
  const heapMB = Math.round((process.memoryUsage().heapUsed - before) / 1e6);

  const engine = new SearchService(cat.repos);
  engine.store.sync();
  const wordQueries = queries.filter((q) => !q.filters && !q.sort && q.text.trim() !== '' && q.kind !== 'syntax');
  const miniTimes: number[] = [];
  const ftsTimes: number[] = [];
  let miniTop3 = 0;
  let ftsTop3 = 0;
  let knownTotal = 0;
  for (const q of wordQueries) {
    const mt: number[] = [];
    const ft: number[] = [];
    let miniIds: number[] = [];
    let ftsIds: number[] = [];
    for (let r = 0; r < rounds; r++) {
      let a = performance.now();
      const found = ms.search(q.text.replace(/"/g, ' '), { prefix: q.typing ?? false, fuzzy: (term: string) => (term.length >= 5 ? 1 : 0) });
      miniIds = found.slice(0, 3).map((x) => x.id as number);
      mt.push(performance.now() - a);
      a = performance.now();
      const res = engine.query({ text: q.text, typing: q.typing ?? false, filters: {}, offset: 0, limit: 20, sort: 'relevance', facets: false, exactTotal: false }, true);
      ftsIds = res.hits.slice(0, 3).map((h) => h.documentId);
      ft.push(performance.now() - a);
    }
    miniTimes.push(stats(mt).p50);
    ftsTimes.push(stats(ft).p50);
    if (q.answer && q.answer.every((id) => id <= docs)) {
      knownTotal++;
      if (miniIds.some((id) => q.answer!.includes(id))) miniTop3++;
      if (ftsIds.some((id) => q.answer!.includes(id))) ftsTop3++;
    }
  }
  cat.close();
  return { docs, buildMs: Math.round(buildMs), heapMB, mini: stats(miniTimes), fts: stats(ftsTimes), miniTop3, ftsTop3, knownTotal };
}

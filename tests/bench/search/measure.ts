import { createServices } from '../../../electron/services/createServices';
import { createDispatch } from '../../../electron/services/dispatch';
import type { InputOf, OperationName, OutputOf } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/errors';
import type { BenchQuery } from './querySet';

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export interface ServiceFigures {
  firstQueryMs: number;
  all: Stats;
  /** Process CPU time per query (user + system): what a query costs without waiting for a core. */
  allCpu: Stats;
  byKind: Record<string, Stats & { hits: number; cpuP50: number; cpuP95: number }>;
  facets: Stats;
  typing: Stats;
  reindexMs: Stats;
  editMs: Stats;
  relevance: { top3: number; total: number; misses: string[] };
  rssMB: number;
  heapMB: number;
  indexMB: number;
  /** Each query's median time and hit count, for the record. */
  queries: Array<{ kind: string; text: string; ms: number; cpuMs: number; total: number; top3?: boolean }>;
}

export function stats(values: number[]): Stats {
  const v = [...values].sort((a, b) => a - b);
  const at = (q: number) => (v.length === 0 ? 0 : v[Math.min(v.length - 1, Math.floor(q * v.length))]!);
  return { n: v.length, p50: at(0.5), p95: at(0.95), max: v.length ? v[v.length - 1]! : 0 };
}

const median = (xs: number[]) => stats(xs).p50;

/** Runs the query set through the real services (validated dispatch), as the UI calls them. */
export async function measureService(cataloguePath: string, queries: BenchQuery[], rounds: number): Promise<ServiceFigures> {
  const t0 = performance.now();
  const services = createServices({ cataloguePath, host: 'electron', version: 'bench', samplesDir: null, actor: 'bench' });
  const dispatch = createDispatch(services.handlers, { error: (m) => console.error(m) });
  const call = async <N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> => {
    const r = await dispatch(name, input);
    if (!r.ok) throw ApiError.fromBody(r.error);
    return r.result as OutputOf<N>;
  };
  const input = (q: BenchQuery) => ({ text: q.text, typing: q.typing ?? false, filters: (q.filters ?? {}) as never, sort: q.sort ?? 'relevance', limit: 20 });
  await call('search.query', input(queries[0]!));
  const firstQueryMs = performance.now() - t0;

  // One warm-up pass (JIT, page cache), then the measured rounds.
  for (const q of queries) await call('search.query', input(q));
  const times = queries.map(() => [] as number[]);
  const cpu = queries.map(() => [] as number[]);
  const totals = queries.map(() => 0);
  const top3 = queries.map(() => false);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < queries.length; i++) {
      const q = queries[i]!;
      const c = process.cpuUsage();
      const a = performance.now();
      const res = await call('search.query', input(q));
      times[i]!.push(performance.now() - a);
      const used = process.cpuUsage(c);
      cpu[i]!.push((used.user + used.system) / 1000);
      totals[i] = res.total;
      if (q.answer) top3[i] = res.hits.slice(0, 3).some((h) => q.answer!.includes(h.documentId));
    }
  }
  const perQuery = times.map(median);
  const perQueryCpu = cpu.map(median);
  const cpuByKind = new Map<string, number[]>();
  queries.forEach((q, i) => (cpuByKind.get(q.kind) ?? cpuByKind.set(q.kind, []).get(q.kind)!).push(perQueryCpu[i]!));
  const byKindMap = new Map<string, number[]>();
  const hitsByKind = new Map<string, number[]>();
  queries.forEach((q, i) => {
    (byKindMap.get(q.kind) ?? byKindMap.set(q.kind, []).get(q.kind)!).push(perQuery[i]!);
    (hitsByKind.get(q.kind) ?? hitsByKind.set(q.kind, []).get(q.kind)!).push(totals[i]!);
  });
  const byKind: ServiceFigures['byKind'] = {};
  for (const [k, v] of byKindMap) {
    const c = stats(cpuByKind.get(k)!);
    byKind[k] = { ...stats(v), hits: Math.round(median(hitsByKind.get(k)!)), cpuP50: c.p50, cpuP95: c.p95 };
  }

  // Facets for the queries with words or filters.
  const facetTimes: number[] = [];
  const facetQueries = queries.filter((q) => q.kind.startsWith('filter') || q.kind === 'broad' || q.kind === 'words-folded' || q.kind === 'browse').slice(0, 30);
  for (const q of facetQueries) {
    // The first call only: repeats of the same question are answered from a cache.
    const a = performance.now();
    await call('search.facets', { text: q.text, filters: (q.filters ?? {}) as never });
    facetTimes.push(performance.now() - a);
  }

  // Typing a subject character by character.
  const typingTimes: number[] = [];
  for (const q of queries.filter((x) => x.kind === 'subject-exact').slice(0, 4)) {
    for (let i = 1; i <= q.text.length; i++) {
      const a = performance.now();
      await call('search.query', { text: q.text.slice(0, i), typing: true, limit: 20 });
      typingTimes.push(performance.now() - a);
    }
  }

  // Re-indexing one edited document: the index write alone, and the whole edit operation.
  const { repos } = services.context.catalogue;
  const reindex: number[] = [];
  const edits: number[] = [];
  const sample = queries.filter((q) => q.answer).map((q) => q.answer![0]!).slice(0, 30);
  for (const id of sample) {
    const a = performance.now();
    services.context.catalogue.transaction(() => repos.searchIndex.upsert(id));
    reindex.push(performance.now() - a);
    const b = performance.now();
    await call('documents.update', { id, patch: { notes: `bench edit ${Date.now()}` } });
    edits.push(performance.now() - b);
  }

  const mem = process.memoryUsage();
  const indexBytes = services.context.catalogue.db
    .prepare("SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name LIKE 'document_fts%' OR name LIKE 'document_meta_fts%' OR name = 'search_keys' OR name = 'search_facets'")
    .pluck()
    .get() as number;
  await services.close();
  const known = queries.map((q, i) => ({ q, i })).filter((x) => x.q.answer);
  return {
    firstQueryMs,
    all: stats(perQuery),
    allCpu: stats(perQueryCpu),
    byKind,
    facets: stats(facetTimes),
    typing: stats(typingTimes),
    reindexMs: stats(reindex),
    editMs: stats(edits),
    relevance: {
      top3: known.filter((x) => top3[x.i]).length,
      total: known.length,
      misses: known.filter((x) => !top3[x.i]).map((x) => `[${x.q.kind}] ${x.q.text} → ${x.q.answer!.join(',')}`),
    },
    rssMB: Math.round(mem.rss / 1e6),
    heapMB: Math.round(mem.heapUsed / 1e6),
    indexMB: Math.round(indexBytes / 1e5) / 10,
    queries: queries.map((q, i) => ({ kind: q.kind, text: q.text, ms: Math.round(perQuery[i]! * 100) / 100, cpuMs: Math.round(perQueryCpu[i]! * 100) / 100, total: totals[i]!, ...(q.answer ? { top3: top3[i]! } : {}) })),
  };
}

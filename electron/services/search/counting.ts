import { DOC_ID_BITS, idOfKey } from '../../../shared/search/indexText';
import type { KeyBounds, SearchIndexRepository } from '../../data/repositories/searchIndex';
import type { Matcher } from './ranking';
import type { FacetStore } from './facetStore';

/** Above this many hits, the count is estimated (see `MatchCounter.count`). */
const EXACT_COUNT_LIMIT = 5_000;
/** Above this many text matches to test against filters held in memory, the count is estimated too. */
const SCAN_LIMIT = 20_000;
/** Share of the (date-ordered) index counted to estimate. */
const SAMPLE_SHARE = 0.1;
/** Below this many documents in range, counting is cheap enough: no estimate. */
const SAMPLE_MIN = 10_000;
/**
 * About this many documents are tested to learn how often the memory filters pass: an evenly
 * spread tenth of a million documents gives the share to well under a percent, and the estimate
 * it corrects is rounded to two figures anyway.
 */
const SHARE_SAMPLE = 250_000;

function roundEstimate(n: number): number {
  if (n < 100) return Math.round(n);
  const scale = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / scale) * scale;
}

/** The hit count of a search: exact, or — for tens of thousands of hits — estimated from a sample. */
export class MatchCounter {
  constructor(
    private readonly index: SearchIndexRepository,
    private readonly store: FacetStore,
  ) {}

  /**
   * How many documents match: counted exactly, unless a count over the newest part of the index
   * shows there are far more than anyone pages through — then estimated from it (`exact` false;
   * the facets, asked next, give the exact figure). Counting 90,000 matches costs a full pass.
   */
  count(m: Matcher, exactWanted: boolean): { total: number; exact: boolean } {
    const index = this.index;
    const test = m.memory;
    /** Matches in range, and how many of them pass the filters held in memory. */
    const countIn = (bounds: KeyBounds): { scanned: number; passed: number } => {
      if (!test) {
        const n = index.count(m.all, bounds, m.allTable);
        return { scanned: n, passed: n };
      }
      let scanned = 0;
      let passed = 0;
      for (const key of index.keys(m.all, 'desc', bounds, m.allTable)) {
        scanned++;
        if (test(idOfKey(key))) passed++;
      }
      return { scanned, passed };
    };
    if (!exactWanted) {
      const sample = this.sampleBound(m.bounds);
      if (sample) {
        const seen = countIn({ ...m.bounds, lo: sample.lo });
        let estimate = seen.passed / sample.share;
        if (test) {
          // The sample is the newest tenth: a filter tied to dates (handed over = ended bodies =
          // older records) passes there more or less often than overall. Correct by how often
          // it passes among all documents, there and everywhere (the columns are in memory).
          const c = this.filterShareOf(m.memoryKey, test, sample.lo, m.bounds);
          if (c.inSample === 0) estimate = NaN;
          else estimate = (seen.scanned / sample.share) * (seen.passed / Math.max(1, seen.scanned)) * (c.overall / c.inSample);
        }
        // Many hits, or few hits among very many matches to test one by one: estimated.
        if (Number.isFinite(estimate) && (estimate > EXACT_COUNT_LIMIT || seen.scanned / sample.share > SCAN_LIMIT)) return { total: roundEstimate(estimate), exact: false };
      }
    }
    return { total: countIn(m.bounds).passed, exact: true };
  }

  private shares = new Map<string, { inSample: number; overall: number }>();

  /**
   * {@link filterShare}, kept until the catalogue changes: the filters usually stay while the
   * words change, and the pass over every document would otherwise be paid on each query.
   */
  private filterShareOf(memoryKey: string, test: (id: number) => boolean, sampleLo: number, bounds: KeyBounds): { inSample: number; overall: number } {
    const key = `${this.store.seq}:${memoryKey}:${sampleLo}:${bounds.lo ?? ''}:${bounds.hi ?? ''}`;
    let c = this.shares.get(key);
    if (!c) {
      if (this.shares.size > 50) this.shares.clear();
      c = this.filterShare(test, sampleLo, bounds);
      this.shares.set(key, c);
    }
    return c;
  }

  /**
   * How often the memory filters pass among documents in the sample's dates, and among all (in
   * range): every document of a small catalogue, an evenly spread part of a large one.
   */
  private filterShare(test: (id: number) => boolean, sampleLo: number, bounds: KeyBounds): { inSample: number; overall: number } {
    const s = this.store;
    const lo = bounds.lo ?? -Infinity;
    const hi = bounds.hi ?? Infinity;
    const step = Math.max(1, Math.floor(s.maxId / SHARE_SAMPLE));
    let all = 0;
    let pass = 0;
    let sampled = 0;
    let sampledPass = 0;
    for (let id = 1; id <= s.maxId; id += step) {
      if (s.present[id] !== 1) continue;
      const key = this.store.day[id]! * DOC_ID_BITS + id;
      if (key < lo || key > hi) continue;
      const ok = test(id);
      all++;
      if (ok) pass++;
      if (key >= sampleLo) {
        sampled++;
        if (ok) sampledPass++;
      }
    }
    return { inSample: sampled > 0 ? sampledPass / sampled : 0, overall: all > 0 ? pass / all : 0 };
  }

  private samples = new Map<string, ReturnType<SearchIndexRepository['newestShare']>>();

  /** Where the newest tenth of the index (within `bounds`) starts; kept until the catalogue changes. */
  private sampleBound(bounds: KeyBounds): ReturnType<SearchIndexRepository['newestShare']> {
    const key = `${this.store.seq}:${bounds.lo ?? ''}:${bounds.hi ?? ''}`;
    if (!this.samples.has(key)) {
      if (this.samples.size > 50) this.samples.clear();
      this.samples.set(key, this.index.newestShare(bounds, SAMPLE_SHARE, SAMPLE_MIN));
    }
    return this.samples.get(key)!;
  }
}

import type { SearchHit, SecurityLevel } from '../../../shared/contract/types';
import { makeSnippet, type SnippetOptions } from '../../../shared/text/snippet';
import type { SearchHitRepository } from '../../data/repositories/searchHits';
import type { FacetStore } from './facetStore';

export type Tier = 'number' | 'metaPhrase' | 'metaAll' | 'phrase' | 'all' | 'browse';

export interface Ranked {
  id: number;
  tier: Tier;
  exact?: boolean;
  corrected?: boolean;
}

/** Bigger is better; the tiers are far apart so that a tier always outranks the next. */
const TIER_SCORE: Record<Tier, number> = { number: 100, metaPhrase: 80, metaAll: 60, phrase: 40, all: 20, browse: 0 };

/** Snippets look at the start of very long texts only: a hit's excerpt, not a reading. */
const SNIPPET_SCAN = 200_000;

export function scoreOf(r: Ranked): number {
  return TIER_SCORE[r.tier] + (r.exact ? 5 : 0) - (r.corrected ? 10 : 0);
}

/** The hits of one page, in the ranked order, with their snippets around the typed words. */
export function buildHits(repo: SearchHitRepository, store: FacetStore, ranked: readonly Ranked[], terms: string[], options: SnippetOptions = {}): SearchHit[] {
  const rows = new Map(repo.hitRows(ranked.map((r) => r.id)).map((r) => [r.id, r]));
  const files = store.fileLabels([...rows.values()].map((r) => r.file_id ?? 0));
  const hits: SearchHit[] = [];
  for (const r of ranked) {
    const row = rows.get(r.id);
    if (!row) continue;
    const text = row.full_text.length > SNIPPET_SCAN ? row.full_text.slice(0, SNIPPET_SCAN) : row.full_text;
    const snippet = text.length > 0 ? makeSnippet(text, terms, undefined, options) : makeSnippet(row.subject ?? '', terms, undefined, options);
    const file = row.file_id !== null ? files.get(row.file_id) : undefined;
    hits.push({
      documentId: row.id,
      numberSymbol: row.number_symbol,
      docType: row.doc_type,
      issueDate: row.issue_date,
      issuer: row.issuer,
      subject: row.subject,
      fondsId: row.fonds_id,
      fondsCode: store.fondsInfo.get(row.fonds_id)?.code ?? '',
      fileId: row.file_id,
      fileTitle: file?.title ?? null,
      score: scoreOf(r),
      snippet,
      matchedBy: r.tier,
      exact: r.exact ?? false,
      corrected: r.corrected ?? false,
      parentIssuer: row.parent_issuer,
      signerName: row.signer_name,
      securityLevel: row.security_level as SecurityLevel | null,
    });
  }
  return hits;
}

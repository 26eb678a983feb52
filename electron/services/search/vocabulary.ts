import { termExpression, withFlags } from '../../../shared/search/ftsExpr';
import { flag } from '../../../shared/search/indexText';
import { editsOf } from '../../../shared/search/typos';
import type { IndexTable, SearchIndexRepository } from '../../data/repositories/searchIndex';

/**
 * The words the caller's documents hold — what typo corrections may offer. A word that occurs only
 * in secret documents is not in a locked viewer's vocabulary: offering it as a correction
 * (`canarx` → `canary`) would tell that a hidden document holds it. Removed documents are not
 * indexed at all. Answers are kept for the life of one query's resolution.
 */
export class Vocabulary {
  private readonly known = new Map<string, boolean>();

  constructor(
    private readonly index: SearchIndexRepository,
    private readonly secretsVisible: boolean,
  ) {}

  /**
   * `match` limited to documents the caller may see. Every document carries one security flag;
   * requiring the "not secret" one stops at the first open document, where excluding the secret
   * flag would read that flag's whole list.
   */
  visible(match: string): string {
    return this.secretsVisible ? match : withFlags(match, [[flag.security(null)]], []);
  }

  /** Whether a document the caller may see matches `match`. */
  matches(match: string, table: IndexTable = 'main'): boolean {
    // Any document first (cheap, and false for most spellings tried); only a hit is checked for visibility.
    if (!this.index.exists(match, table)) return false;
    return this.secretsVisible || this.index.exists(this.visible(match), table);
  }

  /** Whether a document the caller may see holds the folded word. */
  has(word: string): boolean {
    let v = this.known.get(word);
    if (v === undefined) {
      v = this.matches(termExpression(word));
      this.known.set(word, v);
    }
    return v;
  }

  /** Spellings one letter away that the caller's documents hold, most likely first, at most `max`. */
  neighbours(word: string, max: number): string[] {
    const found: string[] = [];
    for (const e of editsOf(word)) {
      if (this.has(e)) found.push(e);
      if (found.length >= max) break;
    }
    return found;
  }
}

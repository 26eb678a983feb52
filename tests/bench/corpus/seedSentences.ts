import fs from 'node:fs';
import path from 'node:path';
import { SEEDS_DIR } from '../../support/paths';

/**
 * Sentences from the real documents in `../shared/seeds` (beside the repository), for the body of
 * generated documents. Sentences that hold a number-symbol, a signature or list marks are left out,
 * so that a generated document states only the citations its truth lists.
 */


const SYMBOL_LIKE = /\d\s{0,2}[-/]\s{0,2}\p{Lu}|\/\p{Lu}|\bT\/M\b|\bK\/T\b|\bT\/L\b|Nơi nhận|Số\s?\d/u;

let cache: string[] | null = null;

export function seedSentences(): string[] {
  if (cache) return cache;
  const out = new Set<string>();
  let files: string[] = [];
  try {
    files = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
  } catch {
    files = [];
  }
  for (const f of files) {
    const raw = fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8').normalize('NFC');
    const lines = raw.split(/\r?\n/).map((l) => l.replace(/\\\*/g, '').replace(/[*#_]+/g, ' ').replace(/\s+/g, ' ').trim());
    // The body starts at the first long, capitalised prose line and ends at `Nơi nhận`.
    let started = false;
    let body = '';
    for (const line of lines) {
      if (/^N[ơo]i nh[ậa]n/iu.test(line)) break;
      const letters = line.replace(/[^\p{L}]/gu, '');
      const caps = letters.replace(/[^\p{Lu}]/gu, '').length;
      const heading = letters.length > 0 && caps > letters.length * 0.5;
      if (!started) {
        if (line.length >= 60 && /^\p{Lu}/u.test(line) && !heading) started = true;
        else continue;
      }
      // A heading or a blank line between list items ends a sentence; wrapped lines join.
      body += heading ? '\n' : ` ${line}`;
    }
    const flat = body.replace(/\(\d{1,2}\)\s*/g, '');
    // Sentence ends: `.`, `;` or `:` followed by a capital, a digit list item or a dash bullet.
    for (const piece of flat.split(/\n|(?<=[.;:!?])\s+(?=[-–]?\s?[\p{Lu}\d])/u)) {
      const s = piece.replace(/\s+/g, ' ').replace(/^[-–•+\s]+/, '').replace(/^\d{1,2}(?:\.\d{1,2})*[.)]\s*/, '').trim();
      if (s.length < 50 || s.length > 600) continue;
      if (!/^\p{Lu}/u.test(s)) continue;
      if (!/[.;]$/.test(s)) continue;
      if (SYMBOL_LIKE.test(s)) continue;
      const letters = s.replace(/[^\p{L}]/gu, '');
      const caps = letters.replace(/[^\p{Lu}]/gu, '').length;
      if (caps > letters.length * 0.3) continue;
      out.add(s.replace(/;$/, '.'));
    }
  }
  cache = [...out];
  return cache;
}

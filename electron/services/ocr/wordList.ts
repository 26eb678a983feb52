/**
 * The Vietnamese word list the OCR's tone choice (shared/ocr/toneWords.ts) asks: `Viet74K.txt` of
 * the npm package `@vntk/dictionary` (MIT licence; about 74,000 entries, 65,000 of them of two
 * syllables or more, one a line). It is read once, when the first scan is read, and kept.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { type WordPairs, wordPairs } from '../../../shared/ocr/wordPairs';

const require = createRequire(import.meta.url);

let pairs: WordPairs | null = null;

/** The word list's two-syllable pairs (read on first use). */
export function vietnameseWordPairs(): WordPairs {
  if (pairs) return pairs;
  const file = require.resolve('@vntk/dictionary/data/Viet74K.txt');
  pairs = wordPairs(fs.readFileSync(file, 'utf8').split('\n'));
  return pairs;
}

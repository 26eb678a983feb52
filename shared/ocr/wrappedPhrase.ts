/**
 * `BAN CHẤP HÀNH TRUNG` / `ƯƠNG`: the header of a Trung ương document wraps its body's name after
 * `TRUNG`, leaving `ƯƠNG` alone on the next line of the left cell, often over the rule or the star
 * printed under it, and a scan reads it as `_ƯƠNG`, `"VƠNG`, `.VõNG`, `ƯƠỚNG`. `TRUNG` cannot end
 * the name of a party body, and the one word that completes it is `ƯƠNG`: a word right under the
 * name, one letter away from it once tones and marks are stripped (marks of the rule around it
 * left out), is that word.
 */
import { fold } from '../text/fold';
import type { RecognisedPage, RecognisedWord } from './ocrText';

const HEAD = ['ban', 'chap', 'hanh', 'trung'];
const TAIL = 'uong';

/** Whether two short words are at most one edit (a letter changed, added or left out) apart. */
function within1(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]! <= 1;
}

/** The page with a misread `ƯƠNG` under `BAN CHẤP HÀNH TRUNG` restored (the same page when none is). */
export function restoreWrappedCentral(page: RecognisedPage): RecognisedPage {
  const ws = page.words;
  let words: RecognisedWord[] | null = null;
  for (let i = 0; i + HEAD.length <= ws.length; i++) {
    if (!HEAD.every((h, k) => fold(ws[i + k]!.text) === h)) continue;
    const first = ws[i]!;
    const trung = ws[i + HEAD.length - 1]!;
    const next = ws[i + HEAD.length];
    if (next && fold(next.text).replace(/[^a-z]/g, '') === TAIL && next.line === trung.line) continue;
    // The first word below the name, under its span, within two lines.
    const h = trung.height;
    const under = ws.find(
      (w) => w.y > trung.y + 0.6 * h && w.y < trung.y + 2.5 * h && w.x + w.width > first.x && w.x < trung.x + trung.width && /\p{L}/u.test(w.text),
    );
    if (!under) continue;
    const core = /^[^\p{L}]*(\p{L}+)[^\p{L}]*$/u.exec(under.text)?.[1];
    if (!core || under.text === 'ƯƠNG' || !within1(fold(core), TAIL)) continue;
    words ??= [...ws];
    // Known by its place in the name, as sure as the words of the name.
    const confidence = Math.max(under.confidence, Math.min(...ws.slice(i, i + HEAD.length).map((w) => w.confidence)));
    words[words.indexOf(under)] = { ...under, text: 'ƯƠNG', confidence };
  }
  return words ? { ...page, words } : page;
}

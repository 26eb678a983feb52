/**
 * The stars printed under a body's name or a motto (`***`, `* * *`) read with other signs among
 * them: `>k>k*`, `%2****2*2**`, `X%3*22**‡***`. Tesseract reads the star glyph as `>k`, `%`, `2`
 * or `‡` as often as `*`. Read so, the ornament stands in the header as a line of text, and the
 * parser, which steps over a line of stars, takes it for part of the body's name or for a line
 * after it and loses the name.
 *
 * A word alone on its line that holds a star and no two letters in a row is such an ornament: it
 * is given back as stars, one for each character, so the text keeps its length and every later
 * word its place. A footnote mark in brackets (`(*)`) and words with letters are left alone.
 */
import type { RecognisedPage, RecognisedWord } from './ocrText';

const LETTERS_IN_A_ROW = /\p{L}{2}/u;
const BRACKETS = /[()[\]{}]/u;

function isStarOrnament(w: RecognisedWord): boolean {
  return w.text.includes('*') && !/^\*+$/u.test(w.text) && [...w.text].length >= 2 && !LETTERS_IN_A_ROW.test(w.text) && !BRACKETS.test(w.text);
}

/** The page with every star ornament read as other signs written as stars (the same page when none is). */
export function restoreStars(page: RecognisedPage): RecognisedPage {
  const lineOf = (w: RecognisedWord) => `${w.block}/${w.paragraph}/${w.line}`;
  const perLine = new Map<string, number>();
  for (const w of page.words) perLine.set(lineOf(w), (perLine.get(lineOf(w)) ?? 0) + 1);
  let changed = false;
  const words = page.words.map((w) => {
    if (perLine.get(lineOf(w)) !== 1 || !isStarOrnament(w)) return w;
    changed = true;
    return { ...w, text: '*'.repeat([...w.text].length) };
  });
  return changed ? { ...page, words } : page;
}

import { fold } from '../text/fold';

/**
 * How a text writes a run of folded words: `bàn giao tài liệu` for `ban giao tai lieu` in
 * "…thống kê, đóng gói, bàn giao tài liệu lưu trữ…". Lower case, the first run found; null when the
 * text does not hold the words side by side. Used to show a suggested query as the documents
 * spell it, diacritics included.
 */
export function spellingIn(text: string, folded: readonly string[]): string | null {
  if (folded.length === 0) return null;
  const words = [...text.normalize('NFC').matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
  const keys = words.map((w) => fold(w));
  for (let i = 0; i + folded.length <= words.length; i++) {
    let j = 0;
    while (j < folded.length && keys[i + j] === folded[j]) j++;
    if (j === folded.length) return words.slice(i, i + folded.length).join(' ').toLowerCase();
  }
  return null;
}

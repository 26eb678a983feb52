/**
 * Made-up OCR pages for unit tests of the OCR text and its corrections: each entry of
 * `paragraphs` is one paragraph of lines; a word is `text` or `text@confidence` (95 when not given).
 */
import { type RecognisedPage, type RecognisedWord, ocrText } from '../../shared/ocr/ocrText';

export function madeUpScan(paragraphs: string[][]): { text: string; pages: ReturnType<typeof ocrText>['pages'] } {
  const words: RecognisedWord[] = [];
  let y = 0;
  for (const [p, lines] of paragraphs.entries()) {
    for (const [l, line] of lines.entries()) {
      let x = 0;
      y += 40;
      for (const token of line.split(' ')) {
        const [text, conf] = token.split('@');
        words.push({ text: text!, x, y, width: text!.length * 10, height: 30, confidence: conf ? Number(conf) : 95, block: 1, paragraph: p + 1, line: l + 1 });
        x += text!.length * 10 + 10;
      }
    }
  }
  const page: RecognisedPage = { index: 0, width: 2000, height: 3000, words };
  return ocrText([page]);
}

/** The confidences of the page's items that read `word`. */
export const confidenceOf = (pages: ReturnType<typeof madeUpScan>['pages'], word: string) =>
  pages[0]!.items.filter((i) => i.text === word).map((i) => i.confidence);

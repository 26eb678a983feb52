/**
 * A whole scanned original through OCR: every page of an image file (a multi-page TIFF is one
 * document) or of an image-only PDF, read on the engine's workers, joined into the document's
 * text with each word's box and range kept.
 */
import type { PlacedPage } from '../../../shared/parser/layout';
import { confirmCapitals } from '../../../shared/ocr/capitals';
import { undoubleMarks } from '../../../shared/ocr/doubledMarks';
import { trustKnownNames } from '../../../shared/ocr/knownNames';
import { doubtMisreadNumerals } from '../../../shared/ocr/ordinals';
import { type RecognisedPage, ocrText, pageConfidence } from '../../../shared/ocr/ocrText';
import { trustPairedWords } from '../../../shared/ocr/pairedWords';
import { restoreStars } from '../../../shared/ocr/starLine';
import { placeStrayWords } from '../../../shared/ocr/strayWords';
import { chooseTones } from '../../../shared/ocr/toneWords';
import { restoreWrappedCentral } from '../../../shared/ocr/wrappedPhrase';
import type { OcrEngine } from './engine';
import { type ImageFile, greyPage, openImage } from './images';
import { PdfPages } from './pdfPages';
import { recognizePage } from './recognizePage';
import { vietnameseWordPairs } from './wordList';

/** What an OCR run is given: the engine, a way to stop, and who to tell about pages. */
export interface OcrRun {
  engine: OcrEngine;
  signal?: AbortSignal;
  /** Pages of a file about to be read (`added`), then each page read (`done: 1`). */
  onPages?: (event: { added?: number; done?: number }) => void;
}

export interface OcrReading {
  text: string;
  pages: PlacedPage[];
  /** Mean word confidence over the document, 0–100 (undefined when no word was found). */
  confidence: number | undefined;
  pageCount: number;
}

/** Scanners write 300 dpi unless they say otherwise; at least it sizes Tesseract's expectations. */
const DEFAULT_IMAGE_DPI = 300;

async function readPages(count: number, run: OcrRun, readOne: (index: number) => Promise<RecognisedPage>): Promise<OcrReading> {
  run.onPages?.({ added: count });
  const pages = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      run.engine.withPage(async () => {
        const page = await readOne(i);
        run.onPages?.({ done: 1 });
        return page;
      }, run.signal),
    ),
  );
  // The stars under a body's name read among other signs (`>k>k*`) are stars again, body words
  // the page layout read out of place go back to their lines, the `ƯƠNG` a wrapped
  // `BAN CHẤP HÀNH TRUNG ƯƠNG` leaves alone is read by its place; tones of words in capitals
  // (headers, titles) are confirmed from the same words in the body, after a capital vowel read
  // twice (`TRIỂỀN`) is made single where the body holds the word; a numeral after `THỨ`/`KHÓA`
  // read as no numeral (`XIH`) is doubted; a sắc the recogniser put for a hỏi (`tố chức`) is
  // given back where only the hỏi makes a word with a neighbour; the name of a province or a
  // Government body read letter for letter is trusted however unsure the recogniser was of its
  // marks, and the word tỉnh before a province's name is read as tỉnh. A syllable the word list
  // vouches for with a sure neighbour (`PHÂN CẤP`) is no longer doubted.
  const joined = ocrText(doubtMisreadNumerals(undoubleMarks(pages.map((p) => restoreWrappedCentral(placeStrayWords(restoreStars(p)))))));
  const confirmed = confirmCapitals(joined.text, joined.pages);
  // Vouched for as read, before any tone is chosen: a re-toned word stays as unsure as it was read.
  const vouched = trustPairedWords(confirmed.text, confirmed.pages, vietnameseWordPairs());
  const toned = chooseTones(vouched.text, vouched.pages, vietnameseWordPairs());
  const { text, pages: placed } = trustKnownNames(toned.text, toned.pages);
  return { text, pages: placed, confidence: pageConfidence(pages.flatMap((p) => p.words)), pageCount: count };
}

/** Reads an image file (JPEG, PNG, TIFF); `file` when its headers were already checked. */
export async function ocrImage(bytes: Uint8Array, fileName: string, run: OcrRun, file?: ImageFile): Promise<OcrReading> {
  const opened = file ?? (await openImage(bytes, fileName));
  return readPages(opened.pages.length, run, async (index) => {
    const { image, scale } = await greyPage(bytes, fileName, index, opened);
    const dpi = (opened.pages[index]!.dpi ?? DEFAULT_IMAGE_DPI) * scale;
    const reading = await recognizePage(run.engine, image, dpi, run.signal);
    // Page units of an image: its own pixels (before the scale-down for OCR), upright as its EXIF tag says.
    return {
      index,
      width: Math.round(image.width / scale),
      height: Math.round(image.height / scale),
      words: reading.words.map((w) => ({ ...w, x: w.x / scale, y: w.y / scale, width: w.width / scale, height: w.height / scale })),
    };
  });
}

/** Reads every page of a PDF by drawing it (an image-only PDF, or one whose text layer is garbled). */
export async function ocrPdf(bytes: Uint8Array, fileName: string, run: OcrRun): Promise<OcrReading> {
  const pdf = await PdfPages.open(bytes, fileName);
  try {
    return await readPages(pdf.count, run, async (index) => {
      const page = await pdf.render(index);
      const reading = await recognizePage(run.engine, page.image, page.dpi, run.signal);
      // Page units of a PDF: points, as pdf.js lays the page out.
      return {
        index,
        width: page.width,
        height: page.height,
        words: reading.words.map((w) => ({ ...w, x: w.x / page.scale, y: w.y / page.scale, width: w.width / page.scale, height: w.height / page.scale })),
      };
    });
  } finally {
    await pdf.close();
  }
}

/**
 * A document's pages as read by OCR, for drawing over the original: each page's size, where its
 * units come from, its mean confidence and its words' boxes; and for each metadata field the parser
 * read, the boxes of the words it was read from.
 *
 * Units: a box is in the page's own units, origin at the top left, y growing downwards — pixels of
 * the image for an image file (JPEG/PNG/TIFF, as the image is stored, upright per its EXIF tag),
 * points (1/72 inch) for a PDF page (as pdf.js lays it out at scale 1). Scale a box by the shown
 * width over `width` to draw it.
 */
export interface OcrWordBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** 0–100. */
  confidence: number | null;
  /** The word's range in the document's full text (half-open UTF-16 offsets). */
  start: number;
  end: number;
}

export interface OcrPage {
  /** 0-based page index in the original. */
  index: number;
  width: number;
  height: number;
  /** `ocr` for pages read by OCR. */
  source: 'ocr' | 'pdf' | 'docx';
  /** Mean word confidence of the page, 0–100 (null when no word was found). */
  confidence: number | null;
  words: OcrWordBox[];
}

/** Where one metadata field was read (a field read from several places has boxes on each). */
export interface OcrFieldPlace {
  /** The metadata key (`numberSymbol`, `issueDate`, `subject`…), as in `show --json`. */
  field: string;
  boxes: Array<{ page: number; x: number; y: number; width: number; height: number; confidence: number | null }>;
  /** The lowest word confidence among its boxes (null when unknown). */
  confidence: number | null;
  /** True when it was read from words below the review threshold and waits for review. */
  lowConfidence: boolean;
}

export interface DocumentPages {
  documentId: number;
  /** Empty when the document was not read by OCR. */
  pages: OcrPage[];
  fields: OcrFieldPlace[];
  /** The word confidence below which a field goes to review. */
  threshold: number;
}

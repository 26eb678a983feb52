/** Result types of the viewer area. */
import type { Attachment } from '../types';

/** How the renderer shows an original: pdf.js, an image (TIFF decoded in the renderer), text, or HTML made from Word. */
export type OriginalKind = 'pdf' | 'image' | 'tiff' | 'text' | 'docx' | 'other';

export interface OriginalContent {
  attachment: Attachment;
  kind: OriginalKind;
  /** The original's bytes, checked against its SHA-256 before they are sent. */
  contentBase64: string;
}

export interface OriginalPreview {
  attachment: Attachment;
  kind: OriginalKind;
  /** Text files: the text as Unicode (legacy Vietnamese encodings converted, as on import). */
  text?: string;
  /** What the text's bytes were read as, e.g. `tcvn3` (text files). */
  encoding?: string;
  /** Word files: the document as HTML (mammoth), to be sanitized by the renderer before it is shown. */
  html?: string;
}

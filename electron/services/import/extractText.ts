import path from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import { decodeText } from './decodeText';

/** The text of an original, ready for the parser, and what was done to get it. */
export interface ExtractedText {
  /** NFC Unicode; empty when the original has no text layer (a scan). */
  text: string;
  /** How the bytes were read, recorded with the document (e.g. `utf-8`, `utf-16le`). */
  encoding: string;
  /** Conversions applied (e.g. `nfd→nfc`), recorded with the document. */
  conversions: string[];
  /** The original has no text to read (a scanned PDF): import it as an attachment, flagged. */
  needsOcr: boolean;
}

/** Formats this build reads, by extension. */
export const SUPPORTED_EXTENSIONS = new Set(['.txt', '.md']);

/**
 * Reads an original's text according to its format. The one place that knows formats: the
 * importer calls this and nothing else.
 */
export async function extractText(fileName: string, bytes: Uint8Array): Promise<ExtractedText> {
  const ext = path.extname(fileName).toLowerCase();
  switch (ext) {
    case '.txt':
    case '.md': {
      const decoded = decodeText(bytes, fileName);
      return { text: decoded.text, encoding: decoded.encoding, conversions: decoded.normalized ? ['nfd→nfc'] : [], needsOcr: false };
    }
    default:
      throw new ApiError(
        'unsupported_file',
        `Chưa hỗ trợ định dạng “${ext || 'không có đuôi'}” của “${fileName}” (hỗ trợ: ${[...SUPPORTED_EXTENSIONS].join(', ')}).`,
        `Unsupported format ${ext} for ${fileName}`,
      );
  }
}

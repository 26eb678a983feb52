import { ApiError } from '../../../shared/contract/errors';

export interface DecodedText {
  text: string;
  /** What the bytes were read as, recorded with the document. */
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';
  /** True when the text came in decomposed form (NFD) and was composed to NFC. */
  normalized: boolean;
}

function unreadable(fileName: string, why: string, whyEn: string): ApiError {
  return new ApiError('unreadable_file', `Không đọc được “${fileName}”: ${why}.`, `Cannot read ${fileName}: ${whyEn}`);
}

/**
 * Turns a text file's bytes into NFC Unicode. Reads UTF-8 (with or without BOM) and UTF-16 with a
 * BOM; anything else is refused with a clear reason rather than imported as mojibake.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.byteLength === 0) throw unreadable(fileName, 'tệp rỗng', 'the file is empty');
  let text: string;
  let encoding: DecodedText['encoding'];
  try {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
      encoding = 'utf-8-bom';
    } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
      encoding = 'utf-16le';
    } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
      encoding = 'utf-16be';
    } else {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
    }
  } catch {
    throw unreadable(fileName, 'không phải văn bản mã hóa UTF-8/UTF-16 hợp lệ', 'not valid UTF-8/UTF-16 text');
  }
  // NUL bytes mean a binary file that happened to decode.
  if (text.includes('\u0000')) throw unreadable(fileName, 'tệp nhị phân, không phải văn bản', 'binary content');
  const nfc = text.normalize('NFC');
  if (nfc.trim().length === 0) throw unreadable(fileName, 'tệp không có nội dung chữ', 'no text content');
  return { text: nfc, encoding, normalized: nfc !== text };
}

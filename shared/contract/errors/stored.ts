/**
 * Texts kept in the catalogue — an import report's lines, why a run stopped, why a field waits for
 * review — are stored as their code and parameters (JSON), so that they are worded in the reader's
 * language when read. A text stored before it was coded is plain Vietnamese and reads as it is.
 */
import { isErrorCode, sentence, type ErrorMessage } from './apiError';

/** What to store for a text sent as Vietnamese with its code beside it: the code when there is one. */
export function storedText(said: { message: string | null; text?: ErrorMessage | null }): string | null {
  return said.text ? JSON.stringify({ code: said.text.code, params: said.text.params }) : said.message;
}

const PLAIN = (stored: unknown) => ({ message: typeof stored === 'string' ? stored : null, text: null });

/**
 * A stored text as the contract sends it: its Vietnamese sentence (`message`, what the command line
 * prints) and, when it was stored coded, its code (`text`). Takes a column's string (JSON or plain
 * text) or a value already parsed from JSON (`parse_info`).
 */
export function readStoredText(stored: unknown): { message: string | null; text: ErrorMessage | null } {
  let value = stored;
  if (typeof stored === 'string') {
    if (!stored.startsWith('{"code":')) return PLAIN(stored);
    try {
      value = JSON.parse(stored);
    } catch {
      return PLAIN(stored);
    }
  }
  if (typeof value !== 'object' || value === null) return PLAIN(stored);
  const { code, params } = value as { code?: unknown; params?: unknown };
  if (!isErrorCode(code)) return PLAIN(stored);
  const text = { code, params: typeof params === 'object' && params !== null ? params : {} } as ErrorMessage;
  try {
    return { message: sentence('vi', text), text };
  } catch {
    // Parameters this build cannot word (written by another version): shown as stored.
    return PLAIN(stored);
  }
}

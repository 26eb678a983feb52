import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ErrorMessage } from '../../../shared/contract/errors';
import type { DocumentReadingInfo } from '../../../shared/contract/types/registers';
import { readStoredText } from '../../../shared/contract/errors';
import { parseJson } from './sql';

interface StoredParseInfo {
  format?: unknown;
  encoding?: unknown;
  conversions?: unknown;
  needsOcr?: unknown;
  pageCount?: unknown;
  register?: { fileName?: unknown; sha256?: unknown; sheet?: unknown; row?: unknown; problems?: unknown };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A register row's problems as stored: codes (read in both forms), or Vietnamese lines stored before they were coded. */
function storedProblems(v: unknown): { problems: string[]; problemTexts?: ErrorMessage[] } {
  const read = (Array.isArray(v) ? v : []).map(readStoredText).filter((r): r is { message: string; text: ErrorMessage | null } => r.message !== null);
  const texts = read.map((r) => r.text);
  return { problems: read.map((r) => r.message), ...(texts.every((t) => t !== null) ? { problemTexts: texts as ErrorMessage[] } : {}) };
}

/**
 * What the register import and the document view need from the catalogue: documents made from a
 * register file, a document already catalogued under the same number and date, a file (hồ sơ) by
 * its code, and how a document was read (`parse_info`).
 */
export class RegisterRepository {
  constructor(private readonly db: Database) {}

  /** Documents of a fonds made from the register with this SHA-256. */
  countFromRegister(fondsId: number, sha256: string): number {
    return (
      this.db
        .prepare("SELECT COUNT(*) AS n FROM documents WHERE fonds_id = ? AND json_extract(parse_info, '$.register.sha256') = ?")
        .get(fondsId, sha256) as { n: number }
    ).n;
  }

  /** A document of the fonds with this number-symbol key and date (the same document, listed again). */
  findSame(fondsId: number, numberKey: string, issueDate: string): number | null {
    const row = this.db
      // By the number's index, not by walking the whole fonds (`+` keeps SQLite off the fonds index).
      .prepare('SELECT id FROM documents WHERE +fonds_id = ? AND number_key = ? AND +issue_date = ? AND +removed_at IS NULL ORDER BY id LIMIT 1')
      .get(fondsId, numberKey, issueDate) as { id: number } | undefined;
    return row?.id ?? null;
  }

  /** Hồ sơ of the fonds by its code (`Hồ sơ số` in a register). */
  fileIdByCode(fondsId: number, code: string): number | null {
    const row = this.db.prepare('SELECT id FROM files WHERE fonds_id = ? AND code = ? AND removed_at IS NULL').get(fondsId, code) as { id: number } | undefined;
    return row?.id ?? null;
  }

  readingInfo(documentId: number): DocumentReadingInfo | null {
    const row = this.db.prepare('SELECT parse_info FROM documents WHERE id = ?').get(documentId) as { parse_info: string | null } | undefined;
    if (!row) return null;
    const info = parseJson<StoredParseInfo>(row.parse_info) ?? {};
    const reg = info.register;
    return {
      documentId,
      format: str(info.format) ?? (reg ? 'register' : null),
      encoding: str(info.encoding),
      conversions: strings(info.conversions),
      needsOcr: info.needsOcr === true,
      pageCount: typeof info.pageCount === 'number' ? info.pageCount : null,
      register:
        reg && typeof reg.sha256 === 'string'
          ? { fileName: str(reg.fileName) ?? '', sha256: reg.sha256, sheet: str(reg.sheet) ?? '', row: typeof reg.row === 'number' ? reg.row : 0, ...storedProblems(reg.problems) }
          : null,
    };
  }
}

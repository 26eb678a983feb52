import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { PlacedPage, PlacedSource, PlacedText } from '../../../shared/parser/layout';

/** A stored word: `[text, x, y, width, height, confidence, start, end]` (confidence −1 when unknown). */
type StoredWord = [string, number, number, number, number, number, number, number];

const round = (n: number) => Math.round(n * 10) / 10;

function pack(w: PlacedText): StoredWord {
  return [w.text, round(w.x), round(w.y), round(w.width), round(w.height), w.confidence === undefined ? -1 : round(w.confidence), w.start ?? -1, w.end ?? -1];
}

function unpack(w: StoredWord): PlacedText {
  const [text, x, y, width, height, confidence, start, end] = w;
  return { text, x, y, width, height, ...(confidence >= 0 ? { confidence } : {}), ...(start >= 0 && end >= 0 ? { start, end } : {}) };
}

/** The positioned pages of documents (OCR word boxes), one row per page. */
export class DocumentPageRepository {
  constructor(private readonly db: Database) {}

  /** Stores a document's pages (call inside the transaction that inserts the document). */
  insertMany(documentId: number, pages: readonly PlacedPage[]): void {
    const insert = this.db.prepare(
      'INSERT INTO document_pages (document_id, page_index, source, width, height, confidence, words_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const p of pages) insert.run(documentId, p.index, p.source, p.width, p.height, p.confidence ?? null, JSON.stringify(p.items.map(pack)));
  }

  list(documentId: number): PlacedPage[] {
    const rows = this.db
      .prepare('SELECT page_index, source, width, height, confidence, words_json FROM document_pages WHERE document_id = ? ORDER BY page_index')
      .all(documentId) as Array<{ page_index: number; source: PlacedSource; width: number; height: number; confidence: number | null; words_json: string }>;
    return rows.map((r) => ({
      index: r.page_index,
      source: r.source,
      width: r.width,
      height: r.height,
      items: (JSON.parse(r.words_json) as StoredWord[]).map(unpack),
      ...(r.confidence !== null ? { confidence: r.confidence } : {}),
    }));
  }
}

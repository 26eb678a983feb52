import type { Migration } from './types';

/**
 * Pages read by OCR: per page its size, where its positions came from and the mean confidence;
 * per word its box, its confidence and its range in the document's text (`start`, `end`), so the
 * viewer can show where a field was read and the review queue can weigh it. One row per page, the
 * words as one compact JSON array (`[text, x, y, width, height, confidence, start, end]` each):
 * they are read and written a page at a time, never searched by SQL.
 */
export const ocrPages: Migration = {
  version: 8,
  name: 'ocr-pages',
  up: (db) => {
    db.exec(`
      CREATE TABLE document_pages (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        page_index INTEGER NOT NULL CHECK (page_index >= 0),
        source TEXT NOT NULL CHECK (source IN ('ocr', 'pdf', 'docx')),
        width REAL NOT NULL,
        height REAL NOT NULL,
        confidence REAL,
        words_json TEXT NOT NULL,
        PRIMARY KEY (document_id, page_index)
      ) WITHOUT ROWID;
    `);
  },
};

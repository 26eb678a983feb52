import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * What marks the secret records (Mật, Tối mật, Tuyệt mật) of a catalogue: their ids, their
 * originals' ids, and the strings that name them (number-symbols, subjects, the originals' names
 * and SHA-256, the names they were imported under). The secret policy withholds these from a
 * viewer who may not see secrets; the strings let it recognise a record in free text written by
 * any area (an audit row, a report line) without knowing that area's shapes.
 */
export interface SecretMarks {
  documents: Set<number>;
  attachments: Set<number>;
  /** Identifying strings, at least 6 characters long (shorter ones would match ordinary words). */
  strings: Set<string>;
}

const MIN_LENGTH = 6;

export class SecretRecordRepository {
  constructor(private readonly db: Database) {}

  /** Any secret document at all (a cheap test before gathering the marks). */
  any(): boolean {
    return this.db.prepare('SELECT 1 FROM documents WHERE security_level IS NOT NULL LIMIT 1').get() !== undefined;
  }

  marks(): SecretMarks {
    const documents = new Set<number>();
    const strings = new Set<string>();
    const add = (s: string | null) => {
      if (s && s.trim().length >= MIN_LENGTH) strings.add(s.trim());
    };
    for (const r of this.db.prepare('SELECT id, number_symbol, subject FROM documents WHERE security_level IS NOT NULL').iterate() as IterableIterator<{
      id: number;
      number_symbol: string | null;
      subject: string | null;
    }>) {
      documents.add(r.id);
      add(r.number_symbol);
      add(r.subject);
    }
    const attachments = new Set<number>();
    for (const r of this.db
      .prepare('SELECT a.id, a.file_name, a.sha256 FROM attachments a JOIN documents d ON d.id = a.document_id WHERE d.security_level IS NOT NULL')
      .iterate() as IterableIterator<{ id: number; file_name: string; sha256: string }>) {
      attachments.add(r.id);
      add(r.file_name);
      add(r.sha256);
    }
    for (const r of this.db
      .prepare('SELECT DISTINCT i.name FROM import_run_items i JOIN documents d ON d.id = i.document_id WHERE d.security_level IS NOT NULL')
      .iterate() as IterableIterator<{ name: string }>) {
      add(r.name);
    }
    return { documents, attachments, strings };
  }

  /** The names under which a run imported (or found again) secret documents. */
  secretItemNames(runId: number): Set<string> {
    const rows = this.db
      .prepare('SELECT DISTINCT i.name FROM import_run_items i JOIN documents d ON d.id = i.document_id WHERE i.run_id = ? AND d.security_level IS NOT NULL')
      .pluck()
      .all(runId) as string[];
    return new Set(rows);
  }
}

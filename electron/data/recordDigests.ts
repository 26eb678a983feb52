/**
 * Digests of records, written into the audit row of every change to them: the SHA-256 of what a
 * document (or an original's entry) says, as the change left it. `check` recomputes each record's
 * digest and compares it with the one its last audit row holds, so a record that no audited
 * operation produced — a subject or full text edited in SQL, an original's file replaced with its
 * SHA-256 column updated to match — is found, although the audit chain and the fixity check both
 * still hold.
 *
 * Only what the record says is covered (not review flags, timestamps or removal marks, which other
 * audited steps keep), so a legitimate change can never be mistaken for tampering.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { canonicalJson } from '../../shared/domain/canonicalJson';
import { cachedStatement } from './statementCache';

/** What a document says: its place, its metadata and its text. */
export const DOCUMENT_CONTENT = [
  'fonds_id',
  'file_id',
  'order_in_file',
  'sheet_number',
  'doc_type',
  'number_symbol',
  'issue_date',
  'issuer',
  'parent_issuer',
  'place',
  'subject',
  'signer_name',
  'signer_title',
  'signing_authority',
  'addressees',
  'recipients',
  'security_level',
  'urgency',
  'language',
  'page_count',
  'reliability',
  'incoming_stamp',
  'notes',
  'full_text',
] as const;

/** What an original's entry says: whose it is, its name, and its bytes (by size and SHA-256) where they are kept. */
export const ATTACHMENT_CONTENT = ['document_id', 'file_name', 'media_type', 'size', 'sha256', 'stored_path'] as const;

export type DigestedEntity = 'document' | 'attachment';

const TABLE: Record<DigestedEntity, { table: string; columns: readonly string[] }> = {
  document: { table: 'documents', columns: DOCUMENT_CONTENT },
  attachment: { table: 'attachments', columns: ATTACHMENT_CONTENT },
};

function digestOf(columns: readonly string[], row: Record<string, unknown>): string {
  return createHash('sha256')
    .update(canonicalJson(columns.map((c) => row[c] ?? null)))
    .digest('hex');
}

export function isDigested(entityType: string): entityType is DigestedEntity {
  return entityType === 'document' || entityType === 'attachment';
}

/** The digest of one record as it is now; null when there is no such record. */
export function recordDigest(db: Database, entity: DigestedEntity, id: number): string | null {
  const { table, columns } = TABLE[entity];
  const row = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? digestOf(columns, row) : null;
}

/** Records digested per statement (their full texts are held meanwhile). */
const DIGEST_CHUNK = 5_000;

/**
 * {@link recordDigest} of many records at once (a bulk action's audit rows: thousands), each as it
 * is now; records that do not exist are absent. SQLite writes the JSON (`json_array` of the same
 * columns gives the same bytes as `canonicalJson` of their values: no spaces, the same string
 * escapes, integers as digits), so a document's full text is hashed as read, never turned into a
 * JavaScript string and escaped again: a quarter of the time of one record at a time.
 */
export function recordDigestsOf(db: Database, entity: DigestedEntity, ids: readonly number[]): Map<number, string> {
  const { table, columns } = TABLE[entity];
  const out = new Map<number, string>();
  const stmt = cachedStatement(db, `SELECT id, CAST(json_array(${columns.join(', ')}) AS BLOB) AS content FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`);
  for (let i = 0; i < ids.length; i += DIGEST_CHUNK) {
    for (const r of stmt.all(JSON.stringify(ids.slice(i, i + DIGEST_CHUNK))) as Array<{ id: number; content: Buffer }>) {
      out.set(r.id, createHash('sha256').update(r.content).digest('hex'));
    }
  }
  return out;
}

/** Every record of a kind with its digest now, in id order (streamed: full texts are large). */
export function* allRecordDigests(db: Database, entity: DigestedEntity): Generator<{ id: number; digest: string }> {
  const { table, columns } = TABLE[entity];
  for (const row of db.prepare(`SELECT id, ${columns.join(', ')} FROM ${table} ORDER BY id`).iterate() as IterableIterator<Record<string, unknown> & { id: number }>) {
    yield { id: row.id, digest: digestOf(columns, row) };
  }
}

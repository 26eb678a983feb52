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
import { type Hash, createHash } from 'node:crypto';
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

/** Each kind's table, the columns its digest covers, and which of them have integer affinity (the rest are text). */
const TABLE: Record<DigestedEntity, { table: string; columns: readonly string[]; integers: ReadonlySet<string> }> = {
  document: { table: 'documents', columns: DOCUMENT_CONTENT, integers: new Set(['fonds_id', 'file_id', 'order_in_file', 'page_count']) },
  attachment: { table: 'attachments', columns: ATTACHMENT_CONTENT, integers: new Set(['document_id', 'size']) },
};

/**
 * Hashed in pieces this long: a 30-million-character full text is never turned into one JSON string
 * (nor into its UTF-8 bytes) to be hashed, which held three more copies of it at once.
 */
const PIECE = 1 << 20;

/** Adds `JSON.stringify(text)` to the hash piece by piece, never splitting a surrogate pair (a pair cut in two would be escaped as two lone halves). */
function updateWithJsonString(hash: Hash, text: string): void {
  if (text.length <= PIECE) {
    hash.update(JSON.stringify(text));
    return;
  }
  hash.update('"');
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + PIECE);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    hash.update(JSON.stringify(text.slice(at, end)).slice(1, -1));
    at = end;
  }
  hash.update('"');
}

/** Strings at least this long are hashed as escaped UTF-8 bytes ({@link updateWithJsonBytes}); shorter ones join the gathered JSON. */
const BYTES_MIN = 256;
/** …and at most this long: their UTF-8 fits the reused buffer (three bytes per unit at most). */
const BYTES_MAX = 65_536;
const utf8Encoder = new TextEncoder();
let utf8Buffer = new Uint8Array(3 * 4096);
/** Escaped bytes are hashed each time this buffer fills: its size never grows. */
const escapedBuffer = new Uint8Array(64 * 1024);
const HEX_DIGITS = new TextEncoder().encode('0123456789abcdef');
/** The two-character escapes `JSON.stringify` writes, by control character (0: written as `\u00xx`). */
const SHORT_ESCAPES = new Uint8Array(0x20);
SHORT_ESCAPES[0x08] = 0x62; // \b
SHORT_ESCAPES[0x09] = 0x74; // \t
SHORT_ESCAPES[0x0a] = 0x6e; // \n
SHORT_ESCAPES[0x0c] = 0x66; // \f
SHORT_ESCAPES[0x0d] = 0x72; // \r

/**
 * Adds the UTF-8 bytes of `JSON.stringify(text)` to the hash without making that string: the text
 * is encoded into a reused buffer and escaped byte by byte as `JSON.stringify` escapes it (quote,
 * backslash, control characters; every other byte, those of multi-byte characters included, is
 * itself). A document's full text is hashed for the audit row of its import: its JSON string, the
 * joined JSON of the row and that joined string's UTF-8 came to 35 KB of garbage per document, a
 * fifth of all the import's main thread allocated. Only for a text without a lone surrogate (which
 * `JSON.stringify` escapes and UTF-8 cannot carry): {@link isWellFormed}.
 */
function updateWithJsonBytes(hash: Hash, text: string): void {
  if (utf8Buffer.length < 3 * text.length) utf8Buffer = new Uint8Array(3 * text.length);
  const n = utf8Encoder.encodeInto(text, utf8Buffer).written;
  const src = utf8Buffer;
  const out = escapedBuffer;
  const room = out.length - 8;
  let k = 0;
  out[k++] = 0x22;
  for (let i = 0; i < n; i++) {
    if (k >= room) {
      hash.update(out.subarray(0, k));
      k = 0;
    }
    const b = src[i]!;
    if (b >= 0x20 && b !== 0x22 && b !== 0x5c) {
      out[k++] = b;
      continue;
    }
    out[k++] = 0x5c;
    if (b === 0x22 || b === 0x5c) out[k++] = b;
    else if (SHORT_ESCAPES[b] !== 0) out[k++] = SHORT_ESCAPES[b]!;
    else {
      out[k++] = 0x75; // u00xx, lower-case hex as JSON.stringify writes it
      out[k++] = 0x30;
      out[k++] = 0x30;
      out[k++] = HEX_DIGITS[b >> 4]!;
      out[k++] = HEX_DIGITS[b & 15]!;
    }
  }
  out[k++] = 0x22;
  hash.update(out.subarray(0, k));
}

/** `String.prototype.isWellFormed` (Node 20 and later; not yet in the compiler's library): no lone surrogate. */
function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

/**
 * Adds `canonicalJson(values)` to the hash for a list of values that are text, numbers or null
 * (what a row holds), without building that JSON: the same bytes, in bounded memory, and a long
 * text hashed from its UTF-8 with no copy of it made.
 */
export function updateWithJsonValues(hash: Hash, values: readonly unknown[]): void {
  // The JSON of short values is gathered and hashed in one update: each update is a call into the
  // crypto binding, and fifty of them cost more than hashing an ordinary record.
  let gathered = '[';
  values.forEach((v, i) => {
    if (i > 0) gathered += ',';
    if (typeof v === 'string' && v.length >= BYTES_MIN) {
      hash.update(gathered);
      gathered = '';
      if (v.length <= BYTES_MAX && isWellFormed(v)) updateWithJsonBytes(hash, v);
      else updateWithJsonString(hash, v);
    } else gathered += typeof v === 'string' ? JSON.stringify(v) : canonicalJson(v ?? null);
  });
  hash.update(gathered + ']');
}

/**
 * SHA-256 of `canonicalJson(values)` for a list of column values (text, numbers, null: what a row
 * holds), computed without building that JSON ({@link updateWithJsonValues}).
 */
export function digestOfValues(values: readonly unknown[]): string {
  const hash = createHash('sha256');
  updateWithJsonValues(hash, values);
  return hash.digest('hex');
}

function digestOf(columns: readonly string[], row: Record<string, unknown>): string {
  return digestOfValues(columns.map((c) => row[c] ?? null));
}

/**
 * The digest of a record from the values an insert binds, keyed by column, as SQLite stores them
 * (a number bound to a text column reads back as text, an integer text bound to an integer column as
 * a number): the audit row of an insert gets its digest without reading the row back.
 */
export function digestOfWritten(entity: DigestedEntity, values: Readonly<Record<string, unknown>>): string {
  const { columns, integers } = TABLE[entity];
  return digestOfValues(
    columns.map((c) => {
      const v = values[c] ?? null;
      if (!integers.has(c) && typeof v === 'number') return String(v);
      if (integers.has(c) && typeof v === 'string' && /^-?\d{1,15}$/.test(v)) return Number(v);
      return v;
    }),
  );
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

/** Records digested per statement. */
const DIGEST_CHUNK = 5_000;
/** Records whose JSON would be longer than this many bytes are digested in pieces ({@link recordDigest}) instead. */
const WHOLE_JSON_BYTES = PIECE;

/**
 * {@link recordDigest} of many records at once (a bulk action's audit rows: thousands), each as it
 * is now; records that do not exist are absent. SQLite writes the JSON (`json_array` of the same
 * columns gives the same bytes as `canonicalJson` of their values: no spaces, the same string
 * escapes, integers as digits), so a document's full text is hashed as read, never turned into a
 * JavaScript string and escaped again: a quarter of the time of one record at a time. Rows are
 * streamed, and a record with a text over a megabyte is hashed in pieces as check does, so memory
 * stays bounded by one ordinary record.
 */
export function recordDigestsOf(db: Database, entity: DigestedEntity, ids: readonly number[]): Map<number, string> {
  const { table, columns } = TABLE[entity];
  const out = new Map<number, string>();
  const long: number[] = [];
  const size = columns.map((c) => `coalesce(length(CAST(${c} AS BLOB)), 0)`).join(' + ');
  const stmt = cachedStatement(
    db,
    `SELECT id, CASE WHEN ${size} > ${WHOLE_JSON_BYTES} THEN NULL ELSE CAST(json_array(${columns.join(', ')}) AS BLOB) END AS content
     FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
  );
  for (let i = 0; i < ids.length; i += DIGEST_CHUNK) {
    for (const r of stmt.iterate(JSON.stringify(ids.slice(i, i + DIGEST_CHUNK))) as IterableIterator<{ id: number; content: Buffer | null }>) {
      if (r.content === null) long.push(r.id);
      else out.set(r.id, createHash('sha256').update(r.content).digest('hex'));
    }
  }
  for (const id of long) out.set(id, recordDigest(db, entity, id)!);
  return out;
}

/** Every record of a kind with its digest now, in id order (streamed: full texts are large). */
export function* allRecordDigests(db: Database, entity: DigestedEntity): Generator<{ id: number; digest: string }> {
  const { table, columns } = TABLE[entity];
  for (const row of db.prepare(`SELECT id, ${columns.join(', ')} FROM ${table} ORDER BY id`).iterate() as IterableIterator<Record<string, unknown> & { id: number }>) {
    yield { id: row.id, digest: digestOf(columns, row) };
  }
}

import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { DocumentRecord, DocumentListPage, IncomingStamp } from '../../../shared/contract/types';
import { numberSymbolKey } from '../../../shared/domain/numberSymbol';
import type { DocumentMention } from '../../../shared/importing/sameDocument';
import { DOCUMENT_CONTENT, digestOfWritten } from '../recordDigests';
import { parseJson, parseJsonArray, updateById } from './sql';

/**
 * Everything stored about a document except its identity and timestamps: the contract's record
 * (`DocumentRecord`), plus its text and how it was read. Derived, not copied, so a field added to
 * the contract is a field here.
 */
export type DocumentFields = Omit<DocumentRecord, 'id' | 'createdAt' | 'updatedAt'> & {
  fullText: string;
  parseInfo: unknown;
};

/**
 * The column of every stored field, defined once: the insert, the lists and the patches are
 * built from it. `satisfies` makes a field missing here, or a column for no field, a compile error.
 */
export const DOCUMENT_COLUMNS = {
  fondsId: 'fonds_id',
  fileId: 'file_id',
  orderInFile: 'order_in_file',
  sheetNumber: 'sheet_number',
  docType: 'doc_type',
  numberSymbol: 'number_symbol',
  issueDate: 'issue_date',
  issuer: 'issuer',
  parentIssuer: 'parent_issuer',
  place: 'place',
  subject: 'subject',
  signerName: 'signer_name',
  signerTitle: 'signer_title',
  signingAuthority: 'signing_authority',
  addressees: 'addressees',
  recipients: 'recipients',
  securityLevel: 'security_level',
  urgency: 'urgency',
  language: 'language',
  pageCount: 'page_count',
  reliability: 'reliability',
  incomingStamp: 'incoming_stamp',
  notes: 'notes',
  reviewFields: 'review_fields',
  fullText: 'full_text',
  parseInfo: 'parse_info',
} as const satisfies { readonly [K in keyof DocumentFields]-?: string };

type DocumentField = keyof typeof DOCUMENT_COLUMNS;
const FIELDS = Object.keys(DOCUMENT_COLUMNS) as DocumentField[];

/** The fields a record digest covers (its reading, `parseInfo`, is not hashed: not serialized for it either). */
const DIGESTED_FIELDS = FIELDS.filter((f) => (DOCUMENT_CONTENT as readonly string[]).includes(DOCUMENT_COLUMNS[f]));

/** Fields stored as JSON text. */
const JSON_FIELDS = new Set<string>(['addressees', 'recipients', 'incomingStamp', 'reviewFields', 'parseInfo'] satisfies DocumentField[]);

export type DocumentPatch = Partial<Omit<DocumentFields, 'fondsId' | 'fullText' | 'parseInfo'>>;

/** Columns a patch may set: every field but the fonds, the text and its reading, plus the number's search key. */
const COLUMNS: Record<string, string> = {
  ...Object.fromEntries(FIELDS.filter((f) => f !== 'fondsId' && f !== 'fullText' && f !== 'parseInfo').map((f) => [f, DOCUMENT_COLUMNS[f]])),
  numberKey: 'number_key',
};

/** Columns of the list views: everything but the full text and its reading. */
const LIST_COLUMNS = ['id', ...FIELDS.filter((f) => f !== 'fullText' && f !== 'parseInfo').map((f) => DOCUMENT_COLUMNS[f]), 'created_at', 'updated_at'].join(', ');

/** Columns of the list views stored after the full text, held by the `documents_file_state` index. */
const STATE_COLUMNS = ['notes', 'review_fields', 'created_at', 'updated_at'];
/** The other columns of the list views: stored before the full text. */
const HEAD_COLUMNS = LIST_COLUMNS.split(', ').filter((c) => !STATE_COLUMNS.includes(c)).join(', ');

const INSERT_SQL = `INSERT INTO documents (${FIELDS.map((f) => DOCUMENT_COLUMNS[f]).join(', ')}, number_key, created_at, updated_at)
  VALUES (${FIELDS.map((f) => `@${f}`).join(', ')}, @numberKey, @now, @now)`;

/** A field's value as stored: JSON for lists and objects, `null` for an absent value. */
function stored(field: DocumentField, value: unknown): unknown {
  if (value === undefined || value === null) return JSON_FIELDS.has(field) && field !== 'incomingStamp' && field !== 'parseInfo' ? '[]' : null;
  return JSON_FIELDS.has(field) ? JSON.stringify(value) : value;
}

/** The record a freshly inserted row reads back as, built without reading it (the audit row of an insert). */
export function insertedRecord(id: number, f: DocumentFields, now: string): DocumentRecord {
  const { fullText: _text, parseInfo: _info, ...fields } = f;
  return { id, ...fields, incomingStamp: f.incomingStamp ?? null, createdAt: now, updatedAt: now };
}

/** A document as messages name it (`describeDocument`). */
export type MentionedDocument = Required<DocumentMention> & { id: number };
const MENTION_COLUMNS = 'id, number_symbol AS numberSymbol, issue_date AS issueDate, issuer, subject, security_level AS securityLevel';

/** The fields a list row holds: all but the text and its reading. */
const RECORD_FIELDS = FIELDS.filter((f) => f !== 'fullText' && f !== 'parseInfo');

function toRecord(r: Record<string, unknown>): DocumentRecord {
  const record: Record<string, unknown> = { id: r.id };
  for (const f of RECORD_FIELDS) {
    const v = r[DOCUMENT_COLUMNS[f]] as string | null;
    record[f] = !JSON_FIELDS.has(f) ? v : f === 'incomingStamp' ? parseJson<IncomingStamp>(v) : parseJsonArray(v);
  }
  record.createdAt = r.created_at;
  record.updatedAt = r.updated_at;
  return record as unknown as DocumentRecord;
}

/** Văn bản. */
export class DocumentRepository {
  /** Run once per document of a bulk import or receipt: compiled once. */
  private insertStatement: Statement | undefined;

  constructor(private readonly db: Database) {}

  insert(f: DocumentFields, now: string): number {
    const params: Record<string, unknown> = { numberKey: f.numberSymbol ? numberSymbolKey(f.numberSymbol) : null, now };
    for (const field of FIELDS) params[field] = stored(field, f[field]);
    this.insertStatement ??= this.db.prepare(INSERT_SQL);
    return Number(this.insertStatement.run(params).lastInsertRowid);
  }

  /**
   * The record digest (recordDigests.ts) of the row {@link insert} writes for `f`, from the values
   * it binds: an import hashes what it writes instead of reading each new row (and its full text) back.
   */
  insertedDigest(f: DocumentFields): string {
    const values: Record<string, unknown> = {};
    for (const field of DIGESTED_FIELDS) values[DOCUMENT_COLUMNS[field]] = stored(field, f[field]);
    return digestOfWritten('document', values);
  }

  update(id: number, patch: DocumentPatch, now: string): void {
    const row: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      row[key] = JSON_FIELDS.has(key) && value !== null ? JSON.stringify(value) : value;
    }
    if (patch.numberSymbol !== undefined) row.numberKey = patch.numberSymbol ? numberSymbolKey(patch.numberSymbol) : null;
    updateById(this.db, 'documents', COLUMNS, id, row, now);
  }

  get(id: number): DocumentRecord | undefined {
    const row = this.db.prepare(`SELECT ${LIST_COLUMNS} FROM documents WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    return row ? toRecord(row) : undefined;
  }

  fullText(id: number): string {
    const row = this.db.prepare('SELECT full_text FROM documents WHERE id = ?').get(id) as { full_text: string } | undefined;
    return row?.full_text ?? '';
  }

  /** Documents of a fonds or a file, in file order then by date. */
  list(q: { fondsId?: number; fileId?: number; unfiled?: boolean; offset: number; limit: number; includeSecret?: boolean }): DocumentListPage {
    // Removed documents are kept but not listed; secret ones only when the caller may see them.
    const where: string[] = ['removed_at IS NULL'];
    if (q.includeSecret === false) where.push('security_level IS NULL');
    const params: Record<string, unknown> = { offset: q.offset, limit: q.limit };
    if (q.fondsId !== undefined) {
      where.push('fonds_id = @fondsId');
      params.fondsId = q.fondsId;
    }
    if (q.fileId !== undefined) {
      where.push('file_id = @fileId');
      params.fileId = q.fileId;
    }
    if (q.unfiled) where.push('file_id IS NULL');
    const clause = `WHERE ${where.join(' AND ')}`;
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM documents ${clause}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT ${LIST_COLUMNS} FROM documents ${clause}
         ORDER BY order_in_file IS NULL, order_in_file, issue_date IS NULL, issue_date, id LIMIT @limit OFFSET @offset`,
      )
      .all(params) as Array<Record<string, unknown>>;
    return { total, items: rows.map(toRecord) };
  }

  /**
   * The documents (not removed) of each of the given files, in the order `list` gives them: one
   * query for a whole batch rather than two per file. The columns stored after the full text
   * (notes, fields for review, times) come from the `documents_file_state` index: read from the
   * row, each would walk every overflow page of its text.
   */
  listOfFiles(fileIds: number[]): Map<number, DocumentRecord[]> {
    const ids = JSON.stringify(fileIds);
    const tails = new Map<number, Record<string, unknown>>();
    const tailRows = this.db
      .prepare(`SELECT id, ${STATE_COLUMNS.join(', ')} FROM documents INDEXED BY documents_file_state WHERE file_id IN (SELECT value FROM json_each(?)) AND removed_at IS NULL`)
      .all(ids) as Array<Record<string, unknown>>;
    for (const t of tailRows) tails.set(t.id as number, t);
    const rows = this.db
      .prepare(
        `SELECT ${HEAD_COLUMNS} FROM documents INDEXED BY documents_file_state WHERE file_id IN (SELECT value FROM json_each(?)) AND removed_at IS NULL
         ORDER BY file_id, order_in_file IS NULL, order_in_file, issue_date IS NULL, issue_date, id`,
      )
      .all(ids) as Array<Record<string, unknown>>;
    const byFile = new Map<number, DocumentRecord[]>(fileIds.map((id) => [id, []]));
    for (const row of rows) byFile.get(row.file_id as number)?.push(toRecord({ ...row, ...tails.get(row.id as number) }));
    return byFile;
  }

  /** Documents of a fonds with this number-symbol key (not removed): the candidates for "the same document as another file". */
  withNumberKey(fondsId: number, numberKey: string): MentionedDocument[] {
    // By the number's index (`+` keeps SQLite from walking the whole fonds by its index instead): once per imported file.
    return this.db
      .prepare(`SELECT ${MENTION_COLUMNS} FROM documents WHERE number_key = ? AND +fonds_id = ? AND +removed_at IS NULL ORDER BY id`)
      .all(numberKey, fondsId) as MentionedDocument[];
  }

  /** What a message may name of a document (see `describeDocument`). */
  mention(id: number): MentionedDocument | undefined {
    return this.db.prepare(`SELECT ${MENTION_COLUMNS} FROM documents WHERE id = ?`).get(id) as MentionedDocument | undefined;
  }

  /** Next free position in a file (số thứ tự). */
  nextOrderInFile(fileId: number): number {
    const row = this.db.prepare('SELECT MAX(order_in_file) AS m FROM documents WHERE file_id = ?').get(fileId) as { m: number | null };
    return (row.m ?? 0) + 1;
  }

  countNeedingReview(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM documents WHERE review_fields <> '[]' AND removed_at IS NULL").get() as { n: number }).n;
  }
}

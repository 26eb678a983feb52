import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { DocumentRecord, DocumentListPage, IncomingStamp, SecurityLevel, Urgency } from '../../../shared/contract/types';
import { numberSymbolKey } from '../../../shared/domain/numberSymbol';
import { parseJson, parseJsonArray, updateById } from './sql';

interface DocumentRow {
  id: number;
  fonds_id: number;
  file_id: number | null;
  order_in_file: number | null;
  sheet_number: string | null;
  doc_type: string | null;
  number_symbol: string | null;
  issue_date: string | null;
  issuer: string | null;
  parent_issuer: string | null;
  place: string | null;
  subject: string | null;
  signer_name: string | null;
  signer_title: string | null;
  signing_authority: string | null;
  addressees: string;
  recipients: string;
  security_level: SecurityLevel | null;
  urgency: Urgency | null;
  language: string | null;
  page_count: number | null;
  reliability: string | null;
  incoming_stamp: string | null;
  notes: string | null;
  review_fields: string;
  created_at: string;
  updated_at: string;
}

/** Everything stored about a document except its identity and timestamps. */
export interface DocumentFields {
  fondsId: number;
  fileId: number | null;
  orderInFile: number | null;
  sheetNumber: string | null;
  docType: string | null;
  numberSymbol: string | null;
  issueDate: string | null;
  issuer: string | null;
  parentIssuer: string | null;
  place: string | null;
  subject: string | null;
  signerName: string | null;
  signerTitle: string | null;
  signingAuthority: string | null;
  addressees: string[];
  recipients: string[];
  securityLevel: SecurityLevel | null;
  urgency: Urgency | null;
  language: string | null;
  pageCount: number | null;
  reliability: string | null;
  incomingStamp: IncomingStamp | null;
  notes: string | null;
  reviewFields: string[];
  fullText: string;
  parseInfo: unknown;
}

export type DocumentPatch = Partial<Omit<DocumentFields, 'fondsId' | 'fullText' | 'parseInfo'>>;

const COLUMNS: Record<string, string> = {
  fileId: 'file_id',
  orderInFile: 'order_in_file',
  sheetNumber: 'sheet_number',
  docType: 'doc_type',
  numberSymbol: 'number_symbol',
  numberKey: 'number_key',
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
};

const JSON_FIELDS = new Set(['addressees', 'recipients', 'incomingStamp', 'reviewFields']);

/** Columns of the list views: everything but the full text. */
const LIST_COLUMNS = `id, fonds_id, file_id, order_in_file, sheet_number, doc_type, number_symbol, issue_date, issuer, parent_issuer,
  place, subject, signer_name, signer_title, signing_authority, addressees, recipients, security_level, urgency, language,
  page_count, reliability, incoming_stamp, notes, review_fields, created_at, updated_at`;

function toRecord(r: DocumentRow): DocumentRecord {
  return {
    id: r.id,
    fondsId: r.fonds_id,
    fileId: r.file_id,
    orderInFile: r.order_in_file,
    sheetNumber: r.sheet_number,
    docType: r.doc_type,
    numberSymbol: r.number_symbol,
    issueDate: r.issue_date,
    issuer: r.issuer,
    parentIssuer: r.parent_issuer,
    place: r.place,
    subject: r.subject,
    signerName: r.signer_name,
    signerTitle: r.signer_title,
    signingAuthority: r.signing_authority,
    addressees: parseJsonArray(r.addressees),
    recipients: parseJsonArray(r.recipients),
    securityLevel: r.security_level,
    urgency: r.urgency,
    language: r.language,
    pageCount: r.page_count,
    reliability: r.reliability,
    incomingStamp: parseJson<IncomingStamp>(r.incoming_stamp),
    notes: r.notes,
    reviewFields: parseJsonArray(r.review_fields),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Văn bản. */
export class DocumentRepository {
  constructor(private readonly db: Database) {}

  insert(f: DocumentFields, now: string): number {
    const result = this.db
      .prepare(
        `INSERT INTO documents (fonds_id, file_id, order_in_file, sheet_number, doc_type, number_symbol, number_key, issue_date,
           issuer, parent_issuer, place, subject, signer_name, signer_title, signing_authority, addressees, recipients,
           security_level, urgency, language, page_count, reliability, incoming_stamp, full_text, notes, review_fields,
           parse_info, created_at, updated_at)
         VALUES (@fondsId, @fileId, @orderInFile, @sheetNumber, @docType, @numberSymbol, @numberKey, @issueDate,
           @issuer, @parentIssuer, @place, @subject, @signerName, @signerTitle, @signingAuthority, @addressees, @recipients,
           @securityLevel, @urgency, @language, @pageCount, @reliability, @incomingStamp, @fullText, @notes, @reviewFields,
           @parseInfo, @now, @now)`,
      )
      .run({
        ...f,
        numberKey: f.numberSymbol ? numberSymbolKey(f.numberSymbol) : null,
        addressees: JSON.stringify(f.addressees),
        recipients: JSON.stringify(f.recipients),
        incomingStamp: f.incomingStamp ? JSON.stringify(f.incomingStamp) : null,
        reviewFields: JSON.stringify(f.reviewFields),
        parseInfo: f.parseInfo === undefined || f.parseInfo === null ? null : JSON.stringify(f.parseInfo),
        now,
      });
    return Number(result.lastInsertRowid);
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
    const row = this.db.prepare(`SELECT ${LIST_COLUMNS} FROM documents WHERE id = ?`).get(id) as DocumentRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  fullText(id: number): string {
    const row = this.db.prepare('SELECT full_text FROM documents WHERE id = ?').get(id) as { full_text: string } | undefined;
    return row?.full_text ?? '';
  }

  /** Documents of a fonds or a file, in file order then by date. */
  list(q: { fondsId?: number; fileId?: number; unfiled?: boolean; offset: number; limit: number; includeSecret?: boolean }): DocumentListPage {
    // [safety] removed documents are kept but not listed; secret ones only when the caller may see them.
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
      .all(params) as DocumentRow[];
    return { total, items: rows.map(toRecord) };
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

import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { CitationLink, CitedBy, DocumentRef, MissingCitation, MissingCitationsPage } from '../../../shared/contract/types/importing';
import { numberSymbolKey } from '../../../shared/domain/numberSymbol';
import type { Citation } from '../../../shared/parser/types';
import { cachedStatement } from '../statementCache';

interface CitationRow {
  id: number;
  document_id: number;
  number_key: string;
  number_symbol: string;
  form: 'party' | 'state';
  doc_type: string | null;
  cited_date: string | null;
  cited_document_id: number | null;
  link_method: 'auto' | 'manual';
  span_start: number | null;
  span_end: number | null;
}

interface RefRow {
  id: number;
  fonds_id: number;
  fonds_code: string;
  number_symbol: string | null;
  doc_type: string | null;
  issue_date: string | null;
  issuer: string | null;
  subject: string | null;
}

/**
 * Which catalogued document a citation points at, for `document_citations` row `c`: the one
 * document (other than the citing one) with the cited number whose date matches the cited date
 * or, when the citation gives no date, the only document with that number. Anything else (none,
 * several, a date that disagrees) stays unlinked: numbers restart with each party-committee term
 * and every provincial committee writes `/TU`, so the same number-symbol often names different
 * documents, and a link is never guessed.
 *
 * The triggers that keep links current (migration 0002) hold the same rule in their own frozen
 * text: changing it here needs a new migration that replaces those triggers.
 */
function resolveCitationSql(c: string): string {
  return `(SELECT CASE WHEN COUNT(*) = 1 THEN MIN(d.id) END FROM documents d
            WHERE d.number_key = ${c}.number_key AND d.id <> ${c}.document_id
              AND (${c}.cited_date IS NULL OR d.issue_date = ${c}.cited_date))`;
}

const REF_COLUMNS = `d.id, d.fonds_id, f.code AS fonds_code, d.number_symbol, d.doc_type, d.issue_date, d.issuer, d.subject`;
/**
 * Documents shown: never removed ones (removal is a mark: they leave every list); secret
 * ones (Mật, Tối mật, Tuyệt mật) only when the caller may see them.
 */
const VISIBLE = (alias: string, hideSecret: boolean) => ` AND ${alias}.removed_at IS NULL${hideSecret ? ` AND ${alias}.security_level IS NULL` : ''}`;

export function toRef(r: RefRow): DocumentRef {
  return {
    id: r.id,
    fondsId: r.fonds_id,
    fondsCode: r.fonds_code,
    numberSymbol: r.number_symbol,
    docType: r.doc_type,
    issueDate: r.issue_date,
    issuer: r.issuer,
    subject: r.subject,
  };
}

/** Candidates shown for an unlinked citation are capped: a very common number is not a list to read. */
const MAX_CANDIDATES = 20;

/** Trích dẫn: references in a document's text to other documents, linked to them where known. */
export class CitationRepository {

  constructor(private readonly db: Database) {}

  private stmt(sql: string): Statement {
    return cachedStatement(this.db, sql);
  }

  /** Stores a new document's citations and links each to the catalogued document it names, if known. */
  insertForDocument(documentId: number, citations: readonly Citation[]): void {
    if (citations.length === 0) return;
    // Linked as it is written (the same rule as the triggers, on the row's values).
    const insert = this.stmt(
      `INSERT OR IGNORE INTO document_citations (document_id, number_key, number_symbol, form, doc_type, cited_date, span_start, span_end, cited_document_id)
       SELECT c.document_id, c.number_key, c.number_symbol, c.form, c.doc_type, c.cited_date, c.span_start, c.span_end, ${resolveCitationSql('c')}
       FROM (SELECT @documentId AS document_id, @key AS number_key, @numberSymbol AS number_symbol, @form AS form, @docType AS doc_type,
                    @date AS cited_date, @start AS span_start, @end AS span_end) AS c`,
    );
    for (const c of citations) {
      const key = numberSymbolKey(c.numberSymbol);
      if (!key) continue;
      insert.run({ documentId, key, numberSymbol: c.numberSymbol, form: c.form, docType: c.docType, date: c.date, start: c.span.start, end: c.span.end });
    }
  }

  get(id: number): { id: number; documentId: number; numberKey: string; citedDocumentId: number | null; linkMethod: 'auto' | 'manual' } | undefined {
    const r = this.db.prepare('SELECT * FROM document_citations WHERE id = ?').get(id) as CitationRow | undefined;
    return r ? { id: r.id, documentId: r.document_id, numberKey: r.number_key, citedDocumentId: r.cited_document_id, linkMethod: r.link_method } : undefined;
  }

  /** An archivist's choice of target; `null` hands the citation back to automatic matching. */
  setLink(id: number, documentId: number | null): void {
    if (documentId === null) {
      this.db
        .prepare(`UPDATE document_citations SET link_method = 'auto', cited_document_id = ${resolveCitationSql('document_citations')} WHERE id = ?`)
        .run(id);
    } else {
      this.db.prepare("UPDATE document_citations SET link_method = 'manual', cited_document_id = ? WHERE id = ?").run(documentId, id);
    }
  }

  ref(documentId: number, hideSecret: boolean): DocumentRef | null {
    const r = this.db
      .prepare(`SELECT ${REF_COLUMNS} FROM documents d JOIN fonds f ON f.id = d.fonds_id WHERE d.id = ?${VISIBLE('d', hideSecret)}`)
      .get(documentId) as RefRow | undefined;
    return r ? toRef(r) : null;
  }

  private candidates(key: string, exceptId: number, hideSecret: boolean): DocumentRef[] {
    return (
      this.db
        .prepare(
          `SELECT ${REF_COLUMNS} FROM documents d JOIN fonds f ON f.id = d.fonds_id
           WHERE d.number_key = ? AND d.id <> ?${VISIBLE('d', hideSecret)} ORDER BY d.issue_date, d.id LIMIT ${MAX_CANDIDATES}`,
        )
        .all(key, exceptId) as RefRow[]
    ).map(toRef);
  }

  /** What the document cites, in text order: linked, ambiguous (with candidates) or missing. */
  cites(documentId: number, hideSecret: boolean): CitationLink[] {
    const rows = this.db
      .prepare('SELECT * FROM document_citations WHERE document_id = ? ORDER BY span_start IS NULL, span_start, id')
      .all(documentId) as CitationRow[];
    return rows.map((r) => {
      const target = r.cited_document_id !== null ? this.ref(r.cited_document_id, hideSecret) : null;
      const candidates = target ? [] : this.candidates(r.number_key, documentId, hideSecret);
      const exists =
        target !== null ||
        candidates.length > 0 ||
        // A candidate the caller may not see (secret, removed) still means the document is catalogued.
        this.db.prepare('SELECT 1 FROM documents WHERE number_key = ? AND id <> ? LIMIT 1').get(r.number_key, documentId) !== undefined;
      return {
        id: r.id,
        numberSymbol: r.number_symbol,
        form: r.form,
        docType: r.doc_type,
        citedDate: r.cited_date,
        span: r.span_start !== null && r.span_end !== null ? { start: r.span_start, end: r.span_end } : null,
        state: target ? 'linked' : exists ? 'ambiguous' : 'missing',
        linkMethod: r.link_method,
        target,
        candidates,
      };
    });
  }

  /** Documents that cite this one (linked), then those that cite its number without being linked to it. */
  citedBy(documentId: number, numberKey: string | null, hideSecret: boolean): CitedBy[] {
    const rows = this.db
      .prepare(
        `SELECT c.id AS citation_id, c.number_symbol AS cited_as, c.cited_date, c.cited_document_id, ${REF_COLUMNS}
         FROM document_citations c JOIN documents d ON d.id = c.document_id JOIN fonds f ON f.id = d.fonds_id
         WHERE (c.cited_document_id = @id OR (c.cited_document_id IS NULL AND c.number_key = @key AND c.document_id <> @id))${VISIBLE('d', hideSecret)}
         ORDER BY c.cited_document_id IS NULL, d.issue_date, d.id
         LIMIT 500`,
      )
      .all({ id: documentId, key: numberKey }) as Array<RefRow & { citation_id: number; cited_as: string; cited_date: string | null; cited_document_id: number | null }>;
    return rows.map((r) => ({
      citationId: r.citation_id,
      numberSymbol: r.cited_as,
      citedDate: r.cited_date,
      linked: r.cited_document_id === documentId,
      source: toRef(r),
    }));
  }

  /**
   * Cited numbers no catalogued document carries, grouped by number, most cited first: the list an
   * archivist takes to the shelves. `fondsId` counts only citations made by that fonds' documents.
   */
  missing(q: { fondsId?: number; form?: 'party' | 'state'; offset: number; limit: number; hideSecret: boolean }): MissingCitationsPage {
    const params: Record<string, unknown> = { offset: q.offset, limit: q.limit };
    const where = ['c.cited_document_id IS NULL', 'NOT EXISTS (SELECT 1 FROM documents t WHERE t.number_key = c.number_key)'];
    if (q.fondsId !== undefined) {
      where.push('src.fonds_id = @fondsId');
      params.fondsId = q.fondsId;
    }
    if (q.form !== undefined) {
      where.push('c.form = @form');
      params.form = q.form;
    }
    where.push('src.removed_at IS NULL');
    if (q.hideSecret) where.push('src.security_level IS NULL');
    const from = `FROM document_citations c JOIN documents src ON src.id = c.document_id WHERE ${where.join(' AND ')}`;
    const total = (this.db.prepare(`SELECT COUNT(DISTINCT c.number_key) AS n ${from}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT c.number_key, MIN(c.number_symbol) AS number_symbol, MIN(c.form) AS form, MAX(c.doc_type) AS doc_type,
                GROUP_CONCAT(DISTINCT c.cited_date) AS dates, COUNT(DISTINCT c.document_id) AS citing, MIN(c.document_id) AS example
         ${from}
         GROUP BY c.number_key ORDER BY citing DESC, c.number_key LIMIT @limit OFFSET @offset`,
      )
      .all(params) as Array<{ number_key: string; number_symbol: string; form: 'party' | 'state'; doc_type: string | null; dates: string | null; citing: number; example: number }>;
    const items: MissingCitation[] = rows.map((r) => ({
      numberKey: r.number_key,
      numberSymbol: r.number_symbol,
      form: r.form,
      docType: r.doc_type,
      citedDates: r.dates ? r.dates.split(',').sort() : [],
      citingDocuments: r.citing,
      exampleDocumentId: r.example,
    }));
    return { total, items };
  }
}

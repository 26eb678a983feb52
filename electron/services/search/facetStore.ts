import type { DocumentFacetRow, FacetColumnRepository, FileFacetRow, StructureRows } from '../../data/repositories/facetColumns';
import type { SearchJournalRepository } from '../../data/repositories/searchJournal';
import { dayOf } from '../../../shared/search/indexText';

/**
 * The facet columns of every document, in memory: typed arrays indexed by document id, with
 * dictionaries for the text values (type, issuer, signer). Filters that live outside the full-text
 * index (file, issuer, signer, retention, completion, handover) and every facet count are computed
 * here, a tight loop over integers — about 5 ms per million documents.
 *
 * Loaded once per process in chunks, then kept current from `search_journal`, which triggers fill
 * whoever writes (this process, the command line, another host).
 */

export const HANDOVER_CODES = ['not_started', 'listed', 'packed', 'handed_over', 'received'] as const;
export const SECURITY_CODES = ['none', 'mat', 'toi_mat', 'tuyet_mat'] as const;
export const COMPLETION_CODES = ['none', 'completed', 'unfinished'] as const;
export const RETENTION_CLASS_CODES = ['none', 'permanent', 'fixed'] as const;

/** A dictionary of text values; code 0 is "no value". */
export class Dict {
  readonly values: string[] = [''];
  private readonly codes = new Map<string, number>();

  code(value: string | null | undefined): number {
    if (value === null || value === undefined || value === '') return 0;
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }

  find(value: string): number | undefined {
    return this.codes.get(value);
  }
}

/** An issuer is named with its superior body: `VĂN PHÒNG` of which Tỉnh ủy. */
export function issuerValue(issuer: string | null, parent: string | null): string | null {
  if (!issuer) return null;
  return parent ? `${issuer}\u0001${parent}` : issuer;
}

function grow<T extends Int32Array | Uint8Array | Uint16Array>(a: T, size: number, make: (n: number) => T, fill = 0): T {
  if (a.length >= size) return a;
  const b = make(Math.max(size, a.length * 2));
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

interface FileInfo {
  code: string;
  title: string;
}

const LOAD_CHUNK = 50_000;
/** Above this many pending journal entries, a full reload is cheaper than catching up. */
const RELOAD_ABOVE = 20_000;

export class FacetStore {
  present = new Uint8Array(1024);
  fonds = new Int32Array(1024);
  file = new Int32Array(1024);
  type = new Uint16Array(1024);
  issuer = new Int32Array(1024);
  signer = new Int32Array(1024);
  day = new Int32Array(1024);
  /** Numeric part of the number-symbol, -1 when none. */
  number = new Int32Array(1024).fill(-1);
  security = new Uint8Array(1024);
  maxId = 0;

  readonly types = new Dict();
  readonly issuers = new Dict();
  readonly signers = new Dict();
  readonly retentionCodes = new Dict();

  // Per file (by id).
  fileFonds = new Int32Array(256);
  fileRetClass = new Uint8Array(256);
  fileRet = new Uint16Array(256);
  fileCompletion = new Uint8Array(256);
  fileHandover = new Uint8Array(256);
  /** Codes and titles of the files shown so far (read on demand: a catalogue has tens of thousands). */
  readonly fileInfo = new Map<number, FileInfo>();

  // Structure: fonds, organizations, successions, retention labels.
  fondsOrg = new Int32Array(64);
  readonly fondsInfo = new Map<number, { code: string; name: string }>();
  readonly orgInfo = new Map<number, { name: string; level: string; endDate: string | null }>();
  readonly predecessors = new Map<number, number[]>();
  readonly successors = new Map<number, number[]>();
  readonly retentionInfo = new Map<string, { cls: 'permanent' | 'fixed'; labelVi: string; labelEn: string; order: number }>();

  /** Journal position this store reflects. */
  seq = 0;
  loaded = false;
  /** The documents' columns are loaded (see `ensureDocuments`). */
  documentsLoaded = false;

  constructor(
    private readonly repo: FacetColumnRepository,
    private readonly journal: SearchJournalRepository,
  ) {}

  /** Loads fonds, organizations and retention periods: what every search needs (a few hundred rows). */
  load(): void {
    this.seq = this.journal.head();
    this.loadStructure(this.repo.structure());
    this.loaded = true;
  }

  /**
   * Loads the files' and the documents' facet columns, the first time filters, facets or browsing need them (a
   * plain text search does not, so the first answer after opening does not wait for a million
   * rows): the integer columns in chunks, then each text column grouped by value (a value crosses
   * from SQLite once with its ids), then the removals.
   */
  ensureDocuments(): void {
    this.sync();
    if (this.documentsLoaded) return;
    for (const f of this.repo.files()) this.putFile(f);
    let after = 0;
    for (;;) {
      const rows = this.repo.documentNumbers(after, LOAD_CHUNK);
      if (rows.length === 0) break;
      const last = rows[rows.length - 1]![0];
      this.ensure(last);
      for (const [id, fondsId, fileId, number, security] of rows) {
        this.present[id] = 1;
        this.fonds[id] = fondsId;
        this.file[id] = fileId;
        this.number[id] = number;
        this.security[id] = security;
      }
      if (last > this.maxId) this.maxId = last;
      after = last;
      if (rows.length < LOAD_CHUNK) break;
    }
    const spread = (rows: Array<[string | null, string | null, string]>, put: (ids: string, a: string | null, b: string | null) => void) => {
      for (const [a, b, ids] of rows) put(ids, a, b);
    };
    const each = (ids: string, f: (id: number) => void) => {
      let n = 0;
      for (let i = 0; i <= ids.length; i++) {
        const c = i < ids.length ? ids.charCodeAt(i) : 44;
        if (c === 44) {
          f(n);
          n = 0;
        } else n = n * 10 + (c - 48);
      }
    };
    spread(this.repo.documentGroups('doc_type'), (ids, v) => {
      const code = this.types.code(v);
      each(ids, (id) => (this.type[id] = code));
    });
    spread(this.repo.documentGroups('issuer_pair'), (ids, issuer, parent) => {
      const code = this.issuers.code(issuerValue(issuer, parent));
      each(ids, (id) => (this.issuer[id] = code));
    });
    spread(this.repo.documentGroups('signer_name'), (ids, v) => {
      const code = this.signers.code(v);
      each(ids, (id) => (this.signer[id] = code));
    });
    spread(this.repo.documentGroups('issue_date'), (ids, v) => {
      const day = dayOf(v);
      each(ids, (id) => (this.day[id] = day));
    });
    for (const id of this.repo.removedIds()) if (id < this.present.length) this.present[id] = 0;
    this.documentsLoaded = true;
  }

  /** Catches up with changes written since the last call (by anyone). */
  sync(): void {
    if (!this.loaded) {
      this.load();
      return;
    }
    const head = this.journal.head();
    if (head === this.seq) return;
    if (head - this.seq > RELOAD_ABOVE || this.journal.tail() > this.seq + 1) {
      const hadDocuments = this.documentsLoaded;
      this.present.fill(0);
      this.maxId = 0;
      this.documentsLoaded = false;
      this.load();
      if (hadDocuments) this.ensureDocuments();
      return;
    }
    const docs = new Set<number>();
    const files = new Set<number>();
    let structure = false;
    for (let at = this.seq; at < head; ) {
      const batch = this.journal.since(at, 5_000);
      if (batch.length === 0) break;
      for (const e of batch) {
        if (e.kind === 'document' && e.entity_id !== null) docs.add(e.entity_id);
        else if (e.kind === 'file' && e.entity_id !== null) files.add(e.entity_id);
        else structure = true;
      }
      at = batch[batch.length - 1]!.seq;
    }
    if (structure) this.loadStructure(this.repo.structure());
    const ids = [...files];
    if (this.documentsLoaded) for (let i = 0; i < ids.length; i += 500) for (const f of this.repo.files(ids.slice(i, i + 500))) this.putFile(f);
    else for (const id of ids) this.fileInfo.delete(id);
    const dids = [...docs];
    if (this.documentsLoaded) for (let i = 0; i < dids.length; i += 500) for (const r of this.repo.documentRows(dids.slice(i, i + 500))) this.putDocument(r);
    this.seq = head;
  }

  private loadStructure(s: StructureRows): void {
    this.fondsInfo.clear();
    let maxFonds = 0;
    for (const f of s.fonds) maxFonds = Math.max(maxFonds, f.id);
    this.fondsOrg = new Int32Array(Math.max(64, maxFonds + 1));
    for (const f of s.fonds) {
      this.fondsOrg[f.id] = f.organization_id;
      this.fondsInfo.set(f.id, { code: f.code, name: f.name });
    }
    this.orgInfo.clear();
    for (const o of s.organizations) this.orgInfo.set(o.id, { name: o.name, level: o.level, endDate: o.end_date });
    this.predecessors.clear();
    this.successors.clear();
    for (const e of s.successions) {
      (this.predecessors.get(e.successor_id) ?? this.predecessors.set(e.successor_id, []).get(e.successor_id)!).push(e.predecessor_id);
      (this.successors.get(e.predecessor_id) ?? this.successors.set(e.predecessor_id, []).get(e.predecessor_id)!).push(e.successor_id);
    }
    this.retentionInfo.clear();
    for (const r of s.retention) this.retentionInfo.set(r.code, { cls: r.retention_class, labelVi: r.label_vi, labelEn: r.label_en, order: r.sort_order });
  }

  private putFile(f: FileFacetRow): void {
    const n = f.id + 1;
    this.fileFonds = grow(this.fileFonds, n, (k) => new Int32Array(k));
    this.fileRetClass = grow(this.fileRetClass, n, (k) => new Uint8Array(k));
    this.fileRet = grow(this.fileRet, n, (k) => new Uint16Array(k));
    this.fileCompletion = grow(this.fileCompletion, n, (k) => new Uint8Array(k));
    this.fileHandover = grow(this.fileHandover, n, (k) => new Uint8Array(k));
    this.fileFonds[f.id] = f.fonds_id;
    this.fileRetClass[f.id] = f.retention_class === 'permanent' ? 1 : f.retention_class === 'fixed' ? 2 : 0;
    this.fileRet[f.id] = this.retentionCodes.code(f.retention_code);
    this.fileCompletion[f.id] = f.completion === 'completed' ? 1 : f.completion === 'unfinished' ? 2 : 0;
    this.fileHandover[f.id] = Math.max(0, HANDOVER_CODES.indexOf(f.handover_status as (typeof HANDOVER_CODES)[number]));
    this.fileInfo.delete(f.id);
  }

  private ensure(id: number): void {
    if (id < this.present.length) return;
    const n = id + 1;
    this.present = grow(this.present, n, (k) => new Uint8Array(k));
    this.fonds = grow(this.fonds, n, (k) => new Int32Array(k));
    this.file = grow(this.file, n, (k) => new Int32Array(k));
    this.type = grow(this.type, n, (k) => new Uint16Array(k));
    this.issuer = grow(this.issuer, n, (k) => new Int32Array(k));
    this.signer = grow(this.signer, n, (k) => new Int32Array(k));
    this.day = grow(this.day, n, (k) => new Int32Array(k));
    this.number = grow(this.number, n, (k) => new Int32Array(k), -1);
    this.security = grow(this.security, n, (k) => new Uint8Array(k));
  }

  private putDocument(r: DocumentFacetRow): void {
    const [id, fondsId, fileId, docType, issuer, parent, signer, date, numberSymbol, security, removed] = r;
    this.ensure(id);
    if (id > this.maxId) this.maxId = id;
    this.present[id] = removed ? 0 : 1;
    this.fonds[id] = fondsId;
    this.file[id] = fileId ?? 0;
    this.type[id] = this.types.code(docType);
    this.issuer[id] = this.issuers.code(issuerValue(issuer, parent));
    this.signer[id] = this.signers.code(signer);
    this.day[id] = dayOf(date);
    const m = numberSymbol ? /^\s*(\d{1,9})/.exec(numberSymbol) : null;
    this.number[id] = m ? Number(m[1]) : -1;
    this.security[id] = Math.max(0, SECURITY_CODES.indexOf((security ?? 'none') as (typeof SECURITY_CODES)[number]));
  }

  /** Code and title of each file, read once for those not yet known. */
  fileLabels(ids: Iterable<number>): Map<number, FileInfo> {
    const missing = [...new Set(ids)].filter((id) => id > 0 && !this.fileInfo.has(id));
    for (let i = 0; i < missing.length; i += 500) {
      for (const f of this.repo.fileLabels(missing.slice(i, i + 500))) this.fileInfo.set(f.id, { code: f.code, title: f.title });
    }
    return this.fileInfo;
  }

  /** Organizations whose records a filter on `ids` should include: themselves, and their 2025 lineage. */
  lineage(ids: readonly number[]): Set<number> {
    const out = new Set<number>();
    const walk = (start: number, edges: Map<number, number[]>) => {
      const stack = [start];
      while (stack.length > 0) {
        const o = stack.pop()!;
        for (const n of edges.get(o) ?? []) {
          if (!out.has(n)) {
            out.add(n);
            stack.push(n);
          }
        }
      }
    };
    for (const id of ids) {
      out.add(id);
      walk(id, this.predecessors);
      walk(id, this.successors);
    }
    return out;
  }

  /** Fonds held by the given organizations. */
  fondsOf(orgIds: ReadonlySet<number>): number[] {
    const out: number[] = [];
    for (const [fondsId] of this.fondsInfo) if (orgIds.has(this.fondsOrg[fondsId]!)) out.push(fondsId);
    return out;
  }
}

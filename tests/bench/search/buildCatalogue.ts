import fs from 'node:fs';
import { Catalogue } from '../../../electron/data/catalogue';
import { findCitations } from '../../../shared/parser/citations';
import { corpusOrganizations, generateDocuments, type GeneratedDocument } from '../corpus/generate';
import { documentFieldsOf } from '../corpus/documentFields';

/**
 * Builds a catalogue of generated documents the fast way: straight through the repositories, in
 * large transactions (not through the one-file importer). The first `texts` documents carry their
 * full text; the rest metadata only. Documents are filed in hồ sơ per fonds, year and retention,
 * with completion and handover states, so every facet has values.
 */

export interface BuildOptions {
  size: number;
  texts: number;
  seed: number;
  /**
   * Store the citations read from the texts, as the importer does (default false: the import
   * area's linking trigger then runs for every later document, which a million-row build cannot
   * afford; search does not read them).
   */
  citations?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface BuildReport {
  documents: number;
  withText: number;
  textBytes: number;
  totalMs: number;
  /** Time spent writing the search index (fold, FTS rows, keys). */
  indexMs: number;
  files: number;
  fonds: number;
}

const PERMANENT_TYPES = new Set(['NGHỊ QUYẾT', 'KẾT LUẬN', 'CHỈ THỊ', 'QUY CHẾ', 'QUY ĐỊNH', 'QUYẾT ĐỊNH', 'ĐỀ ÁN', 'CHƯƠNG TRÌNH', 'BIÊN BẢN']);
const BATCH = 2_000;

function retentionOf(docType: string): string {
  if (PERMANENT_TYPES.has(docType)) return 'VV';
  if (docType === 'BÁO CÁO' || docType === 'KẾ HOẠCH' || docType === 'HƯỚNG DẪN') return '20';
  return '10';
}

function* stream(o: BuildOptions): Generator<GeneratedDocument> {
  yield* generateDocuments({ count: Math.min(o.texts, o.size), seed: o.seed });
  if (o.size > o.texts) yield* generateDocuments({ count: o.size - o.texts, seed: o.seed, startIndex: o.texts, withText: false });
}

export function buildCatalogue(path: string, o: BuildOptions): BuildReport {
  fs.rmSync(path, { force: true });
  fs.rmSync(`${path}-wal`, { force: true });
  fs.rmSync(`${path}-shm`, { force: true });
  const started = performance.now();
  const cat = Catalogue.open(path);
  const { repos } = cat;
  const now = '2025-11-30T08:00:00.000Z';
  // Bulk load: the safety of FULL sync is not needed for a generated benchmark catalogue.
  cat.db.pragma('synchronous = OFF');
  const orgs = corpusOrganizations(o.seed);
  const orgId = new Map<string, number>();
  const fondsId = new Map<string, number>();
  cat.transaction(() => {
    for (const org of orgs) {
      orgId.set(
        org.code,
        repos.organizations.insert({ code: org.code, name: org.name, level: org.level, parentId: org.parentCode ? (orgId.get(org.parentCode) ?? null) : null, startDate: org.startDate, endDate: org.endDate }, now),
      );
    }
    for (const org of orgs) for (const s of org.successorCodes) repos.organizations.addSuccession(orgId.get(org.code)!, orgId.get(s)!, '2025-07-01', 'Sắp xếp tổ chức bộ máy 2025');
    for (const org of orgs) {
      if (org.fondsCode !== org.code) continue;
      fondsId.set(org.code, repos.fonds.insert({ code: org.code, name: `Phông ${org.name}`, organizationId: orgId.get(org.code)!, status: org.endDate ? 'closed' : 'open' }, now));
    }
  });
  const closed = new Set(orgs.filter((x) => x.endDate).map((x) => x.fondsCode));
  const files = new Map<string, number>();
  let indexMs = 0;
  let n = 0;
  let withText = 0;
  let textBytes = 0;
  let batch: GeneratedDocument[] = [];
  const flush = () => {
    cat.transaction(() => {
      for (const d of batch) {
        const t = d.truth;
        const fid = fondsId.get(d.fondsCode)!;
        const year = d.date.slice(0, 4);
        const ret = retentionOf(t.docType);
        let fileId: number | null = null;
        // A few documents wait unfiled, as in any intake.
        if (d.index % 37 !== 5) {
          const key = `${d.fondsCode}|${year}|${ret}`;
          fileId = files.get(key) ?? null;
          if (fileId === null) {
            const seq = files.size + 1;
            const isClosed = closed.has(d.fondsCode);
            fileId = repos.files.insert(
              {
                fondsId: fid,
                code: `${year}.${ret}.${seq}`,
                title: `${ret === 'VV' ? 'Nghị quyết, quyết định, kết luận' : ret === '20' ? 'Báo cáo, kế hoạch, hướng dẫn' : 'Công văn, thông báo'} năm ${year}`,
                startDate: `${year}-01-01`,
                endDate: `${year}-12-31`,
                retentionCode: seq % 41 === 0 ? null : ret,
                completion: Number(year) >= 2025 && seq % 3 === 0 ? 'unfinished' : seq % 29 === 0 ? null : 'completed',
                handoverStatus: isClosed ? (['listed', 'packed', 'handed_over'] as const)[seq % 3] : 'not_started',
                box: String(1 + (seq % 60)),
              },
              now,
            );
            files.set(key, fileId);
          }
        }
        const text = d.text.normalize('NFC');
        const id = repos.documents.insert(
          documentFieldsOf(t, { fondsId: fid, fileId, orderInFile: null, sheetNumber: null, securityLevel: t.securityLevel, fullText: text }),
          now,
        );
        // Citations as the importer stores them (read from the text), so "cites / cited by" link up.
        if (o.citations && text.length > 0) repos.citations.insertForDocument(id, findCitations(text, t.numberSymbol));
        const a = performance.now();
        repos.searchIndex.upsert(id, { body: text });
        indexMs += performance.now() - a;
        if (text.length > 0) {
          withText++;
          textBytes += Buffer.byteLength(text);
        }
      }
    });
    n += batch.length;
    batch = [];
    o.onProgress?.(n, o.size);
  };
  for (const d of stream(o)) {
    batch.push(d);
    if (batch.length >= BATCH) flush();
  }
  flush();
  const a = performance.now();
  // One merge of the index segments, as a maintenance step would do after a large intake.
  cat.db.exec("INSERT INTO document_fts(document_fts) VALUES ('optimize'); INSERT INTO document_meta_fts(document_meta_fts) VALUES ('optimize')");
  indexMs += performance.now() - a;
  repos.settings.set('bench.corpus', JSON.stringify({ size: o.size, texts: o.texts, seed: o.seed }));
  cat.db.pragma('wal_checkpoint(TRUNCATE)');
  cat.close();
  return { documents: n, withText, textBytes, totalMs: performance.now() - started, indexMs, files: files.size, fonds: fondsId.size };
}

/** The parameters a cached catalogue was built with, or null when there is none. */
export function builtWith(path: string): { size: number; texts: number; seed: number } | null {
  if (!fs.existsSync(path)) return null;
  try {
    const cat = Catalogue.open(path);
    const v = cat.repos.settings.get('bench.corpus');
    cat.close();
    return v ? (JSON.parse(v) as { size: number; texts: number; seed: number }) : null;
  } catch {
    return null;
  }
}

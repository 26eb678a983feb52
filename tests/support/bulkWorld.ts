/**
 * A catalogue of generated party documents for the bulk tests: a dissolved district committee and
 * its successor, each with a fonds; yearly files (hồ sơ) with their dates; documents written
 * straight through the repositories (and indexed), some secret, some waiting for review, some
 * unfiled — as an intake looks before it is arranged.
 */
import { generateDocuments } from '../bench/corpus/generate';
import { documentFieldsOf } from '../bench/corpus/documentFields';
import { openTestApp, tempDir, type TestApp } from './services';
import { createServices } from '../../electron/services/createServices';
import { testAppOf } from './services';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { InputOf } from '../../shared/contract/api';
import { SAMPLES_DIR } from './paths';

export interface BulkWorld {
  app: TestApp;
  orgId: number;
  successorId: number;
  fondsId: number;
  otherFondsId: number;
  /** Files by year (each dated 1 January – 31 December). */
  fileByYear: Map<number, number>;
  /** Every document, in id order, with its year and whether it is secret / waiting for review. */
  docs: Array<{ id: number; fondsId: number; fileId: number | null; year: number; docType: string | null; secret: boolean; review: boolean }>;
}

export interface WorldOptions {
  count?: number;
  /** How many documents carry their full text (the rest metadata only); default all. */
  texts?: number;
  /** Secret documents hidden from the caller (as in the browser host) instead of shown. */
  secretsHidden?: boolean;
  seed?: number;
}

export async function bulkWorld(o: WorldOptions = {}): Promise<BulkWorld> {
  const dir = tempDir('kholuu-bulk-');
  const app = o.secretsHidden
    ? (() => {
        const cataloguePath = path.join(dir, 'catalogue.sqlite');
        return testAppOf(dir, cataloguePath, createServices({ cataloguePath, host: 'test', version: '0.0.0-test', samplesDir: SAMPLES_DIR, actor: 'tester', secretsVisibleByDefault: false }));
      })()
    : openTestApp(dir);
  const org = await app.call('organizations.create', { name: 'Huyện ủy Krông Pắc', level: 'district', endDate: '2025-06-30' });
  const successor = await app.call('organizations.create', { name: 'Đảng ủy xã Krông Pắc', level: 'commune', startDate: '2025-07-01' });
  const fonds = await app.call('fonds.create', { code: 'HU-KP', name: 'Phông Huyện ủy Krông Pắc', organizationId: org.id, status: 'closed' });
  const other = await app.call('fonds.create', { code: 'DU-KP', name: 'Phông Đảng ủy xã Krông Pắc', organizationId: successor.id });
  const fileByYear = new Map<number, number>();
  for (const year of [2022, 2023, 2024, 2025]) {
    const f = await app.call('files.create', { fondsId: fonds.id, code: String(year - 2021), title: `Văn bản của Huyện ủy năm ${year}`, startDate: `${year}-01-01`, endDate: `${year}-12-31`, retentionCode: year === 2025 ? null : 'VV' });
    fileByYear.set(year, f.id);
  }
  const { catalogue } = app.services.context;
  const { repos } = catalogue;
  const docs: BulkWorld['docs'] = [];
  const count = o.count ?? 60;
  const now = catalogue.now();
  catalogue.transaction(() => {
    let i = 0;
    const texts = Math.min(count, o.texts ?? count);
    const all = [...generateDocuments({ count: texts, seed: o.seed ?? 7 }), ...(count > texts ? generateDocuments({ count: count - texts, seed: o.seed ?? 7, startIndex: texts, withText: false }) : [])];
    for (const d of all) {
      // Dates spread over 2022–2025 so the yearly files hold them.
      const year = 2022 + (i % 4);
      const issueDate = `${year}${d.truth.issueDate ? d.truth.issueDate.slice(4) : '-06-15'}`.replace(/-02-29$/, '-02-28');
      const inOther = i % 10 === 9;
      const unfiled = !inOther && i % 5 === 1;
      const fondsId = inOther ? other.id : fonds.id;
      const fileId = inOther || unfiled ? null : fileByYear.get(year)!;
      const secret = i % 12 === 3;
      const review = i % 3 === 0;
      const fields = documentFieldsOf({ ...d.truth, issueDate }, { fondsId, fileId, orderInFile: null, sheetNumber: null, securityLevel: secret ? 'mat' : null, fullText: d.text.normalize('NFC') });
      const id = repos.documents.insert({ ...fields, reviewFields: review ? ['issuer', 'signerName'] : [] }, now);
      repos.searchIndex.upsert(id, { body: fields.fullText });
      docs.push({ id, fondsId, fileId, year, docType: fields.docType, secret, review });
      i++;
    }
  });
  return { app, orgId: org.id, successorId: successor.id, fondsId: fonds.id, otherFondsId: other.id, fileByYear, docs };
}

/** Runs a bulk action to the end (waiting for its job if it became one) and returns its result. */
export async function runBulk(app: TestApp, input: InputOf<'bulk.start'>) {
  const started = await app.call('bulk.start', input);
  if (started.result) return started.result;
  for (;;) {
    const status = await app.call('jobs.get', { jobId: started.jobId! });
    if (status.state === 'done') return (await app.call('bulk.jobResult', { jobId: started.jobId! })).result!;
    if (status.state !== 'running') throw new Error(`bulk job ${status.state}: ${status.error}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Audit rows of one action, oldest first. */
export function auditRows(app: TestApp, action: string): Array<{ entity_type: string; entity_id: number; before_json: string | null; after_json: string | null }> {
  return app.services.context.catalogue.db.prepare('SELECT entity_type, entity_id, before_json, after_json FROM audit_log WHERE action = ? ORDER BY id').all(action) as never;
}

/** A `world()` for a test file: each world made is closed after its test. */
export function bulkWorlds(): (o?: WorldOptions) => Promise<BulkWorld> {
  const open: BulkWorld[] = [];
  afterEach(async () => {
    while (open.length > 0) await open.pop()!.app.close();
  });
  return async (o = {}) => {
    const w = await bulkWorld(o);
    open.push(w);
    return w;
  };
}

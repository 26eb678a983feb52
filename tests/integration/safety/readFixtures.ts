/**
 * Example calls of every query of the contract (operations with `mutates: false`), for the sweep
 * that looks for secret records in what a locked viewer is shown (lockedViewerSweep.test.ts).
 * A NEW QUERY NEEDS AN ENTRY HERE (the sweep fails until it has one): give the inputs that reach
 * secret records, if any can — by their ids, their file, their fonds, a run or a batch that holds
 * them, words of their subject.
 *
 * Each entry may first make calls of its own (as the locked viewer) to reach a state, e.g. start a
 * job whose status it then reads.
 */
import path from 'node:path';
import type { OperationName } from '../../../shared/contract/api';
import { FORM_FORMATS } from '../../../electron/services/handover/exports/exporter';
import type { ExportForm, ExportFormat } from '../../../shared/contract/types/handover';
import { type CanaryWorld, CANARY_NUMBER, canaryText } from '../../support/secretCanary';
import { type TestApp, tempDir, waitForJob } from '../../support/services';

export interface ReadWorld extends CanaryWorld {
  app: TestApp;
}

export type ReadFixture = (w: ReadWorld) => unknown[] | Promise<unknown[]>;

/** Every form in every format it comes in. */
const EXPORT_FORMS = (Object.entries(FORM_FORMATS) as Array<[ExportForm, ExportFormat[]]>).flatMap(([form, formats]) => formats.map((format) => [form, format] as const));

const ids = (w: ReadWorld) => [...w.documentIds, ...w.secretIds];

export const READ_FIXTURES: Partial<Record<OperationName, ReadFixture>> = {
  'app.info': () => [{}],
  'app.counts': () => [{}],
  'app.codeLists': () => [{}],
  'organizations.list': () => [{}],
  'fonds.list': () => [{}],
  'fonds.get': (w) => [{ id: w.fondsId }],
  'fileLists.list': (w) => [{ fondsId: w.fondsId }],
  'files.list': (w) => [{ fondsId: w.fondsId }],
  'files.get': (w) => [{ id: w.fixedFileId }, { id: w.permanentFileId }],
  'documents.list': (w) => [{ fondsId: w.fondsId }, { fileId: w.fixedFileId }, { fileId: w.permanentFileId }, { fondsId: w.fondsId, unfiled: true }],
  'documents.get': (w) => ids(w).map((id) => ({ id })),
  'jobs.get': async (w) => {
    // The viewer imports the secret bytes again under an innocent name: a duplicate of a record they may not see.
    const { jobId } = await w.app.call('import.start', { target: { fondsId: w.fondsId }, uploads: [{ name: 'ban-sao.txt', contentBase64: Buffer.from(canaryText()).toString('base64') }] });
    await waitForJob(w.app, jobId);
    return [{ jobId }];
  },
  'search.query': () => [
    { text: '' },
    { text: 'canarysubj' },
    // One letter off a word found only in secret records: no correction may offer it.
    { text: 'canarysubk' },
    { text: 'canarx' },
    { text: 'bao cao kiem tra' },
    { text: CANARY_NUMBER },
    { text: '97531' },
    { text: 'kiem tra', facets: true },
    { text: '', filters: { securityLevels: ['mat', 'toi_mat', 'tuyet_mat'] } },
    { text: '', filters: { dateFrom: '2010-01-01', dateTo: '2010-12-31' } },
  ],
  'audit.list': (w) => [{ limit: 1_000 }, ...ids(w).map((documentId) => ({ documentId })), { entityType: 'document', limit: 1_000 }, { entityType: 'attachment', limit: 1_000 }],

  'importRuns.list': () => [{}],
  'importRuns.get': (w) => w.runIds.map((runId) => ({ runId })),
  'importRuns.items': (w) => w.runIds.map((runId) => ({ runId })),
  'importRuns.export': (w) => w.runIds.flatMap((runId) => [{ runId, format: 'csv' }, { runId, format: 'json' }]),
  'documents.citations': (w) => ids(w).map((id) => ({ id })),
  'citations.missing': () => [{}],
  'review.list': () => [{}, { limit: 100 }],
  'review.summary': () => [{}],
  'review.history': (w) => ids(w).map((documentId) => ({ documentId })),
  'registers.preview': () => [{ source: { upload: { name: 'so.csv', contentBase64: Buffer.from('Số ký hiệu,Trích yếu\r\n12-CV/HU,Về việc mua văn phòng phẩm\r\n').toString('base64') } } }],
  'documents.readingInfo': (w) => ids(w).map((id) => ({ id })),

  'search.facets': () => [{ text: '' }, { text: 'kiem tra' }, { text: 'canarysubj' }],
  'search.suggest': () => [{ text: 'canary' }, { text: 'bao cao' }, { text: '9753' }],
  'search.saved.list': () => [{}],
  'search.history.list': () => [{ limit: 500 }],

  'handover.inventory': (w) => [{ fondsId: w.fondsId }, { organizationId: w.orgId }],
  'handover.batches.list': () => [{}],
  'handover.batches.get': (w) => [{ id: w.batchId }],
  'handover.batches.candidates': (w) => [{ batchId: w.batchId, fondsId: w.fondsId }],
  'handover.export': (w) => {
    const out = tempDir('kholuu-sweep-exports-');
    return EXPORT_FORMS.flatMap(([form, format], i) => [
      { fondsId: w.fondsId, form, format, out: path.join(out, `phong-${i}.${format}`), download: true },
      { batchId: w.batchId, form, format, out: path.join(out, `dot-${i}.${format}`) },
    ]).filter((input) => !(input.form === 'minutes' && 'fondsId' in input));
  },
  'handover.verify.start': (w) => [{ path: w.packagePath }],
  // Encrypts the world the sweep reads: the queries after this one run on the encrypted catalogue.
  'catalogue.passphraseResult': async (w) => {
    const { jobId } = await w.app.call('catalogue.setPassphrase', { next: 'mật khẩu của lượt quét dài' });
    await waitForJob(w.app, jobId);
    return [{ jobId }];
  },
  'handover.jobResult': async (w) => {
    const { jobId } = await w.app.call('handover.verify.start', { path: w.packagePath });
    await waitForJob(w.app, jobId);
    return [{ jobId }];
  },

  'originals.content': (w) => w.secretAttachmentIds.flatMap((attachmentId) => [{ attachmentId }, { attachmentId, purpose: 'save' }]),
  'originals.preview': (w) => w.secretAttachmentIds.map((attachmentId) => ({ attachmentId })),

  'documents.pages': (w) => ids(w).map((id) => ({ id })),
  'bulk.count': (w) => [
    { target: 'documents', selection: { kind: 'list', fondsId: w.fondsId } },
    { target: 'documents', selection: { kind: 'list', fileId: w.fixedFileId } },
    { target: 'documents', selection: { kind: 'search', text: 'bao cao kiem tra' } },
    { target: 'documents', selection: { kind: 'ids', ids: w.secretIds } },
    { target: 'files', selection: { kind: 'list', fondsId: w.fondsId } },
  ],
  'bulk.operations': () => [{ limit: 200 }],
  // Removed bodies and fonds: names of organizations and fonds, never of documents.
  'structure.removed': () => [{}],
  'bulk.jobResult': async (w) => {
    const { jobId } = await w.app.call('import.start', { target: { fondsId: w.fondsId }, uploads: [{ name: 'ban-sao-2.txt', contentBase64: Buffer.from(canaryText()).toString('base64') }] });
    await waitForJob(w.app, jobId);
    return [{ jobId }];
  },

  'audit.verify': () => [{}],
  'integrity.check': () => [{ originals: true }],
  'backups.list': () => [{}],
  'backups.settings': () => [{}],
  'backups.verify': (w) => [{ id: w.backupId }],
  'backups.previewRestore': (w) => [{ id: w.backupId }],
  'removed.list': () => [{}],
  'destruction.candidates': () => [{}],
  'destruction.list': () => [{}],
  'destruction.get': (w) => [{ id: w.decisionId }],
  'access.status': () => [{}],
  'catalogue.lockState': () => [{}],
  'catalogue.unlock': () => [{ passphrase: 'không cần' }],
  'catalogue.encryption': () => [{}],
};

/**
 * One example call for every operation of the contract marked `mutates: true`, used by
 * everyMutationIsAudited.test.ts to prove that each leaves an audit row when it changes the
 * catalogue. A NEW MUTATING OPERATION NEEDS AN ENTRY HERE (the test fails until it has one).
 *
 * Each entry gets a fresh copy of a small catalogue (`World`): an organization and its successor,
 * a closed fonds with a fixed-term file (expired) and a permanent one, three imported documents.
 * `input` may first do other calls to reach the state the operation needs (those are not
 * measured); `settle` waits for work the operation left running (jobs).
 *
 * The rule for operations that legitimately change nothing: the test compares a fingerprint of
 * every table except the audit log before and after. A change without an audit row fails. An
 * entry whose call changes no record says why in `changesNothing` (it may still write audit
 * rows, as unlocking secrets does); every other entry must change something.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OperationName } from '../../../shared/contract/api';
import { SEED } from '../../support/paths';
import type { TestApp } from '../../support/services';
import { tempDir, waitForJob } from '../../support/services';
import { openSafetyApp } from '../../support/safety';

export interface World {
  app: TestApp;
  orgId: number;
  successorId: number;
  fondsId: number;
  fixedFileId: number;
  permanentFileId: number;
  documentIds: number[];
}

export interface MutationFixture {
  input(w: World): unknown | Promise<unknown>;
  settle?(w: World, result: unknown): Promise<void>;
  changesNothing?: string;
  /**
   * Tables the operation writes without an audit row because they hold no record (e.g. the user's
   * own search history), with why. They are left out of the comparison for this operation only.
   */
  unaudited?: { tables: string[]; why: string };
}

const waitJobOf = async (w: World, result: unknown) => {
  const job = await waitForJob(w.app, (result as { jobId: string }).jobId);
  if (job.state === 'failed') throw new Error(`job failed: ${job.error}`);
};

async function backupId(w: World): Promise<string> {
  return (await w.app.call('backups.create', {})).id;
}

async function decision(w: World, stage: 'approved' | 'exported' | 'executed') {
  const d = await w.app.call('destruction.record', {
    decisionNumber: `${Math.floor(Math.random() * 1e6)}-QĐ/VPHU`,
    decisionDate: '2025-03-01',
    approvedBy: 'Chánh Văn phòng Huyện ủy',
    fileIds: [w.fixedFileId],
  });
  if (stage === 'approved') return { id: d.id, sha: '' };
  const list = await w.app.call('destruction.exportList', { id: d.id });
  if (stage === 'executed') await w.app.call('destruction.confirm', { id: d.id, listSha256: list.sha256 });
  return { id: d.id, sha: list.sha256 };
}

/** A handover batch of the fixed-term file, taken to the given step. */
async function batch(w: World, stage: 'empty' | 'draft' | 'listed' | 'packed' | 'handed_over') {
  const created = await w.app.call('handover.batches.create', {
    code: `BG-${Math.floor(Math.random() * 1e6)}`,
    fromOrganizationId: w.orgId,
    toOrganizationId: w.successorId,
    recipientKind: 'successor',
  });
  const id = created.id;
  if (stage === 'empty') return id;
  await w.app.call('handover.batches.addFiles', { batchId: id, fileIds: [w.fixedFileId, w.permanentFileId] });
  if (stage === 'draft') return id;
  await w.app.call('handover.batches.assignBoxes', { batchId: id, filesPerBox: 10 });
  await w.app.call('handover.batches.advance', { id, to: 'listed' });
  if (stage === 'listed') return id;
  const { jobId } = await w.app.call('handover.package.start', { batchId: id, out: path.join(tempDir('kholuu-package-'), 'goi-ban-giao.zip'), zip: true });
  const job = await waitForJob(w.app, jobId);
  if (job.state !== 'done') throw new Error(`packaging failed: ${job.error}`);
  if (stage === 'packed') return id;
  await w.app.call('handover.batches.update', {
    id,
    patch: { handoverDate: '2025-07-01', senderRepresentative: 'Nguyễn Văn A', senderPosition: 'Chánh Văn phòng', receiverRepresentative: 'Trần Thị B', receiverPosition: 'Văn thư' },
  });
  await w.app.call('handover.batches.advance', { id, to: 'handed_over' });
  return id;
}

export const MUTATION_FIXTURES: Partial<Record<OperationName, MutationFixture>> = {
  'settings.update': { input: () => ({ locale: 'en' }) },
  'samples.load': { input: () => ({}) },
  'organizations.create': { input: () => ({ name: 'Đảng ủy xã Ea Kiết', level: 'commune' }) },
  'organizations.update': { input: (w) => ({ id: w.orgId, patch: { notes: 'Giải thể theo Nghị quyết 60-NQ/TW' } }) },
  'organizations.addSuccessor': {
    input: async (w) => {
      const other = await w.app.call('organizations.create', { name: 'Đảng ủy xã Cư M’gar', level: 'commune' });
      return { predecessorId: w.orgId, successorId: other.id, effectiveDate: '2025-07-01' };
    },
  },
  'fonds.create': { input: (w) => ({ code: 'DU-EK', name: 'Phông Đảng ủy xã Ea Kiết', organizationId: w.successorId }) },
  'fonds.update': { input: (w) => ({ id: w.fondsId, patch: { history: 'Thành lập năm 1977; kết thúc hoạt động 30/6/2025.' } }) },
  'fileLists.create': { input: (w) => ({ fondsId: w.fondsId, number: '2', year: 2025, title: 'Mục lục hồ sơ năm 2025' }) },
  'files.create': { input: (w) => ({ fondsId: w.fondsId, code: '7', title: 'Hồ sơ hội nghị Ban Chấp hành', retentionCode: 'VV' }) },
  'files.update': { input: (w) => ({ id: w.fixedFileId, patch: { box: 'Hộp 3' } }) },
  'documents.update': { input: (w) => ({ id: w.documentIds[0], patch: { notes: 'Bản chính, còn tốt' } }) },
  'import.start': {
    input: (w) => ({ target: { fondsId: w.fondsId, fileId: w.permanentFileId }, paths: [SEED.laoCai] }),
    settle: waitJobOf,
  },
  'import.upload': (() => {
    // The second half of an upload announced as two files: it goes into the run the first started.
    let jobId = '';
    const upload = (file: string) => ({ name: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64') });
    return {
      input: async (w: World) => {
        ({ jobId } = await w.app.call('import.start', { target: { fondsId: w.fondsId }, uploads: [upload(SEED.laoCai)], uploadTotal: 2 }));
        return { jobId, uploads: [upload(SEED.haTinh)], last: true };
      },
      settle: (w: World) => waitJobOf(w, { jobId }),
    };
  })(),
  'jobs.cancel': {
    input: async (w) => {
      const { jobId } = await w.app.call('import.start', { target: { fondsId: w.fondsId }, paths: [SEED.laoCai] });
      await waitForJob(w.app, jobId);
      return { jobId };
    },
    changesNothing: 'cancelling a job that has finished changes no record',
  },
  'import.resume': {
    input: async (w) => {
      // A folder of many copies so the run is still going when it is cancelled.
      const dir = tempDir('kholuu-resume-');
      const text = fs.readFileSync(SEED.haTinh, 'utf8');
      for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `van-ban-${i}.txt`), `${text}\n\nBản sao số ${i}.`);
      const { jobId } = await w.app.call('import.start', { target: { fondsId: w.fondsId }, paths: [dir] });
      const job = await w.app.call('jobs.cancel', { jobId });
      await waitForJob(w.app, jobId);
      return { runId: job.runId };
    },
    settle: waitJobOf,
  },
  'citations.link': {
    input: async (w) => {
      for (const id of w.documentIds) {
        const cites = await w.app.call('documents.citations', { id });
        const c = (cites as { cites?: Array<{ id: number }> }).cites?.[0];
        if (c) return { citationId: c.id, documentId: w.documentIds.find((d) => d !== id)! };
      }
      throw new Error('no citation among the seed documents');
    },
  },
  'review.confirm': {
    input: async (w) => {
      for (const id of w.documentIds) {
        const doc = await w.app.call('documents.get', { id });
        if (doc.reviewFields.length > 0) return { documentId: id, fields: [doc.reviewFields[0]] };
      }
      throw new Error('no document waiting for review');
    },
  },

  'registers.import': {
    input: (w) => ({
      target: { fondsId: w.fondsId },
      source: { upload: { name: 'so-dang-ky-cong-van-den.csv', contentBase64: Buffer.from('Số ký hiệu,Trích yếu\r\n12-CV/HU,Về việc mua văn phòng phẩm năm 2010\r\n').toString('base64') } },
      headerRow: 0,
      mapping: { numberSymbol: 0, subject: 1 },
    }),
    settle: waitJobOf,
  },

  'search.saved.save': { input: () => ({ name: 'Kết luận của Tỉnh ủy', query: { text: 'ket luan tinh uy' } }) },
  'search.saved.delete': {
    input: async (w) => ({ id: (await w.app.call('search.saved.save', { name: 'Tạm', query: { text: 'ban giao' } })).id }),
  },
  'search.history.record': {
    input: () => ({ query: { text: 'ban giao tai lieu' }, total: 1 }),
    changesNothing: 'records no archival record: only the user’s own search history, which is not audited by design (the search area)',
    unaudited: { tables: ['search_history'], why: 'the history is a log of the user’s own searches, not of the records' },
  },
  'search.history.clear': {
    input: async (w) => {
      await w.app.call('search.history.record', { query: { text: 'ban giao' }, total: 1 });
      return {};
    },
  },

  // Handover (written by the safety area from the handover rules; the handover area owns them)
  'handover.batches.create': { input: (w) => ({ code: 'BG-01', fromOrganizationId: w.orgId, toOrganizationId: w.successorId, recipientKind: 'successor' }) },
  'handover.batches.update': { input: async (w) => ({ id: await batch(w, 'empty'), patch: { place: 'Ea Súp, Đắk Lắk' } }) },
  'handover.batches.addFiles': { input: async (w) => ({ batchId: await batch(w, 'empty'), fileIds: [w.fixedFileId] }) },
  'handover.batches.removeFiles': { input: async (w) => ({ batchId: await batch(w, 'draft'), fileIds: [w.permanentFileId] }) },
  'handover.batches.assignBoxes': { input: async (w) => ({ batchId: await batch(w, 'draft'), filesPerBox: 1 }) },
  'handover.batches.advance': {
    input: async (w) => {
      const id = await batch(w, 'draft');
      await w.app.call('handover.batches.assignBoxes', { batchId: id, filesPerBox: 10 });
      return { id, to: 'listed' };
    },
  },
  'handover.batches.reopen': { input: async (w) => ({ id: await batch(w, 'listed'), reason: 'Bổ sung hồ sơ còn thiếu' }) },
  'handover.batches.recordReceipt': { input: async (w) => ({ id: await batch(w, 'handed_over'), note: 'Biên bản giao nhận số 12-BB/VPHU đã ký' }) },
  'handover.package.start': {
    input: async (w) => ({ batchId: await batch(w, 'listed'), out: path.join(tempDir('kholuu-package-'), 'goi-ban-giao.zip'), zip: true }),
    settle: waitJobOf,
  },
  'handover.receive.start': {
    input: async () => {
      // A package made by another catalogue (a dissolved district committee's), received here.
      const src = openSafetyApp(tempDir('kholuu-sender-'));
      try {
        const org = await src.call('organizations.create', { name: 'Huyện ủy Buôn Đôn', level: 'district', endDate: '2025-06-30' });
        const fonds = await src.call('fonds.create', { code: 'HU-BD', name: 'Phông Huyện ủy Buôn Đôn', organizationId: org.id, status: 'closed' });
        const fixed = await src.call('files.create', { fondsId: fonds.id, code: '3', title: 'Kết luận của Tỉnh ủy', retentionCode: 'VV', startDate: '2025-01-02', endDate: '2025-06-30' });
        const permanent = await src.call('files.create', { fondsId: fonds.id, code: '4', title: 'Báo cáo tổng kết', retentionCode: 'VV', startDate: '2025-01-02', endDate: '2025-06-30' });
        const successor = await src.call('organizations.create', { name: 'Đảng ủy xã Ea Súp (mới)', level: 'commune' });
        const { jobId } = await src.call('import.start', { target: { fondsId: fonds.id, fileId: fixed.id }, paths: [SEED.haTinh] });
        await waitForJob(src, jobId);
        const sender: World = { app: src, orgId: org.id, successorId: successor.id, fondsId: fonds.id, fixedFileId: fixed.id, permanentFileId: permanent.id, documentIds: [] };
        const id = await batch(sender, 'packed');
        const packagePath = (await src.call('handover.batches.get', { id })).package?.path;
        if (!packagePath) throw new Error('no package path on the batch');
        return { path: packagePath };
      } finally {
        await src.close();
      }
    },
    settle: waitJobOf,
  },

  'backups.configure': { input: () => ({ intervalHours: 6, keepLast: 5 }) },
  'backups.create': { input: () => ({ note: 'Trước đợt bàn giao' }), changesNothing: 'a backup copies the catalogue; it is audited (with its SHA-256) but changes no record' },
  'backups.restore': {
    input: async (w) => {
      const id = await backupId(w);
      await w.app.call('files.update', { id: w.fixedFileId, patch: { box: 'Hộp 9' } });
      const preview = await w.app.call('backups.previewRestore', { id });
      return { id, confirmToken: preview.confirmToken };
    },
  },
  'documents.remove': { input: (w) => ({ id: w.documentIds[0], reason: 'Nhập nhầm phông' }) },
  'documents.restore': {
    input: async (w) => {
      await w.app.call('documents.remove', { id: w.documentIds[0]!, reason: 'Nhập nhầm phông' });
      return { id: w.documentIds[0], reason: 'Gỡ nhầm' };
    },
  },
  'files.remove': { input: (w) => ({ id: w.permanentFileId, reason: 'Lập trùng hồ sơ' }) },
  'files.restore': {
    input: async (w) => {
      await w.app.call('files.remove', { id: w.permanentFileId, reason: 'Lập trùng hồ sơ' });
      return { id: w.permanentFileId };
    },
  },
  'destruction.record': {
    input: (w) => ({ decisionNumber: '15-QĐ/VPHU', decisionDate: '2025-03-01', approvedBy: 'Chánh Văn phòng Huyện ủy', fileIds: [w.fixedFileId] }),
  },
  'destruction.exportList': { input: async (w) => ({ id: (await decision(w, 'approved')).id }) },
  'destruction.confirm': {
    input: async (w) => {
      const d = await decision(w, 'exported');
      return { id: d.id, listSha256: d.sha };
    },
  },
  'destruction.cancel': { input: async (w) => ({ id: (await decision(w, 'approved')).id, reason: 'Ghi nhầm số quyết định' }) },
  'destruction.moveOriginals': { input: async (w) => ({ id: (await decision(w, 'executed')).id, quarantineDir: tempDir('kholuu-quarantine-') }) },
  'access.unlockSecrets': { input: () => ({ reason: 'Kiểm tra hồ sơ mật trước bàn giao' }), changesNothing: 'opens a scope in memory; audited, changes no record' },
  'access.lockSecrets': {
    input: async (w) => {
      await w.app.call('access.unlockSecrets', { reason: 'Kiểm tra hồ sơ mật' });
      return {};
    },
    changesNothing: 'closes a scope in memory; audited, changes no record',
  },
  // Re-encrypts the same records, and stores the originals' key made for the first encryption.
  'catalogue.setPassphrase': { input: () => ({ next: 'mật khẩu thử nghiệm dài' }), settle: waitJobOf },
  'bulk.start': {
    input: (w) => ({ action: 'documents.move', selection: { kind: 'ids', ids: w.documentIds }, to: { newFile: { code: '99', title: 'Hồ sơ sắp xếp lại' } } }),
  },
  'fonds.remove': {
    input: async (w) => ({ id: (await w.app.call('fonds.create', { code: 'NHAM', name: 'Phông tạo nhầm', organizationId: w.successorId })).id, reason: 'Tạo nhầm, trùng phông khác' }),
  },
  'fonds.restore': {
    input: async (w) => {
      const f = await w.app.call('fonds.create', { code: 'NHAM', name: 'Phông tạo nhầm', organizationId: w.successorId });
      await w.app.call('fonds.remove', { id: f.id, reason: 'Tạo nhầm, trùng phông khác' });
      return { id: f.id };
    },
  },
  'organizations.remove': {
    input: async (w) => ({ id: (await w.app.call('organizations.create', { name: 'Chi bộ tạo nhầm', level: 'grassroots' })).id, reason: 'Tạo nhầm tên đơn vị' }),
  },
  'organizations.restore': {
    input: async (w) => {
      const o = await w.app.call('organizations.create', { name: 'Chi bộ tạo nhầm', level: 'grassroots' });
      await w.app.call('organizations.remove', { id: o.id, reason: 'Tạo nhầm tên đơn vị' });
      return { id: o.id };
    },
  },
  'organizations.removeSuccessor': {
    input: async (w) => {
      await w.app.call('organizations.addSuccessor', { predecessorId: w.orgId, successorId: w.successorId, kind: 'dissolved' });
      return { predecessorId: w.orgId, successorId: w.successorId, reason: 'Nhập nhầm quan hệ kế thừa' };
    },
  },
  'handover.batches.remove': { input: async (w) => ({ id: await batch(w, 'draft'), reason: 'Lập nhầm đợt, sẽ lập lại' }) },
  'bulk.undo': {
    input: async (w) => {
      const { result } = await w.app.call('bulk.start', { action: 'files.setFields', selection: { kind: 'ids', ids: [w.fixedFileId, w.permanentFileId] }, fields: { box: 'Hộp 12' } });
      return { operationId: result!.operationId! };
    },
  },
};

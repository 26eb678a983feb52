/**
 * Helpers for the handover tests: a sample fonds made ready for handover, a batch walked to a
 * given step, jobs awaited with their reports, and a catalogue's content as comparable data.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { HandoverJobResult } from '../../shared/contract/types/handover';
import { type TestApp, waitForJob } from './services';

export const LEGAL_BASIS = 'Công văn số 64-CV/TW ngày 10/4/2025 của Ban Bí thư\nCông văn số 14514-CV/VPTW ngày 25/4/2025 của Văn phòng Trung ương Đảng';

/** The sample fonds, with the dates its second file lacks filled in (a blocking problem otherwise). */
export async function sampleFondsReady(app: TestApp) {
  const loaded = await app.call('samples.load', {});
  const files = await app.call('files.list', { fondsId: loaded.fondsId });
  const second = files.find((f) => f.code === '2')!;
  await app.call('files.update', { id: second.id, patch: { startDate: '2025-04-10', endDate: '2025-07-01', sheetCount: 14 } });
  await app.call('files.update', { id: files.find((f) => f.code === '1')!.id, patch: { sheetCount: 21 } });
  const orgs = await app.call('organizations.list', {});
  const from = orgs.find((o) => o.name.startsWith('Huyện ủy Mẫu'))!;
  const to = orgs.find((o) => o.name.startsWith('Đảng ủy xã Mẫu'))!;
  return { fondsId: loaded.fondsId, files: await app.call('files.list', { fondsId: loaded.fondsId }), from, to };
}

/**
 * A batch of every file of the sample fonds, listed (ready to pack). `ready`: the sample fonds
 * already loaded by `sampleFondsReady` (and added to by the caller); loaded here otherwise.
 */
export async function listedSampleBatch(app: TestApp, code = '01/BB-BG', ready?: Awaited<ReturnType<typeof sampleFondsReady>>) {
  const s = ready ?? (await sampleFondsReady(app));
  let batch = await app.call('handover.batches.create', {
    code,
    fromOrganizationId: s.from.id,
    toOrganizationId: s.to.id,
    recipientKind: 'successor',
    legalBasis: LEGAL_BASIS,
    place: 'Buôn Ma Thuột',
    handoverDate: '2025-08-15',
    senderRepresentative: 'Nguyễn Văn Bình',
    senderPosition: 'Chánh Văn phòng Huyện ủy',
    receiverRepresentative: 'Trần Thị Hoa',
    receiverPosition: 'Phó Chánh Văn phòng Đảng ủy',
    condition: 'Tài liệu còn nguyên vẹn, không rách nát, không ẩm mốc.',
    shelfMetres: 0.1,
  });
  batch = await app.call('handover.batches.addFiles', { batchId: batch.id, fileIds: s.files.map((f) => f.id) });
  batch = await app.call('handover.batches.advance', { id: batch.id, to: 'listed' });
  return { ...s, batch };
}

export async function jobResult(app: TestApp, jobId: string) {
  const status = await waitForJob(app, jobId);
  const { result } = await app.call('handover.jobResult', { jobId });
  return { status, result };
}

export async function packageBatch(app: TestApp, batchId: number, out: string) {
  const { jobId } = await app.call('handover.package.start', { batchId, out });
  const { status, result } = await jobResult(app, jobId);
  if (status.state !== 'done' || result?.kind !== 'package') throw new Error(`package failed: ${status.state} ${status.error}`);
  return result.package;
}

export async function verify(app: TestApp, location: string) {
  const { jobId } = await app.call('handover.verify.start', { path: location });
  const { status, result } = await jobResult(app, jobId);
  if (result?.kind !== 'verify') throw new Error(`verify gave no report: ${status.state} ${status.error}`);
  return result.report;
}

export async function receive(app: TestApp, location: string) {
  const { jobId } = await app.call('handover.receive.start', { path: location });
  const { status, result } = await jobResult(app, jobId);
  return { status, result: result as Extract<HandoverJobResult, { kind: 'receive' }> | null };
}

export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Everything a catalogue knows about its fonds, without local ids and timestamps: organizations
 * with their lineage, fonds, files, documents with full text, and each original's bytes hashed
 * from the originals folder itself.
 */
export async function catalogueContent(app: TestApp, opts: { withHandoverStatus?: boolean } = {}) {
  const orgs = await app.call('organizations.list', {});
  const fonds = await app.call('fonds.list', {});
  const originalsDir = app.services.context.catalogue.originalsDir;
  const out = [];
  for (const f of fonds) {
    const files = await app.call('files.list', { fondsId: f.id });
    const fileContent = [];
    for (const file of files) {
      const { id: _i, fondsId: _f, fileListId: _l, createdAt: _c, updatedAt: _u, handoverStatus, ...rest } = file;
      const docs = await app.call('documents.list', { fileId: file.id, limit: 500 });
      const documents = [];
      for (const d of docs.items) {
        const detail = await app.call('documents.get', { id: d.id });
        const { id: _di, fondsId: _df, fileId: _dfi, createdAt: _dc, updatedAt: _du, file: _file, fonds: _fonds, attachments, ...record } = detail;
        documents.push({
          ...record,
          attachments: attachments.map((a) => ({
            fileName: a.fileName,
            mediaType: a.mediaType,
            size: a.size,
            sha256: a.sha256,
            bytesSha256: sha256File(path.join(originalsDir, app.services.context.catalogue.repos.attachments.storedPath(a.id)!)),
          })),
        });
      }
      fileContent.push({ ...rest, ...(opts.withHandoverStatus ? { handoverStatus } : {}), documents });
    }
    const org = orgs.find((o) => o.id === f.organizationId)!;
    out.push({
      code: f.code,
      name: f.name,
      status: f.status,
      history: f.history,
      notes: f.notes,
      accessRegime: f.accessRegime,
      language: f.language,
      organization: {
        name: org.name,
        level: org.level,
        code: org.code,
        startDate: org.startDate,
        endDate: org.endDate,
        notes: org.notes,
        successors: org.successors.map((s) => ({ name: s.name, effectiveDate: s.effectiveDate, basis: s.basis })),
      },
      files: fileContent,
    });
  }
  return out;
}

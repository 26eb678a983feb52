/**
 * A catalogue with a handover batch ready to pack, built through the services as an archivist
 * would: a dissolved district committee's fonds with four files (hồ sơ), each holding the
 * documents of one box of a mixed corpus (text, Word, PDF) and the last one scanned pages, the
 * batch listed and its files boxed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LEGAL_BASIS } from './handover';
import { type CorpusFile, writeMixedCorpus, writeScans } from './mixedCorpus';
import { openTestApp, waitForJob } from './services';

export interface PackReady {
  cataloguePath: string;
  batchCode: string;
  batchId: number;
  attachments: number;
  corpus: CorpusFile[];
}

export async function packReadyCatalogue(dir: string, opts: { documents: number; scans: number; scanKib: number }): Promise<PackReady> {
  const sources = path.join(dir, 'nguon');
  const corpus = await writeMixedCorpus(sources, opts.documents);
  const scans = await writeScans(path.join(sources, 'ban-chup'), opts.scans, opts.scanKib);
  const app = openTestApp(dir);
  try {
    // The scans are noise, carried as originals awaiting OCR: these catalogues test packaging and
    // receipt, and OCR of noise would take minutes of a busy machine for nothing.
    await app.call('settings.update', { ocrEnabled: false });
    const org = await app.call('organizations.create', { name: 'Huyện ủy Krông Pắc', level: 'district', endDate: '2025-06-30' });
    const successor = await app.call('organizations.create', { name: 'Đảng ủy xã Krông Pắc', level: 'commune', startDate: '2025-07-01' });
    const fonds = await app.call('fonds.create', { code: 'HU-KP', name: 'Phông Huyện ủy Krông Pắc', organizationId: org.id, status: 'closed' });
    const boxes = fs
      .readdirSync(sources)
      .filter((n) => n.startsWith('hop-'))
      .sort();
    const folders = [...boxes.map((b) => path.join(sources, b)), path.join(sources, 'ban-chup')];
    const fileIds: number[] = [];
    for (const [i, folder] of folders.entries()) {
      const file = await app.call('files.create', {
        fondsId: fonds.id,
        code: String(i + 1),
        title: i < boxes.length ? `Tập kết luận, nghị quyết, công văn hộp ${i + 1}` : 'Tài liệu bản chụp chờ nhận dạng chữ',
        retentionCode: i % 2 === 0 ? 'VV' : '10',
        startDate: '2015-01-05',
        endDate: '2024-12-28',
        sheetCount: 20 + i,
      });
      fileIds.push(file.id);
      const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id, fileId: file.id }, paths: [folder] });
      const status = await waitForJob(app, jobId);
      if (status.state !== 'done' || status.failed > 0) throw new Error(`import of ${folder}: ${status.state} ${JSON.stringify(status.results.filter((r) => r.outcome === 'failed'))}`);
    }
    const batchCode = '07/BB-BG';
    let batch = await app.call('handover.batches.create', {
      code: batchCode,
      fromOrganizationId: org.id,
      toOrganizationId: successor.id,
      recipientKind: 'successor',
      legalBasis: LEGAL_BASIS,
      place: 'Krông Pắc',
      handoverDate: '2025-08-15',
      senderRepresentative: 'Nguyễn Văn Bình',
      senderPosition: 'Chánh Văn phòng Huyện ủy',
      receiverRepresentative: 'Trần Thị Hoa',
      receiverPosition: 'Phó Chánh Văn phòng Đảng ủy',
      condition: 'Tài liệu còn nguyên vẹn.',
      shelfMetres: 0.5,
    });
    batch = await app.call('handover.batches.addFiles', { batchId: batch.id, fileIds });
    batch = await app.call('handover.batches.advance', { id: batch.id, to: 'listed' });
    await app.call('handover.batches.assignBoxes', { batchId: batch.id, filesPerBox: 2 });
    return { cataloguePath: app.cataloguePath, batchCode, batchId: batch.id, attachments: corpus.length + scans.length, corpus: [...corpus, ...scans] };
  } finally {
    await app.close();
  }
}

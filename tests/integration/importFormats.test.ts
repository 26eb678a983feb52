import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportFileResult } from '../../shared/contract/types';
import { FORMATS_DIR } from '../fixtures/formats/manifest';
import { type TestApp, makeFondsWithFile, openTestApp, tempDir, waitForJob } from '../support/services';

// Imports in every format and encoding through `import.start`, as the UI and the command line do,
// and the broken inputs of a real shelf: each refused on its own with a Vietnamese reason naming
// the file, no partial record left behind, and the rest of the import going on.

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

function fixture(rel: string): string {
  return path.join(FORMATS_DIR, rel);
}

async function runImport(app: TestApp, input: { fondsId: number; paths?: string[]; uploads?: Array<{ name: string; contentBase64: string }> }) {
  const { jobId } = await app.call('import.start', { target: { fondsId: input.fondsId }, ...(input.paths ? { paths: input.paths } : {}), ...(input.uploads ? { uploads: input.uploads } : {}) });
  const status = await waitForJob(app, jobId);
  // The job keeps only recent results; the run's report has them all.
  const items = status.runId ? (await app.call('importRuns.items', { runId: status.runId, limit: 1000 })).items : status.results;
  return { status, results: items as ImportFileResult[] };
}

const byName = (results: ImportFileResult[], name: string) => results.find((r) => path.basename(r.name) === name);

describe('importing every format', { timeout: 300_000 }, () => {
  it('reads .docx, .pdf, TCVN3, VNI and Windows-1258 files into the same metadata, and reads a scan by OCR', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const files = [
      'office/000_7b32d37c7a9e4c58.docx',
      'office/002_b9c6dfc83a8f48b9.pdf',
      'encodings/f06_quyet_dinh_huyen_uy_stamp.tcvn3.md',
      'legacy/f01_nghi_quyet_huyen_uy.vnitimes.docx',
      'encodings/f13_bao_cao_bang_cot.cp1258.txt',
      'office/f02_thong_bao_van_phong.scan.pdf',
    ];
    const { status, results } = await runImport(app, { fondsId: fonds.id, paths: files.map(fixture) });
    expect(status.state).toBe('done');
    expect(results.map((r) => r.outcome)).toEqual(files.map(() => 'imported'));

    const doc = async (name: string) => app.call('documents.get', { id: byName(results, name)!.documentId! });
    expect((await doc('000_7b32d37c7a9e4c58.docx')).numberSymbol).toBe('1485-KL/TU');
    const pdf = await doc('002_b9c6dfc83a8f48b9.pdf');
    expect(pdf).toMatchObject({ numberSymbol: '1097-KL/TU', issueDate: '2020-07-03', signerName: 'Bùi Văn Cường' });
    expect(pdf.attachments[0]).toMatchObject({ mediaType: 'application/pdf', fileName: '002_b9c6dfc83a8f48b9.pdf' });
    const tcvn3 = await doc('f06_quyet_dinh_huyen_uy_stamp.tcvn3.md');
    expect(tcvn3).toMatchObject({ numberSymbol: '1204-QĐ/HU', issuer: 'HUYỆN ỦY LẮK' });
    expect(tcvn3.fullText).toContain('phòng, chống dịch bệnh');
    expect((await doc('f01_nghi_quyet_huyen_uy.vnitimes.docx')).subject).toMatch(/^về phát triển cây sầu riêng/);
    expect((await doc('f13_bao_cao_bang_cot.cp1258.txt')).signerName).toBe('Rơ Mah Thuấn');

    // The scan: read by OCR (an image-only PDF), catalogued with its original and its text.
    const scan = await doc('f02_thong_bao_van_phong.scan.pdf');
    expect(scan.fullText).toContain('Gia Lai');
    expect(scan.numberSymbol).toBe('512-TB/VPTU');
    expect(scan.attachments).toHaveLength(1);
    expect(scan.attachments[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(scan.reviewFields).not.toContain('fullText');
  });
});

describe('broken inputs', () => {
  it('refuses each bad file with its reason, keeps no partial record, and imports the rest', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const dir = tempDir();
    const put = (name: string, bytes: Uint8Array | string) => {
      fs.writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    const docx = fs.readFileSync(fixture('office/f07_chi_thi_tinh_uy.docx'));
    const pdf = fs.readFileSync(fixture('office/f09_to_trinh_huyen_uy.pdf'));
    let seed = 1;
    const garbage = Uint8Array.from({ length: 64 * 1024 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    });
    // Odd but legal names: Vietnamese, spaces, #, %, quotes, and long (about 240 bytes).
    const oddName = `Kết luận #1485 – 100% "bản chính" 'đã ký' ${'Ban Thường vụ Tỉnh ủy '.repeat(6)}.txt`;
    expect(Buffer.byteLength(oddName)).toBeGreaterThan(200);
    expect(Buffer.byteLength(oddName)).toBeLessThan(256);
    const paths = [
      put('rỗng.txt', ''),
      put('rác nhị phân.txt', garbage),
      put('công văn cắt cụt.docx', docx.subarray(0, Math.floor(docx.length / 2))),
      put('tờ trình cắt cụt.pdf', pdf.subarray(0, Math.floor(pdf.length * 0.7))),
      put(oddName, fs.readFileSync(fixture('encodings/f02_thong_bao_van_phong.utf16le.txt'))),
      put('chỉ thị.docx', docx),
    ];
    // 200 MB on disk without writing 200 MB: a sparse file. Refused by its size, before reading.
    const huge = path.join(dir, 'bản quét rất lớn.pdf');
    fs.closeSync(fs.openSync(huge, 'w'));
    fs.truncateSync(huge, 200 * 1024 * 1024);
    paths.push(huge);
    const uploads = [
      { name: 'tải lên trắng.md', contentBase64: Buffer.from(' \n\t\n').toString('base64') },
      { name: 'tải lên hỏng.pdf', contentBase64: Buffer.from('%PDF-1.7\n garbage garbage').toString('base64') },
      { name: 'tờ trình tải lên.pdf', contentBase64: pdf.toString('base64') },
    ];

    const before = await app.call('app.counts', {});
    const { status, results } = await runImport(app, { fondsId: fonds.id, paths, uploads });
    expect(status.state).toBe('done');
    expect(results).toHaveLength(paths.length + uploads.length);

    const failed = (name: string) => {
      const r = byName(results, name);
      expect(r?.outcome, name).toBe('failed');
      expect(r?.documentId, name).toBeNull();
      expect(r?.message, name).toContain(`“${name}”`);
      return r!.message!;
    };
    expect(failed('rỗng.txt')).toMatch(/tệp rỗng/);
    expect(failed('rác nhị phân.txt')).toMatch(/nhị phân|không nhận ra bảng mã/);
    expect(failed('công văn cắt cụt.docx')).toMatch(/bị hỏng hoặc bị cắt cụt/);
    expect(failed('tờ trình cắt cụt.pdf')).toMatch(/bị cắt cụt/);
    expect(failed('bản quét rất lớn.pdf')).toMatch(/quá lớn \(200 MB/);
    expect(failed('tải lên trắng.md')).toMatch(/không có nội dung chữ/);
    expect(failed('tải lên hỏng.pdf')).toMatch(/PDF bị cắt cụt/);

    const ok = ['chỉ thị.docx', 'tờ trình tải lên.pdf', oddName].map((n) => byName(results, n)!);
    expect(ok.map((r) => r.outcome)).toEqual(['imported', 'imported', 'imported']);
    const odd = await app.call('documents.get', { id: ok[2]!.documentId! });
    expect(odd.attachments[0]!.fileName).toBe(oddName);
    expect(odd.numberSymbol).toBe('512-TB/VPTU');

    // No partial records: one document and one original per imported file, nothing else.
    const after = await app.call('app.counts', {});
    expect(after.documents - before.documents).toBe(3);
    expect(after.attachments - before.attachments).toBe(3);
    expect(status.imported).toBe(3);
    expect(status.failed).toBe(7);
  });
});

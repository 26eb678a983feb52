import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, sentence } from '../../shared/contract/errors';
import { encodeTcvn3 } from '../../shared/text/encodings/tcvn3';
import { encodeWindows1258 } from '../../shared/text/encodings/windows1258';
import { SEED } from '../support/paths';
import { type TestApp, makeFondsWithFile, openTestApp, tempDir, waitForJob } from '../support/services';

// A register kept in Excel by a district office, and one exported as CSV from an old program:
// previewed with a suggested mapping, imported one document per row, values never guessed, the
// register kept with the run.

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

async function errorOf(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

/** The register: a title, a header row, rows as an office types them (and mistypes them). */
async function makeXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sổ 2025');
  ws.addRow(['SỔ ĐĂNG KÝ VĂN BẢN ĐẾN']);
  ws.addRow(['Năm 2025']);
  ws.addRow([]);
  ws.addRow(['STT', 'Số, ký hiệu', 'Ngày tháng', 'Tên loại', 'Trích yếu', 'Tác giả/Cơ quan ban hành', 'Hồ sơ số', 'Tờ số', 'Ghi chú']);
  ws.addRow([1, '1485-KL/TU', new Date(Date.UTC(2025, 4, 14)), 'Kết luận', 'hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 32', 'Tỉnh ủy Đắk Lắk', '1', '1-4', '']);
  ws.addRow([2, '1097-KL/TU', '03/07/2020', 'Kết luận', 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 31', 'Tỉnh ủy Đắk Lắk', '99', '5-9', 'bản sao']);
  ws.addRow([3, '12-TB/VPTU', '31/02/2024', 'Thông báo', 'lịch làm việc của Thường trực', 'Văn phòng Tỉnh ủy', '', '10', '']);
  ws.addRow([4, '45-CV/HU', '14/5/25', '', 'về sắp xếp tổ chức bộ máy', 'Huyện ủy Krông Pắc', '1', '11', '']);
  ws.addRow([]);
  const legacy = ws.addRow([5, '7-QĐ/HU', '01/06/2025', 'Quyết định', encodeTcvn3('thành lập Ban Chỉ đạo chuyển đổi số').text, 'Huyện ủy Krông Pắc', '', '12', '']);
  legacy.getCell(5).font = { name: '.VnTime' };
  await wb.xlsx.writeFile(file);
}

async function waitRun(app: TestApp, jobId: string, runId: number) {
  const status = await waitForJob(app, jobId);
  const items = (await app.call('importRuns.items', { runId, limit: 1000 })).items;
  return { status, items };
}

describe('importing a register', () => {
  it('previews, suggests the mapping, imports one document per row and keeps the register', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds, file } = await makeFondsWithFile(app);
    // The 1485-KL/TU conclusion is already catalogued from its own file.
    const first = await app.call('import.start', { target: { fondsId: fonds.id }, paths: [SEED.conclusion1485] });
    const seedDoc = (await waitForJob(app, first.jobId)).results[0]!.documentId!;

    const dir = tempDir();
    const xlsx = path.join(dir, 'Sổ đăng ký văn bản đến 2025.xlsx');
    await makeXlsx(xlsx);

    const preview = await app.call('registers.preview', { source: { path: xlsx } });
    expect(preview).toMatchObject({ format: 'xlsx', sheets: ['Sổ 2025'], sheet: 'Sổ 2025', headerRow: 3, totalRows: 5 });
    expect(preview.columns.map((c) => c.header)).toEqual(['STT', 'Số, ký hiệu', 'Ngày tháng', 'Tên loại', 'Trích yếu', 'Tác giả/Cơ quan ban hành', 'Hồ sơ số', 'Tờ số', 'Ghi chú']);
    expect(preview.suggested).toEqual({ numberSymbol: 1, issueDate: 2, docType: 3, subject: 4, issuer: 5, signerName: null, fileCode: 6, sheetNumber: 7, notes: 8 });
    expect(preview.rows[0]!.slice(1, 3)).toEqual(['1485-KL/TU', '2025-05-14']);
    expect(preview.rowNumbers).toEqual([5, 6, 7, 8, 10]);
    // The .VnTime cell is already Unicode in the preview.
    expect(preview.rows[4]![4]).toBe('thành lập Ban Chỉ đạo chuyển đổi số');
    expect(preview.conversions).toEqual(['tcvn3→unicode:font']);

    const { jobId, runId } = await app.call('registers.import', { target: { fondsId: fonds.id }, source: { path: xlsx }, headerRow: preview.headerRow, mapping: preview.suggested });
    const { status, items } = await waitRun(app, jobId, runId);
    expect(status.state).toBe('done');
    expect(items.map((i) => [i.name, i.outcome])).toEqual([
      ['Sổ đăng ký văn bản đến 2025.xlsx — dòng 5', 'duplicate'],
      ['Sổ đăng ký văn bản đến 2025.xlsx — dòng 6', 'imported'],
      ['Sổ đăng ký văn bản đến 2025.xlsx — dòng 7', 'imported'],
      ['Sổ đăng ký văn bản đến 2025.xlsx — dòng 8', 'imported'],
      ['Sổ đăng ký văn bản đến 2025.xlsx — dòng 10', 'imported'],
    ]);
    expect(items[0]!.documentId).toBe(seedDoc);
    // The live result says why as a code too, for the English interface.
    expect(status.results[0]!.text).toEqual({ code: 'registers.rowHeld', params: { numberSymbol: '1485-KL/TU', date: '2025-05-14', documentId: seedDoc } });
    expect(items[0]!.message).toBe(`Văn bản 1485-KL/TU ngày 2025-05-14 đã có trong phông (văn bản mã ${seedDoc}).`);
    // The report keeps the code: the English interface reads it in English.
    expect(sentence('en', items[0]!.text!)).toBe(`Document 1485-KL/TU of 2025-05-14 is already in the fonds (document id ${seedDoc}).`);

    const doc = (row: number) => app.call('documents.get', { id: items.find((i) => i.name.endsWith(`dòng ${row}`))!.documentId! });
    const d6 = await doc(6);
    expect(d6).toMatchObject({ numberSymbol: '1097-KL/TU', issueDate: '2020-07-03', docType: 'KẾT LUẬN', issuer: 'Tỉnh ủy Đắk Lắk', sheetNumber: '5-9', notes: 'bản sao', fileId: null });
    expect(items[1]!.message).toMatch(/Hồ sơ số “99” chưa có trong phông/);
    expect(sentence('en', items[1]!.text!)).toBe('File No. “99” is not in the fonds yet: the document is left among the documents not yet filed.');
    // Unreadable dates stay empty and wait for review; nothing is made up.
    const d7 = await doc(7);
    expect(d7.issueDate).toBeNull();
    expect(d7.reviewFields).toContain('issueDate');
    expect(items[2]!.message).toMatch(/Ngày “31\/02\/2024” không đọc được/);
    const d8 = await doc(8);
    expect(d8).toMatchObject({ issueDate: null, docType: null, fileId: file.id });
    expect(d8.reviewFields).toEqual(expect.arrayContaining(['issueDate', 'docType']));
    expect((await doc(10)).subject).toBe('thành lập Ban Chỉ đạo chuyển đổi số');
    expect(d6.fullText).toContain('Trích yếu: Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 31');

    // Where each document came from.
    const info = await app.call('documents.readingInfo', { id: d7.id });
    expect(info).toMatchObject({ format: 'register', needsOcr: false, register: { fileName: 'Sổ đăng ký văn bản đến 2025.xlsx', sheet: 'Sổ 2025', row: 7 } });
    expect(info.register!.problems[0]).toMatch(/31\/02\/2024/);
    expect(sentence('en', info.register!.problemTexts![0]!)).toMatch(/^The date “31\/02\/2024” does not read as a whole day/);

    // The register is kept among the originals, named in the run and its audit row.
    const sha = createHash('sha256').update(fs.readFileSync(xlsx)).digest('hex');
    expect(info.register!.sha256).toBe(sha);
    const run = await app.call('importRuns.get', { runId });
    expect(run.sources).toEqual(['Sổ đăng ký văn bản đến 2025.xlsx']);
    const auditRows = await app.call('audit.list', { entityType: undefined, limit: 1000 });
    const row = auditRows.find((a) => a.action === 'register.import');
    expect(row?.after).toMatchObject({ sha256: sha, rows: 5 });
    const stored = path.join(app.dir, 'catalogue.originals', (row!.after as { storedPath: string }).storedPath);
    expect(createHash('sha256').update(fs.readFileSync(stored)).digest('hex')).toBe(sha);

    // The same register again: refused, nothing added.
    const before = await app.call('app.counts', {});
    const again = await errorOf(app.call('registers.import', { target: { fondsId: fonds.id }, source: { path: xlsx }, headerRow: 3, mapping: preview.suggested }));
    expect(again.kind).toBe('conflict');
    expect(again.message).toMatch(/đã được nhập vào phông này \(4 văn bản\)/);
    expect((await app.call('app.counts', {})).documents).toBe(before.documents);
  });

  it('reads a CSV in Windows-1258 with headers typed without diacritics', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const csv = ['STT;"So, ky hieu";Ngay thang;Trich yeu;Tac gia;Ghi chu', '1;27-NQ/HU;18/03/2024;về phát triển cây sầu riêng;Huyện ủy Krông Pắc;', '2;;;báo cáo không số;;chưa rõ ngày'].join('\r\n');
    const upload = { name: 'danh muc.csv', contentBase64: Buffer.from(encodeWindows1258(csv).bytes).toString('base64') };
    const preview = await app.call('registers.preview', { source: { upload } });
    expect(preview).toMatchObject({ format: 'csv', encoding: 'windows-1258', headerRow: 0, totalRows: 2 });
    expect(preview.suggested).toMatchObject({ numberSymbol: 1, issueDate: 2, subject: 3, issuer: 4, notes: 5 });
    const { jobId, runId } = await app.call('registers.import', { target: { fondsId: fonds.id }, source: { upload }, headerRow: 0, mapping: preview.suggested });
    const { items } = await waitRun(app, jobId, runId);
    expect(items.map((i) => i.outcome)).toEqual(['imported', 'imported']);
    const d1 = await app.call('documents.get', { id: items[0]!.documentId! });
    expect(d1).toMatchObject({ numberSymbol: '27-NQ/HU', issueDate: '2024-03-18', subject: 'về phát triển cây sầu riêng', issuer: 'Huyện ủy Krông Pắc' });
    const d2 = await app.call('documents.get', { id: items[1]!.documentId! });
    expect(d2).toMatchObject({ numberSymbol: null, issueDate: null, notes: 'chưa rõ ngày' });
    expect(d2.reviewFields).toEqual(['numberSymbol', 'issueDate', 'docType', 'issuer']);
  });

  it('refuses a register it cannot read, and a mapping that names no key column', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const broken = { name: 'sổ hỏng.xlsx', contentBase64: Buffer.from('PK\u0003\u0004 not really').toString('base64') };
    expect((await errorOf(app.call('registers.preview', { source: { upload: broken } }))).message).toMatch(/“sổ hỏng\.xlsx”: tệp \.xlsx bị hỏng hoặc bị cắt cụt/);
    const xls = { name: 'sổ cũ.xls', contentBase64: Buffer.from('x').toString('base64') };
    expect((await errorOf(app.call('registers.preview', { source: { upload: xls } }))).message).toMatch(/lưu lại thành \.xlsx/);
    const csv = { name: 'a.csv', contentBase64: Buffer.from('Số, ký hiệu;Trích yếu\n1-KL/TU;x').toString('base64') };
    const noKey = await errorOf(app.call('registers.import', { target: { fondsId: fonds.id }, source: { upload: csv }, headerRow: 0, mapping: { notes: 1 } }));
    expect(noKey.kind).toBe('invalid_input');
    const outOfRange = await errorOf(app.call('registers.import', { target: { fondsId: fonds.id }, source: { upload: csv }, headerRow: 0, mapping: { numberSymbol: 7 } }));
    expect(outOfRange.message).toMatch(/Cột số 8 không có trong sổ/);
  });
});

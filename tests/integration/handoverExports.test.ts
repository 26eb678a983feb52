/**
 * The handover forms as the people receiving them will open them: LibreOffice converts the XLSX
 * and DOCX files (to CSV and PDF) and pdftotext reads the PDFs; the text that comes out must hold
 * the expected rows and the Vietnamese headings, diacritics intact.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportForm, ExportFormat } from '../../shared/contract/types/handover';
import { listedSampleBatch, packageBatch } from '../support/handover';
import { CSV_UTF8, officeAvailable, pdfBlocks, pdfPages, pdfText, sofficeConvert, type PdfBlock } from '../support/office';
import { openTestApp, tempDir, type TestApp } from '../support/services';

let app: TestApp;
let batchId: number;
let fondsId: number;
let outDir: string;
/** LibreOffice's conversions go apart from the exports, so no name clashes with an export. */
let loDir: string;

async function exported(form: ExportForm, format: ExportFormat, scope: 'batch' | 'fonds' = 'batch'): Promise<string> {
  const r = await app.call('handover.export', { ...(scope === 'batch' ? { batchId } : { fondsId }), form, format, out: path.join(outDir, `${scope}-${form}.${format}`) });
  expect(fs.statSync(r.path!).size).toBe(r.size);
  return r.path!;
}

function csvRows(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

const has = (rows: string[][], cells: string[]) => rows.some((r) => cells.every((c, i) => r[i] === c));

/** The font fontconfig gives LibreOffice for Times New Roman (a metric twin keeps the layout). */
const timesFont = () => execFileSync('fc-match', ['Times New Roman'], { encoding: 'utf8' }).trim();

/** Whether a reader finds `phrase` whole on one printed line (not broken over two). */
const onOneLine = (blocks: PdfBlock[], phrase: string) => blocks.some((b) => b.lines.some((l) => l.text.includes(phrase)));
/** Whether a reader finds `phrase` inside one cell or paragraph (it may wrap within it). */
const inOneBlock = (blocks: PdfBlock[], phrase: string) => blocks.some((b) => b.text.includes(phrase));

describe.skipIf(!officeAvailable())('handover exports opened by LibreOffice and poppler', () => {
  beforeAll(async () => {
    app = openTestApp(tempDir('kholuu-exports-'));
    const s = await listedSampleBatch(app);
    batchId = s.batch.id;
    fondsId = s.fondsId;
    outDir = path.join(app.dir, 'out');
    fs.mkdirSync(outDir);
    loDir = path.join(app.dir, 'libreoffice');
    fs.mkdirSync(loDir);
    await packageBatch(app, batchId, path.join(app.dir, 'goi.zip'));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('Mục lục hồ sơ (XLSX) has the heading, the columns, each file and the totals', async () => {
    const rows = csvRows(sofficeConvert(await exported('fileList', 'xlsx'), CSV_UTF8, loDir));
    expect(rows.some((r) => r[0] === 'MỤC LỤC HỒ SƠ')).toBe(true);
    expect(has(rows, ['STT', 'Số, ký hiệu hồ sơ', 'Tiêu đề hồ sơ', 'Thời gian bắt đầu – kết thúc', 'Thời hạn bảo quản', 'Số tờ', 'Hộp số', 'Ghi chú'])).toBe(true);
    expect(has(rows, ['I. HỒ SƠ BẢO QUẢN VĨNH VIỄN'])).toBe(true);
    expect(has(rows, ['1', '1', 'Kết luận các hội nghị Ban Chấp hành Đảng bộ tỉnh (Tỉnh ủy Đắk Lắk gửi)', '03/07/2020 – 14/05/2025', 'Vĩnh viễn', '21', '1', ''])).toBe(true);
    expect(has(rows, ['2', '2', 'Văn bản chỉ đạo sắp xếp tổ chức bộ máy và vận hành chính quyền địa phương hai cấp', '10/04/2025 – 01/07/2025', 'Vĩnh viễn', '14', '1', 'Công việc chưa kết thúc'])).toBe(true);
    expect(rows.some((r) => r[0]?.startsWith('Tổng số: 2 hồ sơ; 35 tờ; 1 hộp (vĩnh viễn: 2; có thời hạn: 0'))).toBe(true);
  });

  it('Mục lục hồ sơ (DOCX) reads the same in a PDF made by LibreOffice', async () => {
    const pdf = sofficeConvert(await exported('fileList', 'docx'), 'pdf', loDir);
    const text = pdfText(pdf);
    const blocks = pdfBlocks(pdf);
    expect(text).toContain('MỤC LỤC HỒ SƠ');
    expect(onOneLine(blocks, 'HUYỆN ỦY MẪU (ĐƠN VỊ MINH HỌA)')).toBe(true);
    // Headings a reader needs whole: the column numbers' header and the title, never split.
    expect(onOneLine(blocks, 'STT')).toBe(true);
    expect(onOneLine(blocks, 'MỤC LỤC HỒ SƠ')).toBe(true);
    // A long title may wrap, but inside its own cell.
    expect(inOneBlock(blocks, 'Kết luận các hội nghị Ban Chấp hành Đảng bộ tỉnh (Tỉnh ủy Đắk Lắk gửi)')).toBe(true);
    expect(inOneBlock(blocks, '03/07/2020 – 14/05/2025')).toBe(true);
    for (const date of ['03/07/2020', '14/05/2025', '10/04/2025', '01/07/2025']) expect(onOneLine(blocks, date)).toBe(true);
    expect(inOneBlock(blocks, 'Tổng số: 2 hồ sơ; 35 tờ; 1 hộp')).toBe(true);
  });

  it('Mục lục văn bản (DOCX) keeps each number, date and STT whole', async () => {
    const blocks = pdfBlocks(sofficeConvert(await exported('documentList', 'docx'), 'pdf', loDir));
    expect(onOneLine(blocks, 'MỤC LỤC VĂN BẢN')).toBe(true);
    expect(onOneLine(blocks, 'STT')).toBe(true);
    for (const phrase of ['1485-KL/TU', '14/05/2025', '1097-KL/TU', '03/07/2020']) expect(onOneLine(blocks, phrase)).toBe(true);
    expect(inOneBlock(blocks, 'TỈNH ỦY ĐẮK LẮK')).toBe(true);
  });

  it('Mục lục văn bản (XLSX) lists each document with its number-symbol, date, type and subject, issuer', async () => {
    const rows = csvRows(sofficeConvert(await exported('documentList', 'xlsx'), CSV_UTF8, loDir));
    expect(rows.some((r) => r[0] === 'MỤC LỤC VĂN BẢN')).toBe(true);
    expect(has(rows, ['STT', 'Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung', 'Tác giả (cơ quan ban hành)', 'Tờ số', 'Ghi chú'])).toBe(true);
    expect(rows.some((r) => r[1] === '1485-KL/TU' && r[2] === '14/05/2025' && /^Kết luận /.test(r[3] ?? '') && r[4] === 'TỈNH ỦY ĐẮK LẮK')).toBe(true);
    expect(rows.some((r) => r[0] === 'Hồ sơ số 2: Văn bản chỉ đạo sắp xếp tổ chức bộ máy và vận hành chính quyền địa phương hai cấp')).toBe(true);
    expect(rows.filter((r) => /^\d+$/.test(r[0] ?? '') && (r[3] ?? '') !== '' && r[3] !== '4')).toHaveLength(5);
    expect(rows.some((r) => r[0] === 'Tổng số: 5 văn bản.')).toBe(true);
  });

  it('Biên bản giao nhận (DOCX) carries the State structure, in Vietnamese', async () => {
    const pdf = sofficeConvert(await exported('minutes', 'docx'), 'pdf', loDir);
    const blocks = pdfBlocks(pdf);
    // The header's lines as a reader sees them: each whole on one printed line.
    for (const line of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 01/BB-BG', 'Buôn Ma Thuột, ngày 15 tháng 8 năm 2025', 'BIÊN BẢN', 'Về việc giao nhận tài liệu']) {
      expect(onOneLine(blocks, line), `${line} — LibreOffice set Times New Roman in ${timesFont()}; .ci/run installs fonts-liberation2`).toBe(true);
    }
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const expected of [
      'BIÊN BẢN',
      'Về việc giao nhận tài liệu',
      'Căn cứ Công văn số 64-CV/TW ngày 10/4/2025 của Ban Bí thư;',
      'BÊN GIAO: Huyện ủy Mẫu (đơn vị minh họa)',
      'Nguyễn Văn Bình',
      'BÊN NHẬN: Đảng ủy xã Mẫu (đơn vị minh họa)',
      'Phông Huyện ủy Mẫu (tài liệu mẫu) (mã phông MAU-01)',
      '03/07/2020 – 01/07/2025',
      'Tổng số hồ sơ (đơn vị bảo quản): 2 hồ sơ',
      'Tài liệu còn nguyên vẹn',
      'ĐẠI DIỆN BÊN GIAO',
      'ĐẠI DIỆN BÊN NHẬN',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('Biên bản giao nhận (PDF, DejaVu) renders Vietnamese and keeps the digest of the package', async () => {
    const file = await exported('minutes', 'pdf');
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('Về việc giao nhận tài liệu');
    expect(text).toContain('Trần Thị Hoa');
    expect(text).toContain('Phó Chánh Văn phòng Đảng ủy');
    const digest = (await app.call('handover.batches.get', { id: batchId })).package!.digest;
    expect(text.replace(/ /g, '')).toContain(digest);
    expect(pdfPages(file)).toBe(2);
  });

  it('box labels (PDF) name the fonds, the box and its files', async () => {
    const text = pdfText(await exported('boxLabels', 'pdf'));
    expect(text).toContain('HỘP SỐ');
    expect(text).toContain('Mã phông: MAU-01');
    expect(text).toMatch(/Từ hồ sơ số: 1\s+đến hồ sơ số: 2/);
    expect(text).toContain('Thời hạn bảo quản: Vĩnh viễn');
  });

  it('the statistics report (XLSX) adds up', async () => {
    const rows = csvRows(sofficeConvert(await exported('statistics', 'xlsx', 'fonds'), CSV_UTF8, loDir));
    expect(rows.some((r) => r[0] === 'BÁO CÁO THỐNG KÊ TÀI LIỆU')).toBe(true);
    expect(has(rows, ['Số hồ sơ', '2'])).toBe(true);
    expect(has(rows, ['Số văn bản', '5'])).toBe(true);
    expect(has(rows, ['Vĩnh viễn (cộng)', '2', '5', '35'])).toBe(true);
    expect(has(rows, ['Chưa kết thúc', '1', '3', '14'])).toBe(true);
  });

  it('CSV starts with a byte-order mark, so Excel reads Vietnamese; JSON holds the records', async () => {
    const csv = fs.readFileSync(await exported('fileList', 'csv', 'fonds'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(await exported('fileList', 'csv', 'fonds'));
    expect(rows[0]).toEqual(['STT', 'Số, ký hiệu hồ sơ', 'Tiêu đề hồ sơ', 'Thời gian bắt đầu – kết thúc', 'Thời hạn bảo quản', 'Số tờ', 'Hộp số', 'Ghi chú']);
    const json = JSON.parse(fs.readFileSync(await exported('catalogue', 'json', 'fonds'), 'utf8')) as { fonds: Array<{ code: string }>; documents: unknown[]; statistics: { totals: { files: number } } };
    expect(json.fonds.map((f) => f.code)).toEqual(['MAU-01']);
    expect(json.documents).toHaveLength(5);
    expect(json.statistics.totals.files).toBe(2);
  });

  it('refuses a form in a format it does not come in, and minutes for a whole fonds', async () => {
    await expect(app.call('handover.export', { fondsId, form: 'boxLabels', format: 'xlsx' })).rejects.toThrow(/không xuất được dạng XLSX/);
    await expect(app.call('handover.export', { fondsId, form: 'minutes', format: 'pdf' })).rejects.toThrow(/cho một đợt bàn giao/);
  });
});

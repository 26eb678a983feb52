import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../electron/services/import/decodeText';
import { extractText } from '../../../electron/services/import/extractText';
import { ApiError } from '../../../shared/contract/errors';
import { FORMATS_DIR } from '../../fixtures/formats/manifest';

// What cannot be read is refused with the file's name and the reason, in Vietnamese.

async function errorOf(p: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

function pdfBytes(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument(options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    draw(doc);
    doc.end();
  });
}

describe('text files that cannot be read', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  it('refuses an empty file, a blank one and a binary one', async () => {
    expect((await errorOf(() => decodeText(new Uint8Array(), 'rỗng.txt'))).message).toBe('Không đọc được “rỗng.txt”: tệp rỗng.');
    expect((await errorOf(() => decodeText(utf8('  \n\t\n'), 'trắng.txt'))).message).toMatch(/không có nội dung chữ/);
    expect((await errorOf(() => decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), 'ảnh.txt'))).message).toMatch(/tệp nhị phân/);
    const controls = utf8(`Văn bản${'\u0001\u0002\u0003\u0004'.repeat(10)}`);
    expect((await errorOf(() => decodeText(controls, 'điều khiển.txt'))).message).toMatch(/tệp nhị phân/);
  });

  it('tells a binary file by the control characters text never holds, and reads page breaks as text', async () => {
    // Vertical tab and unit separator are the ends of the counted set; tab, line and page breaks are not in it.
    const edges = utf8(`Văn bản${'\u000b\u001f'.repeat(10)}`);
    expect((await errorOf(() => decodeText(edges, 'biên.txt'))).message).toMatch(/tệp nhị phân/);
    const pages = decodeText(utf8(`Văn bản\f${'Trang tiếp theo.\t\r\n\f'.repeat(20)}`), 'trang.txt');
    expect(pages.text.split('\f')).toHaveLength(22);
  });

  it('refuses UTF-16 cut in the middle of a character, and bytes in no Vietnamese encoding', async () => {
    const odd = Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42]);
    expect((await errorOf(() => decodeText(odd, 'u16.txt'))).message).toMatch(/UTF-16 bị hỏng/);
    const russian = Uint8Array.from(Buffer.from('Ïðèâåò, ýòî òåêñò íà ðóññêîì ÿçûêå, íå âüåòíàìñêèé.', 'latin1'));
    const err = await errorOf(() => decodeText(russian, 'nga.txt'));
    expect(err.message).toMatch(/không nhận ra bảng mã/);
    expect(err.messageEn).toMatch(/tcvn3 -?\d/);
  });

  it('reads a UTF-8 file with a BOM and an NFD one, saying what it did', () => {
    const bom = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Số 12-KL/TU')]), 'a.txt');
    expect(bom).toEqual({ text: 'Số 12-KL/TU', encoding: 'utf-8-bom', conversions: [] });
    const nfd = decodeText(utf8('Tỉnh ủy'.normalize('NFD')), 'b.txt');
    expect(nfd).toEqual({ text: 'Tỉnh ủy', encoding: 'utf-8', conversions: ['nfd→nfc'] });
  });
});

describe('PDF files that cannot be read', () => {
  const good = readFileSync(path.join(FORMATS_DIR, 'office', 'f02_thong_bao_van_phong.pdf'));

  it('refuses a PDF cut short', async () => {
    const err = await errorOf(extractText('Thông báo #3 (bản "cuối").pdf', good.subarray(0, Math.floor(good.length / 2))));
    expect(err.kind).toBe('unreadable_file');
    expect(err.message).toBe('Không đọc được “Thông báo #3 (bản "cuối").pdf”: tệp PDF bị cắt cụt (thiếu phần kết thúc), có thể chép hoặc tải về chưa hết.');
  });

  it('refuses a file that only claims to be a PDF, and one whose insides are broken', async () => {
    expect((await errorOf(extractText('x.pdf', new TextEncoder().encode('hello %%EOF')))).message).toMatch(/không phải tệp PDF/);
    const broken = Buffer.concat([good.subarray(0, 20), Buffer.alloc(4000, 0x41), Buffer.from('\n%%EOF\n')]);
    expect((await errorOf(extractText('y.pdf', broken))).message).toMatch(/tệp PDF bị hỏng/);
  });

  it('refuses a PDF locked with a password', async () => {
    const locked = await pdfBytes({ userPassword: 'mat-khau', ownerPassword: 'chu' }, (doc) => doc.text('Số 12-KL/TU'));
    expect((await errorOf(extractText('khóa.pdf', locked))).message).toMatch(/khóa bằng mật khẩu/);
  });

  it('reads a PDF with pages and no text as a scan waiting for OCR', async () => {
    const blank = await pdfBytes({}, (doc) => {
      doc.rect(50, 50, 200, 100).fill('#888');
      doc.addPage();
    });
    const extracted = await extractText('quét.pdf', blank);
    expect(extracted).toMatchObject({ text: '', needsOcr: true, pageCount: 2, format: 'pdf' });
  });
});

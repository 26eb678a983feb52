import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../electron/services/import/extractText';
import { readStyleFonts } from '../../../electron/services/import/formats/docxStyles';
import { ApiError } from '../../../shared/contract/errors';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { encodeTcvn3 } from '../../../shared/text/encodings/tcvn3';
import { encodeVni } from '../../../shared/text/encodings/vni';

// Word files as old offices made them: the legacy font set once in the styles (runs carry none),
// a header table of two columns, capitals typed in `.VnTimeH`; and Word files that are broken.

const tcvn3 = (s: string) => encodeTcvn3(s).text;

async function docxBytes(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function errorOf(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

function zip(entries: Record<string, string | Buffer>): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const z = new yazl.ZipFile();
    for (const [name, content] of Object.entries(entries)) z.addBuffer(typeof content === 'string' ? Buffer.from(content) : content, name);
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    z.end();
  });
}

/** A header table as Word users lay it out: issuer block left, motto and date right. */
function headerTable(cell: (text: string, capitals?: boolean) => Paragraph): Table {
  const noBorders = { top: { style: 'none' as const, size: 0, color: 'FFFFFF' }, bottom: { style: 'none' as const, size: 0, color: 'FFFFFF' }, left: { style: 'none' as const, size: 0, color: 'FFFFFF' }, right: { style: 'none' as const, size: 0, color: 'FFFFFF' } };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [
          new TableCell({ borders: noBorders, children: [cell('ĐẢNG BỘ TỈNH ĐẮK LẮK', true), cell('HUYỆN ỦY KRÔNG PẮC', true), cell('*'), cell('Số 27-NQ/HU')] }),
          new TableCell({ borders: noBorders, children: [cell('ĐẢNG CỘNG SẢN VIỆT NAM', true), cell(''), cell('Krông Pắc, ngày 18 tháng 3 năm 2024')] }),
        ],
      }),
    ],
  });
}

const BODY = ['Ban Chấp hành Đảng bộ huyện quyết nghị phát triển cây sầu riêng theo hướng hữu cơ.', 'Nơi nhận:', '- Ban Thường vụ Tỉnh ủy (báo cáo),', '- Lưu Văn phòng Huyện ủy.'];

describe('old Word documents', () => {
  it('reads TCVN3 text whose font comes from the document defaults, with capitals typed in .VnTimeH', async () => {
    const p = (text: string, capitals = false) =>
      new Paragraph({ children: [new TextRun(capitals ? { text: tcvn3(text.toLowerCase()), font: '.VnTimeH' } : { text: tcvn3(text) })] });
    const doc = new Document({
      styles: { default: { document: { run: { font: '.VnTime' } } } },
      sections: [
        {
          children: [
            headerTable(p),
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: tcvn3('nghị quyết'), font: '.VnTimeH', bold: true })] }),
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: tcvn3('về phát triển cây sầu riêng theo hướng hữu cơ'), bold: true })] }),
            ...BODY.map((t) => p(t)),
          ],
        },
      ],
    });
    const bytes = await docxBytes(doc);
    const extracted = await extractText('nghi-quyet.docx', bytes);
    expect(extracted.encoding).toBe('tcvn3');
    expect(extracted.conversions).toEqual(['tcvn3→unicode:font']);
    expect(extracted.text).toContain('ĐẢNG BỘ TỈNH ĐẮK LẮK\tĐẢNG CỘNG SẢN VIỆT NAM');
    expect(extracted.text).toContain('NGHỊ QUYẾT');
    const m = parseDocument(extracted.text).metadata;
    expect(m.numberSymbol).toBe('27-NQ/HU');
    expect(m.issuer).toBe('HUYỆN ỦY KRÔNG PẮC');
    expect(m.parentIssuer).toBe('ĐẢNG BỘ TỈNH ĐẮK LẮK');
    expect(m.issueDate).toBe('2024-03-18');
    expect(m.docType).toBe('NGHỊ QUYẾT');
    expect(m.subject).toBe('về phát triển cây sầu riêng theo hướng hữu cơ');
    expect(m.recipients).toEqual(['Ban Thường vụ Tỉnh ủy (báo cáo)', 'Lưu Văn phòng Huyện ủy']);
  });

  it('reads VNI text whose font comes from a paragraph style', async () => {
    const doc = new Document({
      styles: { paragraphStyles: [{ id: 'VniBody', name: 'VNI body', run: { font: 'VNI-Times' } }] },
      sections: [{ children: ['ĐẢNG CỘNG SẢN VIỆT NAM', ...BODY].map((t) => new Paragraph({ style: 'VniBody', children: [new TextRun(encodeVni(t))] })) }],
    });
    const extracted = await extractText('vni.docx', await docxBytes(doc));
    expect(extracted.encoding).toBe('vni');
    expect(extracted.text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(extracted.text).toContain('Ban Chấp hành Đảng bộ huyện quyết nghị phát triển cây sầu riêng theo hướng hữu cơ.');
  });

  it('leaves Unicode alone in a document that also has .VnTime runs', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: 'Công tác tổ chức cán bộ', font: 'Times New Roman' })] }),
            new Paragraph({ children: [new TextRun({ text: tcvn3('Công tác tổ chức cán bộ'), font: '.VnTime' })] }),
          ],
        },
      ],
    });
    const extracted = await extractText('mixed.docx', await docxBytes(doc));
    expect(extracted.text.split('\n').filter(Boolean)).toEqual(['Công tác tổ chức cán bộ', 'Công tác tổ chức cán bộ']);
  });

  it('finds style fonts through basedOn, hAnsi first', () => {
    const fonts = readStyleFonts(`<w:styles>
      <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr></w:rPrDefault></w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/></w:style>
      <w:style w:type="character" w:styleId="Caps"><w:rPr><w:rFonts w:ascii="Times" w:hAnsi=".VnTimeH"/></w:rPr></w:style>
    </w:styles>`);
    expect(fonts.defaultFont).toBe('.VnTime');
    expect(fonts.fontOf('Heading1')).toBe('.VnTime');
    expect(fonts.fontOf('Caps')).toBe('.VnTimeH');
    expect(fonts.fontOf('Missing')).toBeNull();
    expect(readStyleFonts(null).defaultFont).toBeNull();
  });
});

describe('broken Word files', () => {
  it('refuses a cut-short .docx, naming the file and the cause', async () => {
    const bytes = await docxBytes(new Document({ sections: [{ children: BODY.map((t) => new Paragraph(t)) }] }));
    const err = await errorOf(extractText('Kết luận số 5.docx', bytes.subarray(0, Math.floor(bytes.length * 0.6))));
    expect(err.kind).toBe('unreadable_file');
    expect(err.message).toMatch(/Kết luận số 5\.docx/);
    expect(err.message).toMatch(/bị hỏng hoặc bị cắt cụt/);
  });

  it('refuses a zip that is not a Word document, and an empty document', async () => {
    const notWord = await errorOf(extractText('a.docx', await zip({ 'hello.txt': 'xin chào' })));
    expect(notWord.message).toMatch(/không phải tệp Word/);
    const empty = await errorOf(extractText('b.docx', await docxBytes(new Document({ sections: [{ children: [new Paragraph('')] }] }))));
    expect(empty.message).toMatch(/không có nội dung chữ/);
    const garbage = await errorOf(extractText('c.docx', new TextEncoder().encode('not a zip at all')));
    expect(garbage.message).toMatch(/bị hỏng/);
  });

  it('refuses a Word file whose text would unpack to more than 200 MB, before unpacking it', async () => {
    // 201 MB of spaces compress to a few hundred kilobytes: a zip bomb in miniature.
    const bomb = await zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': Buffer.alloc(201 * 1024 * 1024, 0x20) });
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    const err = await errorOf(extractText('bom.docx', bomb));
    expect(err.message).toMatch(/quá lớn khi giải nén/);
  });
});

describe('Word header tables placed on a grid', () => {
  it('places the table cells by column and reads the header from them', async () => {
    const p = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(text)] });
    const none = { style: 'none' as const, size: 0, color: 'FFFFFF' };
    const borders = { top: none, bottom: none, left: none, right: none };
    // The left cell is taller: its wrapped subject lines fall beside the right cell's date in the text.
    const table = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          children: [
            new TableCell({ borders, children: [p('ỦY BAN NHÂN DÂN'), p('TỈNH AN LẠC'), p('Số: 812/UBND-VX'), p('V/v tổ chức các hoạt động'), p('kỷ niệm ngày thành lập tỉnh')] }),
            new TableCell({ borders, children: [p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), p('Độc lập - Tự do - Hạnh phúc'), p(''), p('An Lạc, ngày 3 tháng 9 năm 2024')] }),
          ],
        }),
      ],
    });
    const doc = new Document({ sections: [{ children: [table, p('Kính gửi: Các sở, ban, ngành tỉnh.'), p('Ủy ban nhân dân tỉnh đề nghị các cơ quan tổ chức các hoạt động kỷ niệm trang trọng.')] }] });
    const extracted = await extractText('cong-van.docx', await docxBytes(doc));
    const page = extracted.pages![0]!;
    expect(page.source).toBe('docx');
    // The table's five lines, then `Kính gửi` and the body across the page.
    const rows = page.items.filter((i) => i.y < 5);
    const left = rows.filter((i) => i.x + i.width / 2 < page.width / 2).map((i) => i.text);
    const right = rows.filter((i) => i.x + i.width / 2 >= page.width / 2).map((i) => i.text);
    expect(page.items.filter((i) => i.y >= 5).every((i) => i.x < page.width / 2 && i.x + i.width > page.width / 2)).toBe(true);
    expect(left).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH AN LẠC', 'Số: 812/UBND-VX', 'V/v tổ chức các hoạt động', 'kỷ niệm ngày thành lập tỉnh']);
    expect(right).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'An Lạc, ngày 3 tháng 9 năm 2024']);
    const m = parseDocument(extracted.text, extracted.pages).metadata;
    expect(m.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH AN LẠC');
    expect(m.numberSymbol).toBe('812/UBND-VX');
    expect(m.docType).toBe('CÔNG VĂN');
    expect(m.subject).toBe('V/v tổ chức các hoạt động kỷ niệm ngày thành lập tỉnh');
    expect(m.issueDate).toBe('2024-09-03');
    expect(m.addressees).toEqual(['Các sở, ban, ngành tỉnh']);
  });

  it('places nothing for a document without a table', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('Báo cáo tình hình công tác tháng 9.')] })] }] });
    const extracted = await extractText('bao-cao.docx', await docxBytes(doc));
    expect(extracted.pages).toBeUndefined();
  });
});

/**
 * A small folder of distinct party documents in the formats an office keeps: plain text, Word
 * (.docx, made by the `docx` library) and PDF (drawn by pdfkit in DejaVu Serif), in nested box
 * folders. Every file has its own number, date, subject and body, so every SHA-256 differs. Used
 * by the crash tests, where the import must be slow enough to be killed at chosen moments and
 * must exercise each reader.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Document as DocxDocument, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import { type PartyDocSpec, partyDocument } from './partyDocs';
import { REPO } from './paths';
import { type GeneratedDocument, generateDocuments } from '../bench/corpus/generate';

const SERIF = path.join(REPO, 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSerif.ttf');

const ISSUERS = ['TỈNH ỦY ĐẮK LẮK', 'HUYỆN ỦY KRÔNG PẮC', 'HUYỆN ỦY EA SÚP', 'BAN TỔ CHỨC TỈNH ỦY', 'ỦY BAN KIỂM TRA TỈNH ỦY', 'VĂN PHÒNG TỈNH ỦY'];
const TYPES: Array<[string, string]> = [
  ['KẾT LUẬN', 'KL'],
  ['NGHỊ QUYẾT', 'NQ'],
  ['THÔNG BÁO', 'TB'],
  ['BÁO CÁO', 'BC'],
  ['CÔNG VĂN', 'CV'],
];
const TOPICS = [
  'công tác lưu trữ tài liệu khi sắp xếp tổ chức bộ máy',
  'bàn giao hồ sơ, tài liệu của đảng bộ huyện giải thể',
  'kiểm kê tài liệu theo phông lưu trữ',
  'tiếp nhận tài liệu của các xã sáp nhập',
  'bảo vệ bí mật nhà nước trong công tác văn thư',
  'chỉnh lý tài liệu tồn đọng giai đoạn 2015-2020',
  'kết quả kiểm tra việc thực hiện quy chế làm việc',
];
const PLACES = ['Buôn Ma Thuột', 'Krông Pắc', 'Ea Súp', 'Cư M’gar', 'Krông Năng'];

export interface CorpusFile {
  path: string;
  sha256: string;
  size: number;
}

function specOf(i: number): PartyDocSpec {
  const [type, abbr] = TYPES[i % TYPES.length]!;
  const day = (i % 28) + 1;
  const month = ((i * 5) % 12) + 1;
  const year = 2015 + (i % 10);
  const topic = TOPICS[i % TOPICS.length]!;
  return {
    number: `${200 + i * 3}-${abbr}/${i % 2 === 0 ? 'TU' : 'HU'}`,
    date: `${day}/${month}/${year}`,
    issuer: ISSUERS[i % ISSUERS.length],
    type,
    subject: `về ${topic} (đợt ${i + 1})`,
    body: [
      `Tại ${PLACES[i % PLACES.length]}, văn bản số thứ tự ${i} trong hộp ${Math.floor(i / 25) + 1}.`,
      `Thực hiện Kết luận số ${1000 + ((i * 7) % 97)}-KL/TU của Ban Thường vụ Tỉnh ủy, các cơ quan, đơn vị ${topic}, bảo đảm đầy đủ, không để thất lạc.`,
      // Some bulk so that reading, hashing and copying take a measurable while.
      ...Array.from({ length: 6 + (i % 5) }, (_, k) => `Mục ${k + 1}. Rà soát, thống kê hồ sơ năm ${year - k}; lập mục lục hồ sơ, mục lục văn bản; giao nộp bản gốc kèm biên bản (tài liệu ${i}-${k}).`),
    ],
  };
}

export async function docxBytes(text: string): Promise<Buffer> {
  const paragraphs = text.split('\n').map((line) => new Paragraph(line));
  return Packer.toBuffer(new DocxDocument({ sections: [{ children: paragraphs }] }));
}

export function pdfBytes(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { CreationDate: new Date('2025-01-01T00:00:00Z') } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font(SERIF).fontSize(11);
    for (const line of text.split('\n')) doc.text(line === '' ? ' ' : line);
    doc.end();
  });
}

/**
 * Writes `count` documents under `dir` (boxes of 25): every fifth a .docx, every fifth (offset)
 * a .pdf, the rest .txt. Returns them in walk order with their SHA-256.
 */
export async function writeMixedCorpus(dir: string, count: number): Promise<CorpusFile[]> {
  const out: CorpusFile[] = [];
  for (let i = 0; i < count; i++) {
    const box = path.join(dir, `hop-${String(Math.floor(i / 25) + 1).padStart(2, '0')}`);
    fs.mkdirSync(box, { recursive: true });
    const text = partyDocument(specOf(i));
    const kind = i % 5 === 1 ? 'docx' : i % 5 === 3 ? 'pdf' : 'txt';
    const bytes = kind === 'docx' ? await docxBytes(text) : kind === 'pdf' ? await pdfBytes(text) : Buffer.from(text, 'utf8');
    const file = path.join(box, `vb-${String(i).padStart(4, '0')}.${kind}`);
    fs.writeFileSync(file, bytes);
    out.push({ path: file, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A grey page of noise (a poor scan compresses badly), as a PNG, from a seed. */
function noisePng(width: number, height: number, seed: number): Buffer {
  let s = seed >>> 0 || 1;
  const raw = Buffer.alloc((width + 1) * height);
  for (let i = 0; i < raw.length; i++) {
    if (i % (width + 1) === 0) continue; // filter byte 0
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    raw[i] = 150 + ((s >>> 0) % 100);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(raw, { level: 1 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/**
 * `count` scanned pages (PDFs holding one noisy image and no text, about `kib` KiB each): the
 * importer keeps them and flags them for OCR. They give a package its bulk.
 */
export async function writeScans(dir: string, count: number, kib = 1024): Promise<CorpusFile[]> {
  fs.mkdirSync(dir, { recursive: true });
  const side = Math.round(Math.sqrt(kib * 1024));
  const out: CorpusFile[] = [];
  for (let i = 0; i < count; i++) {
    const png = noisePng(side, side, 7919 * (i + 1));
    const bytes = await new Promise<Buffer>((resolve, reject) => {
      const doc = new PDFDocument({ size: 'A4', margin: 0, info: { CreationDate: new Date('2025-01-01T00:00:00Z') } });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.image(png, 0, 0, { width: 595, height: 842 });
      doc.end();
    });
    const file = path.join(dir, `ban-chup-${String(i).padStart(3, '0')}.pdf`);
    fs.writeFileSync(file, bytes);
    out.push({ path: file, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
  }
  return out;
}

/** A generated document as written to disk, with what the generator knows of it. */
export interface ArchiveCorpusFile extends CorpusFile {
  document: Pick<GeneratedDocument, 'fileName' | 'truth' | 'date' | 'fondsCode'>;
  kind: 'txt' | 'docx' | 'pdf';
}

/**
 * `count` documents of the generated provincial archive (`tests/bench/corpus`: many issuers,
 * types, numbers and years), one in ten as Word, one in ten as PDF and the rest as text, in
 * folders of 100 (`hop-001/…`), as a real intake folder looks. Deterministic for a seed.
 */
export async function writeArchiveCorpus(dir: string, count: number, seed = 11): Promise<ArchiveCorpusFile[]> {
  const out: ArchiveCorpusFile[] = [];
  for (const d of generateDocuments({ count, seed })) {
    const box = path.join(dir, `hop-${String(Math.floor(d.index / 100) + 1).padStart(3, '0')}`);
    if (d.index % 100 === 0) fs.mkdirSync(box, { recursive: true });
    const kind = d.index % 10 === 1 ? 'docx' : d.index % 10 === 3 ? 'pdf' : 'txt';
    const bytes = kind === 'docx' ? await docxBytes(d.text) : kind === 'pdf' ? await pdfBytes(d.text) : Buffer.from(d.text, 'utf8');
    const file = path.join(box, d.fileName.replace(/\.txt$/, `.${kind}`));
    fs.writeFileSync(file, bytes);
    out.push({ path: file, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, kind, document: { fileName: d.fileName, truth: d.truth, date: d.date, fondsCode: d.fondsCode } });
  }
  return out;
}

/**
 * PDF with pdfkit, set in DejaVu (the PDF standard fonts have no Vietnamese): the handover
 * minutes and the box labels (nhãn hộp), four to an A4 page with cut lines.
 */
import PDFDocument from 'pdfkit';
import type { BoxLabel } from '../../../../shared/handover/forms';
import type { MinutesModel } from '../../../../shared/handover/minutes';
import { fontPath } from './fonts';

const MM = 72 / 25.4;

function newDocument(title: string, author: string, margins: { top: number; bottom: number; left: number; right: number }): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margins, font: fontPath('DejaVuSerif'), info: { Title: title, Author: author, Creator: 'Kho Lưu' }, bufferPages: true });
  doc.registerFont('serif', fontPath('DejaVuSerif'));
  doc.registerFont('serif-bold', fontPath('DejaVuSerif-Bold'));
  doc.registerFont('serif-italic', fontPath('DejaVuSerif-Italic'));
  doc.registerFont('sans', fontPath('DejaVuSans'));
  doc.registerFont('sans-bold', fontPath('DejaVuSans-Bold'));
  return doc;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Biên bản giao nhận tài liệu on A4 portrait (margins of the party format: 30 mm left, 15–20 mm elsewhere). */
export async function minutesPdf(m: MinutesModel, author: string): Promise<Buffer> {
  const margins = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
  const doc = newDocument(`${m.title} ${m.subtitle}`, author, margins);
  const done = collect(doc);
  const width = doc.page.width - margins.left - margins.right;
  const left = margins.left;
  const colLeft = width * 0.4;
  const colRight = width - colLeft;
  const top = margins.top;

  doc.font('serif-bold').fontSize(12).text(m.senderBody, left, top, { width: colLeft, align: 'center' });
  doc.font('serif').text('*', { width: colLeft, align: 'center' });
  doc.text(m.number, { width: colLeft, align: 'center' });
  const leftBottom = doc.y;
  doc.font('serif-bold').fontSize(13).text('ĐẢNG CỘNG SẢN VIỆT NAM', left + colLeft, top, { width: colRight, align: 'right', underline: true });
  doc.moveDown(0.6);
  doc.font('serif-italic').fontSize(11.5).text(m.placeAndDate, left + colLeft, doc.y, { width: colRight, align: 'right' });
  doc.y = Math.max(leftBottom, doc.y) + 24;

  doc.font('serif-bold').fontSize(15).text(m.title, left, doc.y, { width, align: 'center' });
  doc.fontSize(13).text(m.subtitle, { width, align: 'center' });
  doc.moveDown(1.2);

  const body = (t: string, font: 'serif' | 'serif-bold' | 'serif-italic' = 'serif') =>
    doc.font(font).fontSize(12.5).text(t, left, doc.y, { width, align: 'justify', indent: 10 * MM, paragraphGap: 3, lineGap: 1.5 });
  for (const b of m.bases) body(b, 'serif-italic');
  body(m.opening);
  for (const p of m.parties) {
    body(`${p.role}: ${p.body}`, 'serif-bold');
    body(`Ông (bà): ${p.representative}    Chức vụ: ${p.position}`);
  }
  body(m.agreement);
  for (const item of m.items) {
    body(item.heading, 'serif-bold');
    for (const line of item.lines) body(line);
  }
  for (const c of m.closing) body(c);

  // The two signatures side by side, on a new page if they would not fit together.
  const blockHeight = 150;
  if (doc.y + blockHeight > doc.page.height - margins.bottom) doc.addPage();
  else doc.moveDown(1.5);
  const y0 = doc.y;
  const half = width / 2;
  m.signatures.forEach((s, i) => {
    const x = left + i * half;
    doc.font('serif-bold').fontSize(12.5).text(s.role, x, y0, { width: half, align: 'center' });
    doc.text(s.position, x, doc.y, { width: half, align: 'center' });
    doc.font('serif-italic').fontSize(11).text('(Ký, ghi rõ họ tên, đóng dấu)', x, doc.y, { width: half, align: 'center' });
    doc.font('serif-bold').fontSize(12.5).text(s.representative, x, y0 + 120, { width: half, align: 'center' });
  });

  // Page numbers, centred at the foot, once the length is known.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Writing inside the bottom margin would make pdfkit start a new page: lift the margin first.
    doc.page.margins.bottom = 0;
    doc.font('serif').fontSize(10).text(`${i + 1}/${range.count}`, left, doc.page.height - margins.bottom + 18, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}

/** Nhãn hộp: four labels per A4 page, each with the fonds, the box number, the files and their span. */
export async function boxLabelsPdf(labels: readonly BoxLabel[], author: string): Promise<Buffer> {
  const margin = 10 * MM;
  const doc = newDocument('Nhãn hộp', author, { top: margin, bottom: margin, left: margin, right: margin });
  const done = collect(doc);
  const cols = 2;
  const rows = 2;
  const w = (doc.page.width - 2 * margin) / cols;
  const h = (doc.page.height - 2 * margin) / rows;
  if (labels.length === 0) {
    doc.font('sans').fontSize(14).text('Chưa có hộp nào được đánh số.', margin, margin);
  }
  labels.forEach((label, i) => {
    const slot = i % (cols * rows);
    if (i > 0 && slot === 0) doc.addPage();
    const x = margin + (slot % cols) * w;
    const y = margin + Math.floor(slot / cols) * h;
    const pad = 8 * MM;
    const inner = w - 2 * pad;
    doc.save().dash(4, { space: 4 }).lineWidth(0.5).strokeColor('#888888').rect(x + 2, y + 2, w - 4, h - 4).stroke().restore();
    doc.lineWidth(1.2).strokeColor('#000000').rect(x + pad - 8, y + pad - 8, inner + 16, h - 2 * pad + 16).stroke();
    doc.font('sans-bold').fontSize(11).fillColor('#000000').text(label.fondsName.toLocaleUpperCase('vi'), x + pad, y + pad, { width: inner, align: 'center' });
    doc.font('sans').fontSize(10).text(`Mã phông: ${label.fondsCode}`, { width: inner, align: 'center' });
    doc.moveDown(1.2);
    doc.font('sans-bold').fontSize(16).text('HỘP SỐ', { width: inner, align: 'center' });
    doc.fontSize(60).text(label.box, { width: inner, align: 'center' });
    doc.moveDown(0.4);
    doc.font('sans').fontSize(12);
    const line = (k: string, v: string) => doc.text(`${k}: ${v}`, x + pad, doc.y, { width: inner, paragraphGap: 6 });
    line('Từ hồ sơ số', `${label.firstFile}   đến hồ sơ số: ${label.lastFile}`);
    line('Số hồ sơ', String(label.fileCount));
    line('Thời gian', label.dateSpan || '…');
    line('Thời hạn bảo quản', label.retention);
  });
  doc.end();
  return done;
}

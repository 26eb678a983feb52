/**
 * Biên bản giao nhận tài liệu (handover minutes) as structured text, laid out by the DOCX and PDF
 * writers. Structure after the State model (Nghị định 30/2020/NĐ-CP, Appendix V, biên bản giao
 * nhận tài liệu) in the party format (Quy định 66-QĐ/TW: `ĐẢNG CỘNG SẢN VIỆT NAM` top right, the
 * body top left, number under it): number, date, place, the two parties (body, representative,
 * position), legal basis, what is handed over (fonds name, date span, files, boxes, metres,
 * attached lists), condition, signatures of both sides.
 */
import type { HandoverBatch, InventoryReport } from '../contract/types/handover';
import { dateRange, viLongDate } from './forms';

export interface MinutesParty {
  role: string;
  body: string;
  representative: string;
  position: string;
}

export interface MinutesModel {
  senderBody: string;
  number: string;
  placeAndDate: string;
  title: string;
  subtitle: string;
  bases: string[];
  opening: string;
  parties: [MinutesParty, MinutesParty];
  agreement: string;
  items: Array<{ heading: string; lines: string[] }>;
  closing: string[];
  signatures: [MinutesParty, MinutesParty];
}

const DOTS = '……………………………';

function orDots(v: string | null | undefined): string {
  return v && v.trim() !== '' ? v.trim() : DOTS;
}

export interface MinutesInput {
  batch: HandoverBatch;
  inventory: InventoryReport;
  /** Names of the forms attached to the minutes (and carried in the package). */
  attachments: string[];
  /** The head of the sender's audit log when the package was made: written on the minutes as a witness of the log. */
  auditHead?: { lastId: number; hash: string } | null;
}

/** Fills the minutes from the batch; what the batch does not say is left as dots to write in by hand. */
export function buildMinutes({ batch, inventory, attachments, auditHead }: MinutesInput): MinutesModel {
  const t = inventory.totals;
  const fondsNames = inventory.fonds.map((f) => `${f.name} (mã phông ${f.code})`).join('; ');
  const bases = (batch.legalBasis ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => (/^căn cứ/i.test(l) ? l : `Căn cứ ${l}`))
    .map((l) => (/[.;]$/.test(l) ? l : `${l};`));
  const permanent = inventory.byRetentionClass.permanent.files;
  const fixed = inventory.byRetentionClass.fixed.files;
  const unfinished = inventory.byCompletion.unfinished.files;
  const secret = inventory.bySecurity.mat + inventory.bySecurity.toi_mat + inventory.bySecurity.tuyet_mat;
  const metres = batch.shelfMetres !== null ? `${String(batch.shelfMetres).replace('.', ',')} mét giá` : `${DOTS} mét giá`;
  const place = batch.place?.trim() || '…………';
  // A count that is not known is not written as zero.
  const sheets =
    t.filesWithoutSheetCount === t.files
      ? 'số tờ: chưa thống kê'
      : t.filesWithoutSheetCount > 0
        ? `tổng số tờ: ${t.sheets} tờ (${t.filesWithoutSheetCount} hồ sơ chưa thống kê số tờ)`
        : `tổng số tờ: ${t.sheets} tờ`;

  const quantity = [
    `- Tổng số hộp (cặp): ${t.boxes} hộp;`,
    `- Tổng số hồ sơ (đơn vị bảo quản): ${t.files} hồ sơ, trong đó bảo quản vĩnh viễn: ${permanent} hồ sơ; bảo quản có thời hạn: ${fixed} hồ sơ;`,
    `- Hồ sơ công việc chưa kết thúc (giao cho đơn vị kế thừa tiếp tục giải quyết): ${unfinished} hồ sơ;`,
    `- Tổng số văn bản: ${t.documents} văn bản${secret > 0 ? ` (trong đó ${secret} văn bản mật, đã được xác nhận theo quy định bảo vệ bí mật nhà nước)` : ''}; ${sheets};`,
    `- Quy ra mét giá: ${metres}.`,
  ];
  const packageLines = batch.package
    ? [
        `- Gói dữ liệu điện tử theo chuẩn BagIt (RFC 8493), mã đợt ${batch.uuid};`,
        `- Mã kiểm tra SHA-256 của gói (tệp tagmanifest-sha256.txt): ${batch.package.digest};`,
        `- Payload-Oxum (số byte.số tệp): ${batch.package.payloadOxum}${auditHead ? ';' : '.'}`,
        ...(auditHead ? [`- Nhật ký thay đổi của danh mục bên giao khi đóng gói: đến dòng số ${auditHead.lastId}, mã SHA-256 đầu chuỗi ${auditHead.hash}.`] : []),
      ]
    : [];

  return {
    senderBody: batch.fromOrganizationName.toLocaleUpperCase('vi'),
    number: `Số ${batch.code}`,
    placeAndDate: `${place}, ${viLongDate(batch.handoverDate)}`,
    title: 'BIÊN BẢN',
    subtitle: 'Về việc giao nhận tài liệu',
    bases,
    opening: `Hôm nay, ${viLongDate(batch.handoverDate)}, tại ${place}, chúng tôi gồm:`,
    parties: [
      { role: 'BÊN GIAO', body: batch.fromOrganizationName, representative: orDots(batch.senderRepresentative), position: orDots(batch.senderPosition) },
      { role: 'BÊN NHẬN', body: batch.toOrganizationName ?? DOTS, representative: orDots(batch.receiverRepresentative), position: orDots(batch.receiverPosition) },
    ],
    agreement: 'Thống nhất lập biên bản giao nhận tài liệu với những nội dung cụ thể như sau:',
    items: [
      // The 2025 lineage says why these records go to this recipient (Công văn 64-CV/TW).
      { heading: '1. Tên phông (khối) tài liệu giao nhận', lines: [fondsNames || DOTS, ...(inventory.lineage ?? []).map((l) => `- ${l}`)] },
      { heading: '2. Thời gian của tài liệu', lines: [dateRange(inventory.dateSpan.start, inventory.dateSpan.end) || DOTS] },
      { heading: '3. Số lượng tài liệu', lines: quantity },
      { heading: '4. Tình trạng tài liệu giao nhận', lines: [orDots(batch.condition)] },
      { heading: '5. Công cụ tra cứu và tài liệu kèm theo', lines: [...attachments.map((a) => `- ${a};`), ...packageLines] },
    ],
    closing: [
      'Bên giao chịu trách nhiệm về tính đầy đủ, toàn vẹn của tài liệu giao nhận; không để thất lạc, hư hỏng, không giữ lại, tiêu hủy trái quy định hoặc chuyển giao tài liệu cho tổ chức, cá nhân không có thẩm quyền.',
      'Biên bản này được lập thành 02 bản có giá trị như nhau; mỗi bên giữ 01 bản.',
    ],
    signatures: [
      { role: 'ĐẠI DIỆN BÊN GIAO', body: batch.fromOrganizationName, representative: batch.senderRepresentative ?? '', position: batch.senderPosition ?? '' },
      { role: 'ĐẠI DIỆN BÊN NHẬN', body: batch.toOrganizationName ?? '', representative: batch.receiverRepresentative ?? '', position: batch.receiverPosition ?? '' },
    ],
  };
}

/** The minutes as plain lines (for tests and for the text of the PDF). */
export function minutesText(m: MinutesModel): string[] {
  return [
    m.senderBody,
    m.number,
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    m.placeAndDate,
    m.title,
    m.subtitle,
    ...m.bases,
    m.opening,
    ...m.parties.flatMap((p) => [`${p.role}: ${p.body}`, `Ông/Bà: ${p.representative} — Chức vụ: ${p.position}`]),
    m.agreement,
    ...m.items.flatMap((i) => [i.heading, ...i.lines]),
    ...m.closing,
    ...m.signatures.flatMap((s) => [s.role, s.position, s.representative]),
  ];
}

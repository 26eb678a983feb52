import type { DestructionDecision } from '../contract/types/safety';

/**
 * Danh mục tài liệu hết giá trị: the list of files a destruction decision covers, as the user
 * exports it before confirming (Hướng dẫn 29-HD/VPTW). CSV in UTF-8 with a byte-order mark and
 * CRLF line ends, so Excel and LibreOffice open the Vietnamese text correctly. The decision's
 * facts head the list; each file is one row.
 */
function cell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(values: Array<string | number | null | undefined>): string {
  return values.map(cell).join(',');
}

const dmy = (iso: string | null) => {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? '');
};

export function destructionListCsv(decision: DestructionDecision): string {
  const lines = [
    row(['DANH MỤC TÀI LIỆU HẾT GIÁ TRỊ']),
    row(['Quyết định số', decision.decisionNumber, 'ngày', dmy(decision.decisionDate)]),
    row(['Người/cơ quan phê duyệt', decision.approvedBy, decision.approverTitle]),
    row(['Căn cứ', decision.basis]),
    row([]),
    row(['STT', 'Phông', 'Số hồ sơ', 'Tiêu đề hồ sơ', 'Ngày bắt đầu', 'Ngày kết thúc', 'Thời hạn bảo quản', 'Hết hạn từ', 'Số văn bản', 'Số bản gốc']),
    ...decision.items.map((it, i) =>
      row([i + 1, it.fondsCode, it.code, it.title, dmy(it.startDate), dmy(it.endDate), it.retentionLabel, dmy(it.expiredOn), it.documentCount, it.originalCount]),
    ),
    row([]),
    row(['Tổng số hồ sơ', decision.items.length, 'Tổng số văn bản', decision.items.reduce((n, it) => n + it.documentCount, 0)]),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A file name for the list: the decision number made safe for every file system. */
export function destructionListFileName(decision: Pick<DestructionDecision, 'decisionNumber' | 'decisionDate'>): string {
  const safe = decision.decisionNumber.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9-]+/g, '_');
  return `danh-muc-tai-lieu-het-gia-tri_${safe}_${decision.decisionDate}.csv`;
}

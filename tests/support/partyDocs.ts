import fs from 'node:fs';
import path from 'node:path';

export interface PartyDocSpec {
  /** Number-symbol, e.g. `44-KL/TU`; omitted for a document without a number. */
  number?: string;
  /** `dd/mm/yyyy`; omitted for an undated document. */
  date?: string;
  issuer?: string;
  type?: string;
  subject?: string;
  /** Body paragraphs (citations go here). */
  body?: string[];
}

/** The text of a party document in the layout of domain.md, as the parser expects to read it. */
export function partyDocument(spec: PartyDocSpec): string {
  const issuer = spec.issuer ?? 'TỈNH ỦY ĐẮK LẮK';
  const [d, m, y] = (spec.date ?? '').split('/');
  const lines = [
    'ĐẢNG BỘ TỈNH ĐẮK LẮK',
    issuer,
    '*',
    spec.number ? `Số ${spec.number}` : 'Số      -KL/TU',
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    spec.date ? `Đắk Lắk, ngày ${Number(d)} tháng ${Number(m)} năm ${y}` : 'Đắk Lắk, ngày     tháng     năm 2025',
    '',
    spec.type ?? 'KẾT LUẬN',
    spec.subject ?? 'về công tác lưu trữ tài liệu khi sắp xếp tổ chức bộ máy',
    '-----',
    '',
    ...(spec.body ?? ['Ban Thường vụ Tỉnh ủy thống nhất kết luận như sau.']).flatMap((p) => [p, '']),
    'Nơi nhận:',
    '- Các huyện ủy, thị ủy, thành ủy,',
    '- Lưu Văn phòng Tỉnh ủy.',
    '',
    'T/M BAN THƯỜNG VỤ',
    'PHÓ BÍ THƯ',
    '',
    'Nguyễn Văn Thành',
    '',
  ];
  return lines.join('\n');
}

/** Writes a party document into `dir` and returns its path. */
export function writePartyDocument(dir: string, fileName: string, spec: PartyDocSpec): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, partyDocument(spec));
  return file;
}

/**
 * `count` distinct documents (different numbers, dates and bodies) in nested folders of about 100
 * files each, as a folder of scans' text exports would be, numbered from `firstNumber`. Returns
 * their paths in walk order.
 */
export function writeManyDocuments(dir: string, count: number, prefix = 'vb', firstNumber = 1000): string[] {
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const day = (i % 28) + 1;
    const month = (Math.floor(i / 28) % 12) + 1;
    const sub = path.join(dir, `hop-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    files.push(
      writePartyDocument(sub, `${prefix}-${String(i).padStart(5, '0')}.txt`, {
        number: `${firstNumber + i}-KL/TU`,
        date: `${day}/${month}/2024`,
        subject: `về việc bàn giao hồ sơ, tài liệu của đơn vị số ${i}`,
        body: [`Văn bản thứ ${i}. Thực hiện Kết luận số ${firstNumber + ((i * 7) % count)}-KL/TU của Ban Thường vụ Tỉnh ủy, các đơn vị bàn giao đầy đủ hồ sơ.`],
      }),
    );
  }
  return files.sort();
}

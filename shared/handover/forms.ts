/**
 * The handover forms as data: columns and rows of the Mục lục hồ sơ (file list) and Mục lục văn
 * bản (document list), and the box labels. The XLSX, DOCX, PDF and CSV writers only lay out what
 * these functions return, so every format shows the same rows.
 *
 * Columns follow domain.md (after the State templates, Nghị định 30/2020/NĐ-CP, Appendix V):
 * file list — No., file number/symbol, title, start–end date, retention, sheets, box, notes, with
 * totals at the end; document list — No., number-symbol, date, type and subject, issuer, sheet,
 * notes.
 */
import { formatDayMonthYear } from '../text/dates';
import type { ArchiveFile, DocumentRecord, RetentionClass, SecurityLevel } from '../contract/types';
import { HIDDEN_SECRET_TEXT, isWithheld, lockedSecretDocument } from '../security/secretFields';

export interface FormColumn {
  key: string;
  header: string;
  /** Width in characters (spreadsheet) or a relative weight (tables). */
  width: number;
  align: 'left' | 'center' | 'right';
}

export const FILE_LIST_COLUMNS: readonly FormColumn[] = [
  // Wide enough for "STT" and a five-digit number on one line in a DOCX table cell.
  { key: 'no', header: 'STT', width: 8, align: 'center' },
  { key: 'code', header: 'Số, ký hiệu hồ sơ', width: 12, align: 'center' },
  { key: 'title', header: 'Tiêu đề hồ sơ', width: 50, align: 'left' },
  { key: 'dates', header: 'Thời gian bắt đầu – kết thúc', width: 25, align: 'center' },
  { key: 'retention', header: 'Thời hạn bảo quản', width: 13, align: 'center' },
  { key: 'sheets', header: 'Số tờ', width: 8, align: 'right' },
  { key: 'box', header: 'Hộp số', width: 8, align: 'center' },
  { key: 'notes', header: 'Ghi chú', width: 26, align: 'left' },
];

export const DOCUMENT_LIST_COLUMNS: readonly FormColumn[] = [
  { key: 'no', header: 'STT', width: 8, align: 'center' },
  { key: 'numberSymbol', header: 'Số, ký hiệu văn bản', width: 16, align: 'left' },
  // A dd/mm/yyyy date never breaks inside a DOCX table cell.
  { key: 'date', header: 'Ngày tháng văn bản', width: 17, align: 'center' },
  { key: 'typeSubject', header: 'Tên loại và trích yếu nội dung', width: 50, align: 'left' },
  { key: 'issuer', header: 'Tác giả (cơ quan ban hành)', width: 26, align: 'left' },
  { key: 'sheet', header: 'Tờ số', width: 8, align: 'center' },
  { key: 'notes', header: 'Ghi chú', width: 22, align: 'left' },
];

export const SECURITY_LABEL_VI: Record<SecurityLevel, string> = { mat: 'Mật', toi_mat: 'Tối mật', tuyet_mat: 'Tuyệt mật' };
export { HIDDEN_SECRET_TEXT };

/** `2025-05-14` → `14/05/2025`; anything else unchanged; null → empty. */
export const viDate = formatDayMonthYear;

/** `2025-05-14` → `ngày 14 tháng 5 năm 2025` (the wording of a document's date line). */
export function viLongDate(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return 'ngày … tháng … năm …';
  return `ngày ${m[3]} tháng ${Number(m[2])} năm ${m[1]}`;
}

export function dateRange(start: string | null, end: string | null): string {
  if (!start && !end) return '';
  if (start === end) return viDate(start);
  return `${viDate(start) || '…'} – ${viDate(end) || '…'}`;
}

/** A file as the forms need it: the record plus how many of its documents are secret. */
export interface FormFile extends ArchiveFile {
  fondsCode: string;
  secretDocuments: number;
}

export type FormRow =
  | { kind: 'section'; text: string }
  | { kind: 'item'; cells: string[] }
  | { kind: 'total'; text: string };

const CLASS_SECTIONS: Array<{ key: RetentionClass | 'none'; title: string }> = [
  { key: 'permanent', title: 'HỒ SƠ BẢO QUẢN VĨNH VIỄN' },
  { key: 'fixed', title: 'HỒ SƠ BẢO QUẢN CÓ THỜI HẠN' },
  { key: 'none', title: 'HỒ SƠ CHƯA XÁC ĐỊNH THỜI HẠN BẢO QUẢN' },
];

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];
const byCode = new Intl.Collator('vi', { numeric: true });

function fileNotes(f: FormFile): string {
  const notes: string[] = [];
  if (f.completion === 'unfinished') notes.push('Công việc chưa kết thúc');
  if (f.secretDocuments > 0) notes.push(`Có ${f.secretDocuments} văn bản mật`);
  if (f.notes) notes.push(f.notes);
  return notes.join('; ');
}

export interface FileListTotals {
  files: number;
  sheets: number;
  boxes: number;
  permanent: number;
  fixed: number;
  none: number;
  unfinished: number;
  /** Files whose sheets are not counted yet (their sheets are not in `sheets`). */
  withoutSheets: number;
}

/**
 * The Mục lục hồ sơ: permanent files first, then fixed-term, then those still without a period
 * (the handover keeps the two classes apart), numbered on through the sections, totals last.
 */
export function fileListRows(files: readonly FormFile[]): { rows: FormRow[]; totals: FileListTotals } {
  const rows: FormRow[] = [];
  const totals: FileListTotals = { files: 0, sheets: 0, boxes: 0, permanent: 0, fixed: 0, none: 0, unfinished: 0, withoutSheets: 0 };
  const boxes = new Set<string>();
  let n = 0;
  let section = 0;
  for (const { key, title } of CLASS_SECTIONS) {
    const inClass = files.filter((f) => (f.retention?.retentionClass ?? 'none') === key).sort((a, b) => byCode.compare(a.fondsCode, b.fondsCode) || byCode.compare(a.code, b.code));
    if (inClass.length === 0) continue;
    rows.push({ kind: 'section', text: `${ROMAN[section++]}. ${title}` });
    for (const f of inClass) {
      n++;
      totals[key]++;
      totals.sheets += f.sheetCount ?? 0;
      if (f.sheetCount === null) totals.withoutSheets++;
      if (f.completion === 'unfinished') totals.unfinished++;
      if (f.box) boxes.add(f.box);
      rows.push({
        kind: 'item',
        cells: [String(n), f.code, f.title, dateRange(f.startDate, f.endDate), f.retention?.labelVi ?? '', f.sheetCount === null ? '' : String(f.sheetCount), f.box ?? '', fileNotes(f)],
      });
    }
  }
  totals.files = n;
  totals.boxes = boxes.size;
  rows.push({ kind: 'total', text: fileListTotalText(totals) });
  return { rows, totals };
}

export function fileListTotalText(t: FileListTotals): string {
  const sheets = t.withoutSheets === 0 ? `${t.sheets} tờ` : t.withoutSheets === t.files ? 'chưa thống kê số tờ' : `${t.sheets} tờ (${t.withoutSheets} hồ sơ chưa thống kê số tờ)`;
  const parts = [`Tổng số: ${t.files} hồ sơ`, sheets, `${t.boxes} hộp`];
  const classes = [`vĩnh viễn: ${t.permanent}`, `có thời hạn: ${t.fixed}`];
  if (t.none > 0) classes.push(`chưa xác định thời hạn: ${t.none}`);
  return `${parts.join('; ')} (${classes.join('; ')}; công việc chưa kết thúc: ${t.unfinished}).`;
}

/** `KẾT LUẬN` + `hội nghị …` → `Kết luận hội nghị …` (tên loại và trích yếu in one cell). */
export function typeAndSubject(docType: string | null, subject: string | null): string {
  const type = docType ? docType.toLocaleLowerCase('vi').replace(/^./u, (c) => c.toLocaleUpperCase('vi')) : '';
  const text = (subject ?? '').trim();
  if (!type) return text;
  if (!text) return type;
  return `${type} ${text}`;
}

export interface DocumentGroup {
  /** Null for documents in no file. */
  file: Pick<ArchiveFile, 'code' | 'title'> | null;
  documents: DocumentRecord[];
}

/**
 * The Mục lục văn bản, file by file (numbered within each file, as a file's own list is), with
 * secret documents marked; when the caller may not see secrets, each secret document's row keeps
 * only what the secret-field rule shows (order, sheet, security level) and says it is withheld
 * (the row stays, so nothing is silently left out).
 */
export function documentListRows(groups: readonly DocumentGroup[], secretsVisible: boolean): { rows: FormRow[]; documents: number; secret: number } {
  const rows: FormRow[] = [];
  let documents = 0;
  let secret = 0;
  for (const g of groups) {
    if (g.documents.length === 0) continue;
    rows.push({ kind: 'section', text: g.file ? `Hồ sơ số ${g.file.code}: ${g.file.title}` : 'Văn bản chưa lập hồ sơ' });
    g.documents.forEach((record, i) => {
      documents++;
      const hidden = isWithheld(record.securityLevel, secretsVisible);
      const d = hidden ? lockedSecretDocument(record) : record;
      if (d.securityLevel) secret++;
      const notes = [d.securityLevel ? `Độ mật: ${SECURITY_LABEL_VI[d.securityLevel]}` : '', d.notes ?? ''].filter(Boolean).join('; ');
      rows.push({
        kind: 'item',
        cells: [
          String(d.orderInFile ?? i + 1),
          d.numberSymbol ?? '',
          viDate(d.issueDate),
          hidden ? HIDDEN_SECRET_TEXT : typeAndSubject(d.docType, d.subject),
          d.issuer ?? '',
          d.sheetNumber ?? '',
          notes,
        ],
      });
    });
  }
  rows.push({ kind: 'total', text: `Tổng số: ${documents} văn bản${secret > 0 ? ` (trong đó ${secret} văn bản mật)` : ''}.` });
  return { rows, documents, secret };
}

/** Nhãn hộp: what is written on a box's spine label. */
export interface BoxLabel {
  fondsName: string;
  fondsCode: string;
  box: string;
  firstFile: string;
  lastFile: string;
  fileCount: number;
  dateSpan: string;
  retention: string;
}

/** One label per box, in box order; files without a box get none (they block packing). */
export function boxLabels(files: readonly FormFile[], fondsNames: ReadonlyMap<string, string>): BoxLabel[] {
  const groups = new Map<string, FormFile[]>();
  for (const f of files) {
    if (!f.box) continue;
    const key = `${f.fondsCode}\u0000${f.box}`;
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  const labels: BoxLabel[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => byCode.compare(a.code, b.code));
    const first = list[0]!;
    const starts = list.map((f) => f.startDate).filter((d): d is string => !!d).sort();
    const ends = list.map((f) => f.endDate).filter((d): d is string => !!d).sort();
    const retentions = [...new Set(list.map((f) => f.retention?.labelVi ?? 'Chưa xác định'))];
    labels.push({
      fondsName: fondsNames.get(first.fondsCode) ?? first.fondsCode,
      fondsCode: first.fondsCode,
      box: first.box!,
      firstFile: first.code,
      lastFile: list[list.length - 1]!.code,
      fileCount: list.length,
      dateSpan: dateRange(starts[0] ?? null, ends[ends.length - 1] ?? null),
      retention: retentions.join(', '),
    });
  }
  return labels.sort((a, b) => byCode.compare(a.fondsCode, b.fondsCode) || byCode.compare(a.box, b.box));
}

/** RFC 4180 CSV with a UTF-8 byte-order mark and CRLF, which Excel needs to read Vietnamese. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** A form's rows as CSV rows (sections and totals in the first cells). */
export function formRowsToCsv(columns: readonly FormColumn[], rows: readonly FormRow[]): string {
  const out: string[][] = [columns.map((c) => c.header)];
  for (const r of rows) out.push(r.kind === 'item' ? r.cells : [r.text]);
  return toCsv(out);
}

/** The top of every form: whose records (top left, capitals), the title, and what it covers. */
export interface FormHeading {
  owner: string;
  title: string;
  lines: string[];
}

/** A form ready for any writer: heading, columns, rows. */
export interface FormSheet {
  name: string;
  heading: FormHeading;
  columns: readonly FormColumn[];
  rows: readonly FormRow[];
}

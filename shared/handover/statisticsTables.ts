/**
 * The statistics report (báo cáo thống kê tài liệu) as plain tables, for the XLSX and CSV writers
 * and for the screen: the same numbers everywhere.
 */
import type { InventoryReport, Tally } from '../contract/types/handover';
import { dateRange } from './forms';

export interface StatTable {
  title: string;
  headers: string[];
  rows: Array<Array<string | number>>;
}

const HANDOVER_LABELS: Record<keyof InventoryReport['byHandover'], string> = {
  not_started: 'Chưa bàn giao',
  listed: 'Đã lập danh mục',
  packed: 'Đã đóng gói',
  handed_over: 'Đã bàn giao',
  received: 'Đã tiếp nhận',
};

export const PROBLEM_LABELS: Record<string, string> = {
  no_retention: 'thời hạn bảo quản',
  no_title: 'tiêu đề',
  no_dates: 'thời gian bắt đầu/kết thúc',
  no_box: 'số hộp',
};

function tally(label: string, t: Tally): Array<string | number> {
  return [label, t.files, t.documents, t.sheets];
}

const TALLY_HEADERS = ['', 'Số hồ sơ', 'Số văn bản', 'Số tờ'];

export function statisticsTables(r: InventoryReport): StatTable[] {
  const t = r.totals;
  const tables: StatTable[] = [
    {
      title: 'Tổng hợp',
      headers: ['Chỉ tiêu', 'Số lượng'],
      rows: [
        ['Số hồ sơ', t.files],
        ['Số văn bản', t.documents],
        ['Số tờ', t.sheets],
        ['Hồ sơ chưa thống kê số tờ', t.filesWithoutSheetCount],
        ['Số trang', t.pages],
        ['Số hộp', t.boxes],
        ['Văn bản chưa lập hồ sơ', t.unfiledDocuments],
        ['Văn bản cần rà soát thông tin', t.documentsNeedingReview],
        ['Thời gian của tài liệu', dateRange(r.dateSpan.start, r.dateSpan.end) || 'Chưa xác định'],
        ['Hồ sơ thiếu thông tin bắt buộc', r.problemCount],
      ],
    },
    {
      title: 'Theo thời hạn bảo quản',
      headers: ['Thời hạn bảo quản', ...TALLY_HEADERS.slice(1)],
      rows: [
        tally('Vĩnh viễn (cộng)', r.byRetentionClass.permanent),
        tally('Có thời hạn (cộng)', r.byRetentionClass.fixed),
        tally('Chưa xác định thời hạn', r.byRetentionClass.none),
        ...r.byRetention.filter((x) => x.code !== null).map((x) => tally(`  ${x.labelVi}`, x)),
      ],
    },
    {
      title: 'Theo tình trạng công việc',
      headers: ['Tình trạng', ...TALLY_HEADERS.slice(1)],
      rows: [tally('Đã kết thúc', r.byCompletion.completed), tally('Chưa kết thúc', r.byCompletion.unfinished), tally('Chưa xác định', r.byCompletion.none)],
    },
    {
      title: 'Theo tình trạng bàn giao',
      headers: ['Tình trạng bàn giao', ...TALLY_HEADERS.slice(1)],
      rows: (Object.keys(HANDOVER_LABELS) as Array<keyof typeof HANDOVER_LABELS>).map((k) => tally(HANDOVER_LABELS[k], r.byHandover[k])),
    },
    {
      title: 'Theo hộp',
      headers: ['Hộp số', ...TALLY_HEADERS.slice(1)],
      rows: r.byBox.map((b) => tally(b.box ?? 'Chưa xếp hộp', b)),
    },
    {
      title: 'Văn bản theo độ mật',
      headers: ['Độ mật', 'Số văn bản'],
      rows: [
        ['Không mật', r.bySecurity.none],
        ['Mật', r.bySecurity.mat],
        ['Tối mật', r.bySecurity.toi_mat],
        ['Tuyệt mật', r.bySecurity.tuyet_mat],
      ],
    },
  ];
  if (r.problemCount > 0) {
    tables.push({
      title: `Hồ sơ thiếu thông tin bắt buộc (${r.problemCount})`,
      headers: ['Mã phông', 'Số hồ sơ', 'Tiêu đề', 'Còn thiếu'],
      rows: r.problems.map((p) => [p.fondsCode, p.code, p.title, p.problems.map((k) => PROBLEM_LABELS[k] ?? k).join(', ')]),
    });
  }
  return tables;
}

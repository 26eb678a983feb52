/**
 * Inventory statistics (thống kê tài liệu) from catalogue rows: files and documents by retention,
 * completion, handover status, box and security level; date span; sheets; and the files whose
 * missing data blocks the handover (Công văn 64-CV/TW and 14514-CV/VPTW: every file listed with
 * its retention, permanent apart from fixed-term, completed apart from unfinished).
 */
import type { CompletionStatus, HandoverStatus, RetentionClass, RetentionPeriod, SecurityLevel } from '../contract/types';
import type { BoxTally, FileProblem, FileProblemKind, InventoryReport, RetentionTally, Tally } from '../contract/types/handover';

/** One file with the aggregates of its documents, as the data layer returns it. */
export interface InventoryFileRow {
  id: number;
  fondsId: number;
  fondsCode: string;
  code: string;
  title: string;
  startDate: string | null;
  endDate: string | null;
  retentionCode: string | null;
  completion: CompletionStatus | null;
  box: string | null;
  sheetCount: number | null;
  pageCount: number | null;
  handoverStatus: HandoverStatus;
  documentCount: number;
  secret: Record<SecurityLevel, number>;
  minIssueDate: string | null;
  maxIssueDate: string | null;
  needingReview: number;
}

/** Documents of the scope that are in no file. */
export interface UnfiledAggregate {
  documents: number;
  secret: Record<SecurityLevel, number>;
  minIssueDate: string | null;
  maxIssueDate: string | null;
  needingReview: number;
}

export interface InventoryInput {
  scope: InventoryReport['scope'];
  fonds: InventoryReport['fonds'];
  retentionPeriods: RetentionPeriod[];
  files: InventoryFileRow[];
  unfiled: UnfiledAggregate;
  /** Packing needs every file in a box: report files without one as problems too. */
  requireBox?: boolean;
}

export const MAX_PROBLEMS_LISTED = 500;

const HANDOVER_STATUSES: HandoverStatus[] = ['not_started', 'listed', 'packed', 'handed_over', 'received'];
const SECURITY_LEVELS: SecurityLevel[] = ['mat', 'toi_mat', 'tuyet_mat'];

const byNatural = new Intl.Collator('vi', { numeric: true });

function zero(): Tally {
  return { files: 0, documents: 0, sheets: 0 };
}

function add(t: Tally, f: InventoryFileRow): void {
  t.files++;
  t.documents += f.documentCount;
  t.sheets += f.sheetCount ?? 0;
}

function minDate(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

function maxDate(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/** What is missing from a file for the handover lists; empty when nothing. */
export function fileProblems(f: Pick<InventoryFileRow, 'title' | 'retentionCode' | 'startDate' | 'endDate' | 'box'>, requireBox = false): FileProblemKind[] {
  const problems: FileProblemKind[] = [];
  if (!f.retentionCode) problems.push('no_retention');
  if (!f.title || f.title.trim() === '') problems.push('no_title');
  if (!f.startDate || !f.endDate) problems.push('no_dates');
  if (requireBox && (!f.box || f.box.trim() === '')) problems.push('no_box');
  return problems;
}

export function computeInventory(input: InventoryInput): InventoryReport {
  const periods = new Map(input.retentionPeriods.map((p, i) => [p.code, { period: p, order: i }]));
  const byRetentionClass: Record<RetentionClass | 'none', Tally> = { permanent: zero(), fixed: zero(), none: zero() };
  const retention = new Map<string | null, RetentionTally>();
  const byCompletion: Record<CompletionStatus | 'none', Tally> = { completed: zero(), unfinished: zero(), none: zero() };
  const byHandover = Object.fromEntries(HANDOVER_STATUSES.map((s) => [s, zero()])) as Record<HandoverStatus, Tally>;
  const boxes = new Map<string | null, BoxTally>();
  const bySecurity: Record<SecurityLevel | 'none', number> = { none: 0, mat: 0, toi_mat: 0, tuyet_mat: 0 };
  const problems: FileProblem[] = [];
  let problemCount = 0;
  let start: string | null = null;
  let end: string | null = null;
  let pages = 0;
  let documents = 0;
  let sheets = 0;
  let needingReview = input.unfiled.needingReview;
  let withoutSheets = 0;

  for (const f of input.files) {
    documents += f.documentCount;
    sheets += f.sheetCount ?? 0;
    if (f.sheetCount === null) withoutSheets++;
    pages += f.pageCount ?? 0;
    needingReview += f.needingReview;

    const known = f.retentionCode ? periods.get(f.retentionCode) : undefined;
    const retentionClass = known?.period.retentionClass ?? null;
    add(byRetentionClass[retentionClass ?? 'none'], f);
    const key = known ? f.retentionCode : null;
    let r = retention.get(key);
    if (!r) {
      r = {
        code: key,
        retentionClass,
        labelVi: known?.period.labelVi ?? 'Chưa xác định thời hạn',
        labelEn: known?.period.labelEn ?? 'No retention period',
        ...zero(),
      };
      retention.set(key, r);
    }
    add(r, f);
    add(byCompletion[f.completion ?? 'none'], f);
    add(byHandover[f.handoverStatus], f);

    const box = f.box && f.box.trim() !== '' ? f.box.trim() : null;
    let b = boxes.get(box);
    if (!b) {
      b = { box, ...zero() };
      boxes.set(box, b);
    }
    add(b, f);

    let secret = 0;
    for (const level of SECURITY_LEVELS) {
      bySecurity[level] += f.secret[level];
      secret += f.secret[level];
    }
    bySecurity.none += f.documentCount - secret;

    // A file's span is its own dates; where it has none yet, its documents' dates.
    start = minDate(start, f.startDate ?? f.minIssueDate);
    end = maxDate(end, f.endDate ?? f.maxIssueDate);

    const kinds = fileProblems(f, input.requireBox);
    if (kinds.length > 0) {
      problemCount++;
      if (problems.length < MAX_PROBLEMS_LISTED) problems.push({ fileId: f.id, fondsCode: f.fondsCode, code: f.code, title: f.title, problems: kinds });
    }
  }

  let unfiledSecret = 0;
  for (const level of SECURITY_LEVELS) {
    bySecurity[level] += input.unfiled.secret[level];
    unfiledSecret += input.unfiled.secret[level];
  }
  bySecurity.none += input.unfiled.documents - unfiledSecret;
  start = minDate(start, input.unfiled.minIssueDate);
  end = maxDate(end, input.unfiled.maxIssueDate);

  const byRetention = [...retention.values()].sort((a, b) => {
    const oa = a.code === null ? Number.MAX_SAFE_INTEGER : (periods.get(a.code)?.order ?? 0);
    const ob = b.code === null ? Number.MAX_SAFE_INTEGER : (periods.get(b.code)?.order ?? 0);
    return oa - ob;
  });
  const byBox = [...boxes.values()].sort((a, b) => (a.box === null ? 1 : b.box === null ? -1 : byNatural.compare(a.box, b.box)));

  return {
    scope: input.scope,
    fonds: input.fonds,
    totals: {
      files: input.files.length,
      documents: documents + input.unfiled.documents,
      sheets,
      pages,
      boxes: byBox.filter((b) => b.box !== null).length,
      unfiledDocuments: input.unfiled.documents,
      documentsNeedingReview: needingReview,
      filesWithoutSheetCount: withoutSheets,
    },
    byRetentionClass,
    byRetention,
    byCompletion,
    byHandover,
    byBox,
    bySecurity,
    dateSpan: { start, end },
    problems,
    problemCount,
  };
}

export function emptyUnfiled(): UnfiledAggregate {
  return { documents: 0, secret: { mat: 0, toi_mat: 0, tuyet_mat: 0 }, minIssueDate: null, maxIssueDate: null, needingReview: 0 };
}

/** Sums several inventories' inputs (an organization's fonds) into one. */
export function mergeUnfiled(parts: UnfiledAggregate[]): UnfiledAggregate {
  const out = emptyUnfiled();
  for (const p of parts) {
    out.documents += p.documents;
    out.needingReview += p.needingReview;
    for (const level of SECURITY_LEVELS) out.secret[level] += p.secret[level];
    out.minIssueDate = minDate(out.minIssueDate, p.minIssueDate);
    out.maxIssueDate = maxDate(out.maxIssueDate, p.maxIssueDate);
  }
  return out;
}

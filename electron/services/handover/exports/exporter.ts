/**
 * Every export of the handover area, for a batch or a whole fonds: which form, in which format.
 * Returns bytes and a file name; writing them somewhere is the caller's business (a chosen path,
 * the exports folder, or a package). Rendering needs only the loaded `ExportContext`
 * (`exportContext.ts`), never the catalogue: a package renders its forms on a thread of their own.
 */
import { ApiError } from '../../../../shared/contract/errors';
import type { ExportForm, ExportFormat, HandoverBatch, InventoryReport } from '../../../../shared/contract/types/handover';
import { safeSegment } from '../../../../shared/handover/bagPaths';
import {
  boxLabels,
  DOCUMENT_LIST_COLUMNS,
  documentListRows,
  FILE_LIST_COLUMNS,
  fileListRows,
  formRowsToCsv,
  toCsv,
  type DocumentGroup,
  type FormHeading,
  type FormSheet,
} from '../../../../shared/handover/forms';
import { buildMinutes } from '../../../../shared/handover/minutes';
import { statisticsTables } from '../../../../shared/handover/statisticsTables';
import { catalogueBody, documentsCsv, filesCsv, type CatalogueRecords } from '../catalogueRecords';
import { formDocx, minutesDocx } from './docx';
import { boxLabelsPdf, minutesPdf } from './pdf';
import { workbookXlsx } from './xlsx';

export type ExportScope = { kind: 'batch'; batchId: number } | { kind: 'fonds'; fondsId: number };

export interface RenderedExport {
  bytes: Buffer;
  fileName: string;
  mediaType: string;
}

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
};

/** Which formats each form comes in. */
export const FORM_FORMATS: Record<ExportForm, ExportFormat[]> = {
  fileList: ['xlsx', 'docx', 'csv'],
  documentList: ['xlsx', 'docx', 'csv'],
  minutes: ['docx', 'pdf'],
  boxLabels: ['pdf'],
  statistics: ['xlsx', 'csv', 'json'],
  catalogue: ['json', 'csv'],
  inventory: ['xlsx', 'docx', 'csv', 'json'],
};

const FILE_STEM: Record<ExportForm, string> = {
  fileList: 'muc-luc-ho-so',
  documentList: 'muc-luc-van-ban',
  minutes: 'bien-ban-giao-nhan',
  boxLabels: 'nhan-hop',
  statistics: 'thong-ke',
  catalogue: 'danh-muc',
  inventory: 'kiem-ke',
};

/** Everything the forms of one scope are made from, loaded once. */
export interface ExportContext {
  scope: ExportScope;
  batch: HandoverBatch | null;
  records: CatalogueRecords;
  inventory: InventoryReport;
  owner: string;
  scopeLine: string;
  secretsVisible: boolean;
  creator: string;
  /** The audit log's head recorded in the batch's last package (a witness written on the minutes). */
  packageAuditHead: { lastId: number; hash: string } | null;
}

/** The forms a package carries (`renderForm`): every form but the catalogue and inventory exports. */
export type PackagedForm = Exclude<ExportForm, 'catalogue' | 'inventory'>;

/**
 * What those forms are made from: the export context without the records in the package's own
 * format (the catalogue files hold those). Sent to the forms' thread, which gets a copy of it.
 */
export interface FormsContext extends Omit<ExportContext, 'records'> {
  records: Pick<CatalogueRecords, 'fonds' | 'fileRecords' | 'documentRecords' | 'unfiledRecords'>;
}

function heading(ec: FormsContext, title: string): FormHeading {
  return { owner: ec.owner, title, lines: [ec.scopeLine] };
}

export function fileListSheet(ec: FormsContext): FormSheet {
  const fondsCode = new Map(ec.records.fonds.map((f) => [f.key.slice(1), f.code]));
  const secretByFile = new Map<number, number>();
  for (const [fileId, docs] of ec.records.documentRecords) secretByFile.set(fileId, docs.filter((d) => d.securityLevel !== null).length);
  const files = ec.records.fileRecords.map((f) => ({ ...f, fondsCode: fondsCode.get(String(f.fondsId)) ?? '', secretDocuments: secretByFile.get(f.id) ?? 0 }));
  return { name: 'Mục lục hồ sơ', heading: heading(ec, 'MỤC LỤC HỒ SƠ'), columns: FILE_LIST_COLUMNS, rows: fileListRows(files).rows };
}

export function documentListSheet(ec: FormsContext): FormSheet {
  const groups: DocumentGroup[] = ec.records.fileRecords.map((f) => ({ file: f, documents: ec.records.documentRecords.get(f.id) ?? [] }));
  if (ec.records.unfiledRecords.length > 0) groups.push({ file: null, documents: ec.records.unfiledRecords });
  return { name: 'Mục lục văn bản', heading: heading(ec, 'MỤC LỤC VĂN BẢN'), columns: DOCUMENT_LIST_COLUMNS, rows: documentListRows(groups, ec.secretsVisible).rows };
}

/** The forms attached to the minutes, by their Vietnamese names. */
export const ATTACHED_FORMS = ['Mục lục hồ sơ', 'Mục lục văn bản', 'Báo cáo thống kê tài liệu', 'Nhãn hộp'];

function needBatch(ec: FormsContext): HandoverBatch {
  if (!ec.batch) throw new ApiError('handover.minutesNeedBatch');
  return ec.batch;
}

/** The records for a catalogue export (already passed through the secret policy for export). */
function visibleBody(ec: ExportContext) {
  return catalogueBody(ec.records);
}

function stemOf(ec: FormsContext, form: ExportForm): string {
  return ec.batch ? `${FILE_STEM[form]}-${safeSegment(ec.batch.code, 40)}` : `${FILE_STEM[form]}-${safeSegment(ec.records.fonds[0]?.code ?? 'phong', 40)}`;
}

function checkFormat(form: ExportForm, format: ExportFormat): void {
  if (!FORM_FORMATS[form].includes(format)) {
    throw new ApiError('handover.formatNotOffered', { format, formats: FORM_FORMATS[form] });
  }
}

/** A form a package carries, made from its forms' context alone. */
export async function renderForm(ec: FormsContext, form: PackagedForm, format: ExportFormat): Promise<RenderedExport> {
  checkFormat(form, format);
  const stem = stemOf(ec, form);
  const done = (bytes: Buffer | string): RenderedExport => ({ bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, fileName: `${stem}.${format}`, mediaType: MEDIA_TYPES[format] });

  switch (form) {
    case 'fileList': {
      const sheet = fileListSheet(ec);
      if (format === 'xlsx') return done(await workbookXlsx({ forms: [sheet] }, ec.creator));
      if (format === 'docx') return done(await formDocx(sheet, ec.creator));
      return done(formRowsToCsv(sheet.columns, sheet.rows));
    }
    case 'documentList': {
      const sheet = documentListSheet(ec);
      if (format === 'xlsx') return done(await workbookXlsx({ forms: [sheet] }, ec.creator));
      if (format === 'docx') return done(await formDocx(sheet, ec.creator));
      return done(formRowsToCsv(sheet.columns, sheet.rows));
    }
    case 'minutes': {
      const model = buildMinutes({ batch: needBatch(ec), inventory: ec.inventory, attachments: ATTACHED_FORMS, auditHead: ec.packageAuditHead });
      return done(format === 'pdf' ? await minutesPdf(model, ec.creator) : await minutesDocx(model, ec.creator));
    }
    case 'boxLabels': {
      const names = new Map(ec.records.fonds.map((f) => [f.code, f.name]));
      return done(await boxLabelsPdf(boxLabels(fileListSheetFiles(ec), names), ec.creator));
    }
    case 'statistics': {
      const tables = statisticsTables(ec.inventory);
      if (format === 'json') return done(`${JSON.stringify(ec.inventory, null, 2)}\n`);
      if (format === 'csv') return done(toCsv(tables.flatMap((t) => [[t.title], t.headers, ...t.rows, []])));
      return done(await workbookXlsx({ forms: [], statistics: { name: 'Thống kê', heading: heading(ec, 'BÁO CÁO THỐNG KÊ TÀI LIỆU'), tables } }, ec.creator));
    }
  }
}

export async function renderExport(ec: ExportContext, form: ExportForm, format: ExportFormat): Promise<RenderedExport> {
  checkFormat(form, format);
  const stem = stemOf(ec, form);
  const done = (bytes: Buffer | string): RenderedExport => ({ bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, fileName: `${stem}.${format}`, mediaType: MEDIA_TYPES[format] });

  switch (form) {
    case 'inventory': {
      // The whole inventory: all three sheets in a workbook; the file list alone in the other formats.
      if (format === 'xlsx') return { ...(await inventoryWorkbook(ec)), fileName: `${stem}.xlsx` };
      if (format === 'json') return done(`${JSON.stringify({ format: 'kholuu-catalogue', version: 1, exportedAt: new Date().toISOString(), ...visibleBody(ec), statistics: ec.inventory }, null, 2)}\n`);
      return renderForm(ec, 'fileList', format).then((r) => ({ ...r, fileName: `${stem}.${format}` }));
    }
    case 'catalogue': {
      const body = visibleBody(ec);
      if (format === 'csv') return done(filesCsv(body));
      return done(`${JSON.stringify({ format: 'kholuu-catalogue', version: 1, exportedAt: new Date().toISOString(), ...body, statistics: ec.inventory }, null, 2)}\n`);
    }
    default:
      return renderForm(ec, form, format);
  }
}

function fileListSheetFiles(ec: FormsContext) {
  const fondsCode = new Map(ec.records.fonds.map((f) => [f.key.slice(1), f.code]));
  return ec.records.fileRecords.map((f) => ({ ...f, fondsCode: fondsCode.get(String(f.fondsId)) ?? '', secretDocuments: 0 }));
}

/** The full inventory workbook (command line `inventory --format xlsx`): file list, document list, statistics. */
export async function inventoryWorkbook(ec: ExportContext): Promise<RenderedExport> {
  const bytes = await workbookXlsx(
    {
      forms: [fileListSheet(ec), documentListSheet(ec)],
      statistics: { name: 'Thống kê', heading: heading(ec, 'BÁO CÁO THỐNG KÊ TÀI LIỆU'), tables: statisticsTables(ec.inventory) },
    },
    ec.creator,
  );
  return { bytes, fileName: `kiem-ke-${safeSegment(ec.records.fonds[0]?.code ?? 'phong', 40)}.xlsx`, mediaType: MEDIA_TYPES.xlsx };
}

export { documentsCsv, filesCsv };

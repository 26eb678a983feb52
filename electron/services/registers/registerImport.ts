import os from 'node:os';
import path from 'node:path';
import type { ParsedInputOf } from '../../../shared/contract/api';
import { ApiError, causeOf, coded, codedError, fieldError } from '../../../shared/contract/errors';
import type { ImportFileResult } from '../../../shared/contract/types';
import type { RegisterImportStarted, RegisterPreview } from '../../../shared/contract/types/registers';
import { numberSymbolKey } from '../../../shared/domain/numberSymbol';
import { REGISTER_FIELDS, type RegisterMapping, findHeaderRow, suggestMapping } from '../../../shared/registers/fields';
import { type RegisterRowReading, readRegisterRow } from '../../../shared/registers/values';
import type { NewRunItem } from '../../data/repositories/importRuns';
import { type ServiceContext, audit, nowOf } from '../context';
import { writeDocument } from '../documents/writeDocument';
import { checkTarget } from '../import/importDocument';
import { flushOriginals, writeOriginal } from '../import/originalsStore';
import type { Job } from '../jobs';
import { type LoadedRegister, dataRows, loadRegister, widthOf } from './registerSource';
import { backupNow } from '../safety/backups/backupNow';

/**
 * Registers already kept by an office (sổ đăng ký văn bản, danh mục): previewed with a suggested
 * column mapping, then imported with the archivist's mapping into a fonds, one document per row.
 * The register file is kept among the originals and named in the import run and its audit row;
 * every row is a line of the run's report. Values are never guessed (shared/registers/values.ts).
 */

/** Rows written per transaction: progress and cancel between them, one disk sync each. */
const BATCH_ROWS = 200;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function previewRegister(input: ParsedInputOf<'registers.preview'>): Promise<RegisterPreview> {
  const { fileName, table } = await loadRegister(input.source, input.sheet);
  const headerRow = input.headerRow ?? findHeaderRow(table.rows);
  if (headerRow >= table.rows.length) {
    throw new ApiError('registers.headerRowMissing', { fileName, rows: table.rows.length, headerRow: headerRow + 1 }, { headerRow: fieldError('field.rowNotInTable') });
  }
  const width = widthOf(table.rows);
  const headerCells = table.rows[headerRow] ?? [];
  const headers = Array.from({ length: width }, (_, i) => headerCells[i] ?? '');
  const data = dataRows(table.rows, headerRow);
  return {
    fileName,
    format: table.format,
    encoding: table.encoding,
    conversions: table.conversions,
    sheets: table.sheets,
    sheet: table.sheet,
    headerRow,
    columns: headers.map((header, index) => ({ index, header })),
    rows: data.slice(0, input.sampleRows).map((r) => Array.from({ length: width }, (_, i) => r.cells[i] ?? '')),
    rowNumbers: data.slice(0, input.sampleRows).map((r) => r.row),
    totalRows: data.length,
    suggested: suggestMapping(headers),
  };
}

/** The row as text for search and reading: every non-empty cell under its header. */
function rowText(register: LoadedRegister, row: number, headers: readonly string[], cells: readonly string[]): string {
  const lines = [`Sổ đăng ký “${register.fileName}”${register.table.format === 'xlsx' ? `, trang “${register.table.sheet}”` : ''}, dòng ${row}`];
  cells.forEach((c, i) => {
    if (c.trim() !== '') lines.push(`${headers[i]?.trim() || `Cột ${i + 1}`}: ${c.trim()}`);
  });
  return lines.join('\n');
}

interface RowContext {
  ctx: ServiceContext;
  fondsId: number;
  register: LoadedRegister;
  storedPath: string;
  headers: string[];
}

/** Writes one row's document (or finds it already catalogued). Call inside a transaction. */
function commitRow(rc: RowContext, row: number, cells: string[], reading: RegisterRowReading): ImportFileResult {
  const { ctx, fondsId, register } = rc;
  const { repos } = ctx.catalogue;
  const name = `${register.fileName} — dòng ${row}`;
  const f = reading.fields;
  if (f.numberSymbol && f.issueDate) {
    const same = repos.registers.findSame(fondsId, numberSymbolKey(f.numberSymbol), f.issueDate);
    if (same !== null) return { name, outcome: 'duplicate', documentId: same, ...coded('registers.rowHeld', { numberSymbol: f.numberSymbol, date: f.issueDate, documentId: same }) };
  }
  const problems = [...reading.problems];
  let fileId: number | null = null;
  if (f.fileCode) {
    fileId = repos.registers.fileIdByCode(fondsId, f.fileCode);
    if (fileId === null) problems.push({ code: 'registers.fileNotInFonds', params: { fileCode: f.fileCode } });
  }
  const fullText = rowText(register, row, rc.headers, cells);
  const { id } = writeDocument(ctx, {
    fields: {
      fondsId,
      fileId,
      orderInFile: 'next',
      sheetNumber: f.sheetNumber,
      docType: f.docType,
      numberSymbol: f.numberSymbol,
      issueDate: f.issueDate,
      issuer: f.issuer,
      parentIssuer: null,
      place: null,
      subject: f.subject,
      signerName: f.signerName,
      signerTitle: null,
      signingAuthority: null,
      addressees: [],
      recipients: [],
      securityLevel: null,
      urgency: null,
      language: 'vi',
      pageCount: null,
      reliability: null,
      incomingStamp: null,
      notes: f.notes,
      reviewFields: reading.reviewFields,
      fullText,
      parseInfo: {
        format: 'register',
        encoding: register.table.encoding,
        conversions: register.table.conversions,
        needsOcr: false,
        pageCount: null,
        register: { fileName: register.fileName, sha256: register.sha256, storedPath: rc.storedPath, sheet: register.table.sheet, row, problems },
      },
    },
    // The register itself is the original, kept once for all its rows (named in parseInfo and the run).
    originals: [],
    origin: { action: 'document.import', source: register.fileName, registerRow: row },
  });
  const note = problems.length === 0 ? { message: null } : problems.length === 1 ? coded(problems[0]!.code, problems[0]!.params as never) : coded('importNote.notes', { notes: problems });
  return { name, outcome: 'imported', documentId: id, ...note };
}

function checkMapping(mapping: RegisterMapping, width: number): void {
  for (const field of REGISTER_FIELDS) {
    const i = mapping[field];
    if (i !== null && i !== undefined && i >= width) {
      throw new ApiError('registers.columnMissing', { column: i + 1, width }, { [field]: fieldError('field.columnNotInRegister') });
    }
  }
}

export async function startRegisterImport(ctx: ServiceContext, input: ParsedInputOf<'registers.import'>): Promise<RegisterImportStarted> {
  const fondsId = input.target.fondsId;
  checkTarget(ctx, { fondsId });
  const register = await loadRegister(input.source, input.sheet);
  const { rows } = register.table;
  if (input.headerRow >= rows.length) {
    throw new ApiError('registers.headerRowOutOfRange', { fileName: register.fileName, headerRow: input.headerRow + 1 });
  }
  const width = widthOf(rows);
  checkMapping(input.mapping, width);
  const { repos } = ctx.catalogue;
  const already = repos.registers.countFromRegister(fondsId, register.sha256);
  if (already > 0) {
    throw new ApiError('registers.alreadyImported', { fileName: register.fileName, count: already });
  }
  const data = dataRows(rows, input.headerRow);
  // The register itself is kept, like any original, before anything refers to it.
  const storedPath = writeOriginal(ctx.catalogue.originalsDir, register.sha256, path.extname(register.fileName), register.bytes, ctx.catalogue.originals.key);
  flushOriginals(ctx.catalogue.originalsDir, [storedPath]);
  const runId = ctx.catalogue.transaction(() => {
    const id = repos.importRuns.create(
      { fondsId, fileId: null, sources: [register.fileName], resumable: false, actor: ctx.actor(), host: ctx.host, pid: process.pid, machine: os.hostname() },
      nowOf(ctx),
    );
    repos.importRuns.setTotal(id, data.length);
    audit(ctx, 'register.import', 'import_run', id, undefined, {
      fileName: register.fileName,
      sha256: register.sha256,
      size: register.bytes.byteLength,
      storedPath,
      sheet: register.table.sheet,
      headerRow: input.headerRow,
      mapping: input.mapping,
      rows: data.length,
    });
    return id;
  });
  const job = ctx.jobs.create('import', nowOf(ctx), runId);
  job.setTotal(data.length, false);
  const headerCells = rows[input.headerRow] ?? [];
  const rc: RowContext = { ctx, fondsId, register, storedPath, headers: Array.from({ length: width }, (_, i) => headerCells[i] ?? '') };
  void runRows(rc, job, runId, data, input.mapping);
  return { jobId: job.status.id, runId };
}

async function runRows(rc: RowContext, job: Job, runId: number, data: Array<{ row: number; cells: string[] }>, mapping: RegisterMapping): Promise<void> {
  const { ctx } = rc;
  const { repos } = ctx.catalogue;
  try {
    // A register brings many records at once: back up first, as before any bulk import.
    job.setPhase('backupBeforeImport');
    await backupNow(ctx, 'pre-import', `nhập sổ đăng ký, lần nhập số ${runId}`);
    job.setPhase(null);
    for (let start = 0; start < data.length; start += BATCH_ROWS) {
      if (job.cancelled) {
        ctx.catalogue.transaction(() => repos.importRuns.finish(runId, 'cancelled', nowOf(ctx), null));
        job.finish('cancelled', nowOf(ctx));
        return;
      }
      const batch = data.slice(start, start + BATCH_ROWS);
      const results = ctx.catalogue.transaction(() => {
        const out = batch.map(({ row, cells }) => commitRow(rc, row, cells, readRegisterRow(cells, mapping)));
        const items: NewRunItem[] = out.map((r) => ({ name: r.name, outcome: r.outcome, documentId: r.documentId, sha256: null, size: null, message: r.message, text: r.text ?? null }));
        repos.importRuns.addItems(runId, repos.importRuns.nextSeq(runId), items, nowOf(ctx));
        return out;
      });
      job.record(...results);
      await yieldToEventLoop();
    }
    ctx.catalogue.transaction(() => repos.importRuns.finish(runId, 'done', nowOf(ctx), null));
    job.finish('done', nowOf(ctx));
  } catch (err) {
    const stopped = new ApiError('job.registerStopped', { cause: causeOf(err) });
    try {
      ctx.catalogue.transaction(() => repos.importRuns.finish(runId, 'failed', nowOf(ctx), codedError(stopped)));
    } finally {
      job.finish('failed', nowOf(ctx), stopped);
    }
  }
}

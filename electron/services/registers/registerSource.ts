import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import type { ParsedInputOf } from '../../../shared/contract/api';
import { MAX_REGISTER_BYTES, type RegisterTable, readRegisterTable } from '../import/formats/spreadsheet';

export type RegisterSourceInput = ParsedInputOf<'registers.preview'>['source'];

export interface LoadedRegister {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  table: RegisterTable;
}

/** The register's bytes, its size checked before anything is read. */
function bytesOf(source: RegisterSourceInput): { fileName: string; bytes: Uint8Array } {
  if ('upload' in source) {
    const size = Math.floor((source.upload.contentBase64.length * 3) / 4);
    if (size > MAX_REGISTER_BYTES) throw tooLarge(source.upload.name, size);
    return { fileName: source.upload.name, bytes: Buffer.from(source.upload.contentBase64, 'base64') };
  }
  const file = path.resolve(source.path);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new ApiError('import.fileNotFound', { path: source.path });
  if (stat.size > MAX_REGISTER_BYTES) throw tooLarge(file, stat.size);
  return { fileName: file, bytes: fs.readFileSync(file) };
}

function tooLarge(name: string, size: number): ApiError {
  return new ApiError('registers.tooLarge', { fileName: path.basename(name), mb: (size / 1048576).toFixed(0), maxMb: MAX_REGISTER_BYTES / 1048576 });
}

export async function loadRegister(source: RegisterSourceInput, sheet: string | undefined): Promise<LoadedRegister> {
  const { fileName, bytes } = bytesOf(source);
  const table = await readRegisterTable(fileName, bytes, sheet);
  return { fileName: path.basename(fileName), bytes, sha256: createHash('sha256').update(bytes).digest('hex'), table };
}

/** Columns in the table: the widest row. */
export function widthOf(rows: readonly string[][]): number {
  return rows.reduce((w, r) => Math.max(w, r.length), 0);
}

/** Data rows below the header row that hold anything, with their 1-based row number in the sheet. */
export function dataRows(rows: readonly string[][], headerRow: number): Array<{ row: number; cells: string[] }> {
  const out: Array<{ row: number; cells: string[] }> = [];
  for (let i = headerRow + 1; i < rows.length; i++) if (rows[i]!.some((c) => c.trim() !== '')) out.push({ row: i + 1, cells: rows[i]! });
  return out;
}

import path from 'node:path';
import { ApiError } from '../../../shared/contract/errors';

/**
 * What reading one original may cost before it is given up: time on its reader thread (a base, plus
 * a share per megabyte) and the reader thread's memory. A file over either is failed with the
 * reason, the reader thread is replaced, and the import goes on with the next file. Documents take
 * well under a second; the budget is there for files built to stall a reader (a PDF of 50,000
 * empty pages, a text of nothing but combining marks) or damaged beyond reading.
 */
export interface FileBudget {
  /** Milliseconds any file may take. */
  baseMs: number;
  /** Milliseconds more per megabyte of the file. */
  perMbMs: number;
  /** The reader thread's JavaScript heap, in megabytes. */
  memoryMb: number;
}

export const DEFAULT_FILE_BUDGET: FileBudget = { baseMs: 30_000, perMbMs: 2_000, memoryMb: 384 };

/** The default, with `KHOLUU_FILE_BUDGET_SECONDS` / `KHOLUU_FILE_BUDGET_MB` overriding the base time and the memory. */
export function fileBudgetFromEnv(env: NodeJS.ProcessEnv = process.env): FileBudget {
  const seconds = Number(env['KHOLUU_FILE_BUDGET_SECONDS']);
  const mb = Number(env['KHOLUU_FILE_BUDGET_MB']);
  return {
    ...DEFAULT_FILE_BUDGET,
    ...(Number.isFinite(seconds) && seconds > 0 ? { baseMs: seconds * 1000 } : {}),
    ...(Number.isFinite(mb) && mb >= 64 ? { memoryMb: mb } : {}),
  };
}

/** The time a file of `bytes` may take. */
export function timeBudgetMs(budget: FileBudget, bytes: number): number {
  return Math.round(budget.baseMs + (budget.perMbMs * bytes) / (1024 * 1024));
}

export function overTime(name: string, ms: number): ApiError {
  const base = path.basename(name);
  const seconds = Math.round(ms / 1000);
  return new ApiError('import.overTime', { fileName: base, seconds });
}

export function overMemory(name: string, mb: number): ApiError {
  const base = path.basename(name);
  return new ApiError('import.overMemory', { fileName: base, mb });
}

/** A file whose reading was stopped because the import was cancelled: it is not reported, and a resume reads it again. */
export class ReadingCancelled extends Error {
  constructor() {
    super('reading cancelled');
    this.name = 'ReadingCancelled';
  }
}

import fs from 'node:fs';
import path from 'node:path';
import type { Job } from '../jobs';
import { type ServiceContext, nowOf } from '../context';
import { type ImportSource, type ImportTarget, importDocument } from './importDocument';

/** Lets the event loop serve progress polls and cancel calls between files. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Every file under the given paths (folders walked recursively, symlinks not followed). */
export function collectFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(p);
    } catch {
      missing.push(p);
      return;
    }
    if (stat.isSymbolicLink()) return;
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) walk(path.join(p, entry));
    } else if (stat.isFile()) files.push(p);
  };
  for (const p of paths) walk(path.resolve(p));
  return { files, missing };
}

export function pathSource(filePath: string): ImportSource {
  return { name: filePath, size: fs.statSync(filePath).size, read: () => fs.readFileSync(filePath) };
}

/** Imports the sources one by one, recording each result on the job, until done or cancelled. */
export async function runImport(ctx: ServiceContext, job: Job, target: ImportTarget, sources: ImportSource[]): Promise<void> {
  job.status.total += sources.length;
  try {
    for (const source of sources) {
      if (job.cancelled) {
        job.finish('cancelled', nowOf(ctx));
        return;
      }
      job.record(await importDocument(ctx, target, source));
      await yieldToEventLoop();
    }
    job.finish('done', nowOf(ctx));
  } catch (err) {
    job.finish('failed', nowOf(ctx), `Nhập tài liệu bị dừng do lỗi: ${String(err)}`);
  }
}

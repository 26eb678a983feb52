/**
 * Real readers for exported files: LibreOffice (headless, with a private profile so parallel runs
 * never share one) and poppler's pdftotext / pdfinfo.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** UTF-8 CSV, comma-separated, quoted text (LibreOffice's filter options, charset 76 = UTF-8). */
export const CSV_UTF8 = 'csv:Text - txt - csv (StarCalc):44,34,76,1';

/** Converts `file` with soffice into `outDir`; returns the converted file's path. */
export function sofficeConvert(file: string, to: string, outDir: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, file], {
      timeout: 180_000,
      stdio: 'pipe',
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const ext = to.split(':')[0]!;
  const out = path.join(outDir, `${path.basename(file, path.extname(file))}.${ext}`);
  if (!fs.existsSync(out)) throw new Error(`soffice did not produce ${out}`);
  return out;
}

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

/** Whether the readers these tests need are installed (CI installs them; see .ci/run). */
export function officeAvailable(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe', timeout: 60_000 });
    execFileSync('pdftotext', ['-v'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

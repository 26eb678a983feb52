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

/** A line of a PDF page as pdftotext lays it out: its words, left to right. */
export interface PdfLine {
  text: string;
  yMin: number;
}

/** A block of a PDF page (a paragraph, a table cell): its lines, top to bottom. */
export interface PdfBlock {
  page: number;
  lines: PdfLine[];
  /** The block's lines joined with spaces: what a reader reads in that cell or paragraph. */
  text: string;
}

const decodeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/**
 * The blocks, lines and words poppler finds on each page (`pdftotext -bbox-layout`): lets a test
 * say "this phrase is on one line" or "this title is in one cell" whatever the font's metrics.
 */
export function pdfBlocks(file: string): PdfBlock[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const blocks: PdfBlock[] = [];
  let page = -1;
  for (const part of xml.split(/(?=<page |<block )/)) {
    if (part.startsWith('<page ')) {
      page += 1;
      continue;
    }
    if (!part.startsWith('<block ')) continue;
    const lines: PdfLine[] = [];
    for (const m of part.matchAll(/<line xMin="[^"]*" yMin="([^"]*)"[^>]*>([\s\S]*?)<\/line>/g)) {
      const words = [...m[2]!.matchAll(/<word [^>]*>([\s\S]*?)<\/word>/g)].map((w) => decodeXml(w[1]!));
      lines.push({ text: words.join(' '), yMin: Number(m[1]) });
    }
    blocks.push({ page, lines, text: lines.map((l) => l.text).join(' ') });
  }
  return blocks;
}

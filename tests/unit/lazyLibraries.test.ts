/**
 * The command line starts without the format and export libraries: a search never needs Word,
 * PDF, spreadsheet, zip or OCR code, and loading them cost about 0.4 s of every start. They are
 * reached only through `import()` where a command uses them. Read from the bundler's own graph
 * of the command line's static imports.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/paths';

const HEAVY = ['exceljs', 'pdfkit', 'pdfjs-dist', 'mammoth', 'docx', 'yazl', 'yauzl', 'papaparse', 'tesseract.js', 'sharp', '@napi-rs/canvas', 'utif'];

/** Every module reachable from `entry` by static imports, with the path that reaches it, from the bundler's graph. */
async function staticallyReached(entry: string): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: REPO,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    splitting: true,
    outdir: 'out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = result.metafile.inputs;
  const via = new Map<string, string>([[entry, '']]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const imp of inputs[file]?.imports ?? []) {
      if (imp.kind !== 'import-statement' || via.has(imp.path)) continue;
      via.set(imp.path, `${via.get(file)} → ${file}`);
      queue.push(imp.path);
    }
  }
  return via;
}

function heavyIn(via: Map<string, string>, heavy: string[]): string[] {
  return [...via.keys()].filter((p) => heavy.some((h) => p === h || p.startsWith(`${h}/`))).map((p) => `${p} (${via.get(p)})`);
}

describe('the command line at start', () => {
  it('loads no format or export library until a command uses one', async () => {
    const via = await staticallyReached('electron/cli/main.ts');
    expect(heavyIn(via, HEAVY)).toEqual([]);
    // The check sees the graph: the contract's validator is loaded at start, as it must be.
    expect(via.has('zod')).toBe(true);
  });
});

describe('packaging a handover batch', () => {
  it('leaves the Word, PDF and spreadsheet libraries to the forms thread', async () => {
    // Loaded on the calling thread too, they cost it more than half a second of CPU before the
    // first original is read, for forms it does not render.
    const via = await staticallyReached('electron/services/handover/bag/buildPackage.ts');
    expect(heavyIn(via, ['exceljs', 'pdfkit', 'docx'])).toEqual([]);
    // The check sees the graph: the forms' thread starter is reached.
    expect(via.has('electron/services/handover/exports/formsThread.ts')).toBe(true);
  });
});

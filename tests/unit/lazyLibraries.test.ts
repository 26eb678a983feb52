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

describe('the command line at start', () => {
  it('loads no format or export library until a command uses one', async () => {
    const result = await build({
      entryPoints: ['electron/cli/main.ts'],
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
    // Everything reachable from the entry by static imports, with the path that reaches it.
    const via = new Map<string, string>([['electron/cli/main.ts', '']]);
    const queue = ['electron/cli/main.ts'];
    while (queue.length > 0) {
      const file = queue.shift()!;
      for (const imp of inputs[file]?.imports ?? []) {
        if (imp.kind !== 'import-statement' || via.has(imp.path)) continue;
        via.set(imp.path, `${via.get(file)} → ${file}`);
        queue.push(imp.path);
      }
    }
    const loaded = [...via.keys()].filter((p) => HEAVY.some((h) => p === h || p.startsWith(`${h}/`)));
    expect(loaded.map((p) => `${p} (${via.get(p)})`)).toEqual([]);
    // The check sees the graph: the contract's validator is loaded at start, as it must be.
    expect(via.has('zod')).toBe(true);
  });
});

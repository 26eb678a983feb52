import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where the code of a worker thread comes from: `name` is the worker module's file name
 * (`extractWorker`, `formsWorker`…), `typescriptEntry` its source's URL (asked only when running
 * from the sources). In a build (the Electron shell's CommonJS bundle, the command line's ES
 * module bundle), the bundled `<name>.cjs` / `<name>.mjs` beside the running bundle (this code may
 * sit in one of its shared chunks, a folder below); from TypeScript sources (tests, `tsx`), the
 * worker registers the same TypeScript loader first. Null where neither is possible (the caller
 * then does the work on its own thread).
 */
export function workerSource(name: string, typescriptEntry: () => string): { code: string; workerData: unknown } | null {
  // `__dirname` exists only in a CommonJS bundle; the sources and the command line run as ES modules.
  const bundled = typeof __dirname === 'string' ? path.join(__dirname, `${name}.cjs`) : null;
  if (bundled && fs.existsSync(bundled)) return { code: `require(${JSON.stringify(bundled)});`, workerData: null };
  const here = import.meta.url;
  if (here.endsWith('.mjs')) {
    const dir = path.dirname(fileURLToPath(here));
    for (const entry of [path.join(dir, `${name}.mjs`), path.join(dir, '..', `${name}.mjs`)]) {
      if (fs.existsSync(entry)) return { code: `import(${JSON.stringify(pathToFileURL(entry).href)});`, workerData: null };
    }
  }
  try {
    const entry = typescriptEntry();
    // The ESM entry of tsx's API (require.resolve would give its CommonJS twin, which cannot register ESM hooks).
    const pkgFile = createRequire(here).resolve('tsx/package.json');
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import?: { default?: string } } | string> };
    const api = pkg.exports['./esm/api'];
    if (typeof api !== 'object' || !api.import?.default) return null;
    const tsx = pathToFileURL(path.join(path.dirname(pkgFile), api.import.default)).href;
    const code = `const { workerData } = require('node:worker_threads');
      import(workerData.tsx).then((m) => { m.register(); return import(workerData.entry); });`;
    return { code, workerData: { tsx, entry } };
  } catch {
    return null;
  }
}

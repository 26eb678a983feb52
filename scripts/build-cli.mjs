// Builds the command line (`npm run cli`) into dist/cli/: one ES module bundle of the sources and
// of the few pure-JavaScript packages every command needs, other npm packages left external and
// loaded from node_modules, and a chunk per part loaded only when used (Word, PDF, spreadsheet and
// zip libraries), so a search starts without compiling TypeScript or loading what it never needs.
// The import's reader thread and the package forms' thread are built beside it.
//
//   node scripts/build-cli.mjs              build
//   node scripts/build-cli.mjs --if-stale   build only when a source is newer than the bundle
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'cli');
const entry = path.join(outdir, 'main.mjs');
const SOURCES = ['electron', 'shared', 'package.json', 'scripts/build-cli.mjs'];

/** Newest modification time under the sources the bundle is made of. */
function newestSource() {
  let newest = 0;
  const visit = (p) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const s of SOURCES) visit(path.join(root, s));
  return newest;
}

/**
 * Packages bundled into the command line rather than loaded from node_modules: the ones every
 * command loads at start, pure JavaScript, whose many small modules Node would otherwise find and
 * read one by one (zod alone is about a hundred files). Native and lazily loaded libraries stay
 * external.
 */
const INLINED = new Set(['zod', 'minisearch']);

/** Every bare import external except the packages in `inlined`. */
function externalExcept(inlined) {
  return {
    name: 'external-except',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        return inlined.has(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

export function cliIsStale() {
  const built = fs.statSync(entry, { throwIfNoEntry: false });
  return !built || built.mtimeMs < newestSource();
}

export async function buildCli() {
  const { build } = await import('esbuild');
  // Built beside, then swapped in, so a command started meanwhile never sees half a bundle.
  const temp = `${outdir}.${process.pid}.tmp`;
  fs.rmSync(temp, { recursive: true, force: true });
  await build({
    entryPoints: {
      main: path.join(root, 'electron/cli/main.ts'),
      extractWorker: path.join(root, 'electron/services/import/extractWorker.ts'),
      formsWorker: path.join(root, 'electron/services/handover/exports/formsWorker.ts'),
      fullTextWorker: path.join(root, 'electron/services/handover/bag/fullTextWorker.ts'),
    },
    outdir: temp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [externalExcept(INLINED)],
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: false,
    logLevel: 'warning',
  });
  const old = `${outdir}.${process.pid}.old`;
  if (fs.existsSync(outdir)) fs.renameSync(outdir, old);
  fs.renameSync(temp, outdir);
  fs.rmSync(old, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && !cliIsStale()) process.exit(0);
  await buildCli();
  if (!process.argv.includes('--quiet')) console.error(`Command line built: ${path.relative(process.cwd(), entry)}`);
}

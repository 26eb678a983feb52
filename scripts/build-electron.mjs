// Bundles the Electron shell: main (Node, CommonJS) and the sandboxed preload (one self-contained
// file, as sandboxed preloads cannot require project modules).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: false, logLevel: 'warning' };

// Main: every npm package stays external and is loaded from node_modules (electron-builder ships
// the production dependencies), which keeps native modules and pdf.js (an ES module that breaks
// when bundled into CommonJS) working.
await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', packages: 'external' });
// The import's reading worker (a worker_threads script), beside main.cjs.
await build({ ...common, entryPoints: ['electron/services/import/extractWorker.ts'], outfile: 'dist/electron/extractWorker.cjs', packages: 'external' });
// The thread a package's forms are rendered on, beside main.cjs.
await build({ ...common, entryPoints: ['electron/services/handover/exports/formsWorker.ts'], outfile: 'dist/electron/formsWorker.cjs', packages: 'external' });
// The thread a package's full texts are read and written on, beside main.cjs.
await build({ ...common, entryPoints: ['electron/services/handover/bag/fullTextWorker.ts'], outfile: 'dist/electron/fullTextWorker.cjs', packages: 'external' });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
console.log('Electron shell built: dist/electron/main.cjs, dist/electron/preload.cjs');
